//! The deadline in force at each point of a sentence: `到2025年`, a clause-initial `2024年`,
//! `每年`; and the scope words a clause starts with.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<to>到|至|截至|截止到|截止)?(?P<years>[0-9]{4}年(?:[、和及至到][0-9]{4}年)*)(?P<end>年底|底|末)?")
        .unwrap()
});

/// The deadline in force at a point of a sentence.
#[derive(Debug, Clone)]
pub(super) enum Scope {
    /// `到2025年`, `到2025年和2027年`: by the years given.
    Years(Vec<u16>),
    /// A clause-initial `2024年，`: in that year, so a change stated in it is year on year.
    InYear(u16),
    Annual,
}

impl Scope {
    /// The years it dates targets to.
    pub(super) fn years(&self) -> Option<Vec<u16>> {
        match self {
            Scope::Years(years) => Some(years.clone()),
            Scope::InYear(year) => Some(vec![*year]),
            Scope::Annual => None,
        }
    }
}

/// The deadline phrases of a stretch of text (a paragraph), in order: `到2025年`, a
/// clause-initial `2024年`, `每年`. A phrase holds until the next one: over the following
/// sentences of its paragraph too (`到2027年，A增长25%。B增加约一倍。` gives B 2027).
pub(super) fn scopes(
    text: &str,
    sentence: Range<usize>,
    masked: &[Range<usize>],
) -> Vec<(usize, Scope)> {
    let mut scopes = Vec::new();
    let words = &text[sentence.clone()];
    for caps in YEAR.captures_iter(words) {
        let Some(whole) = caps.get(0) else { continue };
        let at = sentence.start + whole.start();
        if masked.iter().any(|m| m.contains(&at)) {
            continue;
        }
        let before = &words[..whole.start()];
        if ["较", "比", "于", "与", "同"]
            .iter()
            .any(|w| before.ends_with(w))
            || words[whole.end()..].starts_with(['版', '度'])
        {
            continue;
        }
        let clause_start = before.rfind([',', ';', ':', '。']).map_or(0, |i| {
            i + before[i..].chars().next().map_or(1, char::len_utf8)
        });
        let lead = &before[clause_start..];
        let leads_clause =
            lead.is_empty() || ["力争", "在", "于", "计划", "预计", "争取"].contains(&lead);
        if caps.name("to").is_none() && !leads_clause {
            continue;
        }
        let years: Vec<u16> = caps["years"]
            .split('年')
            .filter_map(|y| {
                y.trim_start_matches(['、', '和', '及', '至', '到'])
                    .parse()
                    .ok()
            })
            .collect();
        let within = caps.name("to").is_none() && caps.name("end").is_none();
        match years.as_slice() {
            [year] if within => scopes.push((at, Scope::InYear(*year))),
            _ => scopes.push((at, Scope::Years(years))),
        }
    }
    let mut search = 0;
    let mut restored = Vec::new();
    while let Some(i) = words[search..].find("每年") {
        let at = sentence.start + search + i;
        scopes.push((at, Scope::Annual));
        search += i + "每年".len();
        // 每年 holds over its own clause; the year before it holds again after (`到2027年，
        // 每年支持项目20个以上，累计新增10个`: the 10 are 2027's).
        let before = scopes
            .iter()
            .filter(|(p, s)| *p < at && s.years().is_some())
            .max_by_key(|(p, _)| *p)
            .map(|(_, s)| s.clone());
        let end = words[search..].find([',', ';']).map(|e| search + e);
        // `每年举办活动不少于3场，其中下乡展销不少于1场`: a part of the yearly figure is yearly.
        let part = end.is_some_and(|e| {
            ["其中", "含", "包括"]
                .iter()
                .any(|w| words[e + 1..].starts_with(w))
        });
        if let (Some(before), Some(end), false) = (before, end, part) {
            restored.push((sentence.start + end, before));
        }
    }
    scopes.extend(restored);
    scopes.sort_by_key(|(at, _)| *at);
    scopes
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,2}年(?:以上|以下|以内|及以上|内)").unwrap());

/// The phrases in force in `sentence`: its own, and the year phrases of its paragraph before it
/// (from `paragraph_start`), unless it names a period of years of its own (`8年以上的计算机`),
/// which makes an earlier year phrase ambiguous there. `每年` holds in its own sentence only.
pub(super) fn in_force(
    text: &str,
    sentence: &Range<usize>,
    paragraph_start: usize,
    scopes: &[(usize, Scope)],
) -> Vec<(usize, Scope)> {
    let own_period = PERIOD.is_match(&text[sentence.clone()]);
    let inherited =
        |at: usize, scope: &Scope| !own_period && at >= paragraph_start && scope.years().is_some();
    scopes
        .iter()
        .filter(|(at, scope)| {
            *at < sentence.end && (*at >= sentence.start || inherited(*at, scope))
        })
        .cloned()
        .collect()
}

/// A clause without its leading deadline and scope words.
pub(super) fn strip_scope_prefix(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    loop {
        let rest = &text[start..range.end];
        if let Some(m) = YEAR.find(rest).filter(|m| m.start() == 0) {
            start += m.end();
            continue;
        }
        match ["力争", "争取", "每年", "其中", "同时", "并且", "并", "计划"]
            .iter()
            .find(|w| rest.starts_with(*w))
        {
            Some(w) => start += w.len(),
            None => return start..range.end,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<(String, Option<Vec<u16>>)> {
        scopes(text, 0..text.len(), &[])
            .into_iter()
            .map(|(at, scope)| {
                let years = scope.years();
                (text[at..].chars().take(3).collect(), years)
            })
            .collect()
    }

    #[test]
    fn deadlines_in_force_along_a_sentence() {
        let found = years("到2025年,A达到90%,到2027年,A达到95%");
        let listed: Vec<_> = found.iter().map(|(_, y)| y.clone()).collect();
        assert_eq!(listed, [Some(vec![2025]), Some(vec![2027])]);
    }

    #[test]
    fn several_years_in_one_phrase() {
        let found = years("到2025年和2027年,A分别达到90%、95%");
        assert_eq!(
            found.first().and_then(|(_, y)| y.clone()),
            Some(vec![2025, 2027])
        );
    }

    #[test]
    fn a_year_inside_a_masked_range_is_no_deadline() {
        let text = "《2027年行动方案》要求A达到90%";
        let title = text.find('《').unwrap()..text.find('》').unwrap() + '》'.len_utf8();
        assert!(scopes(text, 0..text.len(), &[title]).is_empty());
    }

    #[test]
    fn the_deadline_is_stripped_from_a_clause() {
        let text = "到2025年底A达到90%";
        assert_eq!(&text[strip_scope_prefix(text, 0..text.len())], "A达到90%");
    }
}

//! The deadline in force at each point of a sentence: `到2025年`, a clause-initial `2024年`,
//! `每年`; and the scope words a clause starts with.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::segment::Masked;
use crate::model::Deadline;

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
pub(super) fn scopes(text: &str, sentence: Range<usize>, masked: &Masked) -> Vec<(usize, Scope)> {
    let words = &text[sentence.clone()];
    let mut scopes = year_phrases(words, sentence.start, masked);
    let annual = annual_phrases(words, sentence.start, &scopes);
    scopes.extend(annual);
    scopes.sort_by_key(|(at, _)| *at);
    scopes
}

/// The year phrases (`到2025年`, a clause-initial `2024年`), in order. Where the clause of each
/// starts is carried from one phrase to the next, so that no phrase looks back over the whole
/// text: a paragraph of thousands of years reads in linear time.
fn year_phrases(words: &str, offset: usize, masked: &Masked) -> Vec<(usize, Scope)> {
    let mut scopes = Vec::new();
    let (mut clause_start, mut scanned) = (0, 0);
    for caps in YEAR.captures_iter(words) {
        let Some(whole) = caps.get(0) else { continue };
        let at = offset + whole.start();
        if masked.contains(at) {
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
        if let Some(i) = words[scanned..whole.start()].rfind([',', ';', ':', '。']) {
            let i = scanned + i;
            clause_start = i + words[i..].chars().next().map_or(1, char::len_utf8);
        }
        scanned = whole.start();
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
    scopes
}

/// The `每年` phrases, each with the year phrase before it (from `years`, in order) in force
/// again after its clause.
fn annual_phrases(words: &str, offset: usize, years: &[(usize, Scope)]) -> Vec<(usize, Scope)> {
    let mut scopes = Vec::new();
    let mut restored = Vec::new();
    let mut search = 0;
    // The clause end found last, reused by the 每年 before it: none is searched for twice.
    let mut clause_end: Option<Option<usize>> = None;
    while let Some(i) = words[search..].find("每年") {
        let at = offset + search + i;
        scopes.push((at, Scope::Annual));
        search += i + "每年".len();
        // 每年 holds over its own clause; the year before it holds again after (`到2027年，
        // 每年支持项目20个以上，累计新增10个`: the 10 are 2027's).
        let before = years
            .partition_point(|(p, _)| *p < at)
            .checked_sub(1)
            .map(|i| years[i].1.clone());
        let end = match clause_end {
            Some(Some(e)) if e >= search => Some(e),
            Some(None) => None,
            _ => {
                let e = words[search..].find([',', ';']).map(|e| search + e);
                clause_end = Some(e);
                e
            }
        };
        // `每年举办活动不少于3场，其中下乡展销不少于1场`: a part of the yearly figure is yearly.
        let part = end.is_some_and(|e| {
            ["其中", "含", "包括"]
                .iter()
                .any(|w| words[e + 1..].starts_with(w))
        });
        if let (Some(before), Some(end), false) = (before, end, part) {
            restored.push((offset + end, before));
        }
    }
    scopes.extend(restored);
    scopes
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PERIOD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9]{1,2}年(?:以上|以下|以内|及以上|内)").unwrap());

/// The phrases in force sentence after sentence of a block, read in order.
pub(super) struct InForce<'s> {
    scopes: &'s [(usize, Scope)],
    /// The first phrase not yet passed.
    next: usize,
    /// The last year phrase passed.
    last_year: Option<usize>,
}

impl<'s> InForce<'s> {
    pub(super) fn new(scopes: &'s [(usize, Scope)]) -> Self {
        Self {
            scopes,
            next: 0,
            last_year: None,
        }
    }

    /// The phrases in force in `sentence`: its own, and the last year phrase of its paragraph
    /// before it (from `paragraph_start`), unless it names a period of years of its own
    /// (`8年以上的计算机`), which makes an earlier year phrase ambiguous there. `每年` holds in its
    /// own sentence only. Only the last earlier phrase can be in force: every value read lies
    /// after it, and a paragraph of thousands of sentences is read in linear time.
    pub(super) fn sentence(
        &mut self,
        text: &str,
        sentence: &Range<usize>,
        paragraph_start: usize,
    ) -> Vec<(usize, Scope)> {
        while let Some((at, scope)) = self.scopes.get(self.next) {
            if *at >= sentence.start {
                break;
            }
            if scope.years().is_some() {
                self.last_year = Some(self.next);
            }
            self.next += 1;
        }
        let own_end =
            self.next + self.scopes[self.next..].partition_point(|(at, _)| *at < sentence.end);
        // Each form holds 年: a sentence without it is not searched.
        let words = &text[sentence.clone()];
        let own_period = words.contains('年') && PERIOD.is_match(words);
        let inherited = self
            .last_year
            .map(|i| &self.scopes[i])
            .filter(|(at, _)| !own_period && *at >= paragraph_start);
        inherited
            .into_iter()
            .chain(&self.scopes[self.next..own_end])
            .cloned()
            .collect()
    }
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static YEAR_AT_START: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!("^(?:{})", YEAR.as_str())).unwrap());

/// A clause without its leading deadline and scope words. The deadline is looked for at the
/// start only: a clause of many years is not searched once per year.
pub(super) fn strip_scope_prefix(text: &str, range: Range<usize>) -> Range<usize> {
    let mut start = range.start;
    loop {
        let rest = &text[start..range.end];
        // A year phrase opens with its year or 到, 至, 截至, 截止: a clause that opens otherwise
        // is not searched.
        let may_open_year =
            rest.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '到' | '至' | '截'));
        if may_open_year && let Some(m) = YEAR_AT_START.find(rest) {
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

impl super::SentenceReader<'_> {
    /// The deadline in force at `at`: the last year of its scope, 每年, or the block's context.
    pub(super) fn deadline_at(&self, at: usize) -> Deadline {
        match self.scope_at(at) {
            Some(Scope::Years(years)) => years
                .last()
                .map_or(Deadline::Unstated, |y| Deadline::Year(*y)),
            Some(Scope::InYear(year)) => Deadline::Year(year),
            Some(Scope::Annual) => Deadline::Annual,
            None => self.context,
        }
    }

    /// The phrase in force at `at`, a place in the sentence: the last one before it.
    pub(super) fn scope_at(&self, at: usize) -> Option<Scope> {
        let before = self.scopes.partition_point(|(p, _)| *p < at);
        before.checked_sub(1).map(|i| self.scopes[i].1.clone())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(text: &str) -> Vec<(String, Option<Vec<u16>>)> {
        scopes(text, 0..text.len(), &Masked::default())
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
        assert!(scopes(text, 0..text.len(), &Masked::new(vec![title])).is_empty());
    }

    #[test]
    fn the_deadline_is_stripped_from_a_clause() {
        let text = "到2025年底A达到90%";
        assert_eq!(&text[strip_scope_prefix(text, 0..text.len())], "A达到90%");
    }
}

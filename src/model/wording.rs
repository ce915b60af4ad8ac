//! How an indicator the catalogue does not name is matched across plans: by its wording,
//! normalised. Each level writes the same indicator a little differently (全市细颗粒物平均浓度,
//! 细颗粒物(PM2.5)浓度; 新一代智能终端、智能体等应用普及率, 新一代智能終端、智能體應用普及率), and the
//! normalised wordings agree where only such variation separates them. Nothing else is dropped:
//! precision comes first, and a pair aligned this way says so wherever it is shown.

use std::collections::BTreeMap;
use std::sync::LazyLock;

use regex::Regex;

use super::text::{fold, folds_to_itself};

/// Words that say where a figure is taken, not what it measures, at the start of a wording:
/// 全市细颗粒物浓度 and 细颗粒物浓度 are one indicator. Only at the start: 安全区域 keeps its 全区.
const SCOPE_WORDS: [&str; 10] = [
    "全自治区",
    "全市",
    "全省",
    "全区",
    "全县",
    "全州",
    "全盟",
    "全旗",
    "全域",
    "全国",
];

/// Words that say how a figure is taken, anywhere in a wording: 细颗粒物年均浓度 is 细颗粒物浓度.
/// Longest first, so 年平均 goes before 平均.
const MANNER_WORDS: [&str; 4] = ["市中心城区", "年平均", "年均", "平均"];

/// Same measure, other words: (written, as compared).
const SYNONYMS: [(&str, &str); 6] = [
    ("比率", "比例"),
    // A number of days and its share of the year are one indicator in two units; the units
    // are converted when compared (`model::growth`).
    ("天数比例", "天数"),
    ("天数占比", "天数"),
    // 应用 before a rate of take-up adds nothing: 应用普及率 is 普及率.
    ("应用普及率", "普及率"),
    ("应用覆盖率", "覆盖率"),
    ("应用渗透率", "渗透率"),
];

/// A bracket after a term: `细颗粒物(PM2.5)`, `能源消耗（能耗）`, `(以下简称“两新”)`.
static BRACKET: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    Regex::new(r"[(\[（【]([^()\[\]（）【】]{1,16})[)\]）】]").unwrap()
});

/// The terms a corpus abbreviates in brackets, abbreviation → term (PM2.5 → 细颗粒物, 能耗 →
/// 能源消耗), gathered from every indicator's wording before any is normalised, so that a plan
/// writing only `PM2.5浓度` meets one writing `细颗粒物(PM2.5)浓度`.
#[derive(Debug, Default, Clone)]
pub struct Abbreviations {
    /// Longest abbreviation first (PM2.5 before PM), the order they are replaced in.
    terms: Vec<(String, String)>,
}

/// The (abbreviation, term) pairs `wording` gives in brackets.
fn bracketed(wording: &str) -> Vec<(String, String)> {
    // Most wordings fold to themselves and hold no ASCII bracket, the only opening bracket
    // such a text can hold: nothing to fold or search (every plan's every wording, every run).
    if folds_to_itself(wording) && !wording.contains(['(', '[']) {
        return Vec::new();
    }
    let folded = fold(wording);
    BRACKET
        .captures_iter(&folded)
        .filter_map(|caps| {
            let (whole, inner) = (caps.get(0)?, caps.get(1)?);
            let abbreviation = unquoted(inner.as_str().trim_start_matches("以下简称"));
            let term = term_before(&folded[..whole.start()], &abbreviation)?;
            Some((abbreviation, term))
        })
        .collect()
}

impl Abbreviations {
    /// Gathers the abbreviations in `wordings`. An abbreviation two wordings give different
    /// terms for ties neither: nothing is guessed.
    pub fn gather<'a>(wordings: impl IntoIterator<Item = &'a str>) -> Self {
        use rayon::prelude::*;
        let wordings: Vec<&str> = wordings.into_iter().collect();
        // Folding every wording of a national corpus is most of the work: it is done on every
        // core, and what each gives is merged in the wordings' order.
        let given: Vec<Vec<(String, String)>> = wordings.par_iter().map(|w| bracketed(w)).collect();
        let mut found: BTreeMap<String, Option<String>> = BTreeMap::new();
        for (abbreviation, term) in given.into_iter().flatten() {
            found
                .entry(abbreviation)
                .and_modify(|t| {
                    if t.as_deref() != Some(term.as_str()) {
                        *t = None;
                    }
                })
                .or_insert(Some(term));
        }
        // In the map's order, then stably by length: the same order at every run.
        let mut terms: Vec<(String, String)> = found
            .into_iter()
            .filter_map(|(abbreviation, term)| Some((abbreviation, term?)))
            .collect();
        terms.sort_by_key(|(a, _)| std::cmp::Reverse(a.len()));
        Self { terms }
    }

    /// How many abbreviations are known.
    #[must_use]
    pub fn len(&self) -> usize {
        self.terms.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// `wording` normalised for matching across plans.
    #[must_use]
    pub fn normalise(&self, wording: &str) -> String {
        let folded = fold(wording);
        // The bracket goes; the term before it stays.
        let mut text = BRACKET.replace_all(&folded, "").into_owned();
        text = unquoted(&text);
        for (abbreviation, term) in &self.terms {
            if text.contains(abbreviation.as_str()) && !text.contains(term.as_str()) {
                text = text.replace(abbreviation.as_str(), term);
            }
        }
        normalise_words(&text)
    }
}

/// The wording without scope words, a list's closing 等, and with one word for each synonym.
fn normalise_words(text: &str) -> String {
    let mut text = text.to_string();
    while let Some(rest) = SCOPE_WORDS.iter().find_map(|w| text.strip_prefix(w)) {
        text = rest.to_string();
    }
    for word in MANNER_WORDS {
        text = text.replace(word, "");
    }
    // 等 closes a list (终端、智能体等): dropped only after one, since 等级 is a word.
    if let Some(list) = text.find('、')
        && let Some(at) = text[list..].find('等').map(|i| i + list)
    {
        text.replace_range(at..at + '等'.len_utf8(), "");
    }
    for (written, compared) in SYNONYMS {
        text = text.replace(written, compared);
    }
    text.retain(|c| !matches!(c, '的' | '"' | '“' | '”' | '‘' | '’' | '\'' | '「' | '」'));
    text
}

fn unquoted(text: &str) -> String {
    text.chars()
        .filter(|c| !matches!(c, '"' | '“' | '”' | '‘' | '’' | '\'' | '「' | '」'))
        .collect()
}

/// The term an abbreviation in brackets stands for, read back from the text before it: for a
/// Chinese abbreviation (能耗), the shortest end of the text that has its characters in order
/// and starts with its first (能源消耗); for a Latin one (PM2.5, GDP), the run of Chinese
/// characters before it, without scope words. At least two characters and at most twelve.
fn term_before(before: &str, abbreviation: &str) -> Option<String> {
    let first = abbreviation.chars().next()?;
    if abbreviation.chars().count() < 2 {
        return None;
    }
    let chars: Vec<char> = before.chars().collect();
    let term: String = if first.is_ascii() {
        let start = chars.iter().rposition(|c| !is_han(*c)).map_or(0, |i| i + 1);
        normalise_words(&chars[start..].iter().collect::<String>())
    } else {
        let wanted: Vec<char> = abbreviation.chars().collect();
        let start = (0..chars.len())
            .rev()
            .filter(|&i| chars[i] == first)
            .find(|&i| is_subsequence(&wanted, &chars[i..]))?;
        chars[start..].iter().collect()
    };
    let length = term.chars().count();
    ((2..=12).contains(&length) && term != abbreviation).then_some(term)
}

fn is_han(c: char) -> bool {
    ('\u{4e00}'..='\u{9fff}').contains(&c)
}

/// Whether `wanted`'s characters appear in `text` in order.
fn is_subsequence(wanted: &[char], text: &[char]) -> bool {
    let mut rest = text.iter();
    wanted.iter().all(|w| rest.any(|c| c == w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) {
        let none = Abbreviations::default();
        assert_eq!(none.normalise(a), none.normalise(b), "{a} / {b}");
    }

    #[test]
    fn scope_words_and_averages_are_dropped() {
        same("全市细颗粒物平均浓度", "细颗粒物浓度");
        same("市中心城区细颗粒物浓度", "细颗粒物浓度");
        same("全省规模以上工业企业年均增长率", "规模以上工业企业增长率");
        let none = Abbreviations::default();
        assert_eq!(none.normalise("安全区域覆盖率"), "安全区域覆盖率");
    }

    #[test]
    fn synonyms_and_scripts_read_alike() {
        same("空气质量优良天数比率", "空气质量优良天数比例");
        same("空气质量优良天数比例", "空气质量优良天数");
        same(
            "新一代智能终端、智能体等应用普及率",
            "新一代智能终端、智能体普及率",
        );
        same(
            "新一代智能終端、智能體應用普及率",
            "新一代智能终端、智能体等应用普及率",
        );
    }

    #[test]
    fn a_word_is_not_cut_for_looking_like_a_scope_word() {
        let none = Abbreviations::default();
        assert_ne!(none.normalise("重污染天数"), none.normalise("污染天数"));
        assert_ne!(
            none.normalise("二级及以上等级公路比例"),
            none.normalise("二级及以上级公路比例")
        );
    }

    #[test]
    fn a_term_meets_its_abbreviation() {
        let abbreviations = Abbreviations::gather([
            "细颗粒物(PM2.5)平均浓度",
            "单位地区生产总值能源消耗（能耗）",
        ]);
        assert_eq!(abbreviations.len(), 2);
        assert_eq!(
            abbreviations.normalise("PM2.5浓度"),
            abbreviations.normalise("全市细颗粒物(PM2.5)平均浓度")
        );
        assert_eq!(
            abbreviations.normalise("单位地区生产总值能耗"),
            abbreviations.normalise("单位地区生产总值能源消耗")
        );
    }

    #[test]
    fn brackets_are_found_in_any_form_and_a_wording_without_one_gives_none() {
        let pair = vec![("NEV".to_string(), "新能源汽车".to_string())];
        // ASCII, full-width, and a text that folds (a full-width comma before it).
        assert_eq!(bracketed("新能源汽车(NEV)保有量"), pair);
        assert_eq!(bracketed("新能源汽车（NEV）保有量"), pair);
        assert_eq!(bracketed("充电设施，新能源汽车（NEV）保有量").len(), 1);
        assert!(bracketed("规模以上工业企业数字化研发设计工具普及率").is_empty());
        assert!(bracketed("PM2.5浓度下降%").is_empty());
    }

    #[test]
    fn an_abbreviation_given_two_terms_ties_neither() {
        let abbreviations = Abbreviations::gather(["细颗粒物(PM)浓度", "可吸入颗粒物(PM)浓度"]);
        assert!(abbreviations.is_empty());
    }
}

//! What a number in a clause is: a value with its unit and comparator words, a baseline year
//! (较2023年), or part of a policy instrument (a subsidy, a cap) that is never a target.

use std::ops::Range;
use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::comparator::PREFIX_WORDS;
use crate::model::{Comparator, Quantity};

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?x)
        (?P<approx>约)?
        (?:
          (?P<num>[0-9]+(?:\.[0-9]+)?)
          # a range (2—3个, 3-5家) is read as its lower bound
          (?:[—–~～\-至到](?P<upper>[0-9]+(?:\.[0-9]+)?))?
          (?:
            (?P<ratio>:[0-9]+(?:\.[0-9]+)?)
          | (?P<mag>万亿|千亿|百亿|千万|百万|万|亿)?
            (?P<unit>{UNITS})
          | (?P<bare>万亿|万|亿)
          )
        # 超万亿元: one of the magnitude, with no figure
        | (?P<implied>万亿|千亿|百亿)(?P<iunit>元)
        | (?P<cn>一|两|二|三)倍
        | (?P<double>翻一番|翻两番|翻番)
        )"
    ))
    .unwrap()
});

/// The values in `text`, in order. Each of [`VALUE`]'s forms holds an ASCII digit, 亿元, 倍 or
/// 翻: a text with none of them is not searched (every clause of every plan is asked, and most
/// hold no value).
pub(super) fn values(text: &str) -> impl Iterator<Item = regex::Captures<'_>> {
    let may_hold_one = text.bytes().any(|b| b.is_ascii_digit())
        || text.contains("亿元")
        || text.contains(['倍', '翻']);
    may_hold_one
        .then(|| VALUE.captures_iter(text))
        .into_iter()
        .flatten()
}

/// The units a value may carry, longest first so that 个百分点 is not read as 个. Counting
/// words, money, mass and energy (吨标准煤, 千瓦时), intensities (吨标准煤/万元), concentrations
/// (微克/立方米), days, compute (EFlops, PFlops), areas and lengths.
const UNITS: &str = r"(?:吨标准煤|吨标煤|吨二氧化碳|吨|千克|立方米|千瓦时)/万元|元/人|%|‰|倍|个百分点|百分点|个方面|台\(套\)|台套|家\(个\)|个\(家\)|吨标准煤|吨标煤|千瓦时|微克/立方米|毫克/立方米|平方公里|平方米|立方米|公顷|公里|千米|千瓦|兆瓦|吉瓦|千克|公斤|人次|小时|[EePpTt][Ff][Ll][Oo][Pp][Ss]|GWh|TWh|kWh|GW|MW|kW|[辆家个座所处场台套户人艘架吨元间件亩次天项]";

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(super) static BASELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:较|比|相比|与)([0-9]{4})年(?:相比|比)?").unwrap());

/// Verbs of a rise that may end the words before a rate's value.
pub(super) const RISE_VERBS: [&str; 4] = ["提高", "提升", "上升", "增长"];

/// A clause that is only a baseline: `与2023年相比`, `同2023年比`, `相比2023年`.
#[expect(
    clippy::unwrap_used,
    reason = "a literal pattern, covered by the unit tests"
)]
static BASELINE_CLAUSE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:(?:与|同|和)([0-9]{4})年(?:相比|比较|比)|相比([0-9]{4})年)$").unwrap()
});

/// The year of a clause that is only a baseline. Each form holds 年: a clause without it is
/// not searched.
pub(super) fn baseline_clause(clause: &str) -> Option<regex::Captures<'_>> {
    if !clause.contains('年') {
        return None;
    }
    BASELINE_CLAUSE.captures(clause)
}

/// Two values with nothing between them: `92%78%`, `15个13个百分点`.
#[expect(
    clippy::unwrap_used,
    reason = "a literal pattern, covered by the unit tests"
)]
pub(super) static GLUED_VALUES: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[0-9](?:%|个百分点|百分点|个)[0-9]").unwrap());

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PER_CLAUSE_INSTRUMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:补贴|补助|奖励|奖补)约?[0-9]").unwrap());

/// Whether a clause grants a subsidy or an award by the unit (`每辆补贴1万元`). Each form holds
/// 补 or 奖: a clause with neither is not searched.
pub(super) fn is_per_clause_instrument(clause: &str) -> bool {
    clause.contains(['补', '奖']) && PER_CLAUSE_INSTRUMENT.is_match(clause)
}

/// Words that mark a sentence as a policy instrument (subsidy, cap, loan terms), whose numbers
/// are not targets.
pub(super) const INSTRUMENT_WORDS: [&str; 12] = [
    "给予",
    "最高",
    "奖补",
    "贴息",
    "让利",
    "减按",
    "利率",
    "首付",
    "再贷款",
    "补贴标准",
    "标准为",
    "予以奖励",
];

/// `100%` read with 达到 is a whole, not a floor: 占比达到100% commits to exactly all.
pub(super) fn is_whole(quantity: &Quantity) -> bool {
    quantity.unit == crate::model::Unit::Percent && (quantity.value - 100.0).abs() < 1e-9
}

pub(super) fn prefix_word(prefix: &str) -> Option<Comparator> {
    prefix_entry(prefix).map(|(_, c)| c)
}

/// The comparator word that ends `prefix` (before an optional 约), with what it means.
fn prefix_entry(prefix: &str) -> Option<(&'static str, Comparator)> {
    let prefix = prefix.strip_suffix('约').unwrap_or(prefix);
    PREFIX_WORDS
        .iter()
        .find(|(w, _)| prefix.ends_with(w))
        .copied()
}

/// How a value is bounded: approximately (约, 左右), by the word after it, else by the word
/// before it; 达到100% is exactly all, and a 累计 total with no word is a floor.
pub(super) fn bound(
    approx: bool,
    prefix_word: Option<Comparator>,
    suffix_word: Option<(&'static str, Comparator)>,
    quantity: &Quantity,
    cumulative: bool,
) -> Comparator {
    if approx || suffix_word.is_some_and(|(_, c)| c == Comparator::About) {
        return Comparator::About;
    }
    if let Some((_, c)) = suffix_word {
        return c;
    }
    match prefix_word {
        Some(Comparator::AtLeast) if is_whole(quantity) => Comparator::Exactly,
        Some(c) if c != Comparator::Exactly => c,
        _ if cumulative => Comparator::AtLeast,
        _ => Comparator::Exactly,
    }
}

/// The bound and value as the sentence words them: the comparator word before the value (with
/// 约), the value, and the word after it (`达到70%`, `约30%`, `1.5万辆以上`). `None` when no word
/// bounds it where it stands (the second value of `分别达到92%、75%`), so that the bound read
/// from elsewhere is not lost.
pub(super) fn written_value(
    value: &str,
    prefix: &str,
    suffix_word: Option<(&'static str, Comparator)>,
) -> Option<String> {
    let approx = prefix.ends_with('约');
    let word = prefix_entry(prefix).map_or("", |(w, _)| w);
    let after = suffix_word.map_or("", |(w, _)| w);
    if word.is_empty() && after.is_empty() && !approx {
        return None;
    }
    Some(format!(
        "{word}{}{value}{after}",
        if approx { "约" } else { "" }
    ))
}

/// The quantity a value holds, with its unit's range in the text matched (to be reported as
/// written: 噸標準煤, PFlops) when it has one. With `points`, a bare 个 is 百分点
/// (`分别增长15个、13个百分点`); 个百分点 is 百分点.
pub(super) fn quantity(
    caps: &Captures<'_>,
    points: bool,
) -> Option<(Quantity, Option<Range<usize>>)> {
    if let Some(double) = caps.name("double") {
        // 翻一番 doubles (+100%), 翻两番 quadruples (+300%).
        let percent = if double.as_str() == "翻两番" {
            300.0
        } else {
            100.0
        };
        return Some((Quantity::parse(&format!("{percent}%"), None).ok()?, None));
    }
    if let Some(cn) = caps.name("cn") {
        let (times, _) = crate::model::numeral::split_leading(cn.as_str())?;
        return Some((Quantity::parse(&format!("{times}倍"), None).ok()?, None));
    }
    if let (Some(mag), Some(unit)) = (caps.name("implied"), caps.name("iunit")) {
        let q = Quantity::parse("1", Some(&format!("{}{}", mag.as_str(), unit.as_str()))).ok()?;
        return Some((q, Some(unit.range())));
    }
    let number = caps.name("num")?.as_str();
    if let Some(ratio) = caps.name("ratio") {
        let q = Quantity::parse(&format!("{number}{}", ratio.as_str()), None).ok()?;
        return Some((q, None));
    }
    // `达到2.8万`: the magnitude without a unit; the unit comes from the catalogue, or the
    // figure is not read (`Corpus::link_indicators`).
    if let Some(bare) = caps.name("bare") {
        return Some((Quantity::parse(number, Some(bare.as_str())).ok()?, None));
    }
    let unit = caps.name("unit")?;
    let written = match unit.as_str() {
        "个" if points => "百分点",
        "个百分点" => "百分点",
        other => other,
    };
    let magnitude = caps.name("mag").map_or("", |m| m.as_str());
    let q = Quantity::parse(number, Some(&format!("{magnitude}{written}"))).ok()?;
    let counted = matches!(q.unit, crate::model::Unit::Count(_));
    Some((q, counted.then(|| unit.range())))
}

/// Whether a value is a range (2—3个), read as its lower bound.
pub(super) fn is_range(caps: &Captures<'_>) -> bool {
    caps.name("upper").is_some()
}

impl super::SentenceReader<'_> {
    /// The value and unit as a plan file writes them: the value in base units, the unit as the
    /// original text writes it without its magnitude (`5000萬噸標準煤` → 5e7 and `噸標準煤`);
    /// `%`, `ratio` and `百分点` for rates; a bare magnitude as written (`2.8` and `万`), for
    /// the catalogue to give its unit.
    pub(super) fn as_written(
        &self,
        item: &super::Item<'_>,
        quantity: &crate::model::Quantity,
        unit: Option<Range<usize>>,
    ) -> (f64, String) {
        use crate::model::Unit;
        if let (Some(bare), Some(number)) = (item.caps.name("bare"), item.caps.name("num")) {
            let value = number.as_str().parse().unwrap_or(quantity.value);
            return (value, bare.as_str().to_string());
        }
        let unit = match (&quantity.unit, unit) {
            (Unit::Percent, _) => "%".to_string(),
            (Unit::Ratio, _) => "ratio".to_string(),
            (Unit::Count(u), _) if u == "百分点" => u.clone(),
            (Unit::Count(u), None) => u.clone(),
            (Unit::Count(_), Some(range)) => {
                let whole = item.caps.get(0).map_or(0, |m| m.start());
                let at = item.range.start + range.start - whole;
                self.block
                    .written(self.original, at..at + range.len())
                    .trim()
                    .to_string()
            }
        };
        (quantity.value, unit)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use crate::model::comparator::SUFFIX_WORDS;

    #[test]
    fn every_form_of_a_value_is_searched_for() {
        for text in [
            "达到92%",
            "规模超万亿元",
            "回收量增加一倍",
            "收入翻一番",
            "培育2—3个",
            "比例1:1",
        ] {
            assert_eq!(values(text).count(), 1, "{text}");
            assert_eq!(VALUE.captures_iter(text).count(), 1, "{text}");
        }
        assert_eq!(values("持续提升服务水平").count(), 0);
        assert!(is_per_clause_instrument("每辆补贴1万元"));
        assert!(!is_per_clause_instrument("每辆车1万元"));
        assert_eq!(
            baseline_clause("与2023年相比")
                .and_then(|c| c.get(1))
                .map(|m| m.as_str()),
            Some("2023")
        );
    }

    fn read(text: &str) -> Option<Quantity> {
        quantity(&VALUE.captures(text)?, false).map(|(q, _)| q)
    }

    #[test]
    fn values_with_units_magnitudes_and_ratios() {
        assert_eq!(
            read("90%").map(|q| (q.unit, q.value)),
            Some((Unit::Percent, 90.0))
        );
        assert_eq!(read("1.8万辆").map(|q| q.value), Some(18000.0));
        assert_eq!(read("0.8:1").map(|q| q.unit), Some(Unit::Ratio));
        assert_eq!(read("1万亿元").map(|q| q.value), Some(1e12));
        assert_eq!(read("1200千亿元").map(|q| q.value), Some(1.2e14));
    }

    #[test]
    fn units_of_every_kind_are_read_whole() {
        for (text, unit) in [
            ("5000万吨标准煤", "吨标准煤"),
            ("0.8吨标准煤/万元", "吨标准煤/万元"),
            ("30微克/立方米", "微克/立方米"),
            ("3EFlops", "EFlops"),
            ("150Eflops", "Eflops"),
            ("900PFlops", "PFlops"),
            ("310天", "天"),
            ("120万千瓦时", "千瓦时"),
            ("80家(个)", "家(个)"),
            ("8个方面", "个方面"),
        ] {
            let caps = VALUE.captures(text).unwrap();
            let (_, range) = quantity(&caps, false).unwrap();
            assert_eq!(range.map(|r| &text[r]), Some(unit), "{text}");
        }
    }

    #[test]
    fn a_range_is_its_lower_bound_and_a_bare_magnitude_is_one() {
        let caps = VALUE.captures("2—3个").unwrap();
        assert!(is_range(&caps));
        assert_eq!(quantity(&caps, false).map(|(q, _)| q.value), Some(2.0));
        assert_eq!(read("3-5家").map(|q| q.value), Some(3.0));
        let caps = VALUE.captures("规模超万亿元").unwrap();
        assert_eq!(quantity(&caps, false).map(|(q, _)| q.value), Some(1e12));
    }

    #[test]
    fn multiples_and_doubling_are_growth_in_percent() {
        assert_eq!(read("翻一番").map(|q| q.value), Some(100.0));
        assert_eq!(read("翻两番").map(|q| q.value), Some(300.0));
        assert_eq!(read("两倍").map(|q| q.unit), Some(Unit::Percent));
    }

    #[test]
    fn comparator_words_before_a_value() {
        assert_eq!(prefix_word("占比达到约"), Some(Comparator::AtLeast));
        assert_eq!(prefix_word("控制在"), Some(Comparator::AtMost));
        assert_eq!(prefix_word("其中"), None);
    }

    #[test]
    fn the_value_is_quoted_as_the_plan_words_it() {
        let after = |w: &'static str| SUFFIX_WORDS.iter().find(|(s, _)| *s == w).copied();
        assert_eq!(
            written_value("70%", "数控化率达到", None).as_deref(),
            Some("达到70%")
        );
        assert_eq!(
            written_value("30%", "增长约", None).as_deref(),
            Some("增长约30%")
        );
        assert_eq!(
            written_value("1.5万辆", "", after("以上")).as_deref(),
            Some("1.5万辆以上")
        );
        // The second value of 分别达到92%、75% has no word of its own.
        assert_eq!(written_value("75%", "、", None), None);
    }

    #[test]
    fn a_hundred_percent_is_whole_and_instruments_are_recognised() {
        assert!(read("100%").is_some_and(|q| is_whole(&q)));
        assert!(!read("99%").is_some_and(|q| is_whole(&q)));
        assert!(PER_CLAUSE_INSTRUMENT.is_match("每辆补贴1万元"));
        assert_eq!(
            BASELINE.captures("较2023年增长").map(|c| c[1].to_string()),
            Some("2023".into())
        );
    }
}

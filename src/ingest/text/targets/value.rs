//! What a number in a clause is: a value with its unit and comparator words, a baseline year
//! (较2023年), or part of a policy instrument (a subsidy, a cap) that is never a target.

use std::sync::LazyLock;

use regex::{Captures, Regex};

use crate::model::comparator::PREFIX_WORDS;
use crate::model::{Comparator, Quantity};

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(super) static VALUE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<approx>约)?
        (?:
          (?P<num>[0-9]+(?:\.[0-9]+)?)
          (?:
            (?P<ratio>:[0-9]+(?:\.[0-9]+)?)
          | (?P<mag>万亿|万|亿)?
            (?P<unit>%|‰|倍|个百分点|百分点|台\(套\)|台套|公里|千米|千瓦|平方米|立方米|人次|[辆家个座所处场台套户人艘架吨元间件亩次])
          | (?P<bare>万亿|万|亿)
          )
        | (?P<cn>一|两|二|三)倍
        | (?P<double>翻一番|翻两番|翻番)
        )",
    )
    .unwrap()
});

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(super) static BASELINE: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:较|比|相比|与)([0-9]{4})年(?:相比|比)?").unwrap());

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(super) static PER_CLAUSE_INSTRUMENT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:补贴|补助|奖励|奖补)约?[0-9]").unwrap());

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

/// The quantity, and the value and unit as a plan file writes them. With `points`, a bare 个
/// is 百分点 (`分别增长15个、13个百分点`); 个百分点 is written 百分点.
pub(super) fn quantity(caps: &Captures<'_>, points: bool) -> Option<(Quantity, f64, String)> {
    if let Some(double) = caps.name("double") {
        // 翻一番 doubles (+100%), 翻两番 quadruples (+300%).
        let percent = if double.as_str() == "翻两番" {
            300.0
        } else {
            100.0
        };
        let q = Quantity::parse(&format!("{percent}%"), None).ok()?;
        return Some((q, percent, "%".to_string()));
    }
    if caps.name("cn").is_some() {
        let (times, _) = crate::model::numeral::split_leading(caps.name("cn")?.as_str())?;
        let times = f64::from(times);
        let q = Quantity::parse(&format!("{times}倍"), None).ok()?;
        return Some((q.clone(), q.value, "%".to_string()));
    }
    let number = caps.name("num")?.as_str();
    if let Some(ratio) = caps.name("ratio") {
        let q = Quantity::parse(&format!("{number}{}", ratio.as_str()), None).ok()?;
        return Some((q.clone(), q.value, "ratio".to_string()));
    }
    // `达到2.8万`: the magnitude without a unit; the unit comes from the catalogue, or the
    // figure is not read (`Corpus::link_indicators`).
    if let Some(bare) = caps.name("bare") {
        let q = Quantity::parse(number, Some(bare.as_str())).ok()?;
        let value: f64 = number.parse().ok()?;
        return Some((q, value, bare.as_str().to_string()));
    }
    let unit = match caps.name("unit").map(|m| m.as_str()) {
        Some("个") if points => "百分点",
        Some("个百分点") => "百分点",
        other => other.unwrap_or(""),
    };
    let unit = format!("{}{unit}", caps.name("mag").map_or("", |m| m.as_str()));
    let q = Quantity::parse(number, Some(&unit)).ok()?;
    if unit == "倍" {
        return Some((q.clone(), q.value, "%".to_string()));
    }
    let value: f64 = number.parse().ok()?;
    Some((q, value, unit))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;
    use crate::model::comparator::SUFFIX_WORDS;

    fn read(text: &str) -> Option<(Quantity, f64, String)> {
        quantity(&VALUE.captures(text)?, false)
    }

    #[test]
    fn values_with_units_magnitudes_and_ratios() {
        let (q, value, unit) = read("90%").unwrap();
        assert_eq!((q.unit, value, unit.as_str()), (Unit::Percent, 90.0, "%"));
        let (q, value, unit) = read("1.8万辆").unwrap();
        assert_eq!((q.value, value, unit.as_str()), (18000.0, 1.8, "万辆"));
        let (q, _, unit) = read("0.8:1").unwrap();
        assert_eq!((q.unit, unit.as_str()), (Unit::Ratio, "ratio"));
    }

    #[test]
    fn multiples_and_doubling_are_growth_in_percent() {
        assert_eq!(read("翻一番").map(|(_, v, _)| v), Some(100.0));
        assert_eq!(read("翻两番").map(|(_, v, _)| v), Some(300.0));
        let (q, _, unit) = read("两倍").unwrap();
        assert_eq!((q.unit, unit.as_str()), (Unit::Percent, "%"));
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
        assert!(read("100%").is_some_and(|(q, _, _)| is_whole(&q)));
        assert!(!read("99%").is_some_and(|(q, _, _)| is_whole(&q)));
        assert!(PER_CLAUSE_INSTRUMENT.is_match("每辆补贴1万元"));
        assert_eq!(
            BASELINE.captures("较2023年增长").map(|c| c[1].to_string()),
            Some("2023".into())
        );
    }
}

//! Goals restated without a figure (设备投资规模较2023年大幅增长, 能效标杆水平的产能比例得到有效
//! 提升, 高于全省平均水平, 国三及以下柴油货车基本淘汰): a clause with no value that ends in
//! such a predicate, inside a year's scope. They are kept so that a parent's quantified target
//! restated this way is reported as watered down rather than as missing, or not at all.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use crate::model::{Deadline, Span};

/// A goal without a figure.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Found {
    pub indicator: String,
    pub indicator_span: Span,
    pub deadline: Deadline,
    /// The predicate as written (`较2023年大幅增长`).
    pub text: String,
    pub text_span: Span,
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PREDICATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?:(?:较|比)[0-9]{4}年)?
        (?:力争|要|将|均)?
        (?:
          (?:大幅|显著|明显|稳步|持续|进一步|有效|快速|较快|全面|基本|普遍|得到有效|得到)
          (?:增长|提升|提高|增加|扩大|下降|降低|减少|淘汰|更新|实现|替代退出|改善)
        | (?:全部)?完成(?:更新改造|改造)
        | 基本达到[\p{Han}]{1,6}水平
        | 实现全覆盖
        | 保持全(?:国|省|市|区|县)领先
        | (?:高于|不低于|位居|居)全(?:国|省|市|区|县)(?:平均水平|前列)
        )
        [。；;，,]*$",
    )
    .unwrap()
});

/// A goal worded verb first (不断提升新一代智能终端、智能体等应用普及率): the verb, then an
/// indicator that ends in something measured. Such a goal often has no year.
#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static VERB_FIRST: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?<predicate>(?:{})(?:提升|提高|扩大|增加|降低|下降|减少))(?<indicator>[\p{{Han}}、“”A-Za-z0-9.]{{2,30}}?(?:率|比例|占比|比重|浓度|强度|总量|天数))[。；;，,]*$",
        VERB_FIRST_ADVERBS.join("|")
    ))
    .unwrap()
});

/// The words a goal put verb first opens with (`持续提升…率`): a clause that opens with none of
/// them is not searched (every clause without a value is asked).
const VERB_FIRST_ADVERBS: [&str; 7] = ["不断", "进一步", "持续", "大幅", "显著", "稳步", "加快"];

/// In a clause with no value that opens with a verb of change, the predicate and the
/// indicator after it.
pub(super) fn read_verb_first(
    text: &str,
    body: Range<usize>,
) -> Option<(Range<usize>, Range<usize>)> {
    let clause = &text[body.clone()];
    if !VERB_FIRST_ADVERBS.iter().any(|w| clause.starts_with(w)) {
        return None;
    }
    let caps = VERB_FIRST.captures(clause)?;
    let (indicator, predicate) = (caps.name("indicator")?, caps.name("predicate")?);
    Some((
        body.start + indicator.start()..body.start + indicator.end(),
        body.start + predicate.start()..body.start + predicate.end(),
    ))
}

/// Words before an indicator that name where it is measured or the commitment, not what is
/// measured (全区制造业…, 实现职业院校实训教学设备…).
const LEADING_WORDS: [&str; 9] = [
    "全区", "全市", "全县", "全省", "全国", "实现", "力争", "推动", "确保",
];

/// In a clause with no value, the indicator and the predicate: `None` unless the clause ends in a
/// known predicate and names something before it.
pub(super) fn read(text: &str, body: Range<usize>) -> Option<(Range<usize>, Range<usize>)> {
    let clause = &text[body.clone()];
    let found = PREDICATE.find(clause)?;
    let mut start = body.start;
    while let Some(word) = LEADING_WORDS
        .iter()
        .find(|w| text[start..].starts_with(**w))
    {
        start += word.len();
    }
    let indicator = start..body.start + found.start();
    let predicate_end = body.start
        + found.start()
        + found
            .as_str()
            .trim_end_matches(['。', '；', ';', '，', ','])
            .len();
    let named = text[indicator.clone()]
        .chars()
        .filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c))
        .count();
    (named >= 2).then_some((indicator, body.start + found.start()..predicate_end))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(clause: &str) -> Option<(&str, &str)> {
        read(clause, 0..clause.len()).map(|(i, p)| (&clause[i], &clause[p]))
    }

    #[test]
    fn a_goal_without_a_figure_has_an_indicator_and_a_predicate() {
        assert_eq!(
            parts("设备投资规模较2023年大幅增长"),
            Some(("设备投资规模", "较2023年大幅增长"))
        );
        assert_eq!(
            parts("全区制造业数字化转型指数保持全市领先"),
            Some(("制造业数字化转型指数", "保持全市领先"))
        );
        assert_eq!(
            parts("工业重点领域达到能效标杆水平的产能比例得到有效提升；"),
            Some(("工业重点领域达到能效标杆水平的产能比例", "得到有效提升"))
        );
        assert_eq!(
            parts("实现职业院校实训教学设备全面更新"),
            Some(("职业院校实训教学设备", "全面更新"))
        );
        assert_eq!(
            parts("重点行业主要用能设备能效基本达到节能水平"),
            Some(("重点行业主要用能设备能效", "基本达到节能水平"))
        );
        assert_eq!(
            parts("国三及以下非营运柴油货车基本淘汰"),
            Some(("国三及以下非营运柴油货车", "基本淘汰"))
        );
    }

    #[test]
    fn a_goal_may_open_with_its_verb() {
        let clause = "不断提升新一代智能终端、智能体等应用普及率";
        let (indicator, predicate) = read_verb_first(clause, 0..clause.len()).unwrap();
        assert_eq!(&clause[indicator], "新一代智能终端、智能体等应用普及率");
        assert_eq!(&clause[predicate], "不断提升");
        for other in ["不断提升服务能力", "加快推动人工智能深度赋能千行百业"]
        {
            assert!(read_verb_first(other, 0..other.len()).is_none(), "{other}");
        }
    }

    #[test]
    fn other_clauses_are_not_goals() {
        assert_eq!(parts("大幅提升"), None);
        assert_eq!(parts("加快推进设备更新"), None);
        assert_eq!(parts("消费新优势快速塑造"), None);
    }
}

//! How a figure runs over time, from the words around it: 年均增长 (annual growth), 累计
//! (a cumulative sum), 年规范回收拆解量 (a yearly flow), else a level or total growth.

use std::sync::LazyLock;

use regex::Regex;

use super::value::written_value;
use crate::model::{Comparator, TargetForm};

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static ANNUAL_GROWTH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"年(?:平)?均(?:增长|增加|增速|提高|提升|递增|下降|降低)").unwrap()
});

/// `年` opening a flow (年规范回收拆解量, 年处理能力), not a year (2025年, 今年) or 年均/年度/年底.
#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PER_YEAR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?:^|[^0-9〇零一二两三四五六七八九十今明去当同上本每])年(?:规范|回收|处理|拆解|交易|销售|生产|产|新增|培训|接待|服务|更新|改造|淘汰|建设|节约|减少|利用|吞吐|发电)",
    )
    .unwrap()
});

/// The form of the figure whose value follows `before_value` (the clause up to the value) and
/// whose indicator reads `indicator`.
pub(super) fn form(before_value: &str, indicator: &str) -> TargetForm {
    if ANNUAL_GROWTH.is_match(before_value) {
        TargetForm::AnnualGrowth
    } else if before_value.contains("累计") {
        TargetForm::Cumulative
    } else if PER_YEAR.is_match(indicator) {
        TargetForm::PerYear
    } else {
        TargetForm::Total
    }
}

/// The bound and value as the sentence words them (`达到70%`), with the annual-growth words
/// when the figure is growth per year (`年平均增长10%`).
pub(super) fn written(
    form: TargetForm,
    value: &str,
    prefix: &str,
    suffix_word: Option<(&'static str, Comparator)>,
) -> Option<String> {
    match annual_growth_words(prefix) {
        Some(words) if form == TargetForm::AnnualGrowth => Some(format!(
            "{words}{value}{}",
            suffix_word.map_or("", |(w, _)| w)
        )),
        _ => written_value(value, prefix, suffix_word),
    }
}

/// `年平均增长` in `报废机动车回收量年平均增长`: where the annual-growth words start, so that the
/// value is quoted as the plan words it.
fn annual_growth_words(prefix: &str) -> Option<&str> {
    ANNUAL_GROWTH
        .find_iter(prefix)
        .last()
        .map(|m| &prefix[m.start()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn annual_growth_needs_a_growth_verb() {
        assert_eq!(
            form("报废机动车回收量年平均增长", "报废机动车回收量"),
            TargetForm::AnnualGrowth
        );
        assert_eq!(
            form("二手车交易量年均增长", "二手车交易量"),
            TargetForm::AnnualGrowth
        );
        // An annual mean is a level, not growth.
        assert_eq!(
            form("PM2.5年均浓度降至", "PM2.5年均浓度"),
            TargetForm::Total
        );
    }

    #[test]
    fn cumulative_and_per_year() {
        assert_eq!(
            form("累计回收报废汽车", "回收报废汽车"),
            TargetForm::Cumulative
        );
        assert_eq!(
            form("报废汽车年规范回收拆解量", "报废汽车年规范回收拆解量"),
            TargetForm::PerYear
        );
        assert_eq!(form("年处理能力达到", "年处理能力"), TargetForm::PerYear);
        assert_eq!(form("2025年回收量达到", "回收量"), TargetForm::Total);
        assert_eq!(form("今年回收量", "今年回收量"), TargetForm::Total);
    }

    #[test]
    fn the_annual_growth_words_are_quoted() {
        assert_eq!(annual_growth_words("回收量年平均增长"), Some("年平均增长"));
        assert_eq!(annual_growth_words("回收量增长"), None);
    }
}

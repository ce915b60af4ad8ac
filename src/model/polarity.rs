//! Which way a target improves, and whether it is stated as a change from its baseline, for any
//! campaign: a general lexicon of indicator words (浓度, 排放, 能耗 improve downward; 率, 比例,
//! 规模 upward) and the words of the sentence (下降, 控制在, 以内), which take precedence. The
//! catalogue, where it names an indicator, takes precedence over both (`comparison`).

use serde::{Deserialize, Serialize};

use super::comparator::Comparator;
use super::indicator::Direction;
use super::text::fold;

/// A target stated as a change from its baseline: 增长15%, 下降8%.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Change {
    Increase,
    Decrease,
}

impl Change {
    /// The sign a change puts on its value, so that 下降8% compares as −8.
    #[must_use]
    pub fn sign(self) -> f64 {
        match self {
            Change::Increase => 1.0,
            Change::Decrease => -1.0,
        }
    }

    /// `增长` / `下降`, `an increase` / `a decrease`.
    #[must_use]
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            Change::Increase => ("增长", "an increase"),
            Change::Decrease => ("下降", "a decrease"),
        }
    }
}

/// Verbs of change right before a value, longest first.
const CHANGE_WORDS: [(&str, Change); 14] = [
    ("累计新增", Change::Increase),
    ("新增", Change::Increase),
    ("增长", Change::Increase),
    ("提高", Change::Increase),
    ("提升", Change::Increase),
    ("增加", Change::Increase),
    ("上升", Change::Increase),
    ("扩大", Change::Increase),
    ("下降", Change::Decrease),
    ("降低", Change::Decrease),
    ("减少", Change::Decrease),
    ("压减", Change::Decrease),
    ("削减", Change::Decrease),
    ("缩减", Change::Decrease),
];

/// The change the words right before a value state (`较2020年下降`, `累计新增`), if any: what
/// is left after the comparator and `约` are taken off the end must end in a verb of change.
/// 提升 and 提高 change a rate; before a count they are verbs of doing (`改造提升696家村卫生室`),
/// so they count only when `rate` (the value is in % or 百分点).
#[must_use]
pub fn change_before(prefix: &str, rate: bool) -> Option<Change> {
    let folded = fold(prefix);
    let mut words = folded.as_str();
    for tail in ["约", "了", "达到", "达", "超过", "超"] {
        words = words.strip_suffix(tail).unwrap_or(words);
    }
    // 提高到75%, 降至7.8%: a level to reach, not a change.
    CHANGE_WORDS
        .iter()
        .filter(|(w, _)| rate || !["提升", "提高"].contains(w))
        .find(|(w, _)| words.ends_with(w))
        .map(|(_, c)| *c)
        // `累计新增…任务10个`: an increase named before what is counted.
        .or_else(|| {
            ["累计新增", "新增"]
                .iter()
                .any(|w| folded.trim_start_matches(['到', ',']).starts_with(w))
                .then_some(Change::Increase)
        })
}

/// Wordings of amounts achieved by reducing something (节能量, 减排二氧化碳): more is better,
/// though they name what goes down.
const SAVINGS: [&str; 9] = [
    "节能量",
    "节约",
    "减排",
    "减少量",
    "削减量",
    "淘汰",
    "去除",
    "投入强度",
    "处理",
];

/// Words of indicators that improve downward.
const LOWER: [&str; 33] = [
    "浓度",
    "排放",
    "能耗",
    "能源消耗",
    "煤耗",
    "水耗",
    "用水量",
    "用水",
    "强度",
    "污染天数",
    "重污染",
    "事故",
    "死亡",
    "亡人",
    "伤亡",
    "漏损",
    "发生率",
    "不合格",
    "超标",
    "空置率",
    "失业率",
    "负债率",
    "库存",
    "拥堵",
    "投诉",
    "感染",
    "损失",
    "时限",
    "耗时",
    "用时",
    "等待时间",
    "碳排",
    "返贫",
];

/// Which way an indicator improves, from its wording alone: downward for the words of `LOWER`
/// (concentrations, emissions, energy use, intensities, accidents), unless it names an amount
/// achieved by reducing (节能量, 减排); upward otherwise (rates, shares, scales, counts).
#[must_use]
pub fn polarity_of(indicator: &str) -> Direction {
    let folded = fold(indicator);
    if SAVINGS.iter().any(|w| folded.contains(w)) {
        return Direction::Higher;
    }
    if folded.contains("优良") {
        return Direction::Higher;
    }
    if LOWER.iter().any(|w| folded.contains(w)) {
        Direction::Lower
    } else {
        Direction::Higher
    }
}

/// Which way a target improves: downward when the sentence bounds it from above (控制在, 以内,
/// 不超过) or states a decrease (下降, 降低); else as its wording says.
#[must_use]
pub fn polarity(indicator: &str, comparator: Comparator, change: Option<Change>) -> Direction {
    if change == Some(Change::Decrease) || comparator.is_upper_bound() {
        return Direction::Lower;
    }
    if change == Some(Change::Increase) {
        return Direction::Higher;
    }
    polarity_of(indicator)
}

/// The bound a level promises where lower is better: 达到35微克/立方米 is at most 35.
#[must_use]
pub fn bound_for(comparator: Comparator, better: Direction, change: Option<Change>) -> Comparator {
    match (better, change, comparator) {
        (Direction::Lower, None, Comparator::AtLeast) => Comparator::AtMost,
        (Direction::Lower, None, Comparator::MoreThan) => Comparator::LessThan,
        _ => comparator,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn indicators_that_improve_downward() {
        for wording in [
            "细颗粒物(PM2.5)平均浓度",
            "单位国内生产总值能源消耗",
            "單位國內生產總值二氧化碳排放",
            "重污染天数",
            "生产安全事故死亡人数",
            "公共供水管网漏损率",
            "单位地区生产总值用水量",
        ] {
            assert_eq!(polarity_of(wording), Direction::Lower, "{wording}");
        }
    }

    #[test]
    fn indicators_that_improve_upward() {
        for wording in [
            "空气质量优良天数比例",
            "新一代智能终端普及率",
            "重点领域节能降碳改造形成节能量",
            "減排二氧化碳",
            "研发经费投入强度",
            "人工智能产业规模",
            "城市生活污水集中收集率",
        ] {
            assert_eq!(polarity_of(wording), Direction::Higher, "{wording}");
        }
    }

    #[test]
    fn the_sentence_decides_before_the_wording() {
        assert_eq!(change_before("较2020年下降", true), Some(Change::Decrease));
        assert_eq!(change_before("降低", true), Some(Change::Decrease));
        assert_eq!(
            change_before("較2023年增長約", true),
            Some(Change::Increase)
        );
        assert_eq!(change_before("累计新增", false), Some(Change::Increase));
        assert_eq!(
            change_before("累计新增国家级创新任务", false),
            Some(Change::Increase)
        );
        assert_eq!(change_before("达到", true), None);
        assert_eq!(change_before("提高到", true), None);
        assert_eq!(change_before("降至", true), None);
        assert_eq!(change_before("改造提升", false), None);
        assert_eq!(
            polarity("能耗增长", Comparator::AtMost, Some(Change::Increase)),
            Direction::Lower
        );
        assert_eq!(
            polarity("综合能耗", Comparator::About, Some(Change::Decrease)),
            Direction::Lower
        );
    }

    #[test]
    fn reaching_a_level_of_a_downward_indicator_is_a_ceiling() {
        assert_eq!(
            bound_for(Comparator::AtLeast, Direction::Lower, None),
            Comparator::AtMost
        );
        // 下降10%以上 bounds the decrease from below.
        assert_eq!(
            bound_for(
                Comparator::AtLeast,
                Direction::Lower,
                Some(Change::Decrease)
            ),
            Comparator::AtLeast
        );
    }
}

//! What a comparison concluded, and how a row of the 对照表 says it in each language.

use serde::Serialize;

use crate::i18n::Msg;
use crate::msg;

/// How a plan's target stands against the parent plan's target for the same indicator and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case", tag = "verdict", content = "reason")]
pub enum Verdict {
    /// Promises less than the parent (`weaker-target`).
    Weaker,
    /// The parent's figure with a looser bound: 达到75% under 超过75% (`looser-bound`).
    LooserBound,
    /// The same figure, or within the approximate tolerance of planlint.yaml.
    Equal,
    Stricter,
    /// A quantified target of the parent the plan does not take up (`omitted-target`).
    Omitted,
    /// Taken up in words only (`qualitative-target`).
    QualitativeOnly,
    /// Declared not applicable (`not_applicable:` with a reason).
    NotApplicable,
    /// A parent's target for a year after the period the plan's title gives (a 2025—2027 plan
    /// under a parent's 2030 target).
    BeyondPeriod,
    /// The two figures cannot be compared; the reason says why.
    NotComparable(Incomparable),
    /// No plan above sets this indicator for this year.
    NoParent,
}

/// Why two targets for one indicator and year cannot be compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Incomparable {
    /// Counts and amounts: a jurisdiction's figure is a part of its parent's total, not a
    /// competing target.
    PartOfWhole,
    /// Measured in other units (a count against a rate).
    OtherUnit,
    /// Another form or baseline (growth on 2020 against growth on 2023, a cumulative sum against
    /// a level), with nothing to convert one into the other.
    OtherFooting,
    /// A level against a change (30微克/立方米 against 下降10%), with no baseline value to turn
    /// one into the other.
    LevelAgainstChange,
}

impl Verdict {
    /// The verdict as a 对照表 cell says it.
    #[must_use]
    pub fn words(self) -> Msg {
        match self {
            Verdict::Weaker => msg!("弱于上级", "weaker"),
            Verdict::LooserBound => msg!("限定词宽于上级", "looser bound"),
            Verdict::Equal => msg!("与上级相同", "equal"),
            Verdict::Stricter => msg!("严于上级", "stricter"),
            Verdict::Omitted => msg!("未承接", "omitted"),
            Verdict::QualitativeOnly => msg!("仅定性表述", "qualitative only"),
            Verdict::NotApplicable => msg!("声明不适用", "declared not applicable"),
            Verdict::BeyondPeriod => msg!("超出本方案期限", "beyond the plan's period"),
            Verdict::NotComparable(Incomparable::PartOfWhole) => msg!(
                "不可比：绝对量，为上级总量的一部分",
                "not comparable: an absolute figure, part of the parent's total"
            ),
            Verdict::NotComparable(Incomparable::OtherUnit) => {
                msg!("不可比：计量单位不同", "not comparable: other units")
            }
            Verdict::NotComparable(Incomparable::OtherFooting) => msg!(
                "不可比：基准或口径不同",
                "not comparable: another baseline or form"
            ),
            Verdict::NotComparable(Incomparable::LevelAgainstChange) => msg!(
                "不可比：一方为绝对值、一方为变化幅度，缺少基期值无法换算",
                "not comparable: a level against a change, with no baseline value to convert"
            ),
            Verdict::NoParent => msg!("上级无此目标", "no parent target"),
        }
    }

    /// The verdict's name in JSON and CSV (`weaker`, `not-comparable`).
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Weaker => "weaker",
            Verdict::LooserBound => "looser-bound",
            Verdict::Equal => "equal",
            Verdict::Stricter => "stricter",
            Verdict::Omitted => "omitted",
            Verdict::QualitativeOnly => "qualitative-only",
            Verdict::NotApplicable => "not-applicable",
            Verdict::BeyondPeriod => "beyond-period",
            Verdict::NotComparable(_) => "not-comparable",
            Verdict::NoParent => "no-parent",
        }
    }

    /// Why a pair is not comparable, by name.
    #[must_use]
    pub fn reason(self) -> Option<&'static str> {
        match self {
            Verdict::NotComparable(Incomparable::PartOfWhole) => Some("part-of-whole"),
            Verdict::NotComparable(Incomparable::OtherUnit) => Some("other-unit"),
            Verdict::NotComparable(Incomparable::OtherFooting) => Some("other-footing"),
            Verdict::NotComparable(Incomparable::LevelAgainstChange) => {
                Some("level-against-change")
            }
            _ => None,
        }
    }
}

/// What became of the finding a verdict calls for, in this run: the 对照表 says it beside the
/// verdict, so that an allowed or suppressed shortfall never passes for "equal".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case", tag = "standing", content = "severity")]
pub enum Standing {
    /// Reported at this severity.
    Reported(crate::code::Severity),
    /// The lint is off: planlint.yaml, `--allow`, `--select` or `--ignore`.
    Allowed,
    /// An `allow:` entry of the plan covers it.
    Suppressed,
    /// The baseline lists it.
    Baselined,
    /// The verdict is not a finding (equal, stricter, not comparable, …).
    Informational,
}

impl Standing {
    /// What a row adds to its verdict: nothing when reported or informational.
    #[must_use]
    pub fn words(self) -> Option<Msg> {
        match self {
            Standing::Reported(_) | Standing::Informational => None,
            Standing::Allowed => Some(msg!("已按配置允许", "allowed by planlint.yaml")),
            Standing::Suppressed => {
                Some(msg!("方案中已声明豁免", "suppressed by the plan's allow:"))
            }
            Standing::Baselined => Some(msg!("已列入基线", "in the baseline")),
        }
    }

    /// The standing's name in JSON and CSV.
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Standing::Reported(_) => "reported",
            Standing::Allowed => "allowed",
            Standing::Suppressed => "suppressed",
            Standing::Baselined => "baselined",
            Standing::Informational => "informational",
        }
    }
}

/// A row's conclusion as every output words it: the verdict, the tolerance that made it equal,
/// how the indicator was matched when not by the catalogue, and what became of its finding
/// (`弱于上级（已按配置允许）`, `weaker (allowed by planlint.yaml)`, `equal (aligned by wording)`).
#[must_use]
pub fn conclusion(row: &super::Comparison, standing: Standing) -> Msg {
    let (verdict, tolerance) = (row.verdict, row.tolerance);
    let mut words = verdict.words();
    if row.is_aligned_by_wording() {
        let aligned = super::ALIGNED_BY_WORDING;
        words = Msg::new(
            format!("{}（{}）", words.zh(), aligned.0),
            format!("{} ({})", words.en(), aligned.1),
        );
    }
    if let Some(tolerance) = tolerance {
        let percent = crate::model::quantity::format_number(tolerance * 100.0);
        words = Msg::new(
            format!("{}（在约数容差{percent}%以内）", words.zh()),
            format!(
                "{} (within the approximate tolerance of {percent}%)",
                words.en()
            ),
        );
    }
    if row.predates_parent {
        words = Msg::new(
            format!("{}（本方案早于上级印发，仅供参考）", words.zh()),
            format!("{} (issued before the parent: for information)", words.en()),
        );
    }
    if let Some(extra) = standing.words() {
        words = Msg::new(
            format!("{}（{}）", words.zh(), extra.zh()),
            format!("{} ({})", words.en(), extra.en()),
        );
    }
    words
}

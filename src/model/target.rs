//! Quantitative targets: indicator + deadline + comparator + value (+ baseline year).

use super::comparator::Comparator;
use super::deadline::Deadline;
use super::indicator::{Direction, IndicatorId};
use super::polarity::Change;
use super::quantity::{Quantity, Unit, format_number};
use super::span::{Located, SourceId, Span};

pub use super::id::TargetId;

/// How a target's figure runs over time. Figures of different forms are compared only where the
/// arithmetic is sound: annual growth compounds into growth over the years to the deadline; a
/// cumulative sum or a yearly flow is compared only with its own kind.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    serde::Deserialize,
)]
#[serde(rename_all = "kebab-case")]
pub enum TargetForm {
    /// A level reached by the deadline, or growth from a baseline year to it (较2023年增长25%).
    #[default]
    Total,
    /// Average growth each year (年均增长10%, 年平均增长).
    AnnualGrowth,
    /// A sum over the period (累计达到8万辆).
    Cumulative,
    /// A flow in each year (年规范回收拆解量4.8万辆, 每年培训1000人次).
    PerYear,
}

impl TargetForm {
    /// How the form reads before the value in Chinese and English.
    #[must_use]
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            TargetForm::Total => ("", ""),
            TargetForm::AnnualGrowth => ("年均增长", "annual growth "),
            TargetForm::Cumulative => ("累计", "cumulative "),
            TargetForm::PerYear => ("每年", "per year "),
        }
    }
}

#[derive(Debug, Clone)]
pub struct Target {
    /// The indicator as the plan words it.
    pub indicator: Located<String>,
    /// The catalogue entry it links to, filled in once when the corpus is read.
    pub indicator_id: Option<IndicatorId>,
    /// The indicator's wording normalised for matching across plans (`model::wording`), filled
    /// in once when the corpus is read; empty until then.
    pub wording: String,
    pub deadline: Deadline,
    pub comparator: Comparator,
    pub quantity: Quantity,
    /// The bound and value as the plan words them (`达到70%`, `1.5万辆以上`), when read from
    /// running text; messages quote it rather than a normalised form.
    pub written: Option<String>,
    /// 较2023年 in a growth target.
    pub baseline: Option<u16>,
    /// A level or total growth (most targets), annual growth, a cumulative sum, a yearly flow.
    pub form: TargetForm,
    /// The sentence the target was taken from.
    /// Which way it improves, as the plan's words say (`better:`, 控制在, 下降) or its wording
    /// suggests; the catalogue, where it names the indicator, decides before this.
    pub better: Direction,
    /// A change from the baseline: 增长 (the default for a target with a baseline) or 下降.
    pub change: Option<Change>,
    pub quote: Option<Located<String>>,
    /// Index of the task it belongs to, if it sits inside one.
    pub task: Option<usize>,
    /// What a diagnostic underlines: the quote when there is one, else the value.
    pub source: SourceId,
    pub span: Span,
}

impl Target {
    /// Whether it states a change from a baseline (较2020年下降8%, 年均增长10%, 提高3个百分点)
    /// rather than a level reached (达到35微克/立方米, 超过75%).
    #[must_use]
    pub fn is_change(&self) -> bool {
        self.change.is_some() || self.baseline.is_some() || self.form == TargetForm::AnnualGrowth
    }

    /// Whether its figure means the same at every level: a rate, a level per unit, a duration,
    /// or a change. A count, an amount, a mass or an energy stated as a level is the
    /// jurisdiction's own and a part of its parent's total.
    #[must_use]
    pub fn is_relative(&self) -> bool {
        self.is_change() || self.quantity.unit.is_relative()
    }

    /// Whether the target is money the plan will spend (投入报废资金50万元以上): a commitment of
    /// its own, never restated by another level, so not an indicator to catalogue.
    #[must_use]
    pub fn is_spending(&self) -> bool {
        const FUND_WORDS: [&str; 5] = ["资金", "经费", "补贴", "奖补", "奖励"];
        matches!(&self.quantity.unit, Unit::Count(unit) if unit == "元")
            && FUND_WORDS.iter().any(|w| self.indicator.value.contains(w))
    }

    /// The value as a reviewer reads it in Chinese: as the plan words it (`达到70%`,
    /// `年平均增长10%`) when read from text, else normalised (`较2023年增长约30%`, `超过75%`,
    /// `年均增长10%`, `0.8:1`).
    #[must_use]
    pub fn describe_zh(&self) -> String {
        let form = self.form.words().0;
        if let (Some(written), None) = (&self.written, self.baseline) {
            return written.clone();
        }
        let value = self.quantity.to_string();
        let points = matches!(&self.quantity.unit, Unit::Count(u) if u == "百分点");
        let verb = match (self.change, &self.quantity.unit) {
            (Some(Change::Decrease), Unit::Percent) => "下降",
            (Some(Change::Decrease), _) if points => "下降",
            (Some(Change::Decrease), _) => "减少",
            (_, Unit::Percent) => "增长",
            _ if points => "提高",
            _ => "新增",
        };
        let base = match (self.baseline, self.change) {
            (Some(y), _) => format!("较{y}年{verb}"),
            (None, Some(_)) if form.is_empty() => verb.to_string(),
            (None, _) => form.to_string(),
        };
        match self.comparator {
            Comparator::About => format!("{base}约{value}"),
            Comparator::MoreThan => format!("{base}超过{value}"),
            Comparator::LessThan => format!("{base}低于{value}"),
            other => format!("{base}{value}{}", other.zh()),
        }
    }

    /// The value as a reviewer reads it, in Chinese and in English, for a bilingual message.
    /// The target as a person reads it, in `lang`.
    #[must_use]
    pub fn describe_in(&self, lang: crate::i18n::Lang) -> String {
        match lang {
            crate::i18n::Lang::Zh => self.describe_zh(),
            crate::i18n::Lang::En => self.describe_en(),
        }
    }

    #[must_use]
    pub fn describe(&self) -> (String, String) {
        (self.describe_zh(), self.describe_en())
    }

    /// The value as a reviewer reads it in English: `about +30% on 2023`, `more than 75%`.
    #[must_use]
    pub fn describe_en(&self) -> String {
        let sign = match self.change {
            Some(Change::Decrease) => "−",
            _ => "+",
        };
        let value = match (&self.quantity.unit, self.baseline, self.change) {
            (Unit::Percent, Some(_), _) => format!("{sign}{}%", format_number(self.quantity.value)),
            (Unit::Percent, None, Some(_)) if self.form == TargetForm::Total => {
                format!("{sign}{}%", format_number(self.quantity.value))
            }
            (_, _, Some(Change::Decrease)) => format!("−{}", self.quantity),
            _ => self.quantity.to_string(),
        };
        let base = self
            .baseline
            .map(|y| format!(" on {y}"))
            .unwrap_or_default();
        format!(
            "{}{}{value}{base}",
            self.form.words().1,
            self.comparator.en()
        )
    }
}

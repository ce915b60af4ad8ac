//! Quantitative targets: indicator + deadline + comparator + value (+ baseline year).

use super::comparator::Comparator;
use super::deadline::Deadline;
use super::indicator::{Direction, IndicatorId};
use super::quantity::{Quantity, Unit, format_number};
use super::span::{Located, SourceId, Span};

pub use super::id::TargetId;

#[derive(Debug, Clone)]
pub struct Target {
    /// The indicator as the plan words it.
    pub indicator: Located<String>,
    /// The catalogue entry it links to, filled in once when the corpus is read.
    pub indicator_id: Option<IndicatorId>,
    pub deadline: Deadline,
    pub comparator: Comparator,
    pub quantity: Quantity,
    /// The bound and value as the plan words them (`达到70%`, `1.5万辆以上`), when read from
    /// running text; messages quote it rather than a normalised form.
    pub written: Option<String>,
    /// 较2023年 in a growth target.
    pub baseline: Option<u16>,
    /// The sentence the target was taken from.
    pub quote: Option<Located<String>>,
    /// Index of the task it belongs to, if it sits inside one.
    pub task: Option<usize>,
    /// What a diagnostic underlines: the quote when there is one, else the value.
    pub source: SourceId,
    pub span: Span,
}

impl Target {
    /// Whether this target promises less than `parent` does, for an indicator where `direction`
    /// is better. Both must measure the same unit against the same baseline; `None` when they
    /// cannot be compared. An approximate figure (约, 左右) is read as the figure itself: 约30%
    /// is weaker than 约一倍. Equal figures are never weaker, whatever the words around them, so
    /// that 达到75% under 超过75% is not reported.
    #[must_use]
    pub fn is_weaker_than(&self, parent: &Target, direction: Direction) -> Option<bool> {
        if !self.quantity.is_comparable(&parent.quantity) || self.baseline != parent.baseline {
            return None;
        }
        let (child, parent_value) = (self.quantity.value, parent.quantity.value);
        let tolerance = 1e-9 * child.abs().max(parent_value.abs()).max(1.0);
        let weaker = match direction {
            Direction::Higher => child < parent_value - tolerance,
            Direction::Lower => child > parent_value + tolerance,
        };
        Some(weaker)
    }

    /// Whether the target is money the plan will spend (投入报废资金50万元以上): a commitment of
    /// its own, never restated by another level, so not an indicator to catalogue.
    #[must_use]
    pub fn is_spending(&self) -> bool {
        const FUND_WORDS: [&str; 5] = ["资金", "经费", "补贴", "奖补", "奖励"];
        matches!(&self.quantity.unit, Unit::Count(unit) if unit == "元")
            && FUND_WORDS.iter().any(|w| self.indicator.value.contains(w))
    }

    /// The value as a reviewer reads it in Chinese: as the plan words it (`达到70%`) when read
    /// from text, else normalised (`较2023年增长约30%`, `超过75%`, `0.8:1`).
    #[must_use]
    pub fn describe_zh(&self) -> String {
        if let (Some(written), None) = (&self.written, self.baseline) {
            return written.clone();
        }
        let value = self.quantity.to_string();
        let base = self
            .baseline
            .map(|y| format!("较{y}年增长"))
            .unwrap_or_default();
        match self.comparator {
            Comparator::About => format!("{base}约{value}"),
            Comparator::MoreThan => format!("{base}超过{value}"),
            Comparator::LessThan => format!("{base}低于{value}"),
            other => format!("{base}{value}{}", other.zh()),
        }
    }

    /// The value as a reviewer reads it in English: `about +30% on 2023`, `more than 75%`.
    #[must_use]
    pub fn describe_en(&self) -> String {
        let value = match (&self.quantity.unit, self.baseline) {
            (Unit::Percent, Some(_)) => format!("+{}%", format_number(self.quantity.value)),
            _ => self.quantity.to_string(),
        };
        let base = self
            .baseline
            .map(|y| format!(" on {y}"))
            .unwrap_or_default();
        format!("{}{value}{base}", self.comparator.en())
    }
}

//! Putting two targets for one indicator on one footing before they are compared: the same form
//! and baseline as they stand, or annual growth compounded over the years from the baseline to
//! the deadline when one plan writes growth per year and the other growth over the period
//! (年均增长10% from 2023 to 2027 ≈ +46%, against 较2023年增加约一倍 = +100%).

use super::deadline::Deadline;
use super::indicator::Direction;
use super::quantity::Unit;
use super::target::{Target, TargetForm};

/// Annual growth turned into growth over a period, for the message that shows the arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Compounded {
    /// The annual rate, in %.
    pub rate: f64,
    pub from: u16,
    pub to: u16,
    /// The growth over the period, in %.
    pub total: f64,
    /// Whether it is the child's figure that was compounded (else the parent's).
    pub on_child: bool,
}

/// Two figures that can be compared: the child's and the parent's values, and the compounding
/// that made them comparable, if any.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footing {
    pub child: f64,
    pub parent: f64,
    pub compounded: Option<Compounded>,
}

/// Whether `child` promises less than `parent` does, for an indicator where `direction` is
/// better, once both are on one footing; `None` when they cannot be compared. An approximate
/// figure (约, 左右) is read as the figure itself: 约30% is weaker than 约一倍. Equal figures are
/// never weaker, whatever the words around them, so that 达到75% under 超过75% is not reported.
#[must_use]
pub fn is_weaker(child: &Target, parent: &Target, direction: Direction) -> Option<bool> {
    footing(child, parent).map(|on| on.is_weaker(direction))
}

impl Footing {
    /// Whether the child's figure promises less than the parent's where `direction` is better
    /// (equal figures never do).
    #[must_use]
    pub fn is_weaker(&self, direction: Direction) -> bool {
        let tolerance = 1e-9 * self.child.abs().max(self.parent.abs()).max(1.0);
        match direction {
            Direction::Higher => self.child < self.parent - tolerance,
            Direction::Lower => self.child > self.parent + tolerance,
        }
    }
}

/// `rate`% a year over `years` years, as growth over the period in %.
#[must_use]
pub fn compound(rate: f64, years: u16) -> f64 {
    ((1.0 + rate / 100.0).powi(i32::from(years)) - 1.0) * 100.0
}

/// The child's and parent's figures on one footing, or `None` when they measure different
/// things: other units, other baselines, a cumulative sum against a level, or growth per year
/// with no baseline year to compound from (the child's own baseline, else the parent's).
#[must_use]
pub fn footing(child: &Target, parent: &Target) -> Option<Footing> {
    if !child.quantity.is_comparable(&parent.quantity) {
        return None;
    }
    let (c, p) = (child.quantity.value, parent.quantity.value);
    if child.form == parent.form && child.baseline == parent.baseline {
        return Some(Footing {
            child: c,
            parent: p,
            compounded: None,
        });
    }
    if child.quantity.unit != Unit::Percent {
        return None;
    }
    match (child.form, parent.form) {
        (TargetForm::AnnualGrowth, TargetForm::Total) => {
            let period = period(child.baseline.or(parent.baseline), parent)?;
            let total = compound(c, period.1 - period.0);
            Some(Footing {
                child: total,
                parent: p,
                compounded: Some(Compounded {
                    rate: c,
                    from: period.0,
                    to: period.1,
                    total,
                    on_child: true,
                }),
            })
        }
        (TargetForm::Total, TargetForm::AnnualGrowth) => {
            let period = period(child.baseline.or(parent.baseline), child)?;
            let total = compound(p, period.1 - period.0);
            Some(Footing {
                child: c,
                parent: total,
                compounded: Some(Compounded {
                    rate: p,
                    from: period.0,
                    to: period.1,
                    total,
                    on_child: false,
                }),
            })
        }
        _ => None,
    }
}

/// From the baseline year to the deadline of `total` (the target written over the period),
/// which must itself be measured from that baseline.
fn period(baseline: Option<u16>, total: &Target) -> Option<(u16, u16)> {
    let (Some(from), Deadline::Year(to)) = (baseline, total.deadline) else {
        return None;
    };
    (total.baseline == Some(from) && to > from).then_some((from, to))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Comparator, Located, Quantity, SourceId, Span};

    fn target(value: f64, form: TargetForm, baseline: Option<u16>) -> Target {
        Target {
            indicator: Located::new("报废汽车回收量".into(), SourceId(0), Span::new(0, 0)),
            indicator_id: None,
            deadline: Deadline::Year(2027),
            comparator: Comparator::About,
            quantity: Quantity {
                value,
                unit: Unit::Percent,
            },
            written: None,
            baseline,
            form,
            better: crate::model::Direction::Higher,
            change: baseline.map(|_| crate::model::Change::Increase),
            quote: None,
            task: None,
            source: SourceId(0),
            span: Span::new(0, 0),
        }
    }

    #[test]
    fn ten_percent_a_year_is_about_46_percent_over_four_years() {
        assert!((compound(10.0, 4) - 46.41).abs() < 0.01);
        assert!((compound(20.0, 4) - 107.36).abs() < 0.01);
    }

    #[test]
    fn annual_growth_is_compounded_from_the_parents_baseline() {
        let child = target(10.0, TargetForm::AnnualGrowth, None);
        let parent = target(100.0, TargetForm::Total, Some(2023));
        let on = footing(&child, &parent).unwrap();
        assert!((on.child - 46.41).abs() < 0.01);
        assert_eq!(
            on.compounded.map(|c| (c.from, c.to, c.on_child)),
            Some((2023, 2027, true))
        );
        // And the other way round: a parent's annual growth against a child's total.
        let on = footing(&parent, &child).unwrap();
        assert!((on.parent - 46.41).abs() < 0.01);
    }

    #[test]
    fn a_cumulative_sum_meets_only_a_cumulative_sum() {
        let sum = target(8.0, TargetForm::Cumulative, None);
        assert!(footing(&sum, &target(8.0, TargetForm::Total, None)).is_none());
        assert!(footing(&sum, &target(9.0, TargetForm::Cumulative, None)).is_some());
        // No baseline anywhere: nothing to compound from.
        let annual = target(10.0, TargetForm::AnnualGrowth, None);
        assert!(footing(&annual, &target(30.0, TargetForm::Total, None)).is_none());
    }
}

//! Putting two targets for one indicator on one footing before they are compared: the same form
//! and baseline as they stand, or annual growth compounded over the years from the baseline to
//! the deadline when one plan writes growth per year and the other growth over the period
//! (年均增长10% from 2023 to 2027 ≈ +46%, against 较2023年增加约一倍 = +100%).

use super::deadline::Deadline;
use super::indicator::Direction;
use super::polarity::Change;
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
}

/// How one side's figure was put on the other's footing, for the message that shows the
/// arithmetic.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Conversion {
    /// Annual growth compounded over the years from the baseline to the deadline.
    Compounded(Compounded),
    /// A share of the year's days as days: 20% × 366天 = 73.2天.
    ShareOfYear {
        percent: f64,
        days_in_year: u16,
        days: f64,
    },
    /// Another size of the same unit: 0.035毫克/立方米 = 35微克/立方米.
    Units {
        written: f64,
        from: &'static str,
        converted: f64,
        to: &'static str,
    },
}

/// Two figures that can be compared: the child's and the parent's values (a decrease as a
/// negative change: 下降8% is −8), and how either was converted to be compared, if it was.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Footing {
    pub child: f64,
    pub parent: f64,
    pub child_conversion: Option<Conversion>,
    pub parent_conversion: Option<Conversion>,
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

    /// The same two figures the other way round.
    #[must_use]
    pub fn reversed(&self) -> Footing {
        Footing {
            child: self.parent,
            parent: self.child,
            child_conversion: self.parent_conversion,
            parent_conversion: self.child_conversion,
        }
    }
}

/// `rate`% a year over `years` years, as growth over the period in %.
#[must_use]
pub fn compound(rate: f64, years: u16) -> f64 {
    ((1.0 + rate / 100.0).powi(i32::from(years)) - 1.0) * 100.0
}

/// A target's figure in its dimension's comparison unit, a decrease negative, and the unit
/// conversion made, if one was.
fn signed(target: &Target) -> (f64, Option<Conversion>) {
    let canonical = target.quantity.canonical();
    let sign = if target.change == Some(Change::Decrease) {
        -1.0
    } else {
        1.0
    };
    let conversion = match (&target.quantity.unit, &canonical.unit) {
        (Unit::Count(from), Unit::Count(to)) if from != to => super::quantity::static_unit(from)
            .zip(super::quantity::static_unit(to))
            .map(|(from, to)| Conversion::Units {
                written: target.quantity.value,
                from,
                converted: canonical.value,
                to,
            }),
        _ => None,
    };
    (sign * canonical.value, conversion)
}

/// The child's and parent's figures on one footing, or `None` when they measure different
/// things: other units, a level against a change, other baselines, a cumulative sum against a
/// level, or growth per year with no baseline year to compound from (the child's own baseline,
/// else the parent's). Sizes of one unit are converted (毫克 and 微克), and a share of the year
/// is counted in days against a number of days.
#[must_use]
pub fn footing(child: &Target, parent: &Target) -> Option<Footing> {
    if let Some(on) = share_of_year(child, parent) {
        return Some(on);
    }
    if !child.quantity.is_comparable(&parent.quantity) || child.is_change() != parent.is_change() {
        return None;
    }
    let ((c, child_conversion), (p, parent_conversion)) = (signed(child), signed(parent));
    let on = |child, parent, child_conversion, parent_conversion| Footing {
        child,
        parent,
        child_conversion,
        parent_conversion,
    };
    if child.form == parent.form && child.baseline == parent.baseline {
        return Some(on(c, p, child_conversion, parent_conversion));
    }
    if child.quantity.unit != Unit::Percent {
        return None;
    }
    // Annual growth compounded from the baseline to the deadline of the other side's total.
    let compounded = |rate: f64, total: &Target| {
        let (from, to) = period(child.baseline.or(parent.baseline), total)?;
        let sum = compound(rate, to - from);
        let conversion = Conversion::Compounded(Compounded {
            rate,
            from,
            to,
            total: sum,
        });
        Some((sum, conversion))
    };
    match (child.form, parent.form) {
        (TargetForm::AnnualGrowth, TargetForm::Total) => {
            let (total, conversion) = compounded(c, parent)?;
            Some(on(total, p, Some(conversion), None))
        }
        (TargetForm::Total, TargetForm::AnnualGrowth) => {
            let (total, conversion) = compounded(p, child)?;
            Some(on(c, total, None, Some(conversion)))
        }
        _ => None,
    }
}

/// A number of days against a share of the year (重污染天数 N天 against 重污染天数比例 x%), both
/// levels in the same year: the share counted in that year's days.
fn share_of_year(child: &Target, parent: &Target) -> Option<Footing> {
    let Deadline::Year(year) = child.deadline else {
        return None;
    };
    let levels = !child.is_change() && !parent.is_change() && child.form == parent.form;
    if !levels || child.deadline != parent.deadline {
        return None;
    }
    let days_in_year = if is_leap(year) { 366 } else { 365 };
    let as_days = |percent: f64| {
        let days = percent / 100.0 * f64::from(days_in_year);
        (
            days,
            Conversion::ShareOfYear {
                percent,
                days_in_year,
                days,
            },
        )
    };
    let (c, p) = (&child.quantity, &parent.quantity);
    match (&c.unit, &p.unit) {
        (Unit::Percent, days) if days.is_days() => {
            let (value, conversion) = as_days(c.value);
            Some(Footing {
                child: value,
                parent: p.value,
                child_conversion: Some(conversion),
                parent_conversion: None,
            })
        }
        (days, Unit::Percent) if days.is_days() => {
            let (value, conversion) = as_days(p.value);
            Some(Footing {
                child: c.value,
                parent: value,
                child_conversion: None,
                parent_conversion: Some(conversion),
            })
        }
        _ => None,
    }
}

fn is_leap(year: u16) -> bool {
    (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400)
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
            wording: String::new(),
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
        assert!(matches!(
            on.child_conversion,
            Some(Conversion::Compounded(Compounded {
                from: 2023,
                to: 2027,
                ..
            }))
        ));
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

//! The verdict on one pair of targets: put on one footing (`model::growth`), then weaker,
//! stricter, equal (within the approximate tolerance) or the same figure with a looser bound.

use serde::Serialize;

use super::{Incomparable, Verdict};
use crate::catalogue::Indicator;
use crate::model::growth::{Footing, footing};
use crate::model::{Comparator, Direction, IndicatorKind, Target};

/// Numbers planlint.yaml tunes for comparisons.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct Thresholds {
    /// How far below its parent (as a share of the parent's value) a child's approximate
    /// target (约, 左右) may be before it counts as weaker. `0` (the default): any shortfall.
    pub approximate_tolerance: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Self {
            approximate_tolerance: 0.0,
        }
    }
}

/// What judging a pair found.
pub(super) struct Judged {
    pub verdict: Verdict,
    pub footing: Option<Footing>,
    /// The tolerance that made a shortfall equal.
    pub tolerance: Option<f64>,
}

/// The verdict on `child` against `parent`, two targets for `indicator` in the same year.
pub(super) fn judge(
    child: &Target,
    parent: &Target,
    indicator: &Indicator,
    thresholds: Thresholds,
) -> Judged {
    let Some(on) = footing(child, parent) else {
        return Judged {
            verdict: Verdict::NotComparable(why_incomparable(child, parent)),
            footing: None,
            tolerance: None,
        };
    };
    let judged = |verdict, tolerance| Judged {
        verdict,
        footing: Some(on),
        tolerance,
    };
    if indicator.kind == IndicatorKind::Absolute {
        return judged(Verdict::NotComparable(Incomparable::PartOfWhole), None);
    }
    let direction = indicator.direction;
    if on.is_weaker(direction) {
        let tolerance = thresholds.approximate_tolerance;
        return if within_tolerance(child, parent, on, tolerance) {
            judged(Verdict::Equal, Some(tolerance))
        } else {
            judged(Verdict::Weaker, None)
        };
    }
    // The same two figures the other way round: is the parent's the weaker?
    let reversed = Footing {
        child: on.parent,
        parent: on.child,
        compounded: None,
    };
    if reversed.is_weaker(direction) {
        judged(Verdict::Stricter, None)
    } else if is_looser(child.comparator, parent.comparator, direction) {
        judged(Verdict::LooserBound, None)
    } else {
        judged(Verdict::Equal, None)
    }
}

/// Why two targets for one indicator and year cannot be put on one footing.
pub(super) fn why_incomparable(child: &Target, parent: &Target) -> Incomparable {
    if child.quantity.is_comparable(&parent.quantity) {
        Incomparable::OtherFooting
    } else {
        Incomparable::OtherUnit
    }
}

/// An approximate target (约, 左右) within the configured share of its parent's value is not
/// weaker (`thresholds: approximate-tolerance` in planlint.yaml; 0 by default).
fn within_tolerance(child: &Target, parent: &Target, on: Footing, tolerance: f64) -> bool {
    let approximate =
        child.comparator == Comparator::About || parent.comparator == Comparator::About;
    approximate && tolerance > 0.0 && (on.child - on.parent).abs() <= tolerance * on.parent.abs()
}

/// How firmly a bound holds the figure where `direction` is better: strictly beyond it (超过),
/// at it (达到, 不低于), about it (约).
fn firmness(comparator: Comparator, direction: Direction) -> Option<u8> {
    match (direction, comparator) {
        (Direction::Higher, Comparator::MoreThan) | (Direction::Lower, Comparator::LessThan) => {
            Some(3)
        }
        (Direction::Higher, Comparator::AtLeast | Comparator::Exactly)
        | (Direction::Lower, Comparator::AtMost | Comparator::Exactly) => Some(2),
        (_, Comparator::About) => Some(1),
        _ => None,
    }
}

/// Whether the child's bound on the same figure is looser than the parent's (达到75% under
/// 超过75%).
fn is_looser(child: Comparator, parent: Comparator, direction: Direction) -> bool {
    match (firmness(child, direction), firmness(parent, direction)) {
        (Some(mine), Some(theirs)) => mine < theirs,
        _ => false,
    }
}

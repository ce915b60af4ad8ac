//! The verdict on one pair of targets: put on one footing (`model::growth`), then weaker,
//! stricter, equal (within the approximate tolerance) or the same figure with a looser bound.

use serde::Serialize;

use super::{Incomparable, Verdict};
use crate::catalogue::Indicator;
use crate::model::growth::{Footing, footing};
use crate::model::{Change, Comparator, Direction, IndicatorKind, Target};

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

/// What a comparison needs to know of an indicator: which way it improves and whether a
/// figure is the jurisdiction's own share of a total. The catalogue says both for the
/// indicators it names; for any other, the parent's sentence says which way (`Target::better`:
/// 下降, 控制在, the lexicon of `model::polarity`) and the unit says the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Traits {
    pub direction: Direction,
    pub kind: IndicatorKind,
}

impl Traits {
    pub(super) fn of(indicator: Option<&Indicator>, child: &Target, parent: &Target) -> Self {
        match indicator {
            Some(indicator) => Traits {
                direction: indicator.direction,
                kind: indicator.kind,
            },
            None => Traits {
                direction: parent.better,
                kind: kind_of(child, parent),
            },
        }
    }
}

/// Relative when both figures are: a rate, a level per unit, a duration, or any change from a
/// baseline. Absolute when either is a count, an amount, a mass or an energy stated as a level.
fn kind_of(child: &Target, parent: &Target) -> IndicatorKind {
    if child.is_relative() && parent.is_relative() {
        IndicatorKind::Relative
    } else {
        IndicatorKind::Absolute
    }
}

/// The verdict on `child` against `parent`, two targets for one indicator in the same year.
pub(super) fn judge(
    child: &Target,
    parent: &Target,
    traits: Traits,
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
    if traits.kind == IndicatorKind::Absolute {
        return judged(Verdict::NotComparable(Incomparable::PartOfWhole), None);
    }
    let direction = traits.direction;
    if on.is_weaker(direction) {
        let tolerance = thresholds.approximate_tolerance;
        return if within_tolerance(child, parent, on, tolerance) {
            judged(Verdict::Equal, Some(tolerance))
        } else {
            judged(Verdict::Weaker, None)
        };
    }
    if on.reversed().is_weaker(direction) {
        judged(Verdict::Stricter, None)
    } else if falls_short_about(child, parent, direction) {
        // 达70%左右 under 超70%: about the figure may fall below a floor the parent sets.
        let tolerance = thresholds.approximate_tolerance;
        if tolerance > 0.0 {
            judged(Verdict::Equal, Some(tolerance))
        } else {
            judged(Verdict::Weaker, None)
        }
    } else if is_looser(bound(child), bound(parent), direction) {
        judged(Verdict::LooserBound, None)
    } else {
        judged(Verdict::Equal, None)
    }
}

/// The bound a target sets on its signed figure: 下降8%以上 is a decrease of at least 8, so a
/// change of at most −8.
fn bound(target: &Target) -> Comparator {
    if target.change == Some(Change::Decrease) {
        target.comparator.flipped()
    } else {
        target.comparator
    }
}

/// Why two targets for one indicator and year cannot be put on one footing.
pub(super) fn why_incomparable(child: &Target, parent: &Target) -> Incomparable {
    if child.is_change() != parent.is_change() {
        Incomparable::LevelAgainstChange
    } else if child.quantity.is_comparable(&parent.quantity) {
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

/// Whether the two figures on `on` are the same where `direction` is better: neither is the
/// weaker.
pub(super) fn is_same_figure(on: Footing, direction: Direction) -> bool {
    !on.is_weaker(direction) && !on.reversed().is_weaker(direction)
}

/// Whether the child gives the parent's figure only approximately (约, 左右) where the parent
/// sets it as a bound (达到, 超过, 不低于): about the figure may fall short of it.
fn falls_short_about(child: &Target, parent: &Target, direction: Direction) -> bool {
    bound(child) == Comparator::About && firmness(bound(parent), direction).is_some_and(|f| f >= 2)
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

/// A row's figures, judged here as its verdict was.
impl super::Comparison {
    /// Both figures on one footing, when they were put on one: the same footing the verdict
    /// was judged on (the two targets do not change).
    #[must_use]
    pub fn figures(&self, corpus: &crate::ingest::Corpus) -> Option<Footing> {
        if !self.footed {
            return None;
        }
        let (child, parent) = (self.child?, self.parent?);
        footing(corpus.target(child), corpus.target(parent))
    }

    /// Whether a weaker verdict is for the parent's very figure given only approximately
    /// (达70%左右 under 超70%), not for a lower one.
    #[must_use]
    pub fn is_approximate_shortfall(&self, corpus: &crate::ingest::Corpus) -> bool {
        self.verdict == super::Verdict::Weaker
            && self
                .figures(corpus)
                .is_some_and(|on| is_same_figure(on, self.direction.unwrap_or(Direction::Higher)))
    }
}

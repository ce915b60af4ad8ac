//! Typed indexes into a corpus: a plan, and a target of a plan. `Corpus::plan` and
//! `Corpus::target` look them up.

/// Index of a plan in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PlanId(pub usize);

/// A target of one plan: the plan and the target's index in it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct TargetId {
    pub plan: PlanId,
    pub index: usize,
}

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

/// Index of a comparison of the run (`comparison::Comparisons`): one row of a plan's 对照表.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(transparent)]
pub struct ComparisonId(pub usize);

//! Every comparison of a run, held plan by plan, numbered in plan order.

use super::{Comparison, Verdict};
use crate::model::{ComparisonId, PlanId, TargetId};

/// Every comparison of the run, with indexes by plan and by the plan's target.
#[derive(Debug, Default)]
pub struct Comparisons {
    /// Each plan's rows, by plan, kept where they were made: copied into one list, the rows of
    /// a national corpus (over a million) cost a second copy of them all and its memory.
    by_plan: Vec<Vec<Comparison>>,
    /// The id of each plan's first row: rows are numbered plan by plan, so a plan's are one run
    /// of ids.
    starts: Vec<usize>,
}

impl Comparisons {
    /// One comparison.
    #[must_use]
    pub fn get(&self, id: ComparisonId) -> &Comparison {
        // The plan holding `id` is the last whose first id is not past it (plans before it
        // with no rows start at the same id).
        let plan = self.starts.partition_point(|start| *start <= id.0) - 1;
        &self.by_plan[plan][id.0 - self.starts[plan]]
    }

    /// Every comparison with its id, in a stable order (plan, then as made).
    pub fn iter(&self) -> impl Iterator<Item = (ComparisonId, &Comparison)> {
        self.by_plan
            .iter()
            .flatten()
            .enumerate()
            .map(|(i, c)| (ComparisonId(i), c))
    }

    /// The comparisons with `verdict`.
    pub fn with_verdict(
        &self,
        verdict: Verdict,
    ) -> impl Iterator<Item = (ComparisonId, &Comparison)> {
        self.iter().filter(move |(_, c)| c.verdict == verdict)
    }

    /// A plan's rows, in the order they were made.
    pub fn of_plan(&self, plan: PlanId) -> impl Iterator<Item = ComparisonId> + use<> {
        let rows = match (self.starts.get(plan.0), self.by_plan.get(plan.0)) {
            (Some(start), Some(rows)) => *start..start + rows.len(),
            _ => 0..0,
        };
        rows.map(ComparisonId)
    }

    /// The row of one of a plan's own targets: a plan's rows start with one per target, in
    /// its order (`rows_of`), so it is found by place, with no index to hold.
    #[must_use]
    pub fn of_target(&self, target: TargetId) -> Option<ComparisonId> {
        let row = self.by_plan.get(target.plan.0)?.get(target.index)?;
        let start = self.starts.get(target.plan.0)?;
        (row.child == Some(target)).then_some(ComparisonId(start + target.index))
    }

    /// How many comparisons there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.starts
            .last()
            .zip(self.by_plan.last())
            .map_or(0, |(start, rows)| start + rows.len())
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Every plan's rows, in plan order.
    pub(super) fn of_plans(by_plan: Vec<Vec<Comparison>>) -> Self {
        let mut starts = Vec::with_capacity(by_plan.len());
        let mut next = 0;
        for rows in &by_plan {
            starts.push(next);
            next += rows.len();
        }
        Comparisons { by_plan, starts }
    }
}

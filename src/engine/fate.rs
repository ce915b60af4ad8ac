//! What becomes of each comparison's finding, stage by stage: a row whose finding the
//! configuration, an `allow:` entry or the baseline removed says so in every output.

use crate::comparison::{Comparisons, Standing};
use crate::diagnostics::Diagnostic;
use crate::lints;

/// What becomes of the findings that report comparisons, stage by stage: a row whose finding
/// the configuration, an `allow:` entry or the baseline removed says so in every output.
pub(super) struct Fate {
    /// Per comparison: what removed its finding, once one did.
    removed: Vec<Option<Standing>>,
    /// Per comparison: whether a finding reported it at the last stage.
    covered: Vec<bool>,
}

impl Fate {
    pub(super) fn new(comparisons: &Comparisons) -> Self {
        Self {
            removed: vec![None; comparisons.len()],
            covered: vec![false; comparisons.len()],
        }
    }

    /// The lints' findings as they came: every row they report is covered.
    pub(super) fn cover(&mut self, findings: &[Diagnostic]) {
        for id in findings.iter().flat_map(|d| &d.comparisons) {
            self.covered[id.0] = true;
        }
    }

    /// After a stage that removes findings: rows no finding reports any more were removed by it.
    pub(super) fn survived(&mut self, findings: &[Diagnostic], stage: Standing) {
        let mut still = vec![false; self.covered.len()];
        for id in findings.iter().flat_map(|d| &d.comparisons) {
            still[id.0] = true;
        }
        for (i, was) in self.covered.iter().enumerate() {
            if *was && !still[i] && self.removed[i].is_none() {
                self.removed[i] = Some(stage);
            }
        }
        self.covered = still;
    }

    /// Each comparison's standing: reported at its finding's severity, removed at a stage, or
    /// never reported (its lint did not run, or the verdict is not a finding).
    pub(super) fn standings(
        &self,
        comparisons: &Comparisons,
        findings: &[Diagnostic],
    ) -> Vec<Standing> {
        let mut standings: Vec<Standing> = comparisons
            .iter()
            .map(|(id, row)| match self.removed[id.0] {
                Some(stage) => stage,
                None if lints::reporting(row).is_some() => Standing::Allowed,
                None => Standing::Informational,
            })
            .collect();
        for d in findings {
            for id in &d.comparisons {
                standings[id.0] = Standing::Reported(d.severity);
            }
        }
        standings
    }
}

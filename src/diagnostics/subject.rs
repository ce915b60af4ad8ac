//! What a finding is about: the target and the parent target it fell short of, the citation,
//! the agency mention, the plan. Exports, `trace` and reports read verdicts from findings by
//! their subject instead of computing them again, so they agree with `check` under every
//! configuration.

use crate::model::text::fold;
use crate::model::{Deadline, Plan, PlanId, TargetId};

/// The subject of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub enum Subject {
    /// A file, or the whole run.
    #[default]
    File,
    /// A plan as a whole (its header, its place in the cascade).
    Plan(PlanId),
    /// One target, with the target of a plan above it that it was measured against.
    Target {
        target: TargetId,
        parent: Option<TargetId>,
    },
    /// One citation of a plan, by its index in `Plan::citations`.
    Citation { plan: PlanId, index: usize },
    /// One agency mention of a plan, by its index in `Plan::agency_mentions` order.
    Agency { plan: PlanId, mention: usize },
}

/// A place a finding offers to choose from (a name several jurisdictions share): how it is
/// shown, and what `--jurisdiction` takes to name exactly it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    /// `鼓楼区 (350102), 福州市, 福建省`.
    pub shown: String,
    /// `350102`, or a path `福建省/福州市/鼓楼区` for a place without a code.
    pub hint: String,
}

/// A finding's subject as JSON and SARIF carry it: what kind of thing it is about, and the facts
/// of each comparison it reports.
#[derive(Debug, serde::Serialize)]
pub struct SubjectFacts {
    /// `file`, `plan`, `target`, `citation` or `agency`.
    pub kind: &'static str,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub comparisons: Vec<super::facts::Facts>,
}

impl Subject {
    /// The kind of thing it is about, by name.
    #[must_use]
    pub fn kind(self) -> &'static str {
        match self {
            Subject::File => "file",
            Subject::Plan(_) => "plan",
            Subject::Target { .. } => "target",
            Subject::Citation { .. } => "citation",
            Subject::Agency { .. } => "agency",
        }
    }

    /// The target the finding is about, if it is about one.
    #[must_use]
    pub fn target(self) -> Option<TargetId> {
        match self {
            Subject::Target { target, .. } => Some(target),
            _ => None,
        }
    }

    /// The subject's identity in words, independent of indexes and messages, for fingerprints:
    /// rewording a message or adding a target above keeps it.
    #[must_use]
    pub fn key(self, plans: &[Plan]) -> String {
        match self {
            Subject::File | Subject::Plan(_) => String::new(),
            Subject::Target { target, parent } => {
                let mut key = target_key(plans, target);
                if let Some(parent) = parent {
                    key.push_str(" < ");
                    key.push_str(&target_key(plans, parent));
                }
                key
            }
            Subject::Citation { plan, index } => plans
                .get(plan.0)
                .and_then(|p| p.citations.get(index))
                .map(|c| {
                    let number = c.doc_number.as_ref().map(|n| n.value.written.as_str());
                    let title = c.title.as_ref().map(|t| t.value.as_str());
                    fold(&format!("{} {}", number.unwrap_or(""), title.unwrap_or("")))
                })
                .unwrap_or_default(),
            Subject::Agency { plan, mention } => plans
                .get(plan.0)
                .and_then(|p| p.agency_mentions().nth(mention))
                .map(|(_, lead, name)| {
                    let role = if lead { "lead" } else { "responsible" };
                    format!("{role} {}", name.value.folded)
                })
                .unwrap_or_default(),
        }
    }
}

/// `鲁政发〔2024〕3号 数控化率 2027`.
fn target_key(plans: &[Plan], id: TargetId) -> String {
    let Some(plan) = plans.get(id.plan.0) else {
        return String::new();
    };
    let Some(target) = plan.targets.get(id.index) else {
        return String::new();
    };
    let year = match target.deadline {
        Deadline::Year(y) => y.to_string(),
        Deadline::Annual => "annual".to_string(),
        Deadline::Unstated => String::new(),
    };
    format!(
        "{} {} {year}",
        plan.display_name(),
        fold(&target.indicator.value)
    )
}

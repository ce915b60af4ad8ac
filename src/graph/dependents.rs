//! What a change touches: the plans of the changed files (a plan's sidecar is part of it), the
//! plans below them (whose ancestors include a changed plan) and those that cite them, and
//! every plan of a changed jurisdiction file. `check --changed-since REF` reports the findings of these alone, which are the same
//! findings a full check gives for them.

use std::collections::HashSet;
use std::path::PathBuf;

use super::{CitationLink, KnowledgeGraph};
use crate::ingest::Corpus;
use crate::model::{PlanId, SourceId};

/// The files whose findings a change to `changed` (absolute, normalised paths) can alter.
#[must_use]
pub fn affected(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    changed: &HashSet<PathBuf>,
) -> HashSet<SourceId> {
    let canonical = |source: SourceId| {
        let path = &corpus.sources.get(source).path;
        std::fs::canonicalize(path).unwrap_or_else(|_| path.clone())
    };
    let touched = |source: SourceId| changed.contains(&canonical(source));
    // A sidecar is part of its plan: a corrected target, a status or an `allow:` entry changes
    // what the plan reads, so its plan and the plans that depend on it are what changed.
    let plan_touched = |source: SourceId| {
        let text = canonical(source);
        changed.contains(&text)
            || crate::ingest::sidecar_path(&text).is_some_and(|sidecar| changed.contains(&sidecar))
    };
    let jurisdictions: HashSet<_> = corpus
        .jurisdictions
        .iter()
        .enumerate()
        .filter(|(_, j)| touched(j.source))
        .map(|(i, _)| i)
        .collect();
    let changed_plans: HashSet<PlanId> = corpus
        .plan_ids()
        .filter(|(_, plan)| {
            plan_touched(plan.source) || jurisdictions.contains(&plan.jurisdiction.0)
        })
        .map(|(id, _)| id)
        .collect();
    let mut files: HashSet<SourceId> = (0..corpus.sources.len())
        .map(SourceId)
        .filter(|&s| touched(s))
        .collect();
    for (id, plan) in corpus.plan_ids() {
        let below = graph
            .ancestors(id)
            .iter()
            .any(|a| changed_plans.contains(a));
        let cites = graph.citations(id).iter().any(
            |link| matches!(link, CitationLink::Plan { plan, .. } if changed_plans.contains(plan)),
        );
        if changed_plans.contains(&id) || below || cites {
            files.insert(plan.source);
        }
    }
    files
}

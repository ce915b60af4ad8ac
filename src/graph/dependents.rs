//! What a change touches: the plans of the changed files, the plans below them (whose ancestors
//! include a changed plan) and those that cite them, and every plan of a changed jurisdiction
//! file. `check --changed-since REF` reports the findings of these alone, which are the same
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
    let touched = |source: SourceId| {
        let path = &corpus.sources.get(source).path;
        let absolute = std::fs::canonicalize(path).unwrap_or_else(|_| path.clone());
        changed.contains(&absolute)
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
        .filter(|(_, plan)| touched(plan.source) || jurisdictions.contains(&plan.jurisdiction.0))
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

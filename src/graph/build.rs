//! Builds the [`KnowledgeGraph`] from a corpus: links targets to the indicator catalogue,
//! resolves citations (making stubs), agencies and parent targets (`nodes` makes the petgraph
//! nodes and edges from them when asked).

use foldhash::HashMap;

use super::KnowledgeGraph;
use super::resolve::{CitationLink, PlanIndex, Stub, StubId};
use crate::ingest::Corpus;
use crate::model::text::plan_title_core;
use crate::model::{Deadline, IndicatorKey, JurisdictionId, PlanId, TargetId};

/// Builds the graph of a corpus whose targets are linked to the catalogue; the corpus is not
/// changed.
#[must_use]
pub fn build(corpus: &Corpus) -> KnowledgeGraph {
    let (citations, stubs) = resolve_citations(corpus);
    let cites: Vec<Vec<PlanId>> = citations
        .iter()
        .map(|links| {
            links
                .iter()
                .filter_map(|l| match l {
                    CitationLink::Plan { plan, .. } => Some(*plan),
                    CitationLink::Stub(_) => None,
                })
                .collect()
        })
        .collect();
    let campaigns = super::campaign::resolve(corpus, &citations, &stubs);
    let campaign_index = super::ancestry::campaign_index(corpus, &campaigns);
    let ancestors: Vec<Vec<PlanId>> = {
        use rayon::prelude::*;
        (0..corpus.plans.len())
            .into_par_iter()
            .map(|i| {
                super::ancestry::ancestors(corpus, &cites, &campaigns, &campaign_index, PlanId(i))
            })
            .collect()
    };
    // Every target's key made once (`IndicatorKey::of` copies a wording).
    let keys: Vec<Vec<IndicatorKey>> = {
        use rayon::prelude::*;
        corpus
            .plans
            .par_iter()
            .map(|plan| plan.targets.iter().map(IndicatorKey::of).collect())
            .collect()
    };
    let ParentTargets {
        parents: parent_targets,
        counterparts,
    } = resolve_parent_targets(corpus, &ancestors, &keys);
    let agencies = corpus.plans.iter().map(|_| Default::default()).collect();
    let shared = shared_indicators(corpus, &campaigns, &keys);
    KnowledgeGraph {
        stubs,
        citations,
        agencies,
        ancestors,
        parent_targets,
        counterparts,
        campaigns,
        by_jurisdiction: plans_by_jurisdiction(corpus),
        shared,
    }
}

/// The indicators that targets of two or more plans of one campaign share.
fn shared_indicators(
    corpus: &Corpus,
    campaigns: &super::campaign::Campaigns,
    keys: &[Vec<IndicatorKey>],
) -> std::collections::HashSet<(usize, IndicatorKey)> {
    // Few keys: the plans of one campaign share most indicators.
    let mut first: HashMap<(usize, &IndicatorKey), PlanId> = HashMap::default();
    let mut shared: foldhash::HashSet<(usize, &IndicatorKey)> = foldhash::HashSet::default();
    for (id, _) in corpus.target_ids() {
        let key = (campaigns.index(id.plan), &keys[id.plan.0][id.index]);
        match first.get(&key) {
            Some(&plan) if plan != id.plan => {
                shared.insert(key);
            }
            Some(_) => {}
            None => {
                first.insert(key, id.plan);
            }
        }
    }
    shared
        .into_iter()
        .map(|(campaign, key)| (campaign, key.clone()))
        .collect()
}

fn plans_by_jurisdiction(corpus: &Corpus) -> HashMap<JurisdictionId, Vec<PlanId>> {
    let mut by: HashMap<JurisdictionId, Vec<PlanId>> = HashMap::default();
    for (id, plan) in corpus.plan_ids() {
        by.entry(plan.jurisdiction).or_default().push(id);
    }
    by
}

fn resolve_citations(corpus: &Corpus) -> (Vec<Vec<CitationLink>>, Vec<Stub>) {
    use rayon::prelude::*;
    let index = PlanIndex::new(corpus);
    // Each citation resolved on every core; the stubs are made in the plans' order.
    let resolved: Vec<Vec<_>> = corpus
        .plans
        .par_iter()
        .map(|plan| {
            plan.citations
                .iter()
                .map(|citation| index.resolve(plan, citation))
                .collect()
        })
        .collect();
    let mut stubs: Vec<Stub> = Vec::new();
    let mut stub_keys: HashMap<String, StubId> = HashMap::default();
    let mut all = Vec::with_capacity(corpus.plans.len());
    for (plan, resolved) in corpus.plans.iter().zip(resolved) {
        let mut links = Vec::with_capacity(plan.citations.len());
        for (citation, resolved) in plan.citations.iter().zip(resolved) {
            let link = match resolved {
                Some((plan, by)) => CitationLink::Plan { plan, by },
                None => {
                    let number = citation
                        .doc_number
                        .as_ref()
                        .and_then(|n| n.value.parsed.clone());
                    let title = citation.title.as_ref().map(|t| t.value.clone());
                    let key = match (&number, &title) {
                        (Some(n), _) => n.to_string(),
                        (None, Some(t)) => plan_title_core(t),
                        (None, None) => String::new(),
                    };
                    let id = *stub_keys.entry(key).or_insert_with(|| {
                        stubs.push(Stub { number, title });
                        StubId(stubs.len() - 1)
                    });
                    CitationLink::Stub(id)
                }
            };
            links.push(link);
        }
        all.push(links);
    }
    (all, stubs)
}

/// Each target's parent target and, where it has none, its counterpart.
struct ParentTargets {
    parents: HashMap<TargetId, TargetId>,
    counterparts: HashMap<TargetId, TargetId>,
}

/// For each target with a year, the first ancestor plan (nearest first) with a target for the
/// same indicator (the catalogue's entry, else the same normalised wording: `model::wording`)
/// and year that can be put on one footing with it (`model::growth::footing`): its parent
/// target. A target with none, whose nearest ancestor sets the same indicator and year in a way
/// it cannot be compared with (other units, a level against a change, another baseline), gets
/// that target as its counterpart: the 对照表 shows the pair as not comparable.
fn resolve_parent_targets(
    corpus: &Corpus,
    ancestors: &[Vec<PlanId>],
    keys: &[Vec<IndicatorKey>],
) -> ParentTargets {
    use rayon::prelude::*;
    // (plan, indicator, year) → target indexes: one lookup per ancestor instead of a scan. Only
    // the plans above another are looked in: most plans (a county's) are above none.
    let mut above_another = vec![false; corpus.plans.len()];
    for ancestor in ancestors.iter().flatten() {
        above_another[ancestor.0] = true;
    }
    let looked_in = corpus
        .plan_ids()
        .filter(|(id, _)| above_another[id.0])
        .map(|(_, plan)| plan.targets.len())
        .sum();
    let mut by_key: HashMap<(PlanId, &IndicatorKey, u16), Vec<usize>> =
        HashMap::with_capacity_and_hasher(looked_in, Default::default());
    for (id, target) in corpus.target_ids() {
        if !above_another[id.plan.0] {
            continue;
        }
        if let Deadline::Year(year) = target.deadline {
            by_key
                .entry((id.plan, &keys[id.plan.0][id.index], year))
                .or_default()
                .push(id.index);
        }
    }
    let found: Vec<(TargetId, Found)> = corpus
        .plans
        .par_iter()
        .enumerate()
        .flat_map_iter(|(plan, p)| {
            let (by_key, keys) = (&by_key, &keys);
            (0..p.targets.len()).filter_map(move |index| {
                let id = TargetId {
                    plan: PlanId(plan),
                    index,
                };
                above(corpus, &ancestors[plan], by_key, &keys[plan][index], id).map(|f| (id, f))
            })
        })
        .collect();
    let mut parent_targets = ParentTargets {
        parents: HashMap::with_capacity_and_hasher(found.len(), Default::default()),
        counterparts: HashMap::default(),
    };
    for (id, found) in found {
        match found {
            Found::Parent(parent) => parent_targets.parents.insert(id, parent),
            Found::Counterpart(counterpart) => parent_targets.counterparts.insert(id, counterpart),
        };
    }
    parent_targets
}

/// What a target has in an ancestor's plan.
enum Found {
    /// The target it restates (same indicator and year, on a footing with it).
    Parent(TargetId),
    /// A target of the same indicator and year it cannot be compared with.
    Counterpart(TargetId),
}

/// The first ancestor's target that target `id` restates, else the first it does not.
fn above(
    corpus: &Corpus,
    ancestors: &[PlanId],
    by_key: &HashMap<(PlanId, &IndicatorKey, u16), Vec<usize>>,
    key: &IndicatorKey,
    id: TargetId,
) -> Option<Found> {
    let target = corpus.target(id);
    let Deadline::Year(year) = target.deadline else {
        return None;
    };
    let same = |ancestor: PlanId| by_key.get(&(ancestor, key, year));
    let parent = ancestors.iter().find_map(|&ancestor| {
        same(ancestor)?
            .iter()
            .copied()
            .find(|&i| {
                let other = &corpus.plans[ancestor.0].targets[i];
                crate::model::growth::footing(target, other).is_some()
            })
            .map(|index| TargetId {
                plan: ancestor,
                index,
            })
    });
    if let Some(parent) = parent {
        return Some(Found::Parent(parent));
    }
    ancestors
        .iter()
        .find_map(|&a| same(a).and_then(|t| t.first()).map(|&i| (a, i)))
        .map(|(plan, index)| Found::Counterpart(TargetId { plan, index }))
}

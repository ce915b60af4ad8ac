//! Each plan's ancestors: the plans whose targets it must not undercut. They follow citations
//! first, transitively, keeping plans of the plan's campaign in jurisdictions above it; then the
//! jurisdiction tree supplies the same campaign's plans at each level above, for when a cited
//! parent is a stub or known only in part (环翠 → 威海 → 山东 → 国务院).

use std::collections::{BTreeSet, HashMap, HashSet, VecDeque};

use super::campaign::Campaigns;
use crate::ingest::Corpus;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::{JurisdictionId, PlanId};

/// Plans by jurisdiction and campaign (`campaign::Campaigns::index`), for the
/// jurisdiction-tree fallback.
pub(crate) type CampaignIndex = HashMap<(JurisdictionId, usize), Vec<PlanId>>;

pub(crate) fn campaign_index(corpus: &Corpus, campaigns: &Campaigns) -> CampaignIndex {
    let mut index: CampaignIndex = HashMap::new();
    for (i, plan) in corpus.plans.iter().enumerate() {
        index
            .entry((plan.jurisdiction, campaigns.index(PlanId(i))))
            .or_default()
            .push(PlanId(i));
    }
    index
}

/// The ancestor plans of `plan`, nearest level first; within a level, plans it cites before
/// plans found through the jurisdiction tree. Only plans of its own campaign count: a plan's
/// body may cite another campaign's plan, whose targets are not its parents'. A cited plan of
/// the plan's own jurisdiction counts too (a draft placed in its parent's jurisdiction with
/// `--jurisdiction`), unless it cites the plan in turn.
pub(crate) fn ancestors(
    corpus: &Corpus,
    cites: &[Vec<PlanId>],
    campaigns: &Campaigns,
    index: &CampaignIndex,
    plan: PlanId,
) -> Vec<PlanId> {
    let home = corpus.plans[plan.0].jurisdiction;
    let chain = jurisdiction_chain(&corpus.jurisdictions, home);
    let campaign = campaigns.index(plan);
    let depth_of = |id: PlanId| {
        chain
            .iter()
            .position(|j| *j == corpus.plans[id.0].jurisdiction)
    };
    let mut found: BTreeSet<(usize, u8, PlanId)> = BTreeSet::new();
    // Citations, transitively (a county that cites only its city still reaches the province).
    let mut seen = HashSet::from([plan]);
    let mut queue = VecDeque::from([plan]);
    while let Some(current) = queue.pop_front() {
        for &cited in &cites[current.0] {
            if campaigns.index(cited) != campaign || !seen.insert(cited) {
                continue;
            }
            match depth_of(cited) {
                Some(0) if !reaches(cites, cited, plan) => {
                    found.insert((0, 0, cited));
                    queue.push_back(cited);
                }
                Some(depth) if depth > 0 => {
                    found.insert((depth, 0, cited));
                    queue.push_back(cited);
                }
                _ => {}
            }
        }
    }
    // The jurisdiction tree: the same campaign at each level above.
    for (depth, jurisdiction) in chain.iter().enumerate().skip(1) {
        let same = index.get(&(*jurisdiction, campaign));
        for &id in same.into_iter().flatten() {
            if !seen.contains(&id) {
                found.insert((depth, 1, id));
            }
        }
    }
    found.into_iter().map(|(_, _, id)| id).collect()
}

/// Whether `from` cites `to`, directly or through plans it cites.
fn reaches(cites: &[Vec<PlanId>], from: PlanId, to: PlanId) -> bool {
    let mut seen = HashSet::from([from]);
    let mut stack = vec![from];
    while let Some(current) = stack.pop() {
        for &next in &cites[current.0] {
            if next == to {
                return true;
            }
            if seen.insert(next) {
                stack.push(next);
            }
        }
    }
    false
}

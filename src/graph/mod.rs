//! The knowledge graph: plans (and stubs for documents cited but not in the corpus),
//! jurisdictions, agencies, indicators and targets as petgraph nodes, linked by citation,
//! jurisdiction, target and agency edges. `build` makes it; lints and exports query it.

pub mod agency;
mod ancestry;
mod build;
mod campaign;
pub mod dependents;
pub mod nodes;
mod resolve;
mod standard_names;

use foldhash::HashMap;

pub use crate::model::jurisdiction::jurisdiction_chain;
pub use agency::{AgencyResolution, AgencyResolver, Suggestion};
pub use build::build;
pub use campaign::CampaignGround;
pub use resolve::{CitationLink, MatchedBy, Stub, StubId};

use crate::model::{IndicatorId, JurisdictionId, PlanId, TargetId};

/// A node of the graph.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Node {
    Plan(PlanId),
    /// A document cited but not in the corpus.
    Stub(StubId),
    Jurisdiction(JurisdictionId),
    /// A registered body: its jurisdiction and registry entry.
    Agency(JurisdictionId, usize),
    Indicator(IndicatorId),
    Target(TargetId),
}

/// An edge of the graph, from the first-named node to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Edge {
    /// plan → plan or stub it cites.
    Cites,
    /// plan → its jurisdiction.
    IssuedIn,
    /// jurisdiction → its parent jurisdiction.
    ParentJurisdiction,
    /// target → its plan.
    TargetOf,
    /// target → the indicator it measures.
    Measures,
    /// target → the nearest ancestor plan's target for the same indicator and year.
    ParentTarget,
    /// agency → plan whose task it leads.
    Leads,
    /// agency → plan whose task it is responsible for.
    ResponsibleFor,
}

/// The graph and the resolutions made while building it; read through its query methods.
#[derive(Debug)]
pub struct KnowledgeGraph {
    stubs: Vec<Stub>,
    /// For each plan, for each of its citations, what it resolved to.
    citations: Vec<Vec<CitationLink>>,
    /// For each plan, the resolution of each agency mention, in `Plan::agency_mentions` order;
    /// made when first asked for: a draft's run reads the draft's alone.
    agencies: Vec<std::sync::OnceLock<agency::PlanAgencies>>,
    /// For each plan, its ancestor plans, nearest first (see `resolve::ancestors`).
    ancestors: Vec<Vec<PlanId>>,
    /// Each target's parent target, where one exists.
    parent_targets: HashMap<TargetId, TargetId>,
    /// For a target without a parent target: the nearest ancestor's target for the same
    /// indicator and year, which cannot be put on one footing with it.
    counterparts: HashMap<TargetId, TargetId>,
    /// Every plan's campaign.
    campaigns: campaign::Campaigns,
    /// The plans of each jurisdiction, in corpus order.
    by_jurisdiction: HashMap<JurisdictionId, Vec<PlanId>>,
    /// The indicators (campaign, key) that targets of two or more plans of one campaign share.
    shared: std::collections::HashSet<(usize, crate::model::IndicatorKey)>,
}

impl KnowledgeGraph {
    /// Every node and edge as a petgraph graph, made now from `corpus` (the corpus this graph
    /// was built from) and the resolutions: for graph algorithms and queries.
    #[must_use]
    pub fn petgraph(&self, corpus: &crate::ingest::Corpus) -> nodes::Petgraph {
        nodes::of(corpus, self)
    }

    /// Each registered body that leads ([`Edge::Leads`]) or shares ([`Edge::ResponsibleFor`])
    /// a task of a plan, once per body, plan and role, in the order of body, then plan.
    #[must_use]
    pub fn agency_links(
        &self,
        corpus: &crate::ingest::Corpus,
    ) -> Vec<(JurisdictionId, usize, PlanId, Edge)> {
        let mut links = Vec::new();
        for (id, plan) in corpus.plan_ids() {
            for ((_, lead, _), resolution) in plan.agency_mentions().zip(self.agencies(corpus, id))
            {
                if let AgencyResolution::Registered {
                    jurisdiction,
                    entry,
                    ..
                }
                | AgencyResolution::OtherLevel {
                    jurisdiction,
                    entry,
                } = resolution
                {
                    let role = if lead {
                        Edge::Leads
                    } else {
                        Edge::ResponsibleFor
                    };
                    links.push((*jurisdiction, *entry, id, role));
                }
            }
        }
        links.sort_by_key(|&(j, e, p, role)| (j, e, p, role != Edge::Leads));
        links.dedup();
        links
    }

    /// What each of a plan's citations resolved to, in `Plan::citations` order.
    #[must_use]
    pub fn citations(&self, plan: PlanId) -> &[CitationLink] {
        self.citations.get(plan.0).map_or(&[], Vec::as_slice)
    }

    /// A document cited but not in the corpus.
    #[must_use]
    pub fn stub(&self, stub: StubId) -> Option<&Stub> {
        self.stubs.get(stub.0)
    }

    /// The resolution of each of a plan's agency mentions, in `Plan::agency_mentions` order,
    /// resolved in `corpus` (the graph's) the first time they are asked for.
    pub fn agencies(
        &self,
        corpus: &crate::ingest::Corpus,
        plan: PlanId,
    ) -> impl Iterator<Item = &AgencyResolution> + '_ {
        let resolved = self.agencies.get(plan.0).zip(corpus.plans.get(plan.0));
        resolved
            .map(|(once, plan)| once.get_or_init(|| agency::PlanAgencies::of(corpus, plan)))
            .into_iter()
            .flat_map(agency::PlanAgencies::iter)
    }

    /// A plan's ancestor plans, nearest first.
    #[must_use]
    pub fn ancestors(&self, plan: PlanId) -> &[PlanId] {
        self.ancestors.get(plan.0).map_or(&[], Vec::as_slice)
    }

    /// Every (target, parent target) pair, in a stable order.
    #[must_use]
    pub fn parent_target_pairs(&self) -> Vec<(TargetId, TargetId)> {
        let mut pairs: Vec<(TargetId, TargetId)> =
            self.parent_targets.iter().map(|(c, p)| (*c, *p)).collect();
        pairs.sort();
        pairs
    }

    /// The parent target of `target`, if any.
    #[must_use]
    pub fn parent_target(&self, target: TargetId) -> Option<TargetId> {
        self.parent_targets.get(&target).copied()
    }

    /// For a target without a parent target, the nearest ancestor's target for the same
    /// indicator and year that cannot be compared with it (other units or baseline).
    #[must_use]
    pub fn counterpart(&self, target: TargetId) -> Option<TargetId> {
        self.counterparts.get(&target).copied()
    }

    /// The campaign `plan` belongs to, named by its highest plan's title.
    #[must_use]
    pub fn campaign(&self, plan: PlanId) -> Option<&crate::model::Campaign> {
        self.campaigns.name(plan)
    }

    /// Why `plan` is in its campaign: its title, or the parent it cites.
    #[must_use]
    pub fn campaign_ground(&self, plan: PlanId) -> CampaignGround {
        self.campaigns.ground(plan)
    }

    /// The plans issued in a jurisdiction, in corpus order.
    #[must_use]
    pub fn plans_in(&self, jurisdiction: JurisdictionId) -> &[PlanId] {
        self.by_jurisdiction
            .get(&jurisdiction)
            .map_or(&[], Vec::as_slice)
    }

    /// Whether another plan of `plan`'s campaign sets a target for the indicator `key`: an
    /// indicator the catalogue does not name still aligns across levels by its wording.
    #[must_use]
    pub fn is_shared(&self, plan: PlanId, key: &crate::model::IndicatorKey) -> bool {
        self.shared
            .contains(&(self.campaigns.index(plan), key.clone()))
    }

    /// Whether two plans are of one campaign (and so are compared).
    #[must_use]
    pub fn same_campaign(&self, a: PlanId, b: PlanId) -> bool {
        self.campaigns.index(a) == self.campaigns.index(b)
    }

    /// The nearest plan above `plan` whose targets are known (not a stub, with at least one
    /// target): the plan its targets are taken up from.
    #[must_use]
    pub fn parent_with_targets(
        &self,
        plan: PlanId,
        corpus: &crate::ingest::Corpus,
    ) -> Option<PlanId> {
        self.ancestors(plan).iter().copied().find(|&p| {
            let parent = corpus.plan(p);
            parent.status != crate::model::PlanStatus::Stub && !parent.targets.is_empty()
        })
    }
}

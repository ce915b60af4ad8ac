//! The knowledge graph as petgraph nodes and edges, made when a caller asks for it.
//!
//! A check reads the resolutions [`KnowledgeGraph`] keeps (citations, ancestors, agencies,
//! parent targets) and never walks the nodes; holding them cost a run of the grown 3,209 plans
//! about 30 MB at its peak (a node per target and per body, each twice: in the graph and in the
//! index by node) and a tenth of its graph time. So they are made from those resolutions on
//! demand, for graph algorithms and for callers of the library.

use foldhash::HashMap;
use petgraph::graph::{DiGraph, NodeIndex};

use super::{CitationLink, Edge, KnowledgeGraph, Node};
use crate::ingest::Corpus;
use crate::model::{IndicatorId, JurisdictionId, PlanId, TargetId};

/// The graph's nodes and edges, and each node's index.
#[derive(Debug, Default)]
pub struct Petgraph {
    graph: DiGraph<Node, Edge>,
    nodes: HashMap<Node, NodeIndex>,
}

impl Petgraph {
    /// The petgraph graph itself.
    #[must_use]
    pub fn graph(&self) -> &DiGraph<Node, Edge> {
        &self.graph
    }

    /// The node index of `node`, if it is in the graph.
    #[must_use]
    pub fn index(&self, node: &Node) -> Option<NodeIndex> {
        self.nodes.get(node).copied()
    }

    fn node(&mut self, node: Node) -> NodeIndex {
        if let Some(index) = self.nodes.get(&node) {
            return *index;
        }
        let index = self.graph.add_node(node.clone());
        self.nodes.insert(node, index);
        index
    }
}

/// Every node and edge of `graph`, built from `corpus`: jurisdictions, the catalogue's
/// indicators, plans with their targets, citations (each document cited but not in the corpus
/// as a stub), parent targets and the bodies that lead or share a plan's tasks.
pub(super) fn of(corpus: &Corpus, graph: &KnowledgeGraph) -> Petgraph {
    let mut out = Petgraph::default();
    for (i, j) in corpus.jurisdictions.iter().enumerate() {
        let node = out.node(Node::Jurisdiction(JurisdictionId(i)));
        if let Some(parent) = j.parent {
            let parent = out.node(Node::Jurisdiction(parent));
            out.graph.add_edge(node, parent, Edge::ParentJurisdiction);
        }
    }
    // Each indicator's node by its id, so a target finds it without a copy of the id.
    let mut indicators: HashMap<&IndicatorId, NodeIndex> = HashMap::default();
    for indicator in &corpus.catalogue.indicators {
        let node = out.node(Node::Indicator(indicator.id.clone()));
        indicators.insert(&indicator.id, node);
    }
    for (id, plan) in corpus.plan_ids() {
        let node = out.node(Node::Plan(id));
        let home = out.node(Node::Jurisdiction(plan.jurisdiction));
        out.graph.add_edge(node, home, Edge::IssuedIn);
        for (index, target) in plan.targets.iter().enumerate() {
            let t = out.node(Node::Target(TargetId { plan: id, index }));
            out.graph.add_edge(t, node, Edge::TargetOf);
            if let Some(indicator) = &target.indicator_id {
                let ind = *indicators
                    .entry(indicator)
                    .or_insert_with(|| out.node(Node::Indicator(indicator.clone())));
                out.graph.add_edge(t, ind, Edge::Measures);
            }
        }
    }
    for (id, _) in corpus.plan_ids() {
        let from = out.node(Node::Plan(id));
        for link in graph.citations(id) {
            let to = match *link {
                CitationLink::Plan { plan, .. } => out.node(Node::Plan(plan)),
                CitationLink::Stub(stub) => out.node(Node::Stub(stub)),
            };
            if from != to {
                out.graph.add_edge(from, to, Edge::Cites);
            }
        }
    }
    for (child, parent) in graph.parent_target_pairs() {
        let (c, p) = (
            out.node(Node::Target(child)),
            out.node(Node::Target(parent)),
        );
        out.graph.add_edge(c, p, Edge::ParentTarget);
    }
    for (jurisdiction, entry, plan, edge) in graph.agency_links(corpus) {
        let (agency, plan) = (
            out.node(Node::Agency(jurisdiction, entry)),
            out.node(Node::Plan(plan)),
        );
        out.graph.add_edge(agency, plan, edge);
    }
    out
}

/// The plans each plan cites, as a graph of plans alone (node `i` is `PlanId(i)`; a plan citing
/// itself has no edge): what the search for citation loops walks.
#[must_use]
pub fn citations_of_plans(corpus: &Corpus, graph: &KnowledgeGraph) -> DiGraph<PlanId, ()> {
    let mut out = DiGraph::with_capacity(corpus.plans.len(), 0);
    for (id, _) in corpus.plan_ids() {
        out.add_node(id);
    }
    for (id, _) in corpus.plan_ids() {
        for link in graph.citations(id) {
            if let CitationLink::Plan { plan, .. } = *link
                && plan != id
            {
                out.add_edge(NodeIndex::new(id.0), NodeIndex::new(plan.0), ());
            }
        }
    }
    out
}

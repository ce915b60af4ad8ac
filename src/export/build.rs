//! Builds the [`Cascade`] of a run: plans, documents not in the corpus, and optionally targets
//! and agencies, each node sorted into a canonical id so the same corpus gives the same bytes.

use std::collections::HashMap;

use super::{
    Cascade, Counts, EdgeKind, ExportEdge, ExportNode, FindingRow, NodeKind, OUTSIDE_LAYER,
    ParentRow, TargetRow, With, layer_of, mark,
};
use crate::diagnostics::{Diagnostic, Severity};
use crate::engine::Report;
use crate::graph::{CitationLink, KnowledgeGraph, Node};
use crate::ingest::Corpus;
use crate::model::{Deadline, PlanId, PlanStatus, TargetId};

/// Builds the cascade of a run. Each finding counts on the plan whose file it is in; a target is
/// marked weaker exactly when the run reported it weaker or later than its parent.
#[must_use]
pub fn cascade(report: &Report, with: With, lang: crate::i18n::Lang) -> Cascade {
    let mut builder = Builder::new(report, lang);
    builder.plans();
    builder.stubs();
    if with.targets {
        builder.targets();
    }
    if with.agencies {
        builder.agencies();
    }
    builder.finish()
}

/// A node before ids are given: its sort key decides its id.
struct Pending {
    key: (usize, String, String),
    node: ExportNode,
}

struct Builder<'a> {
    report: &'a Report,
    corpus: &'a Corpus,
    graph: &'a KnowledgeGraph,
    findings: &'a [Diagnostic],
    pending: Vec<Pending>,
    /// Graph node → index in `pending`.
    index: HashMap<Node, usize>,
    edges: Vec<(usize, usize, EdgeKind, bool)>,
    /// The language of the values and messages the picture carries.
    lang: crate::i18n::Lang,
}

impl<'a> Builder<'a> {
    fn new(report: &'a Report, lang: crate::i18n::Lang) -> Self {
        Self {
            lang,
            report,
            corpus: &report.corpus,
            graph: &report.graph,
            findings: &report.findings,
            pending: Vec::new(),
            index: HashMap::new(),
            edges: Vec::new(),
        }
    }

    fn add(&mut self, graph_node: Node, key: (usize, String, String), node: ExportNode) -> usize {
        self.pending.push(Pending { key, node });
        let at = self.pending.len() - 1;
        self.index.insert(graph_node, at);
        at
    }

    fn jurisdiction_path(&self, plan: PlanId) -> String {
        let j = self.corpus.plans[plan.0].jurisdiction;
        crate::graph::jurisdiction_chain(&self.corpus.jurisdictions, j)
            .into_iter()
            .rev()
            .map(|id| self.corpus.jurisdictions[id.0].name.value.clone())
            .collect::<Vec<_>>()
            .join("/")
    }

    fn plans(&mut self) {
        for (i, plan) in self.corpus.plans.iter().enumerate() {
            let id = PlanId(i);
            let jurisdiction = &self.corpus.jurisdictions[plan.jurisdiction.0];
            let mut lines = vec![
                plan.issuer
                    .as_ref()
                    .map_or_else(|| jurisdiction.name.value.clone(), |i| i.value.clone()),
            ];
            match plan.number() {
                Some(n) => lines.push(n.to_string()),
                None => lines.push(short_title(&plan.title.value)),
            }
            if let Some(date) = &plan.issued {
                lines.push(date.value.to_string());
            }
            let (findings, messages) = self.findings_of(plan.source);
            let kind = if plan.status == PlanStatus::Stub {
                NodeKind::Stub
            } else {
                NodeKind::Plan
            };
            let node = ExportNode {
                jurisdiction: Some(jurisdiction.name.value.clone()),
                campaign: self.graph.campaign(id).map(ToString::to_string),
                file: Some(self.corpus.sources.get(plan.source).display_path()),
                findings,
                targets: self.target_rows(id),
                messages,
                ..ExportNode::new(kind, layer_of(plan.level), Some(plan.level), lines)
            };
            let key = (
                layer_of(plan.level),
                self.jurisdiction_path(id),
                plan.display_name(),
            );
            self.add(Node::Plan(id), key, node);
        }
        for (i, links) in (0..self.corpus.plans.len()).map(|i| (i, self.graph.citations(PlanId(i))))
        {
            let Some(&from) = self.index.get(&Node::Plan(PlanId(i))) else {
                continue;
            };
            for link in links {
                if let CitationLink::Plan { plan, .. } = link
                    && let Some(&to) = self.index.get(&Node::Plan(*plan))
                    && to != from
                {
                    self.edges.push((from, to, EdgeKind::Cites, false));
                }
            }
        }
    }

    /// Documents cited but not in the corpus, in a row of their own below the levels.
    fn stubs(&mut self) {
        for (i, links) in (0..self.corpus.plans.len()).map(|i| (i, self.graph.citations(PlanId(i))))
        {
            let Some(&from) = self.index.get(&Node::Plan(PlanId(i))) else {
                continue;
            };
            for link in links {
                let CitationLink::Stub(stub_id) = link else {
                    continue;
                };
                let node = Node::Stub(*stub_id);
                let to = match self.index.get(&node) {
                    Some(&to) => to,
                    None => {
                        let Some(stub) = self.graph.stub(*stub_id) else {
                            continue;
                        };
                        let mut lines = Vec::new();
                        if let Some(title) = &stub.title {
                            lines.push(short_title(title));
                        }
                        if let Some(number) = &stub.number {
                            lines.push(number.to_string());
                        }
                        let layer = OUTSIDE_LAYER;
                        let name = lines.join(" ");
                        let export = ExportNode::new(NodeKind::Stub, layer, None, lines);
                        self.add(node, (layer, "\u{10ffff}".into(), name), export)
                    }
                };
                self.edges.push((from, to, EdgeKind::Cites, false));
            }
        }
    }

    fn targets(&mut self) {
        for (p, plan) in self.corpus.plans.iter().enumerate() {
            let Some(&owner) = self.index.get(&Node::Plan(PlanId(p))) else {
                continue;
            };
            for (t, target) in plan.targets.iter().enumerate() {
                let id = TargetId {
                    plan: PlanId(p),
                    index: t,
                };
                let weaker = self.is_marked(id);
                let layer = self.pending[owner].node.layer;
                let lines = vec![
                    target.indicator.value.clone(),
                    format!(
                        "{} {}",
                        deadline(target.deadline),
                        target.describe_in(self.lang)
                    ),
                ];
                let node = ExportNode {
                    weaker,
                    ..ExportNode::new(NodeKind::Target, layer, Some(plan.level), lines)
                };
                let key = (
                    layer,
                    self.pending[owner].key.1.clone(),
                    format!("{}#{t:04}", self.pending[owner].key.2),
                );
                let at = self.add(Node::Target(id), key, node);
                self.edges.push((owner, at, EdgeKind::States, false));
            }
        }
        for (child, parent) in self.graph.parent_target_pairs() {
            if let (Some(&from), Some(&to)) = (
                self.index.get(&Node::Target(child)),
                self.index.get(&Node::Target(parent)),
            ) {
                let weaker = self.pending[from].node.weaker;
                self.edges.push((from, to, EdgeKind::ParentTarget, weaker));
            }
        }
    }

    fn agencies(&mut self) {
        // Each body's links once, in the order of body, plan, then leads before shares.
        for (j, e, plan, role) in self.graph.agency_links(self.corpus) {
            let kind = if role == crate::graph::Edge::Leads {
                EdgeKind::Leads
            } else {
                EdgeKind::ResponsibleFor
            };
            let Some(&to) = self.index.get(&Node::Plan(plan)) else {
                continue;
            };
            let node = Node::Agency(j, e);
            let from = match self.index.get(&node) {
                Some(&from) => from,
                None => {
                    let jurisdiction = &self.corpus.jurisdictions[j.0];
                    let entry = &jurisdiction.registry.entries[e];
                    let layer = layer_of(jurisdiction.level);
                    let name = entry.name.clone();
                    let lines = vec![jurisdiction.name.value.clone(), name.clone()];
                    let export = ExportNode {
                        jurisdiction: Some(jurisdiction.name.value.clone()),
                        ..ExportNode::new(NodeKind::Agency, layer, Some(jurisdiction.level), lines)
                    };
                    let key = (
                        layer,
                        format!("{}\u{10fffe}", jurisdiction.name.value),
                        name,
                    );
                    self.add(node, key, export)
                }
            };
            self.edges.push((from, to, kind, false));
        }
    }

    fn findings_of(&self, source: crate::model::SourceId) -> (Counts, Vec<FindingRow>) {
        let mut counts = Counts::default();
        let mut rows = Vec::new();
        let file = self.corpus.sources.get(source);
        for d in self.findings.iter().filter(|d| d.source == Some(source)) {
            counts.add(d.severity);
            if d.severity != Severity::Note {
                let line = d
                    .label
                    .as_ref()
                    .map_or(0, |l| file.line_col(l.span.start).0);
                rows.push(FindingRow {
                    severity: d.severity,
                    code: d.code.as_str(),
                    message: d.message.get(self.lang).to_string(),
                    line,
                });
            }
        }
        (counts, rows)
    }

    /// Whether the run reported the target weaker than its parent's, or due later.
    fn is_marked(&self, id: TargetId) -> bool {
        mark(self.report, id).is_some_and(super::Mark::is_reported)
    }

    fn target_rows(&self, plan: PlanId) -> Vec<TargetRow> {
        self.corpus.plans[plan.0]
            .targets
            .iter()
            .enumerate()
            .map(|(index, target)| {
                let id = TargetId { plan, index };
                let parent = self.graph.parent_target(id).map(|p| ParentRow {
                    plan: self.corpus.plan(p.plan).display_name(),
                    value: self.corpus.target(p).describe_in(self.lang),
                });
                TargetRow {
                    indicator: target.indicator.value.clone(),
                    year: deadline(target.deadline),
                    value: target.describe_in(self.lang),
                    parent,
                    weaker: self.is_marked(id),
                }
            })
            .collect()
    }

    /// Sorts the nodes, gives them canonical ids and renumbers the edges.
    fn finish(self) -> Cascade {
        let mut order: Vec<usize> = (0..self.pending.len()).collect();
        order.sort_by(|a, b| self.pending[*a].key.cmp(&self.pending[*b].key));
        let mut new_index = vec![0; order.len()];
        for (new, old) in order.iter().enumerate() {
            new_index[*old] = new;
        }
        let mut slots: Vec<Option<ExportNode>> =
            self.pending.into_iter().map(|p| Some(p.node)).collect();
        let nodes = order
            .iter()
            .enumerate()
            .filter_map(|(new, old)| {
                let mut node = slots[*old].take()?;
                node.id = format!("n{new}");
                Some(node)
            })
            .collect();
        let mut edges: Vec<ExportEdge> = self
            .edges
            .into_iter()
            .map(|(from, to, kind, weaker)| ExportEdge {
                from: new_index[from],
                to: new_index[to],
                kind,
                weaker,
            })
            .collect();
        edges.sort_by_key(|e| (e.from, e.to, e.kind as u8));
        edges.dedup_by_key(|e| (e.from, e.to, e.kind as u8));
        Cascade { nodes, edges }
    }
}

/// `2027`, `每年`, or `—` when the plan states none.
fn deadline(d: Deadline) -> String {
    match d {
        Deadline::Year(y) => y.to_string(),
        Deadline::Annual => "每年".to_string(),
        Deadline::Unstated => "—".to_string(),
    }
}

/// A title short enough for a node: the plan title inside a notice title, cut at 24 characters.
fn short_title(title: &str) -> String {
    let core = if title.contains("关于印发") {
        crate::model::text::plan_title_core(title)
    } else {
        title.to_string()
    };
    let core = if core.is_empty() {
        title.to_string()
    } else {
        core
    };
    let chars: Vec<char> = core.chars().collect();
    if chars.len() > 24 {
        format!("《{}…》", chars[..23].iter().collect::<String>())
    } else {
        format!("《{core}》")
    }
}

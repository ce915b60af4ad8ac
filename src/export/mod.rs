//! The knowledge graph as a picture: the cascade of plans by level, linked by citation, each plan
//! with its findings; optionally its targets (linked to their parents') and the bodies that lead
//! its tasks. One model, [`Cascade`], is built from a checked corpus and written by one module
//! per format. Everything is sorted, so the same corpus gives the same bytes.

pub mod dot;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod mermaid;
pub mod svg;
pub mod trace;

use std::collections::HashMap;

use serde::Serialize;

use crate::diagnostics::{Diagnostic, Severity};
use crate::engine::Report;
use crate::graph::{CitationLink, KnowledgeGraph, Node};
use crate::ingest::Corpus;
use crate::lints::rules::{
    inconsistent_deadline::INCONSISTENT_DEADLINE, weaker_target::WEAKER_TARGET,
};
use crate::model::{Deadline, Level, PlanId, PlanStatus, TargetId};

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    /// A plan in the corpus.
    Plan,
    /// A document cited but not in the corpus, or known only from citations.
    Stub,
    Target,
    Agency,
}

/// What an edge says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum EdgeKind {
    /// plan → the document it cites.
    Cites,
    /// plan → one of its targets.
    States,
    /// target → the parent plan's target for the same indicator and year.
    ParentTarget,
    /// agency → plan whose task it leads.
    Leads,
    /// agency → plan whose task it is responsible for.
    ResponsibleFor,
}

/// How many findings of each severity a node has.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
}

impl Counts {
    /// The worst severity present, if any (notes do not colour a node).
    #[must_use]
    pub fn worst(&self) -> Option<Severity> {
        if self.errors > 0 {
            Some(Severity::Error)
        } else if self.warnings > 0 {
            Some(Severity::Warning)
        } else {
            None
        }
    }
}

/// A target as the HTML panel shows it, beside its parent's.
#[derive(Debug, Clone, Serialize)]
pub struct TargetRow {
    pub indicator: String,
    pub year: String,
    pub value: String,
    pub parent: Option<ParentRow>,
    /// Weaker than the parent's, or due later.
    pub weaker: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ParentRow {
    pub plan: String,
    pub value: String,
}

/// A finding as the HTML panel lists it.
#[derive(Debug, Clone, Serialize)]
pub struct FindingRow {
    pub severity: Severity,
    pub code: &'static str,
    pub message: String,
    pub line: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportNode {
    /// `n0`, `n1`…: canonical ids, in sorted order.
    pub id: String,
    pub kind: NodeKind,
    /// Row of the layered layout: 0 national … 3 county, 4 documents not in the corpus.
    pub layer: usize,
    pub level: Option<Level>,
    /// The label, one line per item: issuer, number, date for a plan.
    pub lines: Vec<String>,
    pub jurisdiction: Option<String>,
    pub file: Option<String>,
    pub findings: Counts,
    /// For a target: weaker than its parent's.
    pub weaker: bool,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub targets: Vec<TargetRow>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub messages: Vec<FindingRow>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExportEdge {
    pub from: usize,
    pub to: usize,
    pub kind: EdgeKind,
    /// A parent-target edge whose child is weaker.
    pub weaker: bool,
}

/// Which optional nodes to add.
#[derive(Debug, Clone, Copy, Default)]
pub struct With {
    pub targets: bool,
    pub agencies: bool,
}

/// The graph to draw.
#[derive(Debug, Clone, Serialize)]
pub struct Cascade {
    pub nodes: Vec<ExportNode>,
    pub edges: Vec<ExportEdge>,
}

/// The levels in cascade order, with the captions the drawings give them.
pub const LEVEL_CAPTIONS: [(Level, &str); 4] = [
    (Level::National, "国家级 national"),
    (Level::Provincial, "省级 provincial"),
    (Level::Municipal, "市级 municipal"),
    (Level::County, "县级 county"),
];

impl ExportNode {
    /// A node with no file, findings, targets or messages yet; ids are given when the cascade is
    /// sorted.
    #[must_use]
    pub fn new(kind: NodeKind, layer: usize, level: Option<Level>, lines: Vec<String>) -> Self {
        Self {
            id: String::new(),
            kind,
            layer,
            level,
            lines,
            jurisdiction: None,
            file: None,
            findings: Counts::default(),
            weaker: false,
            targets: Vec::new(),
            messages: Vec::new(),
        }
    }
}

/// The row of documents cited but not in the corpus, below the four levels.
pub const OUTSIDE_LAYER: usize = 4;

impl Cascade {
    /// The nodes of one level, in order: its plans (and with `--with`, their targets and the
    /// level's agencies). Documents of unknown level belong to no level.
    #[must_use]
    pub fn level_members(&self, level: Level) -> Vec<&ExportNode> {
        let layer = layer_of(level);
        self.nodes
            .iter()
            .filter(|n| n.layer == layer && n.level.is_some())
            .collect()
    }
}

/// The row of a level in the layout.
#[must_use]
pub fn layer_of(level: Level) -> usize {
    match level {
        Level::National => 0,
        Level::Provincial => 1,
        Level::Municipal => 2,
        Level::County => 3,
    }
}

/// Builds the cascade of a run. Each finding counts on the plan whose file it is in; a target is
/// marked weaker exactly when the run reported it weaker or later than its parent.
#[must_use]
pub fn cascade(report: &Report, with: With) -> Cascade {
    let mut builder = Builder::new(report);
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
}

impl<'a> Builder<'a> {
    fn new(report: &'a Report) -> Self {
        Self {
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
        for (i, links) in self.graph.citations.iter().enumerate() {
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
        for (i, links) in self.graph.citations.iter().enumerate() {
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
                        let stub = &self.graph.stubs[stub_id.0];
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
                let weaker = self.is_weaker(id);
                let layer = self.pending[owner].node.layer;
                let lines = vec![
                    target.indicator.value.clone(),
                    format!("{} {}", deadline(target.deadline), target.describe_zh()),
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
        let mut parents: Vec<(&TargetId, &TargetId)> = self.graph.parent_targets.iter().collect();
        parents.sort();
        for (child, parent) in parents {
            if let (Some(&from), Some(&to)) = (
                self.index.get(&Node::Target(*child)),
                self.index.get(&Node::Target(*parent)),
            ) {
                let weaker = self.pending[from].node.weaker;
                self.edges.push((from, to, EdgeKind::ParentTarget, weaker));
            }
        }
    }

    fn agencies(&mut self) {
        let mut links = Vec::new();
        for edge in self.graph.graph.raw_edges() {
            let (Node::Agency(j, e), Node::Plan(plan)) = (
                &self.graph.graph[edge.source()],
                &self.graph.graph[edge.target()],
            ) else {
                continue;
            };
            let kind = match edge.weight {
                crate::graph::Edge::Leads => EdgeKind::Leads,
                crate::graph::Edge::ResponsibleFor => EdgeKind::ResponsibleFor,
                _ => continue,
            };
            links.push((*j, *e, *plan, kind));
        }
        links.sort_by_key(|(j, e, p, k)| (*j, *e, *p, *k as u8));
        links.dedup();
        for (j, e, plan, kind) in links {
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
            match d.severity {
                Severity::Error => counts.errors += 1,
                Severity::Warning => counts.warnings += 1,
                Severity::Note => counts.notes += 1,
            }
            if d.severity != Severity::Note {
                let line = d
                    .label
                    .as_ref()
                    .map_or(0, |l| file.line_col(l.span.start).0);
                rows.push(FindingRow {
                    severity: d.severity,
                    code: d.code.as_str(),
                    message: d.message.zh.clone(),
                    line,
                });
            }
        }
        (counts, rows)
    }

    /// Whether the run reported the target weaker than its parent's, or due later.
    fn is_weaker(&self, id: TargetId) -> bool {
        verdict(self.report, id).is_some()
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
                    value: self.corpus.target(p).describe_zh(),
                });
                TargetRow {
                    indicator: target.indicator.value.clone(),
                    year: deadline(target.deadline),
                    value: target.describe_zh(),
                    parent,
                    weaker: self.is_weaker(id),
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

/// What the run said of a target against its parent: weaker, due later, or nothing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Weaker,
    Later,
}

/// The verdict on a target, read from the run's findings (after levels, suppressions and the
/// baseline), never recomputed.
#[must_use]
pub fn verdict(report: &Report, target: TargetId) -> Option<Verdict> {
    if report.has_finding(WEAKER_TARGET.code(), target) {
        Some(Verdict::Weaker)
    } else if report.has_finding(INCONSISTENT_DEADLINE.code(), target) {
        Some(Verdict::Later)
    } else {
        None
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

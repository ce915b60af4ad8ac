//! The knowledge graph as a picture: the cascade of plans by level, linked by citation, each plan
//! with its findings; optionally its targets (linked to their parents') and the bodies that lead
//! its tasks. One model, [`Cascade`], is built from a checked corpus and written by one module
//! per format. Everything is sorted, so the same corpus gives the same bytes.

mod build;
pub mod card;
pub mod compare;
pub mod compare_text;
pub mod docx;
pub mod dot;
pub use crate::escape;
pub mod graphml;
pub mod html;
pub mod json;
pub mod layout;
pub mod mermaid;
pub mod ofd;
pub mod pdf;
mod repack;
pub mod report;
pub mod route;
#[cfg(feature = "sqlite")]
pub mod sqlite;
pub mod svg;
pub mod trace;

pub use build::cascade;

use serde::Serialize;

use crate::comparison::Standing;
use crate::diagnostics::Severity;
use crate::engine::Report;
use crate::lints::rules::inconsistent_deadline::INCONSISTENT_DEADLINE;
use crate::model::{Level, TargetId};

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
    /// Counts one finding of `severity`.
    pub fn add(&mut self, severity: Severity) {
        match severity {
            Severity::Error => self.errors += 1,
            Severity::Warning => self.warnings += 1,
            Severity::Note => self.notes += 1,
        }
    }

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
    /// For a plan: the campaign it is compared within.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub campaign: Option<String>,
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

impl Cascade {
    /// The part of the cascade around the nodes `keep` selects: those nodes, every node one
    /// edge away (a plan's parents and the documents it cites), and the edges among them; the
    /// picture of one province in a national corpus.
    #[must_use]
    pub fn around(&self, keep: impl Fn(&ExportNode) -> bool) -> Cascade {
        let chosen: Vec<bool> = self.nodes.iter().map(keep).collect();
        let mut kept = chosen.clone();
        for edge in &self.edges {
            if chosen.get(edge.from) == Some(&true) || chosen.get(edge.to) == Some(&true) {
                kept[edge.from] = true;
                kept[edge.to] = true;
            }
        }
        let mut new_index = vec![usize::MAX; self.nodes.len()];
        let mut nodes = Vec::new();
        for (i, node) in self.nodes.iter().enumerate() {
            if kept[i] {
                new_index[i] = nodes.len();
                nodes.push(node.clone());
            }
        }
        let edges = self
            .edges
            .iter()
            .filter(|e| kept[e.from] && kept[e.to])
            .map(|e| ExportEdge {
                from: new_index[e.from],
                to: new_index[e.to],
                ..e.clone()
            })
            .collect();
        Cascade { nodes, edges }
    }
}

/// The levels in cascade order, with the captions the drawings give them.
pub const LEVEL_CAPTIONS: [(Level, &str); 4] = [
    (Level::National, "国家级 national"),
    (Level::Provincial, "省级 provincial"),
    (Level::Municipal, "市级 municipal"),
    (Level::County, "县级 county"),
];

impl ExportNode {
    /// What a pointer over the node shows: its file and, for a plan, its campaign.
    #[must_use]
    pub fn tooltip(&self) -> Option<String> {
        match (&self.file, &self.campaign) {
            (Some(file), Some(campaign)) => Some(format!("{file} · 专项 campaign: {campaign}")),
            (Some(file), None) => Some(file.clone()),
            (None, Some(campaign)) => Some(format!("专项 campaign: {campaign}")),
            (None, None) => None,
        }
    }

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
            campaign: None,
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

/// How a picture or trace marks a target: weaker than its parent's (with what became of the
/// finding), or due later.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    Weaker(Standing),
    Later,
}

impl Mark {
    /// Whether the picture colours it: a finding the run reports.
    #[must_use]
    pub fn is_reported(self) -> bool {
        match self {
            Mark::Weaker(standing) => matches!(standing, Standing::Reported(_)),
            Mark::Later => true,
        }
    }
}

/// The mark of a target: weaker from the run's comparison of it (with its standing), due later
/// from the run's findings; never recomputed.
#[must_use]
pub fn mark(report: &Report, target: TargetId) -> Option<Mark> {
    let weaker = report
        .comparisons
        .of_target(target)
        .filter(|&id| report.comparisons.get(id).verdict == crate::comparison::Verdict::Weaker)
        .map(|id| Mark::Weaker(report.standing(id)));
    weaker.or_else(|| {
        report
            .has_finding(INCONSISTENT_DEADLINE.code(), target)
            .then_some(Mark::Later)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan(file: &str) -> ExportNode {
        let mut node = ExportNode::new(NodeKind::Plan, 0, None, vec![file.to_string()]);
        node.file = Some(file.to_string());
        node
    }

    fn cites(from: usize, to: usize) -> ExportEdge {
        ExportEdge {
            from,
            to,
            kind: EdgeKind::Cites,
            weaker: false,
        }
    }

    #[test]
    fn the_part_around_a_folder_keeps_its_plans_their_parents_and_the_edges_among_them() {
        let cascade = Cascade {
            nodes: vec![
                plan("plans/national.yaml"),
                plan("plans/a/province.yaml"),
                plan("plans/a/x/city.yaml"),
                plan("plans/b/province.yaml"),
                plan("plans/b/y/city.yaml"),
            ],
            edges: vec![cites(1, 0), cites(2, 1), cites(3, 0), cites(4, 3)],
        };
        let part = cascade.around(|n| n.file.as_deref().is_some_and(|f| f.starts_with("plans/a/")));
        let files: Vec<_> = part
            .nodes
            .iter()
            .filter_map(|n| n.file.as_deref())
            .collect();
        assert_eq!(
            files,
            [
                "plans/national.yaml",
                "plans/a/province.yaml",
                "plans/a/x/city.yaml"
            ]
        );
        let edges: Vec<_> = part.edges.iter().map(|e| (e.from, e.to)).collect();
        assert_eq!(
            edges,
            [(1, 0), (2, 1)],
            "renumbered, and b's edges left out"
        );
    }
}

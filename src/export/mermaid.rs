//! Mermaid flowchart: one subgraph per level, children below their parents (`flowchart BT` with
//! edges child → parent). Mermaid refuses diagrams over its default limits, so they are checked
//! here and reported plainly instead of producing a diagram that will not render.

use std::fmt::Write;

use super::{Cascade, EdgeKind, LEVEL_CAPTIONS, NodeKind, layer_of};
use crate::diagnostics::Severity;

/// Mermaid's default `maxTextSize`.
pub const MAX_TEXT: usize = 50_000;
/// Mermaid's default `maxEdges`.
pub const MAX_EDGES: usize = 500;

/// Why a cascade cannot be drawn by Mermaid with its default settings.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TooBig {
    #[error(
        "the graph has {0} edges, more than Mermaid's default limit of {MAX_EDGES}; use --format dot or html, or check fewer plans / 图的边数 {0} 超过 Mermaid 默认上限 {MAX_EDGES}，请改用 dot 或 html 格式，或减少方案"
    )]
    Edges(usize),
    #[error(
        "the diagram is {0} characters, more than Mermaid's default limit of {MAX_TEXT}; use --format dot or html, or check fewer plans / 图的文本长度 {0} 超过 Mermaid 默认上限 {MAX_TEXT}，请改用 dot 或 html 格式，或减少方案"
    )]
    Text(usize),
}

pub fn to_mermaid(cascade: &Cascade) -> Result<String, TooBig> {
    if cascade.edges.len() > MAX_EDGES {
        return Err(TooBig::Edges(cascade.edges.len()));
    }
    let mut out = String::from("flowchart BT\n");
    for (level, caption) in LEVEL_CAPTIONS {
        let layer = layer_of(level);
        let members = cascade.level_members(level);
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph L{layer}[\"{caption}\"]");
        for node in members {
            let _ = writeln!(out, "    {}", declaration(node));
        }
        let _ = writeln!(out, "  end");
    }
    for node in cascade.nodes.iter().filter(|n| n.level.is_none()) {
        let _ = writeln!(out, "  {}", declaration(node));
    }
    for edge in &cascade.edges {
        let (from, to) = (&cascade.nodes[edge.from].id, &cascade.nodes[edge.to].id);
        let arrow = match edge.kind {
            EdgeKind::Cites => "-->",
            EdgeKind::ParentTarget | EdgeKind::Leads | EdgeKind::ResponsibleFor => "-.->",
            EdgeKind::States => "---",
        };
        let _ = writeln!(out, "  {from} {arrow} {to}");
    }
    let _ = writeln!(out, "  classDef error fill:#fde2e1,stroke:#c0392b");
    let _ = writeln!(out, "  classDef warning fill:#fff4d6,stroke:#d68910");
    let _ = writeln!(
        out,
        "  classDef stub stroke-dasharray:4 3,stroke:#8a949e,color:#5c6670"
    );
    for node in &cascade.nodes {
        let class = match (node.kind, node.findings.worst(), node.weaker) {
            (NodeKind::Stub, _, _) => "stub",
            (NodeKind::Target, _, true) | (_, Some(Severity::Error), _) => "error",
            (_, Some(Severity::Warning), _) => "warning",
            _ => continue,
        };
        let _ = writeln!(out, "  class {} {class}", node.id);
    }
    if out.chars().count() > MAX_TEXT {
        return Err(TooBig::Text(out.chars().count()));
    }
    Ok(out)
}

/// `n3["安丘市人民政府<br/>安政发〔2024〕13号"]`.
fn declaration(node: &super::ExportNode) -> String {
    let mut lines: Vec<String> = node.lines.iter().map(|l| escape(l)).collect();
    if node.findings.errors + node.findings.warnings > 0 {
        lines.push(format!(
            "✗ {} ⚠ {}",
            node.findings.errors, node.findings.warnings
        ));
    }
    let label = lines.join("<br/>");
    match node.kind {
        NodeKind::Agency => format!("{}([\"{label}\"])", node.id),
        _ => format!("{}[\"{label}\"]", node.id),
    }
}

/// Mermaid labels in `["…"]`: quotes and angle brackets as entity codes.
fn escape(text: &str) -> String {
    super::escape::mermaid(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{EdgeKind, ExportEdge, ExportNode};
    use crate::model::Level;

    fn node(i: usize) -> ExportNode {
        ExportNode {
            id: format!("n{i}"),
            ..ExportNode::new(
                NodeKind::Plan,
                3,
                Some(Level::County),
                vec![format!("方案{i}")],
            )
        }
    }

    #[test]
    fn refuses_what_mermaid_would_not_draw() {
        let nodes: Vec<ExportNode> = (0..600).map(node).collect();
        let edges = (1..600)
            .map(|i| ExportEdge {
                from: i,
                to: 0,
                kind: EdgeKind::Cites,
                weaker: false,
            })
            .collect();
        let cascade = Cascade { nodes, edges };
        assert_eq!(to_mermaid(&cascade), Err(TooBig::Edges(599)));
        let small = Cascade {
            nodes: (0..3).map(node).collect(),
            edges: Vec::new(),
        };
        assert!(to_mermaid(&small).is_ok());
    }
}

//! Graphviz DOT: one cluster per level, national on top; citations drawn from the parent down to
//! the child with the arrow at the parent, so Graphviz ranks parents above. A CJK font is named
//! so that PNG and PDF renderings show Chinese.

use std::fmt::Write;

use super::{Cascade, EdgeKind, ExportNode, LEVEL_CAPTIONS, NodeKind, layer_of};
use crate::diagnostics::Severity;

/// Fonts tried in order by Graphviz (fontconfig picks the first installed).
pub const CJK_FONTS: &str =
    "Noto Sans CJK SC,Source Han Sans SC,WenQuanYi Micro Hei,Microsoft YaHei,sans-serif";

#[must_use]
pub fn to_dot(cascade: &Cascade) -> String {
    let mut out = String::new();
    let font = CJK_FONTS.split(',').next().unwrap_or("sans-serif");
    let _ = writeln!(out, "digraph cascade {{");
    let _ = writeln!(
        out,
        "  graph [rankdir=TB, newrank=true, nodesep=0.3, ranksep=0.6, fontname=\"{font}\", fontsize=11];"
    );
    let _ = writeln!(
        out,
        "  node [shape=box, style=\"rounded,filled\", fillcolor=\"#eef5ff\", color=\"#2e6da4\", fontname=\"{font}\", fontsize=10];"
    );
    let _ = writeln!(
        out,
        "  edge [color=\"#6b7b8c\", fontname=\"{font}\", fontsize=9];"
    );
    for (level, caption) in LEVEL_CAPTIONS {
        let layer = layer_of(level);
        let members = cascade.level_members(level);
        if members.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  subgraph cluster_{layer} {{");
        let _ = writeln!(
            out,
            "    label=\"{caption}\"; labeljust=l; style=dotted; color=\"#9aa5b1\";"
        );
        for node in members {
            let _ = writeln!(out, "    {} [{}];", node.id, attributes(node));
        }
        let _ = writeln!(out, "  }}");
    }
    // Documents of unknown level stay outside the level clusters; their edges rank them.
    for node in cascade.nodes.iter().filter(|n| n.level.is_none()) {
        let _ = writeln!(out, "  {} [{}];", node.id, attributes(node));
    }
    for edge in &cascade.edges {
        let (from, to) = (&cascade.nodes[edge.from].id, &cascade.nodes[edge.to].id);
        let line = match edge.kind {
            EdgeKind::Cites => format!("  {to} -> {from} [dir=back, tooltip=\"cites\"];"),
            EdgeKind::ParentTarget => {
                let colour = if edge.weaker { "#c0392b" } else { "#6b7b8c" };
                format!(
                    "  {to} -> {from} [dir=back, style=dashed, color=\"{colour}\", tooltip=\"parent target\"];"
                )
            }
            EdgeKind::States => format!("  {from} -> {to} [arrowhead=none, color=\"#b8c2cc\"];"),
            EdgeKind::Leads => format!("  {from} -> {to} [style=dotted, tooltip=\"leads\"];"),
            EdgeKind::ResponsibleFor => {
                format!(
                    "  {from} -> {to} [style=dotted, arrowhead=empty, tooltip=\"responsible\"];"
                )
            }
        };
        let _ = writeln!(out, "{line}");
    }
    let _ = writeln!(out, "}}");
    out
}

fn attributes(node: &ExportNode) -> String {
    let mut lines = node.lines.clone();
    let counts = &node.findings;
    if counts.errors + counts.warnings > 0 {
        lines.push(format!("✗ {}  ⚠ {}", counts.errors, counts.warnings));
    }
    let label = lines
        .iter()
        .map(|l| escape(l))
        .collect::<Vec<_>>()
        .join("\\n");
    let mut attrs = vec![format!("label=\"{label}\"")];
    let flagged = match (node.kind, counts.worst(), node.weaker) {
        (NodeKind::Target, _, true) | (_, Some(Severity::Error), _) => Some(("#fde2e1", "#c0392b")),
        (_, Some(Severity::Warning), _) => Some(("#fff4d6", "#d68910")),
        _ => None,
    };
    match node.kind {
        NodeKind::Plan => {}
        NodeKind::Stub => {
            attrs.push("style=\"rounded,dashed\", color=\"#8a949e\", fontcolor=\"#5c6670\"".into())
        }
        NodeKind::Target => attrs.push("shape=note".into()),
        NodeKind::Agency => attrs.push("shape=ellipse".into()),
    }
    let (fill, stroke) = flagged.unwrap_or(match node.kind {
        NodeKind::Target => ("#ffffff", "#2e6da4"),
        NodeKind::Agency => ("#f4f6f8", "#8a949e"),
        _ => ("", ""),
    });
    if !fill.is_empty() {
        attrs.push(format!("fillcolor=\"{fill}\", color=\"{stroke}\""));
    }
    if let Some(file) = &node.file {
        attrs.push(format!("tooltip=\"{}\"", escape(file)));
    }
    attrs.join(", ")
}

/// A DOT double-quoted string's content.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

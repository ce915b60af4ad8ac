//! Graphviz DOT: one cluster per level, national on top, each level on rows of a few plans
//! (`rank=same`) chained in level order, and the documents not in the corpus in a compact band
//! at the bottom. Citations are drawn from the parent down to the child with the arrow at the
//! parent. A CJK font is named so that PNG and PDF renderings show Chinese.

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
    let mut anchors: Vec<&str> = Vec::new();
    for (level, caption) in LEVEL_CAPTIONS {
        let style = format!("label=\"{caption}\"; labeljust=l; style=dotted; color=\"#9aa5b1\";");
        let name = layer_of(level).to_string();
        let members = cascade.level_members(level);
        cluster(&mut out, &name, &style, &members, "", &mut anchors);
    }
    // Documents cited but not in the corpus: a compact band under the county level.
    let stubs: Vec<&ExportNode> = cascade.nodes.iter().filter(|n| n.level.is_none()).collect();
    let style = "label=\"未收录 not in the corpus\"; labeljust=l; style=dotted; color=\"#c3cad2\"; fontsize=9;";
    cluster(
        &mut out,
        "stubs",
        style,
        &stubs,
        ", fontsize=8",
        &mut anchors,
    );
    // Rows are ranked by an invisible chain of their first nodes, so the levels stay in order
    // whatever the citations say; citation edges then leave the ranks alone.
    for pair in anchors.windows(2) {
        let _ = writeln!(out, "  {} -> {} [style=invis];", pair[0], pair[1]);
    }
    for edge in &cascade.edges {
        let (from, to) = (&cascade.nodes[edge.from].id, &cascade.nodes[edge.to].id);
        let line = match edge.kind {
            EdgeKind::Cites => {
                format!("  {to} -> {from} [dir=back, constraint=false, tooltip=\"cites\"];")
            }
            EdgeKind::ParentTarget => {
                let colour = if edge.weaker { "#c0392b" } else { "#6b7b8c" };
                format!(
                    "  {to} -> {from} [dir=back, constraint=false, style=dashed, color=\"{colour}\", tooltip=\"parent target\"];"
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

/// Nodes per rank: a level wider than this wraps onto further rows, so that a corpus of 31
/// provinces draws as a block rather than a strip.
const ROW_LENGTH: usize = 6;

/// A cluster of `members` (nothing when there are none), its documents on rows.
fn cluster<'a>(
    out: &mut String,
    name: &str,
    style: &str,
    members: &[&'a ExportNode],
    node_style: &str,
    anchors: &mut Vec<&'a str>,
) {
    if members.is_empty() {
        return;
    }
    let _ = writeln!(out, "  subgraph cluster_{name} {{");
    let _ = writeln!(out, "    {style}");
    for node in members {
        let _ = writeln!(out, "    {} [{}{node_style}];", node.id, attributes(node));
    }
    let documents: Vec<&str> = members
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Plan | NodeKind::Stub))
        .map(|n| n.id.as_str())
        .collect();
    rows(out, &documents, anchors);
    let _ = writeln!(out, "  }}");
}

/// Puts `ids` on rows of `ROW_LENGTH` with `rank=same`, recording each row's first node.
fn rows<'a>(out: &mut String, ids: &[&'a str], anchors: &mut Vec<&'a str>) {
    for row in ids.chunks(ROW_LENGTH) {
        let _ = writeln!(out, "    {{ rank=same; {}; }}", row.join("; "));
        anchors.extend(row.first());
    }
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
    if let Some(tip) = node.tooltip() {
        attrs.push(format!("tooltip=\"{}\"", escape(&tip)));
    }
    attrs.join(", ")
}

/// A DOT double-quoted string's content.
fn escape(text: &str) -> String {
    super::escape::dot(text)
}

//! GraphML for Gephi, yEd and Cytoscape: keys declared first in a fixed order, canonical node and
//! edge ids, every attribute as `<data>`. Written by hand: the crates that write GraphML change
//! their key order from run to run.

use std::fmt::Write;

use super::Cascade;

const NODE_KEYS: [(&str, &str); 11] = [
    ("label", "string"),
    ("kind", "string"),
    ("level", "string"),
    ("layer", "int"),
    ("jurisdiction", "string"),
    ("campaign", "string"),
    ("file", "string"),
    ("errors", "int"),
    ("warnings", "int"),
    ("notes", "int"),
    ("weaker", "boolean"),
];

#[must_use]
pub fn to_graphml(cascade: &Cascade) -> String {
    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    out.push_str("<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n");
    for (i, (name, kind)) in NODE_KEYS.iter().enumerate() {
        let _ = writeln!(
            out,
            "  <key id=\"d{i}\" for=\"node\" attr.name=\"{name}\" attr.type=\"{kind}\"/>"
        );
    }
    let edge_kind = NODE_KEYS.len();
    let _ = writeln!(
        out,
        "  <key id=\"d{edge_kind}\" for=\"edge\" attr.name=\"kind\" attr.type=\"string\"/>"
    );
    let _ = writeln!(
        out,
        "  <key id=\"d{}\" for=\"edge\" attr.name=\"weaker\" attr.type=\"boolean\"/>",
        edge_kind + 1
    );
    out.push_str("  <graph id=\"cascade\" edgedefault=\"directed\">\n");
    for node in &cascade.nodes {
        let values = [
            node.lines.join(" "),
            serde_name(&node.kind),
            node.level.map(|l| l.en().to_string()).unwrap_or_default(),
            node.layer.to_string(),
            node.jurisdiction.clone().unwrap_or_default(),
            node.campaign.clone().unwrap_or_default(),
            node.file.clone().unwrap_or_default(),
            node.findings.errors.to_string(),
            node.findings.warnings.to_string(),
            node.findings.notes.to_string(),
            node.weaker.to_string(),
        ];
        let _ = writeln!(out, "    <node id=\"{}\">", node.id);
        for (i, value) in values.iter().enumerate() {
            if !value.is_empty() {
                let _ = writeln!(out, "      <data key=\"d{i}\">{}</data>", escape(value));
            }
        }
        out.push_str("    </node>\n");
    }
    for (i, edge) in cascade.edges.iter().enumerate() {
        let _ = writeln!(
            out,
            "    <edge id=\"e{i}\" source=\"{}\" target=\"{}\">\n      <data key=\"d{edge_kind}\">{}</data>\n      <data key=\"d{}\">{}</data>\n    </edge>",
            cascade.nodes[edge.from].id,
            cascade.nodes[edge.to].id,
            serde_name(&edge.kind),
            edge_kind + 1,
            edge.weaker
        );
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

/// The kebab-case name serde gives a unit variant.
fn serde_name<T: serde::Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn escape(text: &str) -> String {
    super::escape::xml(text)
}

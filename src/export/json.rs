//! Node-link JSON in networkx's current shape (3.4 and later, `nx.node_link_graph(data)` with no
//! arguments): `nodes` with `id`, `edges` with `source` and `target`. d3's force layout reads the
//! same data once `links` is set to `edges`.

use serde::Serialize;

use super::{Cascade, EdgeKind, ExportNode};

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    nodes: &'a [ExportNode],
    edges: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a str,
    target: &'a str,
    kind: EdgeKind,
    weaker: bool,
}

pub fn to_json(cascade: &Cascade) -> serde_json::Result<String> {
    let edges = cascade
        .edges
        .iter()
        .map(|e| Link {
            source: &cascade.nodes[e.from].id,
            target: &cascade.nodes[e.to].id,
            kind: e.kind,
            weaker: e.weaker,
        })
        .collect();
    let doc = NodeLink {
        directed: true,
        // A plan can name one agency as a lead in one task and as responsible in another.
        multigraph: true,
        nodes: &cascade.nodes,
        edges,
    };
    serde_json::to_string_pretty(&doc).map(|s| s + "\n")
}

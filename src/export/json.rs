//! Node-link JSON (the shape networkx's `node_link_graph` and d3 read): `nodes` with `id`,
//! `links` with `source` and `target`.

use serde::Serialize;

use super::{Cascade, EdgeKind, ExportNode};

#[derive(Serialize)]
struct NodeLink<'a> {
    directed: bool,
    multigraph: bool,
    nodes: &'a [ExportNode],
    links: Vec<Link<'a>>,
}

#[derive(Serialize)]
struct Link<'a> {
    source: &'a str,
    target: &'a str,
    kind: EdgeKind,
    weaker: bool,
}

pub fn to_json(cascade: &Cascade) -> serde_json::Result<String> {
    let links = cascade
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
        multigraph: false,
        nodes: &cascade.nodes,
        links,
    };
    serde_json::to_string_pretty(&doc).map(|s| s + "\n")
}

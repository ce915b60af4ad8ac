//! The layout's promises, checked over the source text: modules depend on each other without
//! cycles (at every depth of the module tree), and no source file grows past 400 lines.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use petgraph::algo::tarjan_scc;
use petgraph::graph::DiGraph;

use crate::support::root;

/// Every `.rs` file under `src/`, as (module path, text without comments and unit tests).
fn modules() -> Vec<(Vec<String>, String)> {
    let src = root().join("src");
    let mut out = Vec::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let relative = path.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["lib"] || parts == ["main"] {
            continue;
        }
        let text = std::fs::read_to_string(path).unwrap();
        let code = text.split("#[cfg(test)]").next().unwrap_or_default();
        let code: String = code
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .collect::<Vec<_>>()
            .join("\n");
        out.push((parts, code));
    }
    out
}

/// The module paths a file's code names: `crate::a::b…` and `super::x…`.
fn references(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    let parent = module[..module.len().saturating_sub(1)].to_vec();
    for (prefix, base) in [("crate::", Vec::new()), ("super::", parent)] {
        for (at, _) in code.match_indices(prefix) {
            let before = code[..at].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let mut rest = &code[at + prefix.len()..];
            let mut base = base.clone();
            while let Some(further) = rest.strip_prefix("super::") {
                base.pop();
                rest = further;
            }
            let path: Vec<String> = rest
                .split("::")
                .map_while(|seg| {
                    let seg: String = seg
                        .chars()
                        .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_')
                        .collect();
                    (!seg.is_empty()).then_some(seg)
                })
                .collect();
            let mut full = base;
            full.extend(path);
            found.push(full);
        }
    }
    found
}

/// The cycles among modules cut at `depth` (`a`, `a::b`, …), each as its sorted names.
fn cycles(modules: &[(Vec<String>, String)], depth: usize) -> Vec<Vec<String>> {
    let known: BTreeSet<Vec<String>> = modules.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (module, code) in modules {
        let me = module[..module.len().min(depth)].join("::");
        for reference in references(module, code) {
            // The longest prefix of the path that is a module of the crate.
            let Some(target) = (1..=reference.len())
                .rev()
                .map(|n| reference[..n].to_vec())
                .find(|p| known.contains(p))
            else {
                continue;
            };
            let target = target[..target.len().min(depth)].join("::");
            let nested =
                me.starts_with(&format!("{target}::")) || target.starts_with(&format!("{me}::"));
            if target != me && !nested {
                edges.entry(me.clone()).or_default().insert(target);
            }
        }
    }
    let mut graph = DiGraph::<String, ()>::new();
    let mut index = BTreeMap::new();
    for (from, tos) in &edges {
        for name in std::iter::once(from).chain(tos) {
            index
                .entry(name.clone())
                .or_insert_with(|| graph.add_node(name.clone()));
        }
    }
    for (from, tos) in &edges {
        for to in tos {
            graph.add_edge(index[from], index[to], ());
        }
    }
    tarjan_scc(&graph)
        .into_iter()
        .filter(|c| c.len() > 1)
        .map(|c| {
            let mut names: Vec<String> = c.iter().map(|n| graph[*n].clone()).collect();
            names.sort();
            names
        })
        .collect()
}

#[test]
fn modules_have_no_import_cycles() {
    let modules = modules();
    for depth in 1..=3 {
        let found = cycles(&modules, depth);
        assert!(
            found.is_empty(),
            "import cycles at depth {depth}: {found:?}"
        );
    }
}

#[test]
fn the_cycle_check_finds_a_cycle() {
    let module = |path: &str, code: &str| {
        let parts = path.split("::").map(str::to_string).collect();
        (parts, code.to_string())
    };
    let modules = vec![
        module("a", "use crate::b::Thing;"),
        module("b", "fn f() { crate::c::inner::g(); }"),
        module("c", ""),
        module("c::inner", "use super::super::a::X;"),
    ];
    assert_eq!(cycles(&modules, 1), [["a", "b", "c"]]);
    assert!(
        cycles(&modules[..3], 1).is_empty(),
        "no cycle without c::inner"
    );
}

#[test]
fn source_files_stay_short() {
    let mut over = Vec::new();
    for entry in walkdir::WalkDir::new(root().join("src")).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let lines = std::fs::read_to_string(path).unwrap().lines().count();
        let shown = path
            .strip_prefix(root())
            .unwrap_or(Path::new(""))
            .to_string_lossy()
            .replace('\\', "/");
        if lines > 400 {
            over.push(format!("{shown}: {lines} lines"));
        }
    }
    assert!(over.is_empty(), "{over:#?}");
}

/// A plan is placed by one function, for every kind of plan: `ingest::places::place`.
#[test]
fn placement_is_decided_in_one_module() {
    let modules = modules();
    let defining: Vec<String> = modules
        .iter()
        .filter(|(_, code)| code.contains("fn place(") || code.contains("fn place<"))
        .map(|(m, _)| m.join("::"))
        .collect();
    assert_eq!(defining, ["ingest::places::place"]);
    // Every plan converter calls it; none decides on its own from the folder or a hint.
    let deciding: Vec<String> = modules
        .iter()
        .filter(|(_, code)| code.contains("lookup.folder") || code.contains("lookup.by_name("))
        .map(|(m, _)| m.join("::"))
        .collect();
    assert_eq!(deciding, ["ingest::places::place"]);
}

/// A child's target is judged against its parent's in one module, `comparison`: the verdict
/// type lives there, and the arithmetic of a pair (`footing`, `is_weaker`) is used only there,
/// by the graph to pair targets it can compare, and by `regressing-target`, which compares a
/// plan's own years, not a child with its parent.
#[test]
fn verdicts_are_decided_in_one_module() {
    let modules = modules();
    let defining: Vec<String> = modules
        .iter()
        .filter(|(_, code)| code.contains("enum Verdict"))
        .map(|(m, _)| m.join("::"))
        .collect();
    assert_eq!(defining, ["comparison::verdict"]);
    let arithmetic: Vec<String> = modules
        .iter()
        .filter(|(_, code)| {
            ["footing(", "is_weaker(", "Footing {"]
                .iter()
                .any(|call| code.contains(call))
        })
        .map(|(m, _)| m.join("::"))
        .collect();
    assert_eq!(
        arithmetic,
        [
            "comparison::judge",
            "graph::build",
            "lints::rules::regressing_target",
            "model::growth",
        ]
    );
}

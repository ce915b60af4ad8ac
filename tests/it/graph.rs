//! The graph exports: each format on a small cascade, the formats' own readers (Graphviz,
//! networkx, headless Chromium), `graph/` kept current, and `trace` on the bundled corpus.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::{planlint, root};

pub(crate) fn export(paths: &[&str], format: &str, with: Option<&str>) -> String {
    let mut cmd = planlint();
    cmd.arg("graph")
        .args(paths)
        .args(["--format", format, "--lang", "zh"]);
    if let Some(with) = with {
        cmd.args(["--with", with]);
    }
    let out = crate::support::succeeded(cmd.output().unwrap());
    String::from_utf8(out.stdout).unwrap()
}

const FIXTURE: &str = "tests/fixtures/graph";

#[test]
fn every_format_is_snapshotted() {
    for format in ["dot", "mermaid", "graphml", "json", "svg", "html"] {
        insta::assert_snapshot!(format!("graph_{format}"), export(&[FIXTURE], format, None));
    }
    for format in ["dot", "json", "svg"] {
        insta::assert_snapshot!(
            format!("graph_{format}_with_targets_and_agencies"),
            export(&[FIXTURE], format, Some("targets,agencies"))
        );
    }
}

#[test]
fn exports_are_byte_identical_across_runs() {
    for format in ["dot", "graphml", "html"] {
        let first = export(&["plans"], format, Some("targets,agencies"));
        assert_eq!(
            first,
            export(&["plans"], format, Some("targets,agencies")),
            "{format}"
        );
    }
}

/// A tool the test needs: found, or the test is skipped outside CI and fails in it.
pub(crate) fn tool(name: &str) -> Option<PathBuf> {
    let found = std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join(name))
            .find(|p| p.is_file())
    });
    if found.is_none() {
        assert!(
            std::env::var_os("CI").is_none(),
            "{name} is required in CI (.ci/run installs it)"
        );
        eprintln!("skipped: {name} is not installed (.ci/run installs it)");
    }
    found
}

/// Runs Graphviz on `source`, asserting it succeeds without a warning.
fn render(dot: &std::path::Path, source: &str, format: &str) -> Vec<u8> {
    let mut command = Command::new(dot);
    command.arg(format!("-T{format}"));
    let out = crate::support::piped(command, source);
    assert!(out.status.success());
    assert_eq!(String::from_utf8_lossy(&out.stderr), "", "Graphviz warned");
    out.stdout
}

#[test]
fn dot_renders_without_warnings() {
    let Some(dot) = tool("dot") else { return };
    for with in [None, Some("targets,agencies")] {
        let svg = render(&dot, &export(&["plans"], "dot", with), "svg");
        assert!(String::from_utf8_lossy(&svg).contains("安丘市人民政府"));
    }
}

/// The bundled corpus (31 provinces on one level) draws as a block, not a strip, with the levels
/// top to bottom: national, provincial, municipal, county, then the documents not in the corpus.
#[test]
fn dot_layout_keeps_levels_in_order_and_a_readable_shape() {
    let Some(dot) = tool("dot") else { return };
    let json = render(&dot, &export(&["plans"], "dot", None), "json");
    let drawing: serde_json::Value = serde_json::from_slice(&json).unwrap();
    let numbers =
        |text: &str| -> Vec<f64> { text.split(',').map(|n| n.parse::<f64>().unwrap()).collect() };
    let bounds = numbers(drawing["bb"].as_str().unwrap());
    let (width, height) = (bounds[2] - bounds[0], bounds[3] - bounds[1]);
    let ratio = width.max(height) / width.min(height);
    assert!(
        ratio <= 3.0,
        "{width}x{height} is a strip (ratio {ratio:.1})"
    );
    let objects = drawing["objects"].as_array().unwrap();
    // Graphviz's y grows upwards: each band lies wholly above the next.
    let band = |cluster: &str| -> (f64, f64) {
        let members = objects
            .iter()
            .find(|o| o["name"] == cluster)
            .unwrap_or_else(|| panic!("no {cluster}"))["nodes"]
            .as_array()
            .unwrap();
        let ys: Vec<f64> = members
            .iter()
            .map(|i| {
                numbers(
                    objects[i.as_u64().unwrap() as usize]["pos"]
                        .as_str()
                        .unwrap(),
                )[1]
            })
            .collect();
        (
            ys.iter().copied().fold(f64::INFINITY, f64::min),
            ys.iter().copied().fold(f64::NEG_INFINITY, f64::max),
        )
    };
    let bands = [
        "cluster_0",
        "cluster_1",
        "cluster_2",
        "cluster_3",
        "cluster_stubs",
    ];
    for pair in bands.windows(2) {
        let (upper, lower) = (band(pair[0]), band(pair[1]));
        assert!(
            upper.0 > lower.1,
            "{} ({upper:?}) is not above {} ({lower:?})",
            pair[0],
            pair[1]
        );
    }
}

/// Python for which `check` (Python code, usually imports) succeeds, or `None`: the test is
/// skipped outside CI and fails in it, where .ci/run installs `what`.
pub(crate) fn python_with(check: &str, what: &str) -> Option<std::path::PathBuf> {
    let python = tool("python3")?;
    let ready = Command::new(&python)
        .args(["-c", check])
        .status()
        .is_ok_and(|s| s.success());
    if !ready {
        assert!(
            std::env::var_os("CI").is_none(),
            "{what} is required in CI (.ci/run installs it)"
        );
        eprintln!("skipped: {what} is not installed");
        return None;
    }
    Some(python)
}

/// Python with networkx.
fn networkx_python() -> Option<std::path::PathBuf> {
    python_with("import networkx", "networkx")
}

/// Reads `format`'s export of the bundled corpus (with targets and agencies) in networkx with
/// `read` (a Python expression of the file's path `sys.argv[1]`, warnings as errors), runs
/// `check` on the graph `g`, and checks it has every node and edge of the JSON export.
fn reads_back_in_networkx(format: &str, read: &str, check: &str) {
    let Some(python) = networkx_python() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(format!("cascade.{format}"));
    std::fs::write(&file, export(&["plans"], format, Some("targets,agencies"))).unwrap();
    let json: serde_json::Value =
        serde_json::from_str(&export(&["plans"], "json", Some("targets,agencies"))).unwrap();
    let script = format!(
        "import sys, json, pathlib, warnings, networkx as nx\nwarnings.simplefilter('error')\ng = {read}\n{check}\nprint(g.number_of_nodes(), g.number_of_edges())"
    );
    let out = crate::support::succeeded(
        Command::new(&python)
            .args(["-c", &script])
            .arg(&file)
            .output()
            .unwrap(),
    );
    let expected = format!(
        "{} {}\n",
        json["nodes"].as_array().unwrap().len(),
        json["edges"].as_array().unwrap().len()
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout), expected);
}

/// The GraphML reads back in networkx with every node, edge and typed attribute.
#[test]
fn graphml_reads_back_in_networkx() {
    reads_back_in_networkx(
        "graphml",
        "nx.read_graphml(sys.argv[1])",
        "assert all(isinstance(d['errors'], int) for _, d in g.nodes(data=True))",
    );
}

/// The JSON export reads in networkx's `node_link_graph` as it is called today, with no
/// arguments, and without a warning.
#[test]
fn json_reads_back_in_networkx() {
    reads_back_in_networkx(
        "json",
        "nx.node_link_graph(json.loads(pathlib.Path(sys.argv[1]).read_text(encoding='utf-8')))",
        "assert g.is_directed() and g.is_multigraph()",
    );
}

/// The page needs nothing from the network, and in Chromium a click on 安丘's plan shows its
/// targets beside its parent's, the weaker one marked, and its error.
#[test]
fn html_works_offline_in_headless_chromium() {
    let html = export(&[FIXTURE], "html", None);
    for external in ["<script src", "<link", "@import", "url(http", "src=\"http"] {
        assert!(!html.contains(external), "external resource: {external}");
    }
    let Some(chromium) = tool("chromium") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("cascade.html");
    std::fs::write(&page, &html).unwrap();
    let json: serde_json::Value = serde_json::from_str(&export(&[FIXTURE], "json", None)).unwrap();
    let county = json["nodes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["lines"][1] == "安政发〔2024〕13号")
        .unwrap()["id"]
        .as_str()
        .unwrap()
        .to_string();
    let url = format!("file://{}?select={county}", page.display());
    let dom = dump_dom(&chromium, dir.path(), &url);
    let panel =
        crate::support::between(&dom, "<aside id=\"panel\"", "</aside>").unwrap_or_default();
    assert!(
        panel.contains(&format!("data-selected=\"{county}\"")),
        "{panel}"
    );
    assert!(panel.contains("安政发〔2024〕13号"), "{panel}");
    assert!(panel.contains("<tr class=\"weaker\"><td>报废汽车回收量</td><td>2027</td><td>较2023年增长约30%</td><td>较2023年增长约100%（鲁政发〔2024〕3号）</td>"), "{panel}");
    assert!(panel.contains("weaker-target"), "{panel}");
    assert!(
        dom.contains("class=\"node plan error selected\""),
        "the clicked plan is marked"
    );
}

pub(crate) fn dump_dom(chromium: &Path, profile: &Path, url: &str) -> String {
    dump_dom_sized(chromium, profile, url, (1280, 800))
}

/// The DOM after the page's scripts ran, in a window of `width`×`height`.
pub(crate) fn dump_dom_sized(
    chromium: &Path,
    profile: &Path,
    url: &str,
    (width, height): (u32, u32),
) -> String {
    let out = crate::support::succeeded(
        Command::new(chromium)
            .arg(format!("--window-size={width},{height}"))
            .args([
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ])
            .arg(format!(
                "--user-data-dir={}",
                profile.join("profile").display()
            ))
            .arg("--dump-dom")
            .arg(url)
            .output()
            .unwrap(),
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// `graph/` holds the bundled corpus's exports; `PLANLINT_BLESS=1 cargo test graph_folder`
/// regenerates them.
#[test]
fn graph_folder_is_current() {
    let files = [
        ("cascade.svg", "svg"),
        ("cascade.dot", "dot"),
        ("cascade.mmd", "mermaid"),
        ("cascade.html", "html"),
    ];
    let bless = std::env::var_os("PLANLINT_BLESS").is_some();
    let mut stale = Vec::new();
    for (name, format) in files {
        let fresh = export(&["plans"], format, None);
        let path = root().join("graph").join(name);
        if bless {
            std::fs::write(&path, &fresh).unwrap();
        } else if std::fs::read_to_string(&path).ok().as_deref() != Some(fresh.as_str()) {
            stale.push(name);
        }
    }
    assert!(
        stale.is_empty(),
        "graph/ is stale against plans/ ({stale:?}); regenerate with `PLANLINT_BLESS=1 cargo test graph_folder`"
    );
}

#[test]
fn trace_shows_indicators_down_the_cascade() {
    for (indicator, lang) in [
        ("数控化率", "zh"),
        ("报废汽车回收量", "zh"),
        ("scrapped-vehicle-recovery-growth", "en"),
    ] {
        let out = planlint()
            .args(["trace", indicator, "--lang", lang])
            .output()
            .unwrap();
        assert!(out.status.success());
        insta::assert_snapshot!(
            format!("trace_{lang}_{}", indicator.len()),
            String::from_utf8_lossy(&out.stdout)
        );
    }
}

#[test]
fn trace_of_an_unknown_indicator_fails_clearly() {
    let out = planlint().args(["trace", "不存在的指标"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no catalogued indicator matches"));
}

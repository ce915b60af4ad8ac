//! The geometry of the drawn picture (SVG, and the HTML page that embeds it), read back from the
//! SVG itself: its shape, and edges that never pass behind a box they do not join.

use std::collections::BTreeMap;

use crate::graph::export;

/// The value of `name="…"` in `tag`.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

fn number(text: &str) -> f64 {
    text.parse().unwrap()
}

/// Each node's box, by its `data-id`: (x, y, width, height).
fn boxes(svg: &str) -> BTreeMap<String, (f64, f64, f64, f64)> {
    let mut boxes = BTreeMap::new();
    for group in svg.split("<g class=\"node ").skip(1) {
        let id = attribute(group, "data-id").unwrap().to_string();
        let rect = &group[group.find("<rect ").unwrap()..];
        let value = |name| number(attribute(rect, name).unwrap());
        boxes.insert(
            id,
            (value("x"), value("y"), value("width"), value("height")),
        );
    }
    boxes
}

/// Points along an SVG path made of M, L and C commands.
fn samples(d: &str) -> Vec<(f64, f64)> {
    let mut points = Vec::new();
    let mut current = (0.0, 0.0);
    let mut tokens = d.split_whitespace().peekable();
    let point = |token: &str| {
        let (x, y) = token
            .trim_start_matches(['M', 'L', 'C'])
            .split_once(',')
            .unwrap();
        (number(x), number(y))
    };
    while let Some(token) = tokens.next() {
        if token.starts_with('M') {
            current = point(token);
        } else if token.starts_with('L') {
            let end = point(token);
            for i in 0..=40 {
                let t = f64::from(i) / 40.0;
                points.push((
                    current.0 + (end.0 - current.0) * t,
                    current.1 + (end.1 - current.1) * t,
                ));
            }
            current = end;
        } else if token.starts_with('C') {
            let (c1, c2, end) = (
                point(token),
                point(tokens.next().unwrap()),
                point(tokens.next().unwrap()),
            );
            for i in 0..=40 {
                let t = f64::from(i) / 40.0;
                let u = 1.0 - t;
                let along = |a: f64, b: f64, c: f64, e: f64| {
                    u * u * u * a + 3.0 * u * u * t * b + 3.0 * u * t * t * c + t * t * t * e
                };
                points.push((
                    along(current.0, c1.0, c2.0, end.0),
                    along(current.1, c1.1, c2.1, end.1),
                ));
            }
            current = end;
        } else {
            panic!("unexpected path command {token}");
        }
    }
    points
}

/// Every citation edge of the bundled corpus stays clear of every box but its two ends, with and
/// without the targets and agencies listed in the boxes.
#[test]
fn edges_never_pass_behind_another_box() {
    edges_clear_of_boxes(&export(&["plans"], "svg", None));
    edges_clear_of_boxes(&export(&["plans"], "svg", Some("targets,agencies")));
}

fn edges_clear_of_boxes(svg: &str) {
    let boxes = boxes(svg);
    let mut crossings = Vec::new();
    let mut edges = 0;
    for path in svg.split("<path class=\"edge").skip(1) {
        edges += 1;
        let (from, to) = (
            attribute(path, "data-from").unwrap(),
            attribute(path, "data-to").unwrap(),
        );
        for (x, y) in samples(attribute(path, "d").unwrap()) {
            for (id, (bx, by, bw, bh)) in &boxes {
                let inside = x > bx + 1.0 && x < bx + bw - 1.0 && y > by + 1.0 && y < by + bh - 1.0;
                if inside && id != from && id != to {
                    crossings.push(format!("{from}->{to} behind {id}"));
                }
            }
        }
    }
    crossings.dedup();
    assert!(edges > 20, "only {edges} edges drawn");
    assert!(crossings.is_empty(), "{crossings:#?}");
}

/// The drawn SVG wraps a wide level onto further rows: the bundled corpus is a block, not a strip.
#[test]
fn svg_of_the_bundled_corpus_is_not_a_strip() {
    let svg = export(&["plans"], "svg", None);
    let view_box = attribute(&svg, "viewBox").unwrap();
    let numbers: Vec<f64> = view_box.split(' ').map(number).collect();
    let (width, height) = (numbers[2], numbers[3]);
    assert!(
        width.max(height) / width.min(height) <= 3.0,
        "{width}x{height} is a strip"
    );
}

/// `--with targets,agencies` lists each plan's targets (weaker ones first, marked) and agencies in
/// its box; without it the boxes hold the label only.
#[test]
fn svg_lists_targets_and_agencies_when_asked() {
    let plain = export(&["plans"], "svg", None);
    let with = export(&["plans"], "svg", Some("targets,agencies"));
    assert!(!plain.contains("class=\"item"));
    for class in [
        "item heading",
        "item target",
        "item target weaker",
        "item agency",
        "item more",
    ] {
        assert!(with.contains(&format!("class=\"{class}\"")), "no {class}");
    }
    let weaker = with.find("class=\"item target weaker\"").unwrap();
    assert!(
        with[weaker..]
            .split("</text>")
            .next()
            .unwrap()
            .contains("▼")
    );
}

/// The page of the bundled corpus in a 1400×1000 Chromium window, measured by a probe appended to
/// it: the viewport, the drawing, the panel and the selected plan, as `[left, top, right, bottom]`.
fn measure(chromium: &std::path::Path, html: &str, query: &str) -> serde_json::Value {
    const PROBE: &str = "<script>(function(){function box(e){var r=e.getBoundingClientRect();return [r.left,r.top,r.right,r.bottom];}var out={viewport:[0,0,window.innerWidth,window.innerHeight],svg:box(document.querySelector('#canvas svg')),panel:box(document.getElementById('panel')),nodes:{}};document.querySelectorAll('#canvas .node').forEach(function(g){out.nodes[g.getAttribute('data-id')]=box(g);});var p=document.createElement('pre');p.id='probe';p.textContent=JSON.stringify(out);document.body.appendChild(p);})();</script>\n</body>";
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("cascade.html");
    // The probe is not the page's own script, so this copy leaves out the page's policy, which
    // lets only the viewer run.
    let without_policy: String = html
        .lines()
        .filter(|l| !l.contains("Content-Security-Policy"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&page, without_policy.replace("</body>", PROBE)).unwrap();
    let url = format!("file://{}{query}", page.display());
    let dom = crate::graph::dump_dom_sized(chromium, dir.path(), &url, (1400, 1000));
    let probe = crate::support::between(&dom, "<pre id=\"probe\">", "</pre>")
        .unwrap_or_else(|| panic!("no probe output in {dom}"));
    serde_json::from_str(&probe.replace("&quot;", "\"")).unwrap()
}

fn rect(value: &serde_json::Value) -> [f64; 4] {
    let v: Vec<f64> = value
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_f64().unwrap())
        .collect();
    [v[0], v[1], v[2], v[3]]
}

fn within(inner: [f64; 4], outer: [f64; 4]) -> bool {
    inner[0] >= outer[0] - 0.5
        && inner[1] >= outer[1] - 0.5
        && inner[2] <= outer[2] + 0.5
        && inner[3] <= outer[3] + 0.5
}

/// At 1400×1000 the drawing takes the width beside a narrow panel and the plan with the most
/// errors is on screen; `?select=` opens the panel and scrolls a plan below the fold into view.
#[test]
fn html_fits_a_laptop_window_and_select_scrolls_to_the_plan() {
    let Some(chromium) = crate::graph::tool("chromium") else {
        return;
    };
    let html = export(&["plans"], "html", None);
    let json: serde_json::Value = serde_json::from_str(&export(&["plans"], "json", None)).unwrap();
    let nodes = json["nodes"].as_array().unwrap();
    let worst = nodes
        .iter()
        .max_by_key(|n| n["findings"]["errors"].as_u64().unwrap())
        .unwrap()["id"]
        .as_str()
        .unwrap();
    let last = nodes.last().unwrap()["id"].as_str().unwrap();

    let plain = measure(&chromium, &html, "");
    let viewport = rect(&plain["viewport"]);
    let (svg, panel) = (rect(&plain["svg"]), rect(&plain["panel"]));
    assert!(panel[2] - panel[0] <= 0.2 * viewport[2], "{plain}");
    assert!(
        svg[2] <= panel[0] + 0.5,
        "the drawing runs under the panel: {plain}"
    );
    assert!(
        within(rect(&plain["nodes"][worst]), viewport),
        "{worst} off screen: {plain}"
    );
    assert!(
        !within(rect(&plain["nodes"][last]), viewport),
        "{last} is already on screen, so this page cannot show that ?select= scrolls"
    );

    let selected = measure(&chromium, &html, &format!("?select={last}"));
    let viewport = rect(&selected["viewport"]);
    assert!(
        within(rect(&selected["nodes"][last]), viewport),
        "{selected}"
    );
    let panel = rect(&selected["panel"]);
    assert!(
        panel[2] - panel[0] > 0.2 * viewport[2],
        "the panel stays narrow: {selected}"
    );
}

/// A corpus whose plan text tries to break out of every export: control characters, `<!--<script>`
/// in an issuer, quotes, a Mermaid `%%{init}%%` directive. Each format is read back by a real
/// parser (Python's XML parser for SVG and GraphML, Graphviz for DOT, JSON for the HTML page's
/// data), and no plan text becomes markup or a directive.
#[test]
fn hostile_plan_text_stays_text_in_every_export() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(std::path::Path::new("tests/fixtures/graph"), dir.path());
    let parent = dir.path().join("province/lu.yaml");
    let text = std::fs::read_to_string(&parent).unwrap();
    let hostile = text
        .replace(
            "issuer: 山东省人民政府",
            "issuer: \"山东省人民政府<!--<script>alert(1)</script>%%{init: {}}%%\\e\\0\\uFFFE\"",
        )
        .replace(
            "title: 山东省推动",
            "title: \"%%{init: {'theme':'dark'}}%%\\\"]; n9[\\\"x\" \n# 山东省推动",
        );
    std::fs::write(&parent, &hostile).unwrap();
    let path = dir.path().to_str().unwrap();
    let run = |format: &str| -> String {
        let out = crate::support::planlint()
            .args([
                "graph",
                path,
                "--format",
                format,
                "--with",
                "targets,agencies",
            ])
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let svg = run("svg");
    assert!(svg.contains("山东省人民政府"), "the hostile plan is drawn");
    for (format, text) in [("svg", svg), ("graphml", run("graphml"))] {
        assert!(!text.contains(['\u{1b}', '\u{0}', '\u{fffe}']), "{format}");
        let mut python = std::process::Command::new("python3");
        python.args([
            "-c",
            "import sys, xml.etree.ElementTree as E; E.fromstring(sys.stdin.buffer.read())",
        ]);
        let parsed = crate::support::piped(python, &text);
        assert!(
            parsed.status.success(),
            "{format}: {}",
            String::from_utf8_lossy(&parsed.stderr)
        );
    }
    let mermaid = run("mermaid");
    assert!(!mermaid.contains("%%"), "{mermaid}");
    let html = run("html");
    let data = crate::support::between(
        &html,
        "<script id=\"cascade-data\" type=\"application/json\">",
        "</script>",
    )
    .unwrap();
    assert!(
        !data.contains('<'),
        "plan text could end or change the script"
    );
    serde_json::from_str::<serde_json::Value>(data).unwrap();
    assert_eq!(
        html.matches("<script").count(),
        2,
        "only the page's own scripts"
    );
    // In a browser, under the page's policy: the viewer runs (it opens the plan asked for, 国务院) and
    // the DOM holds no element the data made.
    if let Some(chromium) = crate::graph::tool("chromium") {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("cascade.html");
        std::fs::write(&page, &html).unwrap();
        let url = format!("file://{}?select=n0", page.display());
        let dom = crate::graph::dump_dom(&chromium, dir.path(), &url);
        assert!(
            dom.contains("data-selected=\"n0\""),
            "the viewer did not run:\n{dom}"
        );
        assert_eq!(dom.matches("<script").count(), 2, "{dom}");
        assert!(!dom.contains("alert(1)</script>"), "{dom}");
    }
    if let Some(dot) = crate::graph::tool("dot") {
        let source = run("dot");
        assert!(!source.contains('\u{0}'));
        let mut graphviz = std::process::Command::new(dot);
        graphviz.arg("-Tsvg");
        let rendered = crate::support::piped(graphviz, &source);
        assert!(
            rendered.status.success(),
            "{}",
            String::from_utf8_lossy(&rendered.stderr)
        );
    }
}

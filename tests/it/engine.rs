//! The one pipeline: `graph` and `trace` agree with `check` under every configuration, every
//! code (planlint's own included) works wherever a code is taken, and baselines survive a
//! reworded message.

use std::path::Path;

use planlint::config::Config;
use planlint::diagnostics::baseline::Baseline;
use planlint::engine::{self, BaselineUse, Inputs};

use crate::support::{BASE, copy_tree, planlint, succeeded};

const WEAKER: &str = "tests/fixtures/lints/weaker-target/fail-growth-below-parent";
const UNCERTAIN: &str = "tests/fixtures/engine/tool-code-allowed";

/// `planlint check ARGS --format json` run from `dir` (the root when `None`), parsed.
fn check_json<S: AsRef<std::ffi::OsStr>>(dir: Option<&Path>, args: &[S]) -> serde_json::Value {
    let mut cmd = planlint();
    if let Some(dir) = dir {
        cmd.current_dir(dir);
    }
    let out = cmd
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .unwrap();
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The codes of a JSON report's findings, in order; `uncompared-plan` is left out, since these
/// fixtures are cut from the cascade below the national level (it has its own fixtures).
fn codes(json: &serde_json::Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|d| d["code"] != "uncompared-plan")
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect()
}

fn graph_json(extra: &[&str]) -> serde_json::Value {
    let out = planlint()
        .args([
            "graph", BASE, WEAKER, "--format", "json", "--with", "targets",
        ])
        .args(extra)
        .output()
        .unwrap();
    serde_json::from_slice(&succeeded(out).stdout).unwrap()
}

/// (targets marked weaker, errors counted on plans) in a graph export.
fn weaker_and_errors(graph: &serde_json::Value) -> (usize, u64) {
    let nodes = graph["nodes"].as_array().unwrap();
    let weaker = nodes.iter().filter(|n| n["weaker"] == true).count();
    let errors = nodes
        .iter()
        .map(|n| n["findings"]["errors"].as_u64().unwrap_or(0))
        .sum();
    (weaker, errors)
}

#[test]
fn graph_colours_what_check_reports() {
    let (weaker, errors) = weaker_and_errors(&graph_json(&[]));
    assert_eq!((weaker, errors), (1, 1), "the fixture's one weaker target");
    let (weaker, errors) = weaker_and_errors(&graph_json(&["--allow", "weaker-target"]));
    assert_eq!((weaker, errors), (0, 0), "allowed, so nothing is coloured");
}

#[test]
fn trace_marks_what_check_reports() {
    let trace = |extra: &[&str]| {
        let out = planlint()
            .args(["trace", "报废汽车回收量", BASE, WEAKER, "--lang", "en"])
            .args(extra)
            .output()
            .unwrap();
        String::from_utf8(succeeded(out).stdout).unwrap()
    };
    assert!(trace(&[]).contains("▼ weaker than its parent\n"));
    // Allowed, the shortfall is still there, and says so: it never passes for equal.
    assert!(
        trace(&["--allow", "weaker-target"])
            .contains("▼ weaker than its parent (allowed by planlint.yaml)")
    );
}

#[test]
fn every_code_works_with_explain_select_ignore_and_allow() {
    for code in planlint::lints::codes() {
        let code = code.as_str();
        let explain = planlint().args(["explain", code]).output().unwrap();
        assert!(explain.status.success(), "explain {code}");
        for flag in ["--select", "--ignore", "--allow", "--warn", "--deny"] {
            let out = planlint()
                .args(["check", BASE, WEAKER, flag, code])
                .output()
                .unwrap();
            assert_ne!(out.status.code(), Some(2), "check {flag} {code}");
        }
    }
}

#[test]
fn select_and_allow_take_tool_codes() {
    let codes = |extra: &[&str]| codes(&check_json(None, &[&[UNCERTAIN], extra].concat()));
    assert_eq!(codes(&[]), ["uncertain-target"]);
    assert_eq!(
        codes(&["--select", "uncertain-target"]),
        ["uncertain-target"]
    );
    assert!(codes(&["--select", "weaker-target"]).is_empty());
    assert!(codes(&["--allow", "uncertain-target"]).is_empty());
    assert!(codes(&["--allow", "extraction"]).is_empty(), "by its group");
}

#[test]
fn a_tool_code_is_suppressed_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new(UNCERTAIN), dir.path());
    std::fs::write(
        dir.path().join("county/plan.sidecar.yaml"),
        "allow:\n  - lint: uncertain-target\n    item: 设备投资\n    reason: 三个数值对应三类设备，原文如此\n",
    )
    .unwrap();
    let json = check_json(None, &[dir.path()]);
    // The plan's only target is the uncertain one: it is still not compared, and says so.
    assert!(codes(&json).is_empty(), "{json}");
}

#[test]
fn rewording_a_message_keeps_the_baseline() {
    let inputs = Inputs {
        paths: vec![BASE.into(), WEAKER.into()],
        baseline: BaselineUse::Off,
        ..Inputs::default()
    };
    let report = engine::check(&Config::defaults(), &inputs).unwrap();
    let sources = &report.corpus.sources;
    let baseline = Baseline::of(&report.findings, sources);
    assert!(!baseline.findings.is_empty());

    // The same findings in other words: the baseline still covers every one.
    let mut reworded = report.findings.clone();
    for d in &mut reworded {
        d.message = planlint::i18n::Msg::new(
            format!("改写：{}", d.message.zh()),
            format!("reworded: {}", d.message.en()),
        );
        d.fingerprint = planlint::diagnostics::fingerprint(sources, &report.corpus.plans, d);
    }
    assert_eq!(baseline.filter(&mut reworded).1, 0, "no entry went stale");
    assert!(reworded.is_empty(), "every finding is still known");

    // A finding about another subject is new, even with the same message and place.
    let mut moved = report.findings.clone();
    for d in &mut moved {
        d.subject = planlint::diagnostics::Subject::File;
        d.fingerprint = planlint::diagnostics::fingerprint(sources, &report.corpus.plans, d);
    }
    let about_something = report
        .findings
        .iter()
        .filter(|d| !d.subject.key(&report.corpus.plans).is_empty())
        .count();
    assert!(about_something > 0);
    baseline.filter(&mut moved);
    assert_eq!(moved.len(), about_something);
}

#[test]
fn a_configuration_inside_a_checked_folder_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    let plans = dir.path().join("plans");
    crate::support::copy_fixture(WEAKER, &plans);
    std::fs::write(dir.path().join("planlint.yaml"), "include: [plans]\n").unwrap();
    std::fs::write(plans.join("planlint.yaml"), "include: [.]\n").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    // Run from a subfolder: the configuration is found upward and `include:` is read from its
    // folder.
    let json = check_json::<&str>(Some(&dir.path().join("sub")), &[]);
    assert_eq!(codes(&json), ["weaker-target"], "{json}");
}

#[test]
fn failures_speak_the_run_language() {
    let stderr = |args: &[&str]| {
        let out = planlint().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        String::from_utf8(out.stderr).unwrap()
    };
    let zh = stderr(&["check", "no/such/folder", "--lang", "zh"]);
    assert!(
        zh.contains("文件或文件夹不存在") && !zh.contains("no such file"),
        "{zh}"
    );
    let zh = stderr(&["explain", "weaker-targets", "--lang", "zh"]);
    assert!(zh.contains("是否应为“weaker-target”"), "{zh}");
    let en = stderr(&["trace", "没有这个指标", "plans", "--lang", "en"]);
    assert!(
        en.contains("no catalogued indicator matches") && !en.contains("指标目录中没有"),
        "{en}"
    );
}

#[test]
fn a_nursery_lint_runs_only_when_named() {
    let case = "tests/fixtures/lints/allocation/fail-child-above-the-whole";
    let codes = |extra: &[&str]| {
        let json = check_json(None, &[&[case], extra].concat());
        codes(&json).iter().filter(|c| *c == "allocation").count()
    };
    assert_eq!(codes(&[]), 0, "off by default");
    assert_eq!(
        codes(&["--warn", "correctness"]),
        0,
        "a group does not enable it"
    );
    assert_eq!(codes(&["--warn", "allocation"]), 1);
    assert_eq!(codes(&["--select", "allocation"]), 1);
    let explain = planlint().args(["explain", "allocation"]).output().unwrap();
    assert!(
        String::from_utf8(explain.stdout)
            .unwrap()
            .contains("Nursery")
    );
}

#[test]
fn a_not_applicable_declaration_needs_its_reason() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/lints/_base"), dir.path());
    std::fs::write(
        dir.path().join("shandong/anqiu/plan.yaml"),
        "title: 安丘市方案\nnot_applicable:\n  - indicator: 废旧家电回收量\n",
    )
    .unwrap();
    let json = check_json(None, &[dir.path()]);
    let found = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| {
            d["location"]["file"]
                .as_str()
                .unwrap()
                .ends_with("plan.yaml")
        })
        .expect("the plan's finding");
    assert_eq!(found["code"], "invalid-yaml", "{json}");
    assert!(
        found["message_en"].as_str().unwrap().contains("reason"),
        "{json}"
    );
}

#[test]
fn paths_are_relative_to_the_project_and_baselines_travel() {
    // A project: planlint.yaml with `include: [plans]` and a baseline, at one path…
    let first = tempfile::tempdir().unwrap();
    let project = first.path().join("repo");
    crate::support::copy_fixture(WEAKER, &project.join("plans"));
    std::fs::write(
        project.join("planlint.yaml"),
        "include: [plans]\nbaseline: planlint-baseline.json\n",
    )
    .unwrap();
    let run = |dir: &Path, args: &[&str]| {
        planlint()
            .current_dir(dir)
            .arg("check")
            .args(args)
            .output()
            .unwrap()
    };
    let written = run(&project, &["--write-baseline"]);
    assert!(
        written.status.success(),
        "{}",
        String::from_utf8_lossy(&written.stderr)
    );
    let baseline = std::fs::read_to_string(project.join("planlint-baseline.json")).unwrap();
    assert!(
        baseline.contains("\"file\": \"plans/anqiu/an-zhengfa-2024-13.yaml\""),
        "{baseline}"
    );

    // …copied to another path: the baseline still covers every finding, from any folder.
    let second = tempfile::tempdir().unwrap();
    let moved = second.path().join("elsewhere").join("repo");
    copy_tree(&project, &moved);
    std::fs::create_dir_all(moved.join("plans/anqiu/sub")).unwrap();
    for dir in [moved.clone(), moved.join("plans/anqiu/sub")] {
        let out = run(&dir, &["--format", "json"]);
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(json["diagnostics"], serde_json::json!([]), "{json}");
        assert!(
            !String::from_utf8_lossy(&out.stderr).contains("gone"),
            "no entry went stale"
        );
    }

    // Without a configuration, `plans`, `./plans` and an absolute path print the same paths,
    // relative to the working directory.
    let bare = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(WEAKER, &bare.path().join("plans"));
    let shown = |arg: &str| {
        let out = run(bare.path(), &[arg, "--format", "json"]);
        crate::support::json_diagnostics(&out.stdout)
            .iter()
            .map(|d| {
                d["location"]["file"]
                    .as_str()
                    .unwrap_or_default()
                    .to_string()
            })
            .collect::<Vec<_>>()
    };
    let absolute = bare.path().join("plans");
    let expected = shown("plans");
    assert!(
        expected.iter().all(|f| f.starts_with("plans/")),
        "{expected:?}"
    );
    assert_eq!(shown("./plans"), expected);
    assert_eq!(shown(absolute.to_str().unwrap()), expected);
}

#[test]
fn a_broken_rule_folder_ends_the_run() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::copy("lints/indicators.yaml", dir.path().join("indicators.yaml")).unwrap();
    let out = planlint()
        .args(["check", BASE, WEAKER, "--lints"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "half the rule data is no rule data"
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(stderr.contains("agency-abbreviations.yaml"), "{stderr}");
}

#[test]
fn graph_and_trace_do_not_drop_a_plan_silently() {
    for args in [
        vec!["graph", "tests/fixtures/cli/bad-input", "--format", "dot"],
        vec!["trace", "数控化率", "tests/fixtures/cli/bad-input"],
    ] {
        let out = planlint().args(&args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let stderr = String::from_utf8(out.stderr).unwrap();
        assert!(stderr.contains("unknown-jurisdiction"), "{stderr}");
        assert!(stderr.contains("left out of the output"), "{stderr}");
    }
    let clean = planlint()
        .args(["graph", "plans", "--format", "dot"])
        .output()
        .unwrap();
    assert_eq!(clean.status.code(), Some(0));
}

#[test]
fn a_fix_keeps_the_prefix_the_plan_writes() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("jurisdiction.yaml"),
        "name: 安丘市\nlevel: county\nself_prefix: 市\nagencies:\n  - name: 市场监督管理局\n    aliases: [市监局]\n  - name: 工业和信息化局\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("plan.yaml"),
        "title: 安丘市方案\ntasks:\n  - label: \"（一）\"\n    lead: [市市监局]\n    responsible: [市工信局, 市市场监管局]\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("planlint.yaml"), "fix-aliases: true\n").unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--fix"])
        .output()
        .unwrap();
    assert_ne!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let fixed = std::fs::read_to_string(dir.path().join("plan.yaml")).unwrap();
    // An informal name that starts like the prefix keeps the prefix; a 规范简称 stays as it is.
    assert!(fixed.contains("lead: [市市场监督管理局]"), "{fixed}");
    assert!(
        fixed.contains("responsible: [市工业和信息化局, 市市场监管局]"),
        "{fixed}"
    );
}

#[test]
fn a_folder_inside_the_corpus_is_checked_with_its_parents() {
    for path in [
        "plans/shandong/weifang/anqiu",
        "plans/shandong/weifang/anqiu/an-zhengfa-2024-13.txt",
    ] {
        let json = check_json(None, &[path]);
        let diagnostics = crate::support::json_diagnostics(json.to_string().as_bytes());
        let weaker = diagnostics
            .iter()
            .filter(|d| d["code"] == "weaker-target")
            .count();
        assert_eq!(
            weaker, 1,
            "安丘's 报废汽车 target against 鲁政发, from {path}"
        );
        assert!(
            diagnostics.iter().all(|d| d["location"]["file"]
                .as_str()
                .is_none_or(|f| f.starts_with("plans/shandong/weifang/anqiu/"))),
            "only the folder's own findings: {json}"
        );
    }
}

#[test]
fn the_petgraph_holds_every_node_and_resolution_of_the_graph() {
    use planlint::graph::{CitationLink, Edge, Node};
    let inputs = Inputs {
        paths: vec!["plans".into()],
        baseline: BaselineUse::Off,
        ..Inputs::default()
    };
    let report = engine::check(&Config::defaults(), &inputs).unwrap();
    let (corpus, graph) = (&report.corpus, &report.graph);
    let petgraph = graph.petgraph(corpus);
    let g = petgraph.graph();
    let edges = |want: Edge| g.raw_edges().iter().filter(|e| e.weight == want).count();
    let nodes = |want: fn(&Node) -> bool| g.node_weights().filter(|n| want(n)).count();

    assert_eq!(nodes(|n| matches!(n, Node::Plan(_))), corpus.plans.len());
    assert_eq!(
        nodes(|n| matches!(n, Node::Jurisdiction(_))),
        corpus.jurisdictions.len()
    );
    let targets: usize = corpus.plans.iter().map(|p| p.targets.len()).sum();
    assert!(targets > 0);
    assert_eq!(nodes(|n| matches!(n, Node::Target(_))), targets);
    assert_eq!(edges(Edge::TargetOf), targets);
    assert_eq!(edges(Edge::IssuedIn), corpus.plans.len());

    // Every citation is an edge to the plan or the stub it resolved to, but a plan's own.
    let mut cites = 0;
    for (id, _) in corpus.plan_ids() {
        let from = petgraph.index(&Node::Plan(id)).unwrap();
        for link in graph.citations(id) {
            let to = match *link {
                CitationLink::Plan { plan, .. } if plan == id => continue,
                CitationLink::Plan { plan, .. } => Node::Plan(plan),
                CitationLink::Stub(stub) => Node::Stub(stub),
            };
            let to = petgraph.index(&to).unwrap();
            assert!(
                g.edges_connecting(from, to)
                    .any(|e| *e.weight() == Edge::Cites)
            );
            cites += 1;
        }
    }
    assert!(cites > 0);
    assert_eq!(edges(Edge::Cites), cites);

    let pairs = graph.parent_target_pairs();
    assert!(!pairs.is_empty());
    assert_eq!(edges(Edge::ParentTarget), pairs.len());
    for (child, parent) in pairs {
        let (c, p) = (
            petgraph.index(&Node::Target(child)).unwrap(),
            petgraph.index(&Node::Target(parent)).unwrap(),
        );
        assert!(
            g.edges_connecting(c, p)
                .any(|e| *e.weight() == Edge::ParentTarget)
        );
    }

    // Each body once per plan and role, as the exports list them.
    let links = graph.agency_links(corpus);
    assert!(links.iter().any(|l| l.3 == Edge::Leads));
    assert!(links.iter().any(|l| l.3 == Edge::ResponsibleFor));
    assert_eq!(
        edges(Edge::Leads) + edges(Edge::ResponsibleFor),
        links.len()
    );
    for (jurisdiction, entry, plan, role) in links {
        let a = petgraph.index(&Node::Agency(jurisdiction, entry)).unwrap();
        let p = petgraph.index(&Node::Plan(plan)).unwrap();
        assert!(g.edges_connecting(a, p).any(|e| *e.weight() == role));
    }
}

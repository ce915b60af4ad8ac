//! Output formats for CI: SARIF (validated against the vendored OASIS schema) and GitHub
//! workflow annotations.

use std::process::Command;

use insta_cmd::assert_cmd_snapshot;

use crate::support::{BASE, planlint, root};

const FIXTURE: &str = "tests/fixtures/lints/weaker-target/fail-growth-below-parent";

#[test]
fn sarif_output_is_stable() {
    // %SRCROOT% is where this checkout lies; the rest must not depend on it.
    insta::with_settings!({filters => vec![(r#""file://[^"]*/""#, r#""file://[ROOT]/""#)]}, {
        assert_cmd_snapshot!(planlint().args(["check", BASE, FIXTURE, "--format", "sarif", "--lang", "en"]));
    });
}

#[test]
fn github_annotations_are_stable() {
    assert_cmd_snapshot!(
        planlint().args(["check", BASE, FIXTURE, "--format", "github", "--lang", "en"])
    );
}

/// The bundled corpus's SARIF (every lint and ingest code as a rule, 115 results with related
/// locations) validates against the SARIF 2.1.0 schema.
#[test]
fn sarif_of_the_bundled_corpus_validates_against_the_schema() {
    let out = planlint()
        .args(["check", "plans", "--format", "sarif", "--lang", "zh"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    if crate::graph::python_with("import jsonschema", "python3 with jsonschema").is_none() {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("planlint.sarif");
    std::fs::write(&log, &out.stdout).unwrap();
    let script = "import json, sys, jsonschema\nschema = json.load(open(sys.argv[1]))\nlog = json.load(open(sys.argv[2]))\njsonschema.validate(log, schema, cls=jsonschema.Draft7Validator)\nprint(len(log['runs'][0]['results']))";
    let check = crate::support::succeeded(
        Command::new("python3")
            .args(["-c", script])
            .arg(root().join("tests/fixtures/sarif/sarif-schema-2.1.0.json"))
            .arg(&log)
            .output()
            .unwrap(),
    );
    // Every finding of the run is a result: the count the human summary gives.
    let json = planlint()
        .args(["check", "plans", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let summary = &json["summary"];
    let total: u64 = ["errors", "warnings", "notes"]
        .iter()
        .map(|k| summary[k].as_u64().unwrap())
        .sum();
    assert_eq!(
        String::from_utf8_lossy(&check.stdout).trim(),
        total.to_string()
    );
}

/// Plan text that tries to drive the terminal or a CI runner through the human output: escape
/// sequences, bidi overrides, a line break followed by `::error::`, and `##[warning]`, in a
/// parent's title (YAML) and in a child's text. None of it reaches the output raw.
#[test]
fn hostile_plan_text_is_shown_not_obeyed_in_the_human_output() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(FIXTURE, dir.path());
    let parent = dir.path().join("lu-zhengfa-2024-3.yaml");
    let text = std::fs::read_to_string(&parent).unwrap().replace(
        "title: 山东省推动大规模设备更新和消费品以旧换新实施方案",
        "title: \"山东省\\e]0;pwned\\a推动\\n::error file=x::injected\\n##[warning]y\\u202e方案\"",
    );
    std::fs::write(&parent, text).unwrap();
    std::fs::write(
        dir.path().join("anqiu/notes.txt"),
        "安丘市人民政府\n到2027年，报废汽车回收量较2023年增长\u{1b}[2J约30%##[error]x。\n",
    )
    .unwrap();
    for lang in ["en", "zh"] {
        let out = planlint()
            .args(["check", "--lang", lang])
            .arg(dir.path())
            .output()
            .unwrap();
        let human = String::from_utf8(out.stdout).unwrap();
        assert!(human.contains("weaker-target"), "{human}");
        assert!(
            !human.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "a control character got through:\n{human}"
        );
        assert!(!human.contains("##["), "{human}");
        assert!(
            human.lines().all(|l| !l.trim_start().starts_with("::")),
            "{human}"
        );
    }
    // The GitHub format: every command line is one annotation, and plan text inside it cannot
    // close it or start another (`::add-mask::`, a second `::error`).
    let out = planlint()
        .args(["check", "--format", "github", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    let github = String::from_utf8(out.stdout).unwrap();
    let annotation =
        regex::Regex::new(r"^::(error|warning|notice)(?: [^:\r\n]*(?:::)?)?::[^\r\n]*$").unwrap();
    for line in github.lines().filter(|l| l.starts_with("::")) {
        assert!(annotation.is_match(line), "{line}");
        assert!(
            !line.contains("##[") && !line.contains(['\u{1b}', '\u{7}', '\u{202e}']),
            "{line}"
        );
    }
    assert!(github.lines().any(|l| l.starts_with("::error")), "{github}");
}

/// The JSON report is streamed; a reader that stops early (`| head`) ends the run quietly, with
/// the exit status of its findings, never an error about the pipe.
#[test]
fn a_reader_that_stops_early_ends_the_json_report_quietly() {
    let mut child = planlint()
        .args(["check", "--format", "json", "plans"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    drop(child.stdout.take());
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.code().is_some_and(|c| c < 2), "{stderr}");
    assert!(!stderr.to_lowercase().contains("pipe"), "{stderr}");
}

//! The CI servers' own formats: GitLab Code Quality (validated against its schema, every
//! fingerprint unique) and JUnit XML (read by junitparser, a case per file, failing on errors).

use std::path::Path;
use std::process::Command;

use serde_json::Value;

use crate::graph::tool;
use crate::support::{planlint, root, succeeded};

/// What `script` prints, run by `python` on `report` written to a file (its path `sys.argv[1]`,
/// then `extra`).
fn python_reads(
    python: &std::path::Path,
    script: &str,
    report: &str,
    extra: &[&std::path::Path],
) -> String {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("report");
    std::fs::write(&file, report).unwrap();
    let out = succeeded(
        Command::new(python)
            .args(["-c", script])
            .arg(&file)
            .args(extra)
            .output()
            .unwrap(),
    );
    String::from_utf8(out.stdout).unwrap()
}

fn check(format: &str) -> (Option<i32>, String) {
    let out = planlint()
        .args(["check", "plans", "--format", format])
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stdout).unwrap())
}

/// The bundled corpus as a GitLab report: valid against the schema, one issue per finding of
/// the JSON report, fingerprints unique, errors `major`, and the same exit code.
#[test]
fn gitlab_code_quality_validates() {
    let (code, report) = check("gitlab");
    let (json_code, json) = check("json");
    assert_eq!(code, json_code);
    let issues: Vec<Value> = serde_json::from_str(&report).unwrap();
    let findings = crate::support::json_diagnostics(json.as_bytes());
    assert_eq!(issues.len(), findings.len());
    let mut fingerprints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    fingerprints.sort_unstable();
    fingerprints.dedup();
    assert_eq!(fingerprints.len(), issues.len(), "fingerprints are unique");
    let errors = findings.iter().filter(|d| d["severity"] == "error").count();
    let majors = issues.iter().filter(|i| i["severity"] == "major").count();
    assert_eq!(errors, majors);
    let Some(python) = crate::graph::python_with("import jsonschema", "python3 with jsonschema")
    else {
        return;
    };
    let schema = root().join("docs/schema/gitlab-code-quality.schema.json");
    let said = python_reads(
        &python,
        "import json, sys, jsonschema\njsonschema.Draft7Validator(json.load(open(sys.argv[2]))).validate(json.load(open(sys.argv[1])))\nprint('valid')",
        &report,
        &[&schema],
    );
    assert_eq!(said.trim(), "valid");
}

/// The bundled corpus as JUnit XML, read by junitparser: a case per plan file, as many failing
/// as files with errors, and plan text escaped.
#[test]
fn junit_reads_in_junitparser() {
    let (code, report) = check("junit");
    assert_eq!(code, Some(1));
    let (_, json) = check("json");
    let findings = crate::support::json_diagnostics(json.as_bytes());
    let mut failing: Vec<&str> = findings
        .iter()
        .filter(|d| d["severity"] == "error")
        .map(|d| d["location"]["file"].as_str().unwrap_or("(the run)"))
        .collect();
    failing.sort_unstable();
    failing.dedup();
    let Some(python) = crate::graph::python_with("import junitparser", "python3 with junitparser")
    else {
        return;
    };
    let script = r#"
import sys, junitparser
xml = junitparser.JUnitXml.fromfile(sys.argv[1])
cases = [case for suite in xml for case in suite]
failed = sorted({case.name for case in cases if any(isinstance(r, junitparser.Failure) for r in case.result)})
print(len(cases))
print("\n".join(failed))
"#;
    let stdout = python_reads(&python, script, &report, &[]);
    let mut lines = stdout.lines();
    let cases: usize = lines.next().unwrap().parse().unwrap();
    assert!(cases >= 30, "a case per plan: {cases}");
    let read_failing: Vec<&str> = lines.collect();
    assert_eq!(read_failing, failing);
}

/// The pre-commit hook (`.pre-commit-hooks.yaml`, its `planlint-system` hook with the built
/// planlint on PATH) passes a clean plan repository and fails it once a weaker target is
/// planted, as pre-commit from PyPI runs it.
#[test]
fn the_pre_commit_hook_fails_a_weaker_target() {
    let Some(pre_commit) = tool("pre-commit") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let repo = dir.path().join("plans-repo");
    crate::support::copy_fixture(
        "tests/fixtures/lints/weaker-target/pass-equal-or-stronger",
        &repo.join("plans"),
    );
    let bin = insta_cmd::get_cargo_bin("planlint");
    let path = format!(
        "{}:{}",
        bin.parent().unwrap().display(),
        std::env::var("PATH").unwrap_or_default()
    );
    crate::support::git_repository(&repo);
    let hook = || {
        Command::new(&pre_commit)
            .current_dir(&repo)
            .env("PATH", &path)
            .env("PRE_COMMIT_HOME", dir.path().join("pre-commit-home"))
            .args(["try-repo"])
            .arg(root())
            .args(["planlint-system", "--all-files"])
            .output()
            .unwrap()
    };
    let clean = hook();
    assert!(
        clean.status.success(),
        "{}",
        String::from_utf8_lossy(&clean.stdout)
    );
    let plan = walkdir::WalkDir::new(repo.join("plans"))
        .into_iter()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("an-zhengfa"))
        .unwrap()
        .into_path();
    let text = std::fs::read_to_string(&plan).unwrap();
    // 漏损率 within 9% where the province says 7.8%: weaker, lower being better.
    std::fs::write(&plan, text.replacen("value: \"7\"", "value: \"9\"", 1)).unwrap();
    assert_ne!(
        std::fs::read_to_string(&plan).unwrap(),
        text,
        "a target was planted"
    );
    let failed = hook();
    let said = String::from_utf8_lossy(&failed.stdout);
    assert!(!failed.status.success(), "{said}");
    assert!(said.contains("weaker-target"), "{said}");
}

/// `plans/` committed in a new git repository, then the province's plan edited by `edit`.
fn plans_with_the_province_edited(edit: impl FnOnce(&str) -> String) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&root().join("plans"), &dir.path().join("plans"));
    crate::support::git_repository(dir.path());
    let province = dir.path().join("plans/shandong/lu-zhengfa-2024-3.yaml");
    let text = std::fs::read_to_string(&province).unwrap();
    std::fs::write(&province, edit(&text)).unwrap();
    dir
}

/// `check plans --format json` in `repo`, with `extra` arguments: its standard output.
fn json_of_plans(repo: &Path, extra: &[&str]) -> Vec<u8> {
    planlint()
        .current_dir(repo)
        .args(["check", "plans", "--format", "json"])
        .args(extra)
        .output()
        .unwrap()
        .stdout
}

/// `check --changed-since REF` on a plan repository: after the province's plan changes, it
/// reports the plans below it, each with exactly the findings a full check gives it, and
/// nothing of an unrelated province.
#[test]
fn changed_since_reports_what_a_change_touches() {
    let dir = plans_with_the_province_edited(|text| text.replacen("value: 75", "value: 80", 1));
    let repo = dir.path();
    let findings = |extra: &[&str]| -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> =
            crate::support::json_diagnostics(&json_of_plans(repo, extra))
                .iter()
                .map(|d| {
                    (
                        d["location"]["file"]
                            .as_str()
                            .unwrap_or_default()
                            .to_string(),
                        format!("{} {}", d["code"], d["message_en"]),
                    )
                })
                .collect();
        found.sort();
        found
    };
    let full = findings(&[]);
    let changed = findings(&["--changed-since", "HEAD"]);
    let files: std::collections::BTreeSet<&str> = changed.iter().map(|(f, _)| f.as_str()).collect();
    assert!(
        files
            .iter()
            .any(|f| f.starts_with("plans/shandong/weifang/anqiu/")),
        "{files:?}"
    );
    // 青海's plan has findings of its own, untouched by the change.
    assert!(full.iter().any(|(f, _)| f.starts_with("plans/qinghai/")));
    assert!(
        !files.iter().any(|f| f.starts_with("plans/qinghai/")),
        "{files:?}"
    );
    let full_of_those: Vec<(String, String)> = full
        .into_iter()
        .filter(|(f, _)| files.contains(f.as_str()))
        .collect();
    assert_eq!(changed, full_of_those);
}

/// `check --changed-since REF` after the province's plan took another number: the plans that
/// cited the old one are no longer linked to it, which the corpus as it is cannot tell, so the
/// run reports what a full check reports.
#[test]
fn changed_since_a_new_number_reports_everything() {
    let dir = plans_with_the_province_edited(|text| {
        assert!(text.contains("鲁政发〔2024〕3号"));
        text.replace("鲁政发〔2024〕3号", "鲁政发〔2024〕33号")
    });
    let repo = dir.path();
    let report = |extra: &[&str]| String::from_utf8(json_of_plans(repo, extra)).unwrap();
    let full = report(&[]);
    assert!(full.contains("plans/shandong/weifang/anqiu/"), "{full}");
    assert_eq!(report(&["--changed-since", "HEAD"]), full);
    // The run says why it checked everything, in the run's language.
    for (lang, why) in [
        (
            "en",
            "--changed-since: the change to plans/shandong/lu-zhengfa-2024-3.yaml can alter any plan's findings (its number, title, issuer or place changed): every plan was checked\n",
        ),
        (
            "zh",
            "--changed-since：plans/shandong/lu-zhengfa-2024-3.yaml 的改动可能影响任何方案（它的文号、标题、发文机关或辖区变了），已检查全部方案\n",
        ),
    ] {
        let run = planlint()
            .current_dir(repo)
            .args([
                "check",
                "plans",
                "--format",
                "json",
                "--changed-since",
                "HEAD",
                "--lang",
                lang,
            ])
            .output()
            .unwrap();
        assert_eq!(String::from_utf8(run.stderr).unwrap(), why);
    }
}

/// Checkstyle XML of the bundled corpus, read by Python's XML parser: an `error` element per
/// finding, with the same severities and files as the JSON report.
#[test]
fn checkstyle_reads_in_an_xml_parser() {
    let (code, report) = check("checkstyle");
    let (json_code, json) = check("json");
    assert_eq!(code, json_code);
    let findings = crate::support::json_diagnostics(json.as_bytes());
    let Some(python) = crate::graph::python_with("import xml.etree.ElementTree", "python3") else {
        return;
    };
    let script = r#"
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "checkstyle"
for f in root.iter("file"):
    for e in f.iter("error"):
        print(f.get("name"), e.get("severity"), e.get("source"))
"#;
    let mut read: Vec<String> = python_reads(&python, script, &report, &[])
        .lines()
        .map(str::to_string)
        .collect();
    let mut expected: Vec<String> = findings
        .iter()
        .map(|d| {
            let severity = match d["severity"].as_str().unwrap() {
                "note" => "info",
                other => other,
            };
            format!(
                "{} {severity} planlint.{}",
                d["location"]["file"].as_str().unwrap_or("."),
                d["code"].as_str().unwrap()
            )
        })
        .collect();
    read.sort();
    expected.sort();
    assert_eq!(read, expected);
}

/// `check --changed-since REF` when git cannot answer: outside a repository, or with a
/// reference git does not know, the run stops (exit 2) and says why, naming the reference; it
/// never checks nothing and passes.
#[test]
fn changed_since_says_when_git_cannot_answer() {
    let outside = tempfile::tempdir().unwrap();
    crate::support::copy_tree(&root().join("plans"), &outside.path().join("plans"));
    let inside = plans_with_the_province_edited(|text| text.to_string());
    for (dir, reference, why) in [
        (outside.path(), "HEAD", "not a git repository"),
        (inside.path(), "no-such-ref", "no-such-ref"),
    ] {
        let out = planlint()
            .current_dir(dir)
            .args([
                "check",
                "plans",
                "--lang",
                "en",
                "--changed-since",
                reference,
            ])
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{said}");
        assert!(
            said.contains(&format!(
                "git cannot list the files changed since {reference}"
            )) && said.contains(why),
            "{said}"
        );
        assert!(out.stdout.is_empty(), "{said}");
    }
}

/// A plan added and not yet committed is a change too (git lists it among the new files): its
/// findings are reported, as a full check reports them.
#[test]
fn changed_since_reports_a_new_uncommitted_plan() {
    let dir = plans_with_the_province_edited(|text| text.to_string());
    let repo = dir.path();
    let county = repo.join("plans/shandong/weifang/anqiu");
    let plan = std::fs::read_dir(&county)
        .unwrap()
        .filter_map(Result::ok)
        .map(|e| e.path())
        .find(|p| {
            p.file_name()
                .unwrap()
                .to_string_lossy()
                .starts_with("an-zhengfa")
        })
        .unwrap();
    let copy = county.join("an-new-draft.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    std::fs::write(&copy, text.replacen("value: \"7\"", "value: \"9\"", 1)).unwrap();
    let files = |extra: &[&str]| -> std::collections::BTreeSet<String> {
        crate::support::json_diagnostics(&json_of_plans(repo, extra))
            .iter()
            .filter_map(|d| d["location"]["file"].as_str().map(str::to_string))
            .collect()
    };
    let changed = files(&["--changed-since", "HEAD"]);
    assert!(
        changed.contains("plans/shandong/weifang/anqiu/an-new-draft.yaml"),
        "{changed:?}"
    );
    assert!(changed.is_subset(&files(&[])), "{changed:?}");
}

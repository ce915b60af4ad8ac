//! The CI servers' own formats: GitLab Code Quality (validated against its schema, every
//! fingerprint unique) and JUnit XML (read by junitparser, a case per file, failing on errors).

use std::process::Command;

use serde_json::Value;

use crate::support::{planlint, root, succeeded};

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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gl-code-quality-report.json");
    std::fs::write(&file, &report).unwrap();
    let out = succeeded(
        Command::new(python)
            .args([
                "-c",
                "import json, sys, jsonschema\njsonschema.Draft7Validator(json.load(open(sys.argv[1]))).validate(json.load(open(sys.argv[2])))\nprint('valid')",
            ])
            .arg(root().join("docs/schema/gitlab-code-quality.schema.json"))
            .arg(&file)
            .output()
            .unwrap(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "valid");
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
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("junit.xml");
    std::fs::write(&file, &report).unwrap();
    let script = r#"
import sys, junitparser
xml = junitparser.JUnitXml.fromfile(sys.argv[1])
cases = [case for suite in xml for case in suite]
failed = sorted({case.name for case in cases if any(isinstance(r, junitparser.Failure) for r in case.result)})
print(len(cases))
print("\n".join(failed))
"#;
    let out = succeeded(
        Command::new(python)
            .args(["-c", script])
            .arg(&file)
            .output()
            .unwrap(),
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let mut lines = stdout.lines();
    let cases: usize = lines.next().unwrap().parse().unwrap();
    assert!(cases >= 30, "a case per plan: {cases}");
    let read_failing: Vec<&str> = lines.collect();
    assert_eq!(read_failing, failing);
}

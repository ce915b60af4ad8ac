//! One comparison, every output: `check --format json` and `compare --format json` agree on
//! every draft in `tests/`, every fixture corpus, the seeds and every plan of `../shared/devset`
//! and `../shared/devset-campaigns`. A finding of a comparison lint has a row with its verdict,
//! reported at its severity, and every reported row of such a verdict has its finding. Both
//! documents are valid against the JSON Schemas in `docs/schema/`.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::{planlint, root};

/// The comparison lints and the verdict each reports.
const LINTS: [(&str, &str); 4] = [
    ("weaker-target", "weaker"),
    ("looser-bound", "looser-bound"),
    ("omitted-target", "omitted"),
    ("qualitative-target", "qualitative-only"),
];

/// A reported comparison, as both documents name it: file, indicator, deadline, this plan's and
/// the parent's values, verdict and severity.
type Key = (String, String, String, String, String, String, String);

fn key(file: &str, facts: &Value, severity: &str) -> Key {
    let text = |v: &Value| v["text"]["en"].as_str().unwrap_or_default().to_string();
    (
        file.to_string(),
        facts["indicator"].as_str().unwrap_or_default().to_string(),
        facts["deadline"].as_str().unwrap_or_default().to_string(),
        text(&facts["value"]),
        text(&facts["parent"]["value"]),
        facts["verdict"].as_str().unwrap_or_default().to_string(),
        severity.to_string(),
    )
}

/// Runs one subcommand with `--format json` and parses its output.
fn json(command: &str, args: &[&Path]) -> Value {
    let out = planlint()
        .arg(command)
        .args(args)
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{command} {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{command} {args:?}: {e}"))
}

/// The reported comparisons of the findings, and those of the table's rows.
fn reported(check: &Value, compare: &Value) -> (BTreeSet<Key>, BTreeSet<Key>) {
    let mut from_findings = BTreeSet::new();
    for d in check["diagnostics"].as_array().into_iter().flatten() {
        let code = d["code"].as_str().unwrap_or_default();
        // `predates-parent` reports, for information, rows of every verdict the four lints
        // would report were the plan not older than its parent.
        let predates = code == "predates-parent";
        let verdict = match LINTS.iter().find(|(c, _)| *c == code) {
            Some((_, verdict)) => Some(*verdict),
            None if predates => None,
            None => continue,
        };
        let comparisons = d["subject"]["comparisons"].as_array();
        assert!(
            comparisons.is_some(),
            "a {code} finding without its facts: {d}"
        );
        for facts in comparisons.into_iter().flatten() {
            match verdict {
                Some(verdict) => assert_eq!(facts["verdict"], verdict, "{code}: {facts}"),
                None => assert_eq!(facts["predates_parent"], true, "{code}: {facts}"),
            }
            let file = d["location"]["file"].as_str().unwrap_or_default();
            let severity = d["severity"].as_str().unwrap_or_default();
            from_findings.insert(key(file, facts, severity));
        }
    }
    let mut from_rows = BTreeSet::new();
    for table in compare["tables"].as_array().into_iter().flatten() {
        let file = table["file"].as_str().unwrap_or_default();
        for row in table["rows"].as_array().into_iter().flatten() {
            let verdict = row["verdict"].as_str().unwrap_or_default();
            if row["standing"] == "reported" && LINTS.iter().any(|(_, v)| *v == verdict) {
                let severity = row["severity"].as_str().unwrap_or_default();
                from_rows.insert(key(file, row, severity));
            }
        }
    }
    (from_findings, from_rows)
}

/// Checks and compares `args`; returns how many reported comparisons they share.
fn agree(args: &[&Path], schemas: &mut Vec<(Value, Value)>) -> usize {
    let check = json("check", args);
    let compare = json("compare", args);
    let (findings, rows) = reported(&check, &compare);
    let missing_rows: Vec<_> = findings.difference(&rows).collect();
    let missing_findings: Vec<_> = rows.difference(&findings).collect();
    assert!(
        missing_rows.is_empty() && missing_findings.is_empty(),
        "{args:?}: findings without their row: {missing_rows:#?}\nrows without their finding: {missing_findings:#?}"
    );
    schemas.push((check, compare));
    findings.len()
}

/// Every plan text under `dir`, sorted.
fn texts(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.path().to_path_buf())
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt" || e == "docx")
                || (p.extension().is_some_and(|e| e == "md")
                    && p.file_name().is_some_and(|n| n != "README.md"))
        })
        .collect();
    found.sort();
    found
}

/// Every case folder of the lint fixtures.
fn fixture_cases() -> Vec<PathBuf> {
    let mut cases = Vec::new();
    for lint in std::fs::read_dir(root().join("tests/fixtures/lints")).unwrap() {
        let lint = lint.unwrap().path();
        if lint.file_name().is_some_and(|n| n == "_base") || !lint.is_dir() {
            continue;
        }
        for case in std::fs::read_dir(&lint).unwrap() {
            cases.push(case.unwrap().path());
        }
    }
    cases.sort();
    cases
}

#[test]
fn check_and_compare_agree_on_every_draft_and_fixture() {
    let shared = root().join("../shared");
    let plans = PathBuf::from("plans");
    let corpus = Path::new("--corpus");
    let mut schemas = Vec::new();
    let mut shared_comparisons = 0;
    // Drafts: the text plans of tests/, the seeds and the devsets, each against the corpus.
    let mut drafts = texts(&root().join("tests/fixtures"));
    for dir in ["seeds", "devset/texts", "devset-campaigns/ai-plus/texts"] {
        drafts.extend(texts(&shared.join(dir)));
    }
    assert!(drafts.len() > 40, "{} drafts", drafts.len());
    for draft in &drafts {
        shared_comparisons += agree(&[draft, corpus, &plans], &mut schemas);
    }
    // Whole corpora: every lint fixture (with its shared base when it has no jurisdiction of
    // its own), the bundled corpus, and the other campaign's cascade on its own.
    for case in fixture_cases() {
        let base = root().join("tests/fixtures/lints/_base");
        if case.join("jurisdiction.yaml").is_file() {
            shared_comparisons += agree(&[&case], &mut schemas);
        } else {
            shared_comparisons += agree(&[&base, &case], &mut schemas);
        }
    }
    shared_comparisons += agree(&[&plans], &mut schemas);
    shared_comparisons += agree(
        &[&shared.join("devset-campaigns/ai-plus/texts")],
        &mut schemas,
    );
    // Not vacuous: the runs report comparisons of every kind.
    assert!(shared_comparisons > 20, "{shared_comparisons}");
    validate(&schemas);
}

/// Both documents of every run against their schemas.
fn validate(documents: &[(Value, Value)]) {
    if crate::graph::python_with("import jsonschema, referencing", "python3 with jsonschema")
        .is_none()
    {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let (checks, compares): (Vec<&Value>, Vec<&Value>) =
        documents.iter().map(|(a, b)| (a, b)).unzip();
    let checks_file = dir.path().join("checks.json");
    let compares_file = dir.path().join("compares.json");
    std::fs::write(&checks_file, serde_json::to_vec(&checks).unwrap()).unwrap();
    std::fs::write(&compares_file, serde_json::to_vec(&compares).unwrap()).unwrap();
    let script = r#"
import json, sys, jsonschema, referencing
schemas = [json.load(open(p)) for p in sys.argv[1:3]]
registry = referencing.Registry().with_resources(
    [(s["$id"], referencing.Resource.from_contents(s)) for s in schemas])
for schema, path in zip(schemas, sys.argv[3:5]):
    validator = jsonschema.Draft7Validator(schema, registry=registry)
    for document in json.load(open(path)):
        validator.validate(document)
print("valid")
"#;
    let out = crate::support::succeeded(
        std::process::Command::new("python3")
            .args(["-c", script])
            .arg(root().join("docs/schema/check.schema.json"))
            .arg(root().join("docs/schema/compare.schema.json"))
            .arg(&checks_file)
            .arg(&compares_file)
            .output()
            .unwrap(),
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).trim(), "valid");
}

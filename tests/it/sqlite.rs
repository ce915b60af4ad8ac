//! `graph --format sqlite`: the database of the bundled corpus, read by Python's sqlite3. Each
//! SQL block of docs/graph.md is run, so the documented queries stay true, and its rows are
//! snapshotted; the tables agree with `check`'s JSON.

use std::process::Command;

use crate::support::{planlint, root, succeeded};

/// The ```sql blocks of docs/graph.md.
fn documented_queries() -> Vec<String> {
    let doc = std::fs::read_to_string(root().join("docs/graph.md")).unwrap();
    doc.split("```sql\n")
        .skip(1)
        .map(|block| block.split("```").next().unwrap().to_string())
        .collect()
}

#[test]
fn the_documented_queries_answer() {
    let Some(python) = crate::graph::python_with("import sqlite3", "python3 with sqlite3") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("kg.db");
    let out = planlint()
        .args(["graph", "plans", "--format", "sqlite", "-o"])
        .arg(&db)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let queries = documented_queries();
    assert_eq!(queries.len(), 5);
    let script = r#"
import json, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
db.execute("PRAGMA foreign_keys = ON")
assert db.execute("PRAGMA foreign_key_check").fetchall() == [], "foreign keys hold"
counts = {t: db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
          for t in ["plans", "targets", "findings", "comparisons"]}
answers = [db.execute(q).fetchall() for q in json.loads(sys.argv[2])]
print(json.dumps({"counts": counts, "answers": answers}, ensure_ascii=False))
"#;
    let out = succeeded(
        Command::new(python)
            .args(["-c", script])
            .arg(&db)
            .arg(serde_json::to_string(&queries).unwrap())
            .output()
            .unwrap(),
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    // The tables hold what check reports.
    let check = planlint()
        .args(["check", "plans", "--format", "json"])
        .output()
        .unwrap();
    let findings = crate::support::json_diagnostics(&check.stdout);
    assert_eq!(read["counts"]["findings"], findings.len());
    let weaker = findings
        .iter()
        .filter(|d| d["code"] == "weaker-target")
        .count();
    assert_eq!(read["answers"][0].as_array().unwrap().len(), weaker);
    let rows: Vec<String> = read["answers"]
        .as_array()
        .unwrap()
        .iter()
        .zip(&queries)
        .map(|(rows, query)| {
            let lines: Vec<String> = rows
                .as_array()
                .unwrap()
                .iter()
                .map(ToString::to_string)
                .collect();
            format!("{}\n{}", query.lines().next().unwrap(), lines.join("\n"))
        })
        .collect();
    insta::assert_snapshot!(rows.join("\n\n"));
    // The spreadsheet's copy: a byte-order mark, the header, a row per comparison.
    let csv = planlint()
        .args(["graph", "plans", "--format", "comparisons-csv"])
        .output()
        .unwrap()
        .stdout;
    assert!(csv.starts_with(b"\xEF\xBB\xBFid,plan,indicator,year,"));
    let rows = String::from_utf8(csv).unwrap().lines().count() - 1;
    assert_eq!(read["counts"]["comparisons"], rows);
}

//! Pathological texts and configurations cost output in proportion to their size: each case is
//! run at two sizes, 4 times apart, and its output may grow at most 4.5 times. Output is what
//! is measured, never time; where only the time grew faster than the input, a unit test next to
//! the code bounds the work done (`Baselines` in targets/indicator.rs, `number_window` in
//! citations.rs, `FileSource::around` in diagnostics/snippet.rs, `LineIndex`).

use std::path::Path;
use std::process::Output;

use serde_json::Value;

use crate::support::{planlint, succeeded};

/// The values read from one sentence (`targets::limit::MAX_VALUES`).
const MAX_VALUES: usize = 32;

/// The most output may grow when the input grows 4 times.
const LINEAR: f64 = 4.5;

const HEAD: &str = "关于印发某市制造业数字化转型行动方案的通知\n";

fn extract(dir: &Path, text: &str) -> Output {
    let path = dir.join("plan.txt");
    std::fs::write(&path, format!("{HEAD}{text}\n")).unwrap();
    succeeded(
        planlint()
            .args(["extract", "--format", "json"])
            .arg(&path)
            .output()
            .unwrap(),
    )
}

fn targets(out: &Output) -> Vec<Value> {
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    json["targets"].as_array().cloned().unwrap_or_default()
}

fn notes(out: &Output) -> usize {
    String::from_utf8_lossy(&out.stderr)
        .matches("[uncertain-target]")
        .count()
}

/// The output of `text(n)` and `text(4n)`, and how many times bigger the second is (`size`
/// measures one output).
fn grown(
    text: impl Fn(usize) -> String,
    n: usize,
    size: fn(&Output) -> usize,
) -> (Output, Output, f64) {
    let dir = tempfile::tempdir().unwrap();
    let small = extract(dir.path(), &text(n));
    let large = extract(dir.path(), &text(4 * n));
    let ratio = size(&large) as f64 / size(&small).max(1) as f64;
    (small, large, ratio)
}

fn stdout_len(out: &Output) -> usize {
    out.stdout.len()
}

fn stderr_len(out: &Output) -> usize {
    out.stderr.len()
}

/// `A、B、C…分别达到x%、y%、z%…`: every target quotes the sentence, so only the first
/// [`MAX_VALUES`] are read, and a note says so.
#[test]
fn a_respectively_list_gives_output_linear_in_its_length() {
    let list = |n: usize| {
        let names: Vec<String> = (0..n).map(|i| format!("指标{i}数控化率")).collect();
        let values: Vec<String> = (0..n).map(|i| format!("{}%", 50 + i % 40)).collect();
        format!(
            "到2027年，{}分别达到{}。",
            names.join("、"),
            values.join("、")
        )
    };
    let (small, large, ratio) = grown(list, 100, stdout_len);
    assert!(ratio <= LINEAR, "JSON grew {ratio:.1} times");
    for (out, n) in [(&small, 100), (&large, 400)] {
        let read = targets(out);
        assert_eq!(read.len(), MAX_VALUES);
        // The values read are still paired with their own indicators.
        assert_eq!(read[31]["indicator"], "指标31数控化率");
        assert_eq!(read[31]["value"], 50 + 31);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(
            stderr.contains(&format!(
                "this sentence holds {n} values; only the first {MAX_VALUES}"
            )),
            "{stderr}"
        );
    }
}

/// `较2020年较2020年…`: the baselines are cut off the indicator one by one.
#[test]
fn a_chain_of_baselines_gives_output_linear_in_its_length() {
    let chain = |n: usize| format!("到2027年，能耗{}下降15%。", "较2020年".repeat(n));
    let (small, large, ratio) = grown(chain, 500, stdout_len);
    assert!(ratio <= LINEAR, "JSON grew {ratio:.1} times");
    for out in [&small, &large] {
        let read = targets(out);
        assert_eq!(read.len(), 1);
        assert_eq!(
            (&read[0]["indicator"], &read[0]["baseline"]),
            (&"能耗".into(), &2020.into())
        );
    }
}

/// `比例达到0.8:0.8:0.8…`: no value has an indicator, which one note says of the clause; a line of
/// such sentences has one note each, and each is shown in a window of the line.
#[test]
fn chains_of_ratios_give_one_note_a_clause() {
    let chain = |n: usize| format!("到2027年，比例达到{}。", vec!["0.8"; n].join(":"));
    let (small, large, ratio) = grown(chain, 500, stderr_len);
    assert!(ratio <= LINEAR, "notes grew {ratio:.1} times");
    for out in [&small, &large] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("a value with no indicator").count(), 1);
        // And one that the sentence holds more values than are read.
        assert_eq!(notes(out), 2, "{stderr}");
    }
    let line = |n: usize| format!("到2027年，{}", "达到0.8:1。".repeat(n));
    let (small, large, ratio) = grown(line, 200, stderr_len);
    assert!(ratio <= LINEAR, "notes grew {ratio:.1} times");
    assert_eq!((notes(&small), notes(&large)), (200, 800));
}

/// `《方案1》（国发〔2024〕12345号）…`: a serial of five digits is no 文号, and the number after each
/// title is looked for where it would stand, not through the rest of the text.
#[test]
fn titles_followed_by_long_serials_give_output_linear_in_their_number() {
    let titles = |n: usize| {
        let cited: Vec<String> = (0..n)
            .map(|i| format!("《方案{i}》（国发〔2024〕{}号）", 12345 + i))
            .collect();
        format!("根据{}，到2027年，数控化率达到75%。", cited.join("、"))
    };
    let (small, large, ratio) = grown(titles, 500, stdout_len);
    assert!(ratio <= LINEAR, "JSON grew {ratio:.1} times");
    for (out, n) in [(&small, 500), (&large, 2000)] {
        let json: Value = serde_json::from_slice(&out.stdout).unwrap();
        let citations = json["citations"].as_array().unwrap();
        assert_eq!(citations.len(), n);
        assert!(citations.iter().all(|c| c["doc_number"].is_null()));
    }
}

/// planlint.yaml naming thousands of unknown codes: the first 50 are reported, each with its
/// suggestion, and one more finding counts the rest.
#[test]
fn thousands_of_unknown_codes_give_fifty_findings_and_a_count() {
    let dir = tempfile::tempdir().unwrap();
    let config = |n: usize| {
        let path = dir.path().join(format!("planlint-{n}.yaml"));
        let lints: String = (0..n)
            .map(|i| format!("  unknown-code-{i:05}: warn\n"))
            .collect();
        std::fs::write(
            &path,
            format!("lints:\n  ambiguous-jurisdictio: deny\n{lints}"),
        )
        .unwrap();
        let out = planlint()
            .arg("check")
            .arg("--config")
            .arg(&path)
            .arg(crate::support::root().join("plans"))
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        out
    };
    let (small, large) = (config(2000), config(8000));
    let ratio = large.stderr.len() as f64 / small.stderr.len() as f64;
    assert!(ratio <= LINEAR, "findings grew {ratio:.1} times");
    for (out, n) in [(&small, 2000), (&large, 8000)] {
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(stderr.matches("[invalid-config]").count(), 51, "{stderr}");
        assert!(
            stderr.contains("did you mean `ambiguous-jurisdiction`?"),
            "{stderr}"
        );
        let more = n + 1 - 50;
        assert!(
            stderr.contains(&format!(
                "{more} more unknown codes and groups are not listed"
            )),
            "{stderr}"
        );
    }
}

//! A generated corpus (`planlint::generate`): every injected fault is found and nothing else is
//! an error; the generator and the checker give the same bytes every time, the checker at any
//! thread count.

use std::collections::BTreeSet;
use std::path::Path;

use planlint::generate::{Options, generate};
use serde_json::Value;

use crate::support::planlint;

const OPTIONS: Options = Options {
    plans: 420,
    seed: 11,
    fault_every: 6,
};

fn check_json(corpus: &Path, threads: &str) -> Vec<u8> {
    let out = planlint()
        .arg("check")
        .arg(corpus)
        .args(["--format", "json"])
        .env("RAYON_NUM_THREADS", threads)
        .output()
        .unwrap();
    assert!(
        out.status.code() == Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// (file relative to the corpus, code) of the findings at `levels`.
fn findings(json: &[u8], corpus: &Path, levels: &[&str]) -> BTreeSet<(String, String)> {
    let json: Value = serde_json::from_slice(json).unwrap();
    let prefix = format!("{}/", corpus.display());
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| levels.contains(&d["severity"].as_str().unwrap()))
        .map(|d| {
            let file = d["location"]["file"].as_str().unwrap();
            let file = file.strip_prefix(&prefix).unwrap_or(file);
            (file.to_string(), d["code"].as_str().unwrap().to_string())
        })
        .collect()
}

#[test]
fn every_injected_fault_is_found_and_nothing_else_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let generated = generate(&OPTIONS, &corpus).unwrap();
    assert_eq!(generated.plans, OPTIONS.plans);
    let kinds: BTreeSet<_> = generated.faults.iter().map(|f| f.code).collect();
    assert_eq!(kinds.len(), 4, "every kind of fault is injected: {kinds:?}");
    let json = check_json(&corpus, "2");
    let injected: BTreeSet<(String, String)> = generated
        .faults
        .iter()
        .map(|f| (f.file.clone(), f.code.to_string()))
        .collect();
    let found = findings(&json, &corpus, &["error", "warning", "note"]);
    let missed: Vec<_> = injected.difference(&found).collect();
    assert!(missed.is_empty(), "missed: {missed:?}");
    let errors = findings(&json, &corpus, &["error"]);
    let unexpected: Vec<_> = errors.difference(&injected).collect();
    assert!(unexpected.is_empty(), "errors not injected: {unexpected:?}");
}

#[test]
fn the_same_bytes_at_any_thread_count_and_from_the_same_seed() {
    let dir = tempfile::tempdir().unwrap();
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    generate(&OPTIONS, &a).unwrap();
    generate(&OPTIONS, &b).unwrap();
    let files = |root: &Path| -> Vec<(String, Vec<u8>)> {
        let mut files: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .map(Result::unwrap)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(root).unwrap().display().to_string();
                (rel, std::fs::read(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    };
    assert!(files(&a) == files(&b), "the generator is deterministic");
    let one = check_json(&a, "1");
    for threads in ["2", "8"] {
        assert!(one == check_json(&a, threads), "{threads} threads");
    }
    // A generator left a non-empty folder alone.
    assert!(generate(&OPTIONS, &a).is_err());
}

/// Cold cache, warm cache, a damaged entry and `--no-cache`: the same bytes out.
#[test]
fn the_same_bytes_with_a_cold_or_warm_cache() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    let cache = dir.path().join("cache");
    generate(
        &Options {
            plans: 60,
            ..OPTIONS
        },
        &corpus,
    )
    .unwrap();
    // Each run reads the corpus and the entries under test, never a replay of the last.
    let run = |extra: &[&str]| {
        crate::support::forget_runs(&cache);
        let out = planlint()
            .arg("check")
            .arg(&corpus)
            .args(["--format", "json"])
            .args(extra)
            .env("PLANLINT_CACHE_DIR", &cache)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1));
        out.stdout
    };
    let entries = || {
        walkdir::WalkDir::new(&cache)
            .into_iter()
            .filter_map(Result::ok)
            // The entries, not the stamp that says when the cache was last pruned.
            .filter(|e| {
                e.file_type().is_file()
                    && e.file_name() != "last-pruned"
                    && !crate::support::is_run_record(e.path())
            })
            .map(|e| e.into_path())
            .collect::<Vec<_>>()
    };
    let uncached = run(&["--no-cache"]);
    assert!(entries().is_empty(), "--no-cache writes no cache");
    let cold = run(&[]);
    let written = entries();
    let jurisdiction_files = walkdir::WalkDir::new(&corpus)
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_name() == "jurisdiction.yaml")
        .count();
    assert_eq!(jurisdiction_files, 60);
    assert_eq!(
        written.len(),
        60 + jurisdiction_files,
        "one entry per text plan and one per jurisdiction.yaml"
    );
    let warm = run(&[]);
    std::fs::write(&written[0], b"{ damaged").unwrap();
    let damaged = run(&[]);
    assert!(cold == uncached && warm == cold && damaged == cold);
    assert_ne!(
        std::fs::read(&written[0]).unwrap(),
        b"{ damaged",
        "rewritten"
    );
    // Two runs filling one empty cache at the same time: each entry is whole, the outputs the
    // same.
    std::fs::remove_dir_all(&cache).unwrap();
    let spawn = || {
        planlint()
            .arg("check")
            .arg(&corpus)
            .args(["--format", "json"])
            .env("PLANLINT_CACHE_DIR", &cache)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap()
    };
    let (first, second) = (spawn(), spawn());
    for child in [first, second] {
        assert!(child.wait_with_output().unwrap().stdout == cold);
    }
    assert_eq!(entries().len(), 60 + jurisdiction_files);
    assert!(run(&[]) == cold, "the entries both runs wrote read back");
}

/// `check --changed-since HEAD` on a generated corpus in git: after a province raises a target
/// and one city's plan changes, it reports exactly the findings a full check gives the plans
/// that change touches (the province, every plan below it, the city and the plans above it),
/// and none of the rest.
#[test]
fn changed_since_equals_a_full_check_of_what_a_change_touches() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path();
    generate(&OPTIONS, corpus).unwrap();
    crate::support::git_repository(corpus);
    let raise = |path: &Path, from: &str, to: &str| {
        let text = std::fs::read_to_string(path).unwrap();
        assert!(text.contains(from), "{}: {from}", path.display());
        std::fs::write(path, text.replacen(from, to, 1)).unwrap();
    };
    raise(
        &corpus.join("130000/plan-c0.txt"),
        "数控化率超过75%",
        "数控化率超过95%",
    );
    // The city falls short of its province: a finding of its own.
    let city = corpus.join("140000/140100/plan-c0.txt");
    let text = std::fs::read_to_string(&city).unwrap();
    let figure = regex::Regex::new(r"数控化率超过\d+%").unwrap();
    let weaker = figure.replace(&text, "数控化率超过1%").into_owned();
    assert_ne!(weaker, text);
    std::fs::write(&city, weaker).unwrap();
    let findings = |extra: &[&str]| -> BTreeSet<(String, String)> {
        let out = planlint()
            .current_dir(corpus)
            .args(["check", ".", "--format", "json"])
            .args(extra)
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        crate::support::json_diagnostics(&out.stdout)
            .iter()
            .map(|d| {
                let file = d["location"]["file"].as_str().unwrap_or_default();
                (file.to_string(), serde_json::to_string(d).unwrap())
            })
            .collect()
    };
    let full = findings(&[]);
    let changed = findings(&["--changed-since", "HEAD"]);
    let files: BTreeSet<&str> = changed.iter().map(|(f, _)| f.as_str()).collect();
    // The city's province and the national plan are above the city: the allocation of their
    // targets among the plans below them is theirs.
    let touched = |f: &str| {
        f.starts_with("130000/")
            || ["140000/140100/plan-c0.txt", "140000/plan-c0.txt"].contains(&f)
            || !f.contains('/')
    };
    assert!(files.iter().all(|f| touched(f)), "{files:?}");
    assert!(files.contains("140000/140100/plan-c0.txt"), "{files:?}");
    let below = files.iter().filter(|f| f.starts_with("130000/1")).count();
    assert!(below >= 5, "the plans below the province: {files:?}");
    assert!(
        full.iter().any(|(f, _)| !touched(f)),
        "the rest has findings"
    );
    let full_of_those: BTreeSet<(String, String)> = full
        .into_iter()
        .filter(|(f, _)| files.contains(f.as_str()))
        .collect();
    assert_eq!(changed, full_of_those);
}

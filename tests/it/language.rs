//! One language per run, decided once: `--lang`, else `lang:` of planlint.yaml, else the locale.
//! Every command takes `--lang`, and `compare`, `trace` and `graph` follow `lang:` as `check`
//! does.

use std::path::Path;

use crate::support::{BASE, planlint};

const WEAKER: &str = "tests/fixtures/lints/weaker-target/fail-growth-below-parent";

/// A project folder with the weaker-target fixture and a planlint.yaml saying `lang: LANG`.
fn project(lang: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(WEAKER, &dir.path().join("plans"));
    std::fs::write(dir.path().join("planlint.yaml"), format!("lang: {lang}\n")).unwrap();
    dir
}

/// Runs planlint in `dir` and returns what it wrote to stdout and stderr.
fn run_in(dir: &Path, args: &[&str]) -> String {
    let out = planlint().current_dir(dir).args(args).output().unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// The commands that read a corpus, each with words only its Chinese and its English output
/// hold.
const COMMANDS: [(&[&str], &str, &str); 4] = [
    (&["check", "plans"], "弱于上级方案", "is weaker than"),
    (&["compare", "plans"], "弱于上级", "weaker"),
    (
        &["trace", "报废汽车回收量", "plans"],
        "弱于上级",
        "weaker than its parent",
    ),
    (
        &["graph", "plans", "--format", "json"],
        "弱于上级方案",
        "is weaker than",
    ),
];

#[test]
fn every_corpus_command_follows_lang_in_planlint_yaml() {
    for (lang, pick) in [("zh", 1), ("en", 2)] {
        let dir = project(lang);
        for (args, zh, en) in COMMANDS {
            let output = run_in(dir.path(), args);
            let (wanted, unwanted) = if pick == 1 { (zh, en) } else { (en, zh) };
            assert!(output.contains(wanted), "{lang} {args:?}: {output}");
            assert!(!output.contains(unwanted), "{lang} {args:?}: {output}");
        }
    }
}

#[test]
fn the_flag_wins_over_planlint_yaml_and_the_locale() {
    let dir = project("zh");
    for (args, _, en) in COMMANDS {
        let mut with_flag = args.to_vec();
        with_flag.extend(["--lang", "en"]);
        let output = planlint()
            .current_dir(dir.path())
            .env("LANG", "zh_CN.UTF-8")
            .args(&with_flag)
            .output()
            .unwrap();
        let text = String::from_utf8_lossy(&output.stdout);
        assert!(text.contains(en), "{with_flag:?}: {text}");
    }
}

#[test]
fn every_command_takes_lang() {
    let seed = "tests/fixtures/extract/cases";
    let case = std::fs::read_dir(crate::support::root().join(seed))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "txt"))
        .unwrap();
    let case = case.to_string_lossy().into_owned();
    let commands: [&[&str]; 7] = [
        &["check", BASE, WEAKER],
        &["compare", BASE, WEAKER],
        &["trace", "报废汽车回收量", BASE, WEAKER],
        &["graph", BASE, WEAKER],
        &["extract", &case],
        &["explain", "weaker-target"],
        &["config"],
    ];
    for args in commands {
        for lang in ["zh", "en"] {
            let out = planlint()
                .args(args)
                .args(["--lang", lang])
                .output()
                .unwrap();
            assert!(
                out.status.code().is_some_and(|c| c < 2),
                "{args:?} --lang {lang}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
    }
}

#[test]
fn every_corpus_command_takes_the_shared_flags() {
    for args in [
        &["check", BASE, WEAKER][..],
        &["compare", BASE, WEAKER],
        &["trace", "报废汽车回收量", BASE, WEAKER],
        &["graph", BASE, WEAKER],
    ] {
        let out = planlint()
            .args(args)
            .args([
                "--no-cache",
                "--lints",
                "lints",
                "--allow",
                "uncompared-plan",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.code().is_some_and(|c| c < 2),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

//! The per-lint fixture driver: every lint has `tests/fixtures/lints/<code>/{pass,fail}-*/`
//! mini-corpora, and each case is a test of its own, named `<code>::<case>` with the code in
//! snake case, so `cargo test weaker_target` runs one lint's cases. A case runs with only its
//! lint enabled: `pass-*` must produce no finding of it and `fail-*` at least one, nothing else
//! may be reported (the case must load), messages follow the style, and the findings are
//! snapshotted in both languages.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    reason = "tests fail loudly on purpose"
)]

#[path = "../it/support.rs"]
#[allow(
    dead_code,
    reason = "the integration tests' helpers; this binary uses some of them"
)]
mod support;

use std::path::{Path, PathBuf};

use libtest_mimic::{Arguments, Failed, Trial};
use planlint::lints::LintMeta;

fn main() -> std::process::ExitCode {
    let args = Arguments::from_args();
    let mut trials = vec![Trial::test(
        "every_lint_has_pass_and_fail_fixtures",
        every_lint_has_pass_and_fail_fixtures,
    )];
    for lint in planlint::lints::ALL {
        for case in cases(lint.code().as_str()) {
            let name = format!(
                "{}::{}",
                snake(lint.code().as_str()),
                snake(&file_name(&case))
            );
            trials.push(Trial::test(name, move || run_case(lint, &case)));
        }
    }
    libtest_mimic::run(&args, trials).exit_code()
}

fn snake(name: &str) -> String {
    name.replace('-', "_")
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// The case folders of a lint, sorted.
fn cases(code: &str) -> Vec<PathBuf> {
    let dir = support::root().join("tests/fixtures/lints").join(code);
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut cases: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

fn every_lint_has_pass_and_fail_fixtures() -> Result<(), Failed> {
    let mut missing = Vec::new();
    for lint in planlint::lints::ALL {
        let code = lint.code().as_str();
        let names: Vec<String> = cases(code).iter().map(|p| file_name(p)).collect();
        for kind in ["pass-", "fail-"] {
            if !names.iter().any(|n| n.starts_with(kind)) {
                missing.push(format!("{code}: no {kind}* case"));
            }
        }
        for name in names
            .iter()
            .filter(|n| !n.starts_with("pass-") && !n.starts_with("fail-"))
        {
            missing.push(format!("{code}: case {name} is neither pass-* nor fail-*"));
        }
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(missing.join("\n").into())
    }
}

fn run_case(lint: &'static LintMeta, case: &Path) -> Result<(), Failed> {
    let code = lint.code();
    let name = file_name(case);
    let (corpus, findings) = support::check(&support::fixture_paths(case), Some(&[lint]));
    let mut problems = Vec::new();
    let others: Vec<_> = findings.iter().filter(|d| d.code != code).collect();
    if !others.is_empty() {
        problems.push(format!("the case does not load: {others:?}"));
    }
    let hits = findings.iter().filter(|d| d.code == code).count();
    if name.starts_with("pass-") && hits > 0 {
        problems.push(format!("expected no finding, got {hits}"));
    }
    if name.starts_with("fail-") && hits == 0 {
        problems.push("expected a finding, got none".to_string());
    }
    for d in &findings {
        let (en, zh) = (&d.message.en(), &d.message.zh());
        if en.ends_with('.')
            || en.ends_with('。')
            || en.starts_with(|c: char| c.is_ascii_uppercase())
        {
            problems.push(format!("English message style: {en}"));
        }
        if zh.ends_with('。') {
            problems.push(format!("Chinese message style: {zh}"));
        }
    }
    let rendered = support::render_both(&corpus, &findings);
    insta::with_settings!({ snapshot_suffix => name.clone(), omit_expression => true }, {
        insta::assert_snapshot!(code.as_str().replace('-', "_"), rendered);
    });
    if problems.is_empty() {
        Ok(())
    } else {
        Err(problems.join("\n").into())
    }
}

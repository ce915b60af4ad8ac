//! The per-lint fixture driver: every lint has `tests/fixtures/lints/<code>/{pass,fail}-*/`
//! mini-corpora. Each case runs with only that lint enabled; `pass-*` must produce no finding of
//! it and `fail-*` at least one; the rendered findings are snapshotted in both languages.

use std::fs;

use crate::support;

fn cases(code: &str) -> Vec<std::path::PathBuf> {
    let dir = support::root().join("tests/fixtures/lints").join(code);
    let mut cases: Vec<_> = fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    cases
}

#[test]
fn every_lint_has_pass_and_fail_fixtures() {
    for lint in planlint::lints::ALL {
        let names: Vec<String> = cases(lint.code().as_str())
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with("pass-")),
            "{}: no pass-* case",
            lint.code().as_str()
        );
        assert!(
            names.iter().any(|n| n.starts_with("fail-")),
            "{}: no fail-* case",
            lint.code().as_str()
        );
        for name in &names {
            assert!(
                name.starts_with("pass-") || name.starts_with("fail-"),
                "{}: case {name}",
                lint.code().as_str()
            );
        }
    }
}

#[test]
fn fixtures() {
    let mut failures = Vec::new();
    for lint in planlint::lints::ALL {
        for case in cases(lint.code().as_str()) {
            let name = case.file_name().unwrap().to_string_lossy().into_owned();
            let (corpus, findings) = support::check(&support::fixture_paths(&case), Some(&[*lint]));
            let ingest_problems: Vec<_> =
                findings.iter().filter(|d| d.code != lint.code()).collect();
            if !ingest_problems.is_empty() {
                failures.push(format!(
                    "{}/{name}: fixture does not load: {ingest_problems:?}",
                    lint.code().as_str()
                ));
            }
            let hits = findings.iter().filter(|d| d.code == lint.code()).count();
            if name.starts_with("pass-") && hits > 0 {
                failures.push(format!(
                    "{}/{name}: expected no finding, got {hits}",
                    lint.code().as_str()
                ));
            }
            if name.starts_with("fail-") && hits == 0 {
                failures.push(format!(
                    "{}/{name}: expected a finding, got none",
                    lint.code().as_str()
                ));
            }
            let rendered = support::render_both(&corpus, &findings);
            insta::with_settings!({ snapshot_suffix => name.clone(), omit_expression => true }, {
                insta::assert_snapshot!(lint.code().as_str().replace('-', "_"), rendered);
            });
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn messages_follow_style() {
    for lint in planlint::lints::ALL {
        for case in cases(lint.code().as_str()) {
            let (_, findings) = support::check(&support::fixture_paths(&case), Some(&[*lint]));
            for d in findings {
                let en = &d.message.en;
                assert!(!en.ends_with('.') && !en.ends_with('。'), "{en}");
                assert!(
                    en.chars().next().is_some_and(|c| !c.is_ascii_uppercase()),
                    "{en}"
                );
                assert!(!d.message.zh.ends_with('。'), "{}", d.message.zh);
            }
        }
    }
}

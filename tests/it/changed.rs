//! `--changed-since` reports every plan whose findings a changed file's presence alters. Each
//! plan and jurisdiction file of every lint fixture is taken as the change: the fixture is checked in full with it
//! and without it, and every other file whose findings differ must be reported by the run
//! that finds that plan changed, with exactly the findings of the full check.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};

use planlint::config::Config;
use planlint::engine::{self, Inputs, Report};

use crate::support::copy_tree;

/// Each file's findings, as the file's path inside `root` and what each finding says and
/// underlines (ids left out: they move when a plan is taken away).
fn by_file(report: &Report, root: &Path) -> BTreeMap<String, Vec<String>> {
    let mut files: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for finding in &report.findings {
        let Some(source) = finding.source else {
            continue;
        };
        let path = &report.corpus.sources.get(source).path;
        let Ok(inside) = path.strip_prefix(root) else {
            continue;
        };
        let label = finding.label.as_ref().map(|l| l.span);
        // A message that names a file names it inside the copy.
        let message = finding
            .message
            .en()
            .replace(&root.display().to_string(), "");
        files
            .entry(inside.display().to_string())
            .or_default()
            .push(format!("{} {message} {label:?}", finding.code));
    }
    files
}

fn check(root: &Path, changed: Option<&Path>) -> Report {
    let inputs = Inputs {
        paths: vec![root.to_path_buf()],
        select: planlint::lints::codes(),
        changed: changed.map(|c| [std::fs::canonicalize(c).unwrap()].into()),
        ..Inputs::default()
    };
    engine::check(&Config::defaults(), &inputs).unwrap()
}

/// The plan and jurisdiction files of a corpus copied to `root`, relative to it.
fn plans_in(root: &Path) -> Vec<PathBuf> {
    let mut plans: Vec<PathBuf> = walkdir::WalkDir::new(root)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            p.is_file()
                && name != "README.md"
                && !name.ends_with(planlint::ingest::SIDECAR_SUFFIX)
                && (name.ends_with(".yaml") || name.ends_with(".txt"))
        })
        .map(|p| p.strip_prefix(root).unwrap().to_path_buf())
        .collect();
    plans.sort();
    plans
}

#[test]
fn every_plan_whose_findings_a_changed_plan_alters_is_reported() {
    let lints = Path::new("tests/fixtures/lints");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(lints)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("_base"))
        .flat_map(|lint| std::fs::read_dir(lint).unwrap().map(|e| e.unwrap().path()))
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    let mut compared = 0;
    let mut missed = Vec::new();
    for case in cases {
        let with = tempfile::tempdir().unwrap();
        copy_tree(&lints.join("_base"), with.path());
        copy_tree(&case, with.path());
        let full = by_file(&check(with.path(), None), with.path());
        for plan in plans_in(with.path()) {
            let without = tempfile::tempdir().unwrap();
            copy_tree(with.path(), without.path());
            std::fs::remove_file(without.path().join(&plan)).unwrap();
            let alone = by_file(&check(without.path(), None), without.path());
            let reported = by_file(
                &check(with.path(), Some(&with.path().join(&plan))),
                with.path(),
            );
            let shown = plan.display().to_string();
            let altered: HashSet<&String> = full
                .keys()
                .filter(|file| **file != shown && full.get(*file) != alone.get(*file))
                .collect();
            for file in altered {
                if reported.get(file) != full.get(file) {
                    missed.push(format!(
                        "{}: changing {shown} alters the findings of {file}: {:?} without it, {:?} with it, {:?} reported",
                        case.display(),
                        alone.get(file),
                        full.get(file),
                        reported.get(file)
                    ));
                }
                compared += 1;
            }
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
    assert!(compared > 20, "{compared}");
}

//! A draft, or a folder inside a corpus, is linted alone (`LintContext::reported_plans`): its
//! findings are exactly those of a run that lints every plan of the corpus and keeps the same
//! files' findings. Every plan of the bundled corpus and of a generated one is checked as a
//! draft, every folder of the bundled corpus as a part, the drafts from outside it, and every
//! file of the bundled corpus as the one a `--changed-since` run finds changed.

use std::path::{Path, PathBuf};

use planlint::config::Config;
use planlint::engine::{self, Inputs};
use planlint::generate::{Options, generate};

/// What a run reports, in full: every finding with its places, facts and fingerprint, and the
/// summary.
fn reported(inputs: &Inputs) -> String {
    rendered(&engine::check(&Config::defaults(), inputs).unwrap())
}

/// A report's findings and summary, as [`reported`] compares them.
fn rendered(report: &engine::Report) -> String {
    // A row's id is its place among the rows a run made, and a focused run makes the rows of
    // the plans it reports only: a finding is held to the facts of the rows it reports.
    let findings: Vec<String> = report
        .findings
        .iter()
        .map(|finding| {
            let facts: Vec<_> = finding
                .comparisons
                .iter()
                .map(|&id| report.facts(id))
                .collect();
            let mut finding = finding.clone();
            finding.comparisons.clear();
            format!("{finding:#?}\n{facts:#?}")
        })
        .collect();
    format!("{findings:#?}\n{:?}", report.summary())
}

/// Checks `inputs` linting only what is reported and linting every plan; they must agree.
/// Every lint runs, the nursery's too.
fn agree(inputs: Inputs, what: &str) {
    let inputs = Inputs {
        select: planlint::lints::codes(),
        ..inputs
    };
    let focused = reported(&inputs);
    let every = reported(&Inputs {
        lint_every_plan: true,
        ..inputs
    });
    assert!(focused == every, "{what}: the focused run differs");
}

/// The plan files under `dir`, in a stable order: YAML plans (not jurisdiction files or
/// sidecars) and plan texts.
fn plan_files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if path.is_dir() {
            found.extend(plan_files(&path));
        } else if name != "jurisdiction.yaml"
            && name != "README.md"
            && !name.ends_with(planlint::ingest::SIDECAR_SUFFIX)
            && (name.ends_with(".yaml") || name.ends_with(".txt") || name.ends_with(".md"))
        {
            found.push(path);
        }
    }
    found
}

/// The folders right inside `dir`, sorted.
fn subfolders(dir: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    found.sort();
    found
}

/// `dir` and every folder below it.
fn folders(dir: &Path) -> Vec<PathBuf> {
    let mut found = vec![dir.to_path_buf()];
    for sub in subfolders(dir) {
        found.extend(folders(&sub));
    }
    found
}

fn draft(paths: Vec<PathBuf>, corpus: &Path) -> Inputs {
    Inputs {
        paths,
        corpus: vec![corpus.to_path_buf()],
        ..Inputs::default()
    }
}

#[test]
fn every_plan_of_the_bundled_corpus_as_a_draft_in_place() {
    let plans = plan_files(Path::new("plans"));
    assert!(plans.len() > 30, "{plans:?}");
    for plan in plans {
        agree(
            draft(vec![plan.clone()], Path::new("plans")),
            &plan.display().to_string(),
        );
    }
}

#[test]
fn drafts_from_outside_the_corpus_alone_and_together() {
    let drafts = plan_files(Path::new("tests/fixtures/places"));
    assert!(drafts.len() >= 6, "{drafts:?}");
    for one in &drafts {
        agree(
            draft(vec![one.clone()], Path::new("plans")),
            &one.display().to_string(),
        );
    }
    agree(draft(drafts, Path::new("plans")), "every draft at once");
}

#[test]
fn every_folder_of_the_bundled_corpus_checked_as_a_part() {
    for folder in folders(Path::new("plans")) {
        let inputs = Inputs {
            paths: vec![folder.clone()],
            ..Inputs::default()
        };
        agree(inputs, &folder.display().to_string());
    }
}

#[test]
fn every_plan_of_a_generated_corpus_with_faults_as_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let options = Options {
        plans: 60,
        seed: 5,
        fault_every: 3,
    };
    generate(&options, dir.path()).unwrap();
    let plans = plan_files(dir.path());
    assert!(plans.len() >= 60, "{}", plans.len());
    for plan in plans {
        agree(
            draft(vec![plan.clone()], dir.path()),
            &plan.display().to_string(),
        );
    }
}

#[test]
fn every_plan_of_every_lint_fixture_as_a_draft_against_the_rest() {
    let base = Path::new("tests/fixtures/lints/_base");
    let mut checked = 0;
    let cases = subfolders(Path::new("tests/fixtures/lints"))
        .into_iter()
        .filter(|lint| lint.as_path() != base)
        .flat_map(|lint| subfolders(&lint));
    for case in cases {
        for plan in plan_files(&case) {
            let inputs = Inputs {
                paths: vec![plan.clone()],
                corpus: vec![base.to_path_buf(), case.clone()],
                ..Inputs::default()
            };
            agree(inputs, &plan.display().to_string());
            checked += 1;
        }
    }
    assert!(checked > 70, "{checked}");
}

#[test]
fn every_plan_and_jurisdiction_file_of_the_bundled_corpus_changed() {
    let mut files = plan_files(Path::new("plans"));
    files.extend(
        folders(Path::new("plans"))
            .into_iter()
            .map(|folder| folder.join("jurisdiction.yaml"))
            .filter(|file| file.is_file()),
    );
    for file in files {
        let inputs = Inputs {
            paths: vec![PathBuf::from("plans")],
            changed: Some([std::fs::canonicalize(&file).unwrap()].into()),
            ..Inputs::default()
        };
        agree(inputs, &file.display().to_string());
    }
}

/// A sidecar is part of its plan (a status, a corrected target, an `allow:` entry change what
/// the plan reads): a run that finds only the sidecar changed reports what it reports when the
/// plan's text changed, the plans that depend on it included.
#[test]
fn a_changed_sidecar_is_a_change_of_its_plan() {
    let changed = |file: &Path| {
        let inputs = Inputs {
            paths: vec![PathBuf::from("plans")],
            changed: Some([std::fs::canonicalize(file).unwrap()].into()),
            ..Inputs::default()
        };
        engine::check(&Config::defaults(), &inputs).unwrap()
    };
    let mut checked = 0;
    for text in plan_files(Path::new("plans")) {
        let Some(sidecar) = planlint::ingest::sidecar_path(&text).filter(|s| s.is_file()) else {
            continue;
        };
        let by_text = changed(&text);
        assert!(!by_text.findings.is_empty(), "{}", text.display());
        let by_sidecar = changed(&sidecar);
        assert!(
            format!("{:#?}", by_sidecar.findings) == format!("{:#?}", by_text.findings),
            "{}: {} findings, {} when its text changed",
            sidecar.display(),
            by_sidecar.findings.len(),
            by_text.findings.len()
        );
        checked += 1;
    }
    assert!(checked >= 5, "{checked}");
}

/// A change to what every plan is read with (the rule data, the configuration, the baseline)
/// or a plan file gone from the corpus (whose children and citers cannot be told any more)
/// can alter any finding: the run reports what a full check reports.
#[test]
fn a_change_to_the_rules_or_a_file_gone_reports_everything() {
    let full = reported(&Inputs {
        paths: vec![PathBuf::from("plans")],
        lints_dir: Some(PathBuf::from("lints")),
        ..Inputs::default()
    });
    let gone = std::fs::canonicalize("plans/shandong")
        .unwrap()
        .join("lu-zhengfa-2024-99.yaml");
    let cases = [
        std::fs::canonicalize("lints/indicators.yaml").unwrap(),
        std::fs::canonicalize("README.md").unwrap(),
        gone,
    ];
    for file in cases {
        let mut config = Config::defaults();
        config.file = Some(PathBuf::from("README.md"));
        let inputs = Inputs {
            paths: vec![PathBuf::from("plans")],
            lints_dir: Some(PathBuf::from("lints")),
            changed: Some([file.clone()].into()),
            ..Inputs::default()
        };
        let found = rendered(&engine::check(&config, &inputs).unwrap());
        assert!(found == full, "{}: not every finding", file.display());
    }
    // A file that changed beside them, none of whose plans it touches, narrows the run.
    let inputs = Inputs {
        paths: vec![PathBuf::from("plans")],
        lints_dir: Some(PathBuf::from("lints")),
        changed: Some([std::fs::canonicalize("Cargo.toml").unwrap()].into()),
        ..Inputs::default()
    };
    assert!(reported(&inputs).starts_with("[]"));
}

//! `--changed-since` reports every plan whose findings a changed file's presence alters. Each
//! plan and jurisdiction file of every lint fixture is taken as the change, and a new text that
//! makes a zone by naming it: the corpus is checked in full with the file and without it, and
//! every other file whose findings differ must be reported by the run that finds that file
//! changed, with exactly the findings of the full check.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use planlint::config::Config;
use planlint::engine::{self, Inputs, Report};
use planlint::graph::dependents::Reason;

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
            let (altered, misses) = reported_where_altered(with.path(), &full, &plan);
            compared += altered;
            missed.extend(misses.iter().map(|m| format!("{}: {m}", case.display())));
        }
    }
    assert!(missed.is_empty(), "{}", missed.join("\n"));
    assert!(compared > 20, "{compared}");
}

/// Takes `plan` (relative to the corpus `with`, whose full check found `full`) as the change:
/// every other file whose findings differ without it must be reported, with the findings of the
/// full check. Returns how many files it altered and what was missed.
fn reported_where_altered(
    with: &Path,
    full: &BTreeMap<String, Vec<String>>,
    plan: &Path,
) -> (usize, Vec<String>) {
    let without = tempfile::tempdir().unwrap();
    copy_tree(with, without.path());
    std::fs::remove_file(without.path().join(plan)).unwrap();
    let alone = by_file(&check(without.path(), None), without.path());
    let reported = by_file(&check(with, Some(&with.join(plan))), with);
    let shown = plan.display().to_string();
    let altered: Vec<&String> = full
        .keys()
        .filter(|file| **file != shown && full.get(*file) != alone.get(*file))
        .collect();
    let missed = altered
        .iter()
        .filter(|file| reported.get(**file) != full.get(**file))
        .map(|file| {
            format!(
                "changing {shown} alters the findings of {file}: {:?} without it, {:?} with it, {:?} reported",
                alone.get(*file),
                full.get(*file),
                reported.get(*file)
            )
        })
        .collect();
    (altered.len(), missed)
}

#[test]
fn a_new_text_that_names_a_zone_first_reports_the_plans_placed_by_it() {
    let with = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/lints/_base"), with.path());
    // 安丘高新区 is in no division table: the text's issuer makes it, and the other plan is
    // placed in it only then.
    let zone = with.path().join("shandong/anqiu/gaoxin");
    std::fs::create_dir_all(&zone).unwrap();
    std::fs::write(
        zone.join("an-gaoxin-2024-5.txt"),
        "安丘高新技术产业开发区管理委员会\n安高新发〔2024〕5号\n安丘高新技术产业开发区推动大规模设备更新实施方案\n到2027年，规模以上工业企业数字化研发设计工具普及率超过90%。\n",
    )
    .unwrap();
    std::fs::write(
        zone.join("an-gaoxin-2024-6.yaml"),
        "title: 安丘高新区工业领域设备更新实施方案\njurisdiction: 安丘高新区\nissued: 2024-06-01\ncitations:\n  - doc_number: 鲁政发〔2024〕3号\n    title: 山东省推动大规模设备更新和消费品以旧换新实施方案\ntargets: []\n",
    )
    .unwrap();
    let full = by_file(&check(with.path(), None), with.path());
    let (altered, missed) = reported_where_altered(
        with.path(),
        &full,
        Path::new("shandong/anqiu/gaoxin/an-gaoxin-2024-5.txt"),
    );
    assert!(missed.is_empty(), "{}", missed.join("\n"));
    assert!(altered > 0, "the zone places the other plan");
    let text = zone.join("an-gaoxin-2024-5.txt");
    let widened = check(with.path(), Some(&text)).widened().cloned();
    assert_eq!(widened.map(|w| w.reason), Some(Reason::NamesAZone));
    // A new text that names no such zone is a change of its own plan and those it bears on.
    std::fs::write(
        &text,
        "安丘市人民政府\n安政发〔2024〕5号\n安丘市推动大规模设备更新实施方案\n",
    )
    .unwrap();
    assert!(check(with.path(), Some(&text)).widened().is_none());
}

#[test]
fn a_changed_plan_that_cannot_be_read_now_reports_the_plans_that_read_it() {
    let with = tempfile::tempdir().unwrap();
    copy_tree(Path::new("tests/fixtures/lints/_base"), with.path());
    std::fs::write(
        with.path().join("shandong/anqiu/an-2024-7.yaml"),
        "title: 安丘市推动大规模设备更新实施方案\njurisdiction: 安丘市\nissued: 2024-06-01\ncitations:\n  - doc_number: 鲁政发〔2024〕3号\n    title: 山东省推动大规模设备更新和消费品以旧换新实施方案\ntargets:\n  - indicator: 规模以上工业企业关键工序数控化率\n    year: 2027\n    comparator: 超过\n    value: 70\n    unit: \"%\"\n",
    )
    .unwrap();
    let parent = with.path().join("parent/lu-zhengfa-2024-3.yaml");
    let before = std::fs::read(&parent).unwrap();
    // Past the size limit (a sparse file, nothing written): the parent is no longer read, so
    // the child's citation no longer resolves and its target is compared with nothing.
    std::fs::OpenOptions::new()
        .write(true)
        .open(&parent)
        .unwrap()
        .set_len(planlint::source::MAX_FILE_BYTES + 1)
        .unwrap();
    let full = by_file(&check(with.path(), None), with.path());
    let child = "shandong/anqiu/an-2024-7.yaml";
    assert!(full.contains_key(child), "the child has findings: {full:?}");
    let canonical = std::fs::canonicalize(&parent).unwrap();
    let inputs = Inputs {
        paths: vec![with.path().to_path_buf()],
        select: planlint::lints::codes(),
        changed: Some([canonical.clone()].into()),
        before: [(canonical, before)].into(),
        ..Inputs::default()
    };
    let report = engine::check(&Config::defaults(), &inputs).unwrap();
    assert_eq!(by_file(&report, with.path()), full);
    assert_eq!(report.widened().map(|w| w.reason), Some(Reason::Unreadable));
}

//! A baseline used by a run that reports some files only (a draft against a corpus, a folder
//! of it) counts as fixed the entries of those files alone: the run lints no other file, so
//! it cannot tell whether their findings are gone, and must not tell the user to rewrite the
//! baseline for them.

use std::path::Path;

use crate::support::{copy_tree, planlint};

const DRAFT: &str = "plans/shandong/weifang/anqiu/an-zhengfa-2024-13.txt";

/// What `check ARGS --baseline baseline.json` in `dir` says of the baseline, in English.
fn said_of_the_baseline(dir: &Path, args: &[&str]) -> String {
    let out = planlint()
        .current_dir(dir)
        .args(["check", "--lang", "en", "--baseline", "baseline.json"])
        .args(args)
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stderr)
        .lines()
        .filter(|line| line.contains("baseline"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn a_draft_or_a_folder_counts_its_own_entries_gone_and_no_others() {
    let dir = tempfile::tempdir().unwrap();
    copy_tree(Path::new("plans"), &dir.path().join("plans"));
    let written = planlint()
        .current_dir(dir.path())
        .args(["check", "plans", "--write-baseline", "baseline.json"])
        .output()
        .unwrap();
    assert!(written.status.success(), "{written:?}");
    let baseline = std::fs::read_to_string(dir.path().join("baseline.json")).unwrap();
    let draft_entries = baseline.matches(&format!("\"file\": \"{DRAFT}\"")).count();
    assert!(draft_entries > 0, "the draft has findings in the baseline");

    // Nothing changed: no run, whole, a draft or a folder, finds an entry gone.
    for args in [
        vec!["plans"],
        vec![DRAFT, "--corpus", "plans"],
        vec!["plans/shandong/weifang"],
    ] {
        let said = said_of_the_baseline(dir.path(), &args);
        assert!(!said.contains("gone"), "{args:?}: {said}");
    }

    // The draft's findings go (its text cut to its opening): the draft's run and the whole
    // run count exactly its entries; a folder without it counts none.
    let text = std::fs::read_to_string(dir.path().join(DRAFT)).unwrap();
    let opening: String = text.chars().take(200).collect();
    std::fs::write(dir.path().join(DRAFT), opening).unwrap();
    let gone = format!("{draft_entries} findings of the baseline");
    for args in [vec!["plans"], vec![DRAFT, "--corpus", "plans"]] {
        let said = said_of_the_baseline(dir.path(), &args);
        assert!(said.contains(&gone), "{args:?}: {said}");
    }
    let said = said_of_the_baseline(dir.path(), &["plans/shandong/jinan"]);
    assert!(!said.contains("gone"), "{said}");
}

//! Properties of whole runs over generated corpora: `--fix` twice is `--fix` once and never adds
//! findings, and a corpus gives the same findings whatever order its files were made in.

use std::path::Path;

use proptest::prelude::*;

use crate::support::planlint;

const CASE: &str = "tests/fixtures/lints/malformed-doc-number/fail-brackets-and-zero";

fn findings(dir: &Path) -> String {
    let out = planlint()
        .arg("check")
        .arg(dir)
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| format!("{} {}\n", d["code"], d["message"]))
        .collect()
}

fn tree(dir: &Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap_or_default(),
            )
        })
        .collect();
    files.sort();
    files
}

/// A citation's number, written in any of the ways plans get it wrong.
fn written_number() -> impl Strategy<Value = String> {
    (
        proptest::sample::select(&["鲁政发", "国发", "鲁政字"][..]),
        proptest::sample::select(
            &[
                ("〔", "〕"),
                ("[", "]"),
                ("(", ")"),
                ("【", "】"),
                ("﹝", "﹞"),
            ][..],
        ),
        2020u16..2026,
        proptest::sample::select(&["", "0", "00"][..]),
        1u32..40,
        proptest::sample::select(&["", " "][..]),
    )
        .prop_map(|(prefix, (open, close), year, zeros, serial, space)| {
            format!("{prefix}{space}{open}{year}{close}{zeros}{serial}号")
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(12))]

    #[test]
    fn fixing_twice_is_fixing_once_and_never_adds_findings(
        numbers in proptest::collection::vec(written_number(), 1..5),
    ) {
        let dir = tempfile::tempdir().unwrap();
        crate::support::copy_fixture(CASE, dir.path());
        let plan = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
        let citations: String = numbers
            .iter()
            .map(|n| format!("  - doc_number: \"{n}\"\n"))
            .collect();
        let text = std::fs::read_to_string(&plan).unwrap();
        let start = text.find("citations:\n").unwrap() + "citations:\n".len();
        let end = text.find("targets:").unwrap();
        std::fs::write(&plan, format!("{}{citations}{}", &text[..start], &text[end..])).unwrap();
        let before = findings(dir.path()).lines().count();
        planlint().arg("check").arg(dir.path()).args(["--fix", "--fix-corpus"]).output().unwrap();
        let once = tree(dir.path());
        let after = findings(dir.path()).lines().count();
        planlint().arg("check").arg(dir.path()).args(["--fix", "--fix-corpus"]).output().unwrap();
        prop_assert_eq!(tree(dir.path()), once);
        prop_assert!(after <= before, "{} findings before, {} after", before, after);
    }

    #[test]
    fn the_order_files_were_made_in_changes_nothing(seed in any::<u64>()) {
        // The case laid out as one corpus, then made again file by file in a shuffled order.
        let laid_out = tempfile::tempdir().unwrap();
        crate::support::copy_fixture(CASE, laid_out.path());
        let root = laid_out.path();
        let dir = tempfile::tempdir().unwrap();
        let mut files: Vec<_> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| e.path().to_path_buf())
            .collect();
        files.sort();
        // A shuffle from the seed: files are made in another order each case.
        let mut state = seed | 1;
        for i in (1..files.len()).rev() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            files.swap(i, usize::try_from(state % (i as u64 + 1)).unwrap());
        }
        for file in &files {
            let to = dir.path().join(file.strip_prefix(root).unwrap());
            std::fs::create_dir_all(to.parent().unwrap()).unwrap();
            std::fs::copy(file, &to).unwrap();
        }
        let expected = findings(root);
        prop_assert_eq!(findings(dir.path()), expected);
    }
}

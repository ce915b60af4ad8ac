//! A warm `check` of an unchanged corpus replays the record of the identical last run; any change
//! to what that run looked at runs afresh, with the output of a run without any cache.

#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::support::{copy_tree, planlint};

/// What a run gave: exit code, standard output, standard error.
type Ran = (Option<i32>, String, String);

fn ran(out: std::process::Output) -> Ran {
    (
        out.status.code(),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

/// A corpus copied from plans/ in a folder of its own, with its own cache folder.
struct Workspace {
    dir: tempfile::TempDir,
    cache: PathBuf,
}

impl Workspace {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        copy_tree(Path::new("plans"), &dir.path().join("plans"));
        let cache = dir.path().join("cache");
        settle();
        Self { dir, cache }
    }

    fn plans(&self) -> PathBuf {
        self.dir.path().join("plans")
    }

    fn run(&self, extra: &[&str]) -> Ran {
        let out = planlint()
            .current_dir(self.dir.path())
            .env("PLANLINT_CACHE_DIR", &self.cache)
            .args(["check", "plans"])
            .args(extra)
            .output()
            .unwrap();
        ran(out)
    }

    /// The records in the cache folder (each begins with its magic line).
    fn records(&self) -> Vec<PathBuf> {
        files(&self.cache)
            .into_iter()
            .filter(|p| std::fs::read(p).is_ok_and(|b| b.starts_with(b"planlint run record 1\n")))
            .collect()
    }

    /// The extraction entries in the cache folder.
    fn extraction_entries(&self) -> usize {
        files(&self.cache).len() - self.records().len()
    }

    /// Removes the extraction entries: a run that reads the corpus writes them again, a replay
    /// does not.
    fn forget_extractions(&self) {
        let records = self.records();
        for path in files(&self.cache) {
            if !records.contains(&path) {
                std::fs::remove_file(path).unwrap();
            }
        }
    }
}

/// The cache's entries and records (files in two-digit shard folders).
fn files(cache: &Path) -> Vec<PathBuf> {
    walkdir::WalkDir::new(cache)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .filter(|e| {
            e.path()
                .parent()
                .and_then(Path::file_name)
                .is_some_and(|s| s.len() == 2)
        })
        .map(walkdir::DirEntry::into_path)
        .collect()
}

/// Waits until what was just written is old enough for a run that reads it to be recorded (a
/// second, by the file system's clock).
fn settle() {
    std::thread::sleep(Duration::from_millis(1100));
}

#[test]
fn an_unchanged_corpus_is_replayed_as_it_was_printed() {
    let ws = Workspace::new();
    for (recorded, format) in ["json", "human", "sarif"].into_iter().enumerate() {
        let uncached = ws.run(&["--format", format, "--no-cache"]);
        assert_eq!(uncached.0, Some(1), "{}", uncached.2);
        assert_eq!(ws.records().len(), recorded, "--no-cache records nothing");
        let first = ws.run(&["--format", format]);
        assert_eq!(first, uncached, "{format}: the first cached run");
        ws.forget_extractions();
        let replayed = ws.run(&["--format", format]);
        assert_eq!(replayed, uncached, "{format}: replayed");
        assert_eq!(ws.extraction_entries(), 0, "a replay reads no plan");
    }
    assert_eq!(ws.records().len(), 3, "one record per command line");
}

#[test]
fn a_run_whose_files_just_changed_is_not_recorded() {
    let ws = Workspace::new();
    // Changed "now" however slowly the run starts: a time ahead of the clock is as recent.
    let plan = ws
        .plans()
        .join("shandong/weifang/anqiu/an-zhengfa-2024-13.txt");
    let ahead = std::time::SystemTime::now() + Duration::from_secs(3600);
    std::fs::File::options()
        .write(true)
        .open(&plan)
        .unwrap()
        .set_modified(ahead)
        .unwrap();
    let ran = ws.run(&["--format", "json"]);
    assert_eq!(ran.0, Some(1));
    assert!(
        ws.records().is_empty(),
        "files changed within the second may change again unseen"
    );
}

/// A change made to a workspace.
type Change<'a> = Box<dyn Fn() + 'a>;

/// Each change to what the last run looked at gives the output of a run without any cache.
#[test]
fn any_change_runs_afresh() {
    let ws = Workspace::new();
    let plans = ws.plans();
    let county = plans.join("shandong/weifang/anqiu/an-zhengfa-2024-13.txt");
    let changes: Vec<(&str, Change<'_>)> = vec![
        (
            "a figure edited in place, same size",
            Box::new(|| replace_in(&county, "75%", "55%")),
        ),
        (
            "a plan added",
            Box::new(|| {
                std::fs::copy(&county, county.with_file_name("copy.txt")).unwrap();
            }),
        ),
        (
            "a plan renamed",
            Box::new(|| {
                std::fs::rename(
                    county.with_file_name("copy.txt"),
                    county.with_file_name("renamed.txt"),
                )
                .unwrap();
            }),
        ),
        (
            "a plan removed",
            Box::new(|| std::fs::remove_file(county.with_file_name("renamed.txt")).unwrap()),
        ),
        (
            "a configuration created in the working folder",
            Box::new(|| {
                std::fs::write(
                    ws.dir.path().join("planlint.yaml"),
                    "lints:\n  weaker-target: allow\n",
                )
                .unwrap();
            }),
        ),
        (
            "a jurisdiction file edited",
            Box::new(|| {
                let file = plans.join("shandong/weifang/anqiu/jurisdiction.yaml");
                let text = std::fs::read_to_string(&file).unwrap();
                std::fs::write(&file, format!("{text}\n")).unwrap();
            }),
        ),
    ];
    let mut outputs = vec![ws.run(&["--format", "json"]).1];
    for (what, change) in changes {
        // Recorded (the files are settled), then changed.
        assert!(
            !ws.records().is_empty(),
            "{what}: the last run was recorded"
        );
        change();
        let fresh = ws.run(&["--format", "json"]);
        let uncached = ws.run(&["--format", "json", "--no-cache"]);
        assert_eq!(fresh, uncached, "{what}");
        outputs.push(fresh.1);
        settle();
        ws.run(&["--format", "json"]);
    }
    // The changes changed the findings (so a stale replay would have been seen).
    assert_ne!(outputs[0], outputs[1], "the edited figure");
    assert_ne!(outputs[1], outputs[2], "the added plan");
    assert_ne!(outputs[4], outputs[5], "the configuration");
}

#[test]
fn a_damaged_record_is_a_miss() {
    let ws = Workspace::new();
    let uncached = ws.run(&["--format", "json", "--no-cache"]);
    ws.run(&["--format", "json"]);
    let records = ws.records();
    assert_eq!(records.len(), 1);
    let garbage: [&[u8]; 3] = [
        b"",
        b"planlint run record 1\n\0\0\0\0\0\0\0\0",
        &[0xff; 4096],
    ];
    for bytes in garbage {
        std::fs::write(&records[0], bytes).unwrap();
        assert_eq!(ws.run(&["--format", "json"]), uncached);
    }
    // The last run wrote a sound record again: a flipped byte in its output is noticed.
    let mut bytes = std::fs::read(&records[0]).unwrap();
    bytes[40] ^= 1;
    std::fs::write(&records[0], &bytes).unwrap();
    assert_eq!(ws.run(&["--format", "json"]), uncached);
}

fn replace_in(path: &Path, from: &str, to: &str) {
    let text = std::fs::read_to_string(path).unwrap();
    assert!(text.contains(from), "{} has {from}", path.display());
    std::fs::write(path, text.replacen(from, to, 1)).unwrap();
}

/// A draft checked against a corpus: replayed while neither changes; a change to its parent in
/// the corpus, or to the draft, runs afresh.
#[test]
fn a_draft_is_replayed_until_it_or_its_corpus_changes() {
    let ws = Workspace::new();
    let draft = ws.dir.path().join("draft.txt");
    std::fs::copy(
        ws.plans()
            .join("shandong/weifang/anqiu/an-zhengfa-2024-13.txt"),
        &draft,
    )
    .unwrap();
    settle();
    let run = |extra: &[&str]| -> Ran {
        let out = planlint()
            .current_dir(ws.dir.path())
            .env("PLANLINT_CACHE_DIR", &ws.cache)
            .args([
                "check",
                "draft.txt",
                "--corpus",
                "plans",
                "--format",
                "json",
            ])
            .args(extra)
            .output()
            .unwrap();
        ran(out)
    };
    let first = run(&[]);
    assert_eq!(ws.records().len(), 1);
    ws.forget_extractions();
    assert_eq!(run(&[]), first, "replayed");
    assert_eq!(ws.extraction_entries(), 0, "a replay reads no plan");
    // The province raises its target: the draft's figure falls short of it.
    replace_in(
        &ws.plans().join("shandong/lu-zhengfa-2024-3.yaml"),
        "value: 75",
        "value: 80",
    );
    let after_parent = run(&[]);
    assert_ne!(after_parent, first);
    assert_eq!(after_parent, run(&["--no-cache"]));
    settle();
    run(&[]);
    replace_in(&draft, "75%", "85%");
    let after_draft = run(&[]);
    assert_ne!(after_draft, after_parent);
    assert_eq!(after_draft, run(&["--no-cache"]));
}

/// Runs at once share the cache folder: each prints the same bytes, and the record left behind
/// is whole.
#[test]
fn concurrent_runs_print_the_same_and_leave_a_whole_record() {
    let ws = Workspace::new();
    let uncached = ws.run(&["--format", "json", "--no-cache"]);
    let runs: Vec<Ran> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..4)
            .map(|_| scope.spawn(|| ws.run(&["--format", "json"])))
            .collect();
        handles.into_iter().map(|h| h.join().unwrap()).collect()
    });
    for ran in &runs {
        assert_eq!(*ran, uncached);
    }
    assert_eq!(ws.records().len(), 1);
    ws.forget_extractions();
    assert_eq!(ws.run(&["--format", "json"]), uncached);
    assert_eq!(ws.extraction_entries(), 0, "the record left was replayed");
}

//! The extraction cache believes only what this user alone could have written, for this very
//! text: a tampered, swapped, shared, planted or impossible entry is a miss, and the findings
//! are those of `--no-cache`, without a hang, a panic or a runaway read. The run says so once,
//! on standard error.

#![cfg(unix)]

use std::os::unix::fs::{PermissionsExt, symlink};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, SystemTime};

use planlint::fuzz::CacheEntryKind;

use crate::support::{finished_within, forget_runs, is_run_record, root};

/// What a run gave.
struct Run {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: String,
}

/// `planlint check plans` (`--format json` unless `extra` gives one) with the cache in `cache`
/// (and `env`), run from `cwd`. A run that waits on a pipe fails the test after 20 s instead of hanging it; one that
/// reads `/dev/zero` hits a 4 GiB address-space limit instead of the machine's memory.
fn run_in(cwd: &Path, env: &[(&str, &Path)], extra: &[&str]) -> Run {
    let mut command = Command::new("/bin/sh");
    command
        .arg("-c")
        .arg(r#"ulimit -v 4194304 && exec "$0" "$@""#)
        .arg(insta_cmd::get_cargo_bin("planlint"))
        .args(["check", root().join("plans").to_str().unwrap()])
        .args(extra)
        .current_dir(cwd)
        .env_clear()
        .env("LANG", "en_US.UTF-8")
        .envs(env.iter().map(|(k, v)| (k, v.as_os_str())));
    if !extra.contains(&"--format") {
        command.args(["--format", "json"]);
    }
    let out = finished_within(command, 20);
    Run {
        code: out.status.code(),
        stdout: out.stdout,
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

fn run(cache: &Path, extra: &[&str]) -> Run {
    forget_runs(cache);
    run_in(&root(), &[("PLANLINT_CACHE_DIR", cache)], extra)
}

/// The findings without the cache, then a run that fills `cache` (checked to give the same).
fn filled(cache: &Path) -> Vec<u8> {
    let uncached = run(cache, &["--no-cache"]);
    assert_eq!(uncached.code, Some(1), "{}", uncached.stderr);
    let cold = run(cache, &[]);
    assert!(cold.stdout == uncached.stdout && cold.stderr.is_empty());
    assert_eq!(of_kind(cache, EXTRACTED).len(), 5, "one per text of plans/");
    assert_eq!(of_kind(cache, DECLARED).len(), jurisdiction_files());
    assert_eq!(entries(cache).len(), every_entry());
    uncached.stdout
}

/// The first words of an entry of what extraction read, and of a parsed `jurisdiction.yaml`.
const EXTRACTED: &str = "planlint-extract ";
const DECLARED: &str = "planlint-jurisdiction ";

/// How many `jurisdiction.yaml` plans/ holds: each has an entry as parsed.
fn jurisdiction_files() -> usize {
    walkdir::WalkDir::new(root().join("plans"))
        .into_iter()
        .filter(|e| e.as_ref().unwrap().file_name() == "jurisdiction.yaml")
        .count()
}

/// The entries a run over plans/ leaves: one per text and one per `jurisdiction.yaml`.
fn every_entry() -> usize {
    5 + jurisdiction_files()
}

/// The entries in `cache` whose first line starts with `magic`.
fn of_kind(cache: &Path, magic: &str) -> Vec<PathBuf> {
    entries(cache)
        .into_iter()
        .filter(|e| std::fs::read(e).unwrap().starts_with(magic.as_bytes()))
        .collect()
}

/// The entries in `cache`: files in two-digit shard folders, named in hexadecimal.
fn entries(cache: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = walkdir::WalkDir::new(cache)
        .into_iter()
        .map(Result::unwrap)
        .filter(|e| {
            let hex =
                |n: &std::ffi::OsStr| n.to_str().unwrap().bytes().all(|b| b.is_ascii_hexdigit());
            let shard = e.path().parent().and_then(Path::file_name);
            !e.file_type().is_dir()
                && !is_run_record(e.path())
                && hex(e.file_name())
                && shard.is_some_and(|s| s.len() == 2 && hex(s))
        })
        .map(walkdir::DirEntry::into_path)
        .collect();
    found.sort();
    found
}

/// An entry's text hash (its shard and file name) and its body (after the first line).
fn parts(entry: &Path) -> (String, Vec<u8>) {
    let bytes = std::fs::read(entry).unwrap();
    let newline = bytes.iter().position(|&b| b == b'\n').map_or(0, |i| i + 1);
    let shard = entry
        .parent()
        .unwrap()
        .file_name()
        .unwrap()
        .to_str()
        .unwrap();
    let name = entry.file_name().unwrap().to_str().unwrap();
    (format!("{shard}{name}"), bytes[newline..].to_vec())
}

/// The body of the entry at `entry` with `change` made to what it holds (edited as JSON), written
/// as planlint writes one.
fn edited(entry: &Path, change: impl Fn(&mut serde_json::Value)) -> Vec<u8> {
    let bytes = std::fs::read(entry).unwrap();
    let kind = if bytes.starts_with(EXTRACTED.as_bytes()) {
        CacheEntryKind::Extraction
    } else {
        assert!(
            bytes.starts_with(DECLARED.as_bytes()),
            "{}",
            entry.display()
        );
        CacheEntryKind::Jurisdiction
    };
    let mut value = planlint::fuzz::cache_body_as_json(kind, &parts(entry).1).unwrap();
    change(&mut value);
    planlint::fuzz::cache_body_from_json(kind, &value).unwrap()
}

/// What an entry holds, made untrue: a text's extraction without its targets, a jurisdiction
/// file under another name.
fn without_targets(value: &mut serde_json::Value) {
    if value.get("targets").is_some() {
        value["targets"] = serde_json::json!([]);
    } else {
        value["name"] = serde_json::json!("别处");
    }
}

/// The run's note about the cache: one line, saying why.
fn assert_one_note(run: &Run, why: &str) {
    let notes: Vec<&str> = run.stderr.lines().filter(|l| l.contains("cache")).collect();
    assert_eq!(notes.len(), 1, "{}", run.stderr);
    assert!(notes[0].contains(why), "{}", run.stderr);
}

/// A change made to the entry at the given place (index, path).
type Tamper<'a> = dyn Fn(usize, &Path) + 'a;

/// A body with every target removed (as entries were written before they named their
/// text), an entry edited in place, an entry copied over another text's: each is a miss,
/// rewritten, and the findings are those of `--no-cache` (before: 6 of 7 errors dropped).
#[test]
fn a_tampered_or_swapped_entry_is_a_miss() {
    let cache = tempfile::tempdir().unwrap();
    let uncached = filled(cache.path());
    let all = entries(cache.path());
    let genuine: Vec<Vec<u8>> = all.iter().map(|e| std::fs::read(e).unwrap()).collect();
    let tampered: [(&str, &Tamper); 3] = [
        ("not a valid cache entry", &|_, e| {
            std::fs::write(e, edited(e, without_targets)).unwrap();
        }),
        ("checksum", &|_, e| {
            let bytes = std::fs::read(e).unwrap();
            let header = bytes.len() - parts(e).1.len();
            let body = edited(e, without_targets);
            std::fs::write(e, [&bytes[..header], &body].concat()).unwrap();
        }),
        ("hash it records is not this text's", &|i, e| {
            std::fs::write(e, &genuine[(i + 1) % genuine.len()]).unwrap();
        }),
    ];
    for (why, tamper) in tampered {
        for (i, entry) in all.iter().enumerate() {
            tamper(i, entry);
        }
        let tampered = run(cache.path(), &[]);
        assert!(tampered.stdout == uncached, "{why}: {}", tampered.stderr);
        assert_eq!(tampered.code, Some(1));
        assert_one_note(&tampered, why);
        let count = format!("{} extraction cache entries", every_entry());
        assert!(tampered.stderr.contains(&count), "{}", tampered.stderr);
        let again = run(cache.path(), &[]);
        assert!(
            again.stdout == uncached && again.stderr.is_empty(),
            "rewritten"
        );
    }
}

/// A pipe in place of an entry is never opened: the run does not wait on it (before: every run
/// hung).
#[test]
fn a_pipe_entry_does_not_hang_the_run() {
    let cache = tempfile::tempdir().unwrap();
    let uncached = filled(cache.path());
    for entry in entries(cache.path()) {
        std::fs::remove_file(&entry).unwrap();
        let made = Command::new("mkfifo").arg(&entry).status().unwrap();
        assert!(made.success());
    }
    let piped = run(cache.path(), &[]);
    assert!(piped.stdout == uncached, "{}", piped.stderr);
    assert_one_note(&piped, "not a regular file");
    for entry in entries(cache.path()) {
        let kind = std::fs::symlink_metadata(&entry).unwrap().file_type();
        assert!(kind.is_file(), "the pipe was replaced by an entry");
    }
}

/// A link to `/dev/zero` in place of an entry is not followed (before: the run read it until
/// memory ran out).
#[test]
fn a_link_entry_is_not_followed() {
    let cache = tempfile::tempdir().unwrap();
    let uncached = filled(cache.path());
    for entry in entries(cache.path()) {
        std::fs::remove_file(&entry).unwrap();
        symlink("/dev/zero", &entry).unwrap();
    }
    let linked = run(cache.path(), &[]);
    assert!(linked.stdout == uncached, "{}", linked.stderr);
    assert_one_note(&linked, "not a regular file");
    let kind = std::fs::symlink_metadata("/dev/zero").unwrap().file_type();
    assert!(!kind.is_file());
}

/// A place past the end of the text (its end past the largest number), or inside a character,
/// in an entry as planlint seals them or as plain JSON: a miss, never a panic (before: the
/// terminal's output panicked, exit code 101).
#[test]
fn a_place_outside_the_text_does_not_panic() {
    let cache = tempfile::tempdir().unwrap();
    let uncached_json = filled(cache.path());
    let uncached_human = run(cache.path(), &["--no-cache", "--format", "human"]).stdout;
    let moved = |value: &mut serde_json::Value| {
        let targets = value["targets"].as_array_mut().unwrap();
        for (i, target) in targets.iter_mut().enumerate() {
            let start = if i % 2 == 0 { u64::MAX } else { 1 };
            target[0]["quote_span"] = serde_json::json!({"start": start, "len": 2});
            target[0]["indicator_span"] = serde_json::json!({"start": start, "len": 2});
        }
    };
    for sealed in [false, true] {
        for (format, uncached) in [("human", &uncached_human), ("json", &uncached_json)] {
            for entry in of_kind(cache.path(), EXTRACTED) {
                let body = edited(&entry, moved);
                let bytes = if sealed {
                    planlint::fuzz::seal_cache_entry(&parts(&entry).0, &body)
                } else {
                    body
                };
                std::fs::write(&entry, bytes).unwrap();
            }
            let out = run(cache.path(), &["--format", format]);
            assert_ne!(out.code, Some(101), "{}", out.stderr);
            assert!(out.stdout == *uncached, "{format}: {}", out.stderr);
            let why = if sealed {
                "outside the text"
            } else {
                "not a valid"
            };
            assert_one_note(&out, why);
        }
    }
}

/// A parsed `jurisdiction.yaml` whose name lies past the end of its file or inside a character,
/// sealed as planlint seals it; or whose name was changed, with the checksum made again by
/// whoever changed it but under the extraction's first words: a miss, never a panic or another
/// name in the findings.
#[test]
fn a_jurisdiction_entry_out_of_its_file_or_of_another_kind_is_a_miss() {
    let cache = tempfile::tempdir().unwrap();
    let uncached = filled(cache.path());
    let declared = of_kind(cache.path(), DECLARED);
    let seal = |entry: &Path, body: &[u8]| {
        let hash = parts(entry).0;
        let sealed = planlint::fuzz::seal_cache_entry(&hash, body);
        let newline = sealed.iter().position(|&b| b == b'\n').unwrap();
        let header = String::from_utf8(sealed[..newline].to_vec()).unwrap();
        let header = header.replacen(EXTRACTED.trim_end(), DECLARED.trim_end(), 1);
        [header.as_bytes(), &sealed[newline..]].concat()
    };
    for (i, entry) in declared.iter().enumerate() {
        let start = if i % 2 == 0 { u64::MAX } else { 1 };
        let body = edited(entry, |value| {
            value["name_span"] = serde_json::json!({"start": start, "len": 2});
        });
        std::fs::write(entry, seal(entry, &body)).unwrap();
    }
    let out = run(cache.path(), &[]);
    assert_ne!(out.code, Some(101), "{}", out.stderr);
    assert!(out.stdout == uncached, "{}", out.stderr);
    assert_one_note(&out, "outside the text");
    for entry in &declared {
        let body = edited(entry, |value| {
            value["name"] = serde_json::json!("别处");
        });
        std::fs::write(
            entry,
            planlint::fuzz::seal_cache_entry(&parts(entry).0, &body),
        )
        .unwrap();
    }
    let out = run(cache.path(), &[]);
    assert!(out.stdout == uncached, "{}", out.stderr);
    assert_one_note(&out, "not a valid cache entry");
    let again = run(cache.path(), &[]);
    assert!(
        again.stdout == uncached && again.stderr.is_empty(),
        "rewritten"
    );
}

/// Entries sealed as planlint seals them, each holding no targets, but not private: of mode
/// 0644, another user's, or in a folder of mode 0755 (a shard, or the build's folder: then the
/// cache is not used at all). None is believed.
#[test]
fn an_entry_or_folder_open_to_others_is_not_trusted() {
    let cache = tempfile::tempdir().unwrap();
    let uncached = filled(cache.path());
    let all = entries(cache.path());
    let mode = |path: &Path, mode: u32| {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
    };
    // Every entry genuine again, then `planted` replaced by ones without targets.
    let plant = |planted: &[PathBuf], entry_mode: u32| {
        for entry in &all {
            std::fs::remove_file(entry).unwrap();
        }
        assert!(run(cache.path(), &[]).stdout == uncached);
        for entry in planted {
            let body = edited(entry, without_targets);
            std::fs::write(
                entry,
                planlint::fuzz::seal_cache_entry(&parts(entry).0, &body),
            )
            .unwrap();
            mode(entry, entry_mode);
        }
    };
    let trusted = |why: &str| {
        let out = run(cache.path(), &[]);
        assert!(out.stdout == uncached, "{why}: {}", out.stderr);
        assert_one_note(&out, why);
    };
    // As a bare body of mode 0644 too, as the entries before were read (before: believed).
    for entry in &all {
        std::fs::write(entry, edited(entry, without_targets)).unwrap();
        mode(entry, 0o644);
    }
    trusted("mode is not 0600");
    plant(&all, 0o644);
    trusted("mode is not 0600");
    let shard = all[0].parent().unwrap();
    let build = shard.parent().unwrap();
    plant(&all[..1], 0o600);
    mode(shard, 0o755);
    trusted("its folder is not private");
    mode(shard, 0o700);
    plant(&all, 0o600);
    mode(build, 0o755);
    trusted("the cache is not used this run");
    mode(build, 0o700);
    // Another user's entry (only root can give a file away).
    plant(&all[..1], 0o600);
    if std::os::unix::fs::chown(&all[0], Some(65534), Some(65534)).is_ok() {
        trusted("belongs to another user");
    }
}

/// `PLANLINT_CACHE_DIR=` and `XDG_CACHE_HOME=` are unset: the cache goes under `$HOME`, never
/// into the working folder (before: `extract-…` was made there).
#[test]
fn an_empty_cache_variable_is_unset() {
    let (cwd, home) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
    let empty = Path::new("");
    let vars = [
        ("PLANLINT_CACHE_DIR", empty),
        ("XDG_CACHE_HOME", empty),
        ("HOME", home.path()),
    ];
    let out = run_in(cwd.path(), &vars, &[]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0);
    assert_eq!(
        entries(&home.path().join(".cache/planlint")).len(),
        every_entry()
    );
}

/// Another build's folder unused for a week is removed with its entries; what planlint did not
/// write (a note in it, a folder of another name, a link) is left, and so is the folder
/// holding it.
#[test]
fn other_builds_folders_are_pruned() {
    let cache = tempfile::tempdir().unwrap();
    let outside = tempfile::tempdir().unwrap();
    let long_ago = SystemTime::now() - Duration::from_secs(30 * 24 * 60 * 60);
    let make = |folder: &str, shard: &str, name: &str| {
        let dir = cache.path().join(folder).join(shard);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name);
        std::fs::write(&path, "{}").unwrap();
        path
    };
    let old = make("extract-0.0.9-0123456789abcdef", "ab", &"c".repeat(30));
    let old_new_layout = make("extract-0.0.9-0123456789abcdef", "cd", &"e".repeat(62));
    let note = make("extract-0.0.8-0123456789abcdef", "ab", "notes.txt");
    let beside_note = make("extract-0.0.8-0123456789abcdef", "ab", &"d".repeat(30));
    let unrelated = make("extract-mine", "ab", &"f".repeat(30));
    let linked = cache.path().join("extract-0.0.7-0123456789abcdef");
    symlink(outside.path(), &linked).unwrap();
    let kept_outside = outside.path().join("ab");
    std::fs::create_dir(&kept_outside).unwrap();
    std::fs::write(kept_outside.join("a".repeat(62)), "{}").unwrap();
    let walk: Vec<PathBuf> = walkdir::WalkDir::new(cache.path())
        .contents_first(true)
        .into_iter()
        .map(|e| e.unwrap().into_path())
        .filter(|p| p != cache.path() && p != &linked)
        .collect();
    for path in walk {
        let file = std::fs::File::open(&path).unwrap();
        let times = std::fs::FileTimes::new()
            .set_accessed(long_ago)
            .set_modified(long_ago);
        file.set_times(times).unwrap();
    }
    let out = run(cache.path(), &[]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(!old.exists() && !old_new_layout.exists() && !beside_note.exists());
    assert!(!cache.path().join("extract-0.0.9-0123456789abcdef").exists());
    assert!(note.exists() && unrelated.exists());
    assert!(kept_outside.join("a".repeat(62)).exists() && linked.exists());
    assert_eq!(
        entries(cache.path()).len(),
        every_entry() + 1,
        "this build's, and extract-mine's"
    );
}

//! Shared helpers: run the checker on a folder and render its findings as a reviewer sees them.

use std::path::{Path, PathBuf};

use planlint::config::Config;
use planlint::diagnostics::render::{HumanRenderer, RenderOptions};
use planlint::diagnostics::{Diagnostic, Summary};
use planlint::engine::{self, BaselineUse, Inputs};
use planlint::i18n::Lang;
use planlint::ingest::Corpus;
use planlint::lints::LintMeta;

/// The repository root (tests run from it, and fixture paths in output are relative to it).
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The corpus a lint fixture case is checked as: the case alone when it carries its jurisdiction
/// tree, else the shared base (`tests/fixtures/lints/_base`: 山东省 and 安丘市, and 鲁政发〔2024〕3号
/// unless the case brings its own `lu-zhengfa-2024-3.yaml`) and the case.
pub(crate) fn fixture_paths(case: &Path) -> Vec<PathBuf> {
    let case = relative(case);
    let base = PathBuf::from("tests/fixtures/lints/_base");
    if root().join(&case).join("jurisdiction.yaml").is_file() {
        return vec![case];
    }
    let mut paths = vec![base.join("shandong")];
    if !root().join(&case).join("lu-zhengfa-2024-3.yaml").is_file() {
        paths.push(base.join("parent"));
    }
    paths.push(case);
    paths
}

/// A path relative to the root, as output prints it.
pub(crate) fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(root()).unwrap_or(path).to_path_buf()
}

/// Checks `paths` through the engine with the default configuration, as `planlint check
/// --select` would, reporting `only` (every code when `None`); returns the corpus and findings.
pub(crate) fn check(
    paths: &[PathBuf],
    only: Option<&[&'static LintMeta]>,
) -> (Corpus, Vec<Diagnostic>) {
    let inputs = Inputs {
        paths: paths.to_vec(),
        select: only.unwrap_or_default().iter().map(|l| l.code()).collect(),
        baseline: BaselineUse::Off,
        ..Inputs::default()
    };
    let report = engine::check(&Config::defaults(), &inputs).expect("fixture paths exist");
    (report.corpus, report.findings)
}

/// Findings rendered without colour at a fixed width, then the summary line.
pub(crate) fn render(corpus: &Corpus, findings: &[Diagnostic], lang: Lang) -> String {
    let renderer = HumanRenderer::new(
        &corpus.sources,
        RenderOptions {
            lang,
            color: false,
            width: 100,
        },
    );
    let mut text = String::new();
    for finding in findings {
        renderer.render(finding, &mut text).unwrap();
        text.push('\n');
    }
    text.push_str(&Summary::of(findings, corpus.files).line(lang));
    text.push('\n');
    text
}

/// Both languages, one after the other.
pub(crate) fn render_both(corpus: &Corpus, findings: &[Diagnostic]) -> String {
    format!(
        "--- zh ---\n{}\n--- en ---\n{}",
        render(corpus, findings, Lang::Zh),
        render(corpus, findings, Lang::En)
    )
}

/// The planlint binary, run from the repository root with a clean environment: an English
/// locale (the tests of the default language set their own), a fixed width, no colour.
pub(crate) fn planlint() -> std::process::Command {
    let mut cmd = std::process::Command::new(insta_cmd::get_cargo_bin("planlint"));
    cmd.current_dir(root())
        .env_clear()
        .env("LANG", "en_US.UTF-8")
        .env("COLUMNS", "100")
        .env("NO_COLOR", "1")
        // Every run of the suite shares one extraction cache, so both its paths are exercised.
        .env(
            "PLANLINT_CACHE_DIR",
            concat!(env!("CARGO_TARGET_TMPDIR"), "/planlint-cache"),
        );
    cmd
}

/// Copies a fixture folder (relative to the root, or absolute) into `to`.
pub(crate) fn copy_tree(from: &Path, to: &Path) {
    let from = root().join(from);
    for entry in walkdir::WalkDir::new(&from) {
        let entry = entry.unwrap();
        let target = to.join(entry.path().strip_prefix(&from).unwrap());
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).unwrap();
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// A command's output, after asserting it succeeded (its stderr is the failure message).
pub(crate) fn succeeded(out: std::process::Output) -> std::process::Output {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// The findings of a `--format json` run.
pub(crate) fn json_diagnostics(stdout: &[u8]) -> Vec<serde_json::Value> {
    let json: serde_json::Value = serde_json::from_slice(stdout).unwrap();
    json["diagnostics"].as_array().cloned().unwrap_or_default()
}

/// The text between the first `open` in `text` and the next `close` after it.
pub(crate) fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let rest = text.split_once(open)?.1;
    Some(rest.split_once(close).map_or(rest, |(inside, _)| inside))
}

/// Runs `command` with `input` on its standard input.
pub(crate) fn piped(mut command: std::process::Command, input: &str) -> std::process::Output {
    use std::io::Write;
    use std::process::Stdio;
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// The shared base's jurisdictions (山东省 and 安丘市) and parent plan (鲁政发〔2024〕3号), for
/// commands that check a lint fixture case as a whole corpus.
pub(crate) const BASE: &str = "tests/fixtures/lints/_base/shandong";
pub(crate) const PARENT: &str = "tests/fixtures/lints/_base/parent";

/// Copies a lint fixture case, with the shared base it needs, into `to` as one standalone
/// corpus laid out as the plans name their places: 山东省's folder with 安丘市's inside it, the
/// province's plan at the top and the county's plans in `anqiu/`.
pub(crate) fn copy_fixture(case: &str, to: &Path) {
    let paths = fixture_paths(Path::new(case));
    if paths.len() == 1 {
        copy_tree(&paths[0], to);
        return;
    }
    for path in &paths {
        if path.ends_with("shandong") {
            copy_tree(path, to);
            continue;
        }
        for entry in walkdir::WalkDir::new(root().join(path)) {
            let entry = entry.unwrap();
            if !entry.file_type().is_file() {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
            let county = text.contains("jurisdiction: 安丘市")
                || entry.path().extension().is_some_and(|e| e == "txt")
                || entry.file_name().to_string_lossy().contains(".sidecar.");
            let folder = if county {
                to.join("anqiu")
            } else {
                to.to_path_buf()
            };
            std::fs::create_dir_all(&folder).unwrap();
            std::fs::copy(entry.path(), folder.join(entry.file_name())).unwrap();
        }
    }
}

/// Runs `command` to its end, failing the test (and killing it) when it runs over `seconds`: a
/// run that waits on a pipe fails instead of hanging the suite. Its output goes through files,
/// so a large output never blocks it.
pub(crate) fn finished_within(
    mut command: std::process::Command,
    seconds: u64,
) -> std::process::Output {
    use std::time::{Duration, Instant};
    let out = tempfile::tempdir().unwrap();
    let (stdout, stderr) = (out.path().join("stdout"), out.path().join("stderr"));
    let mut child = command
        .stdin(std::process::Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(seconds) {
            child.kill().unwrap();
            child.wait().unwrap();
            panic!("still running after {seconds} s");
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    std::process::Output {
        status,
        stdout: std::fs::read(&stdout).unwrap(),
        stderr: std::fs::read(&stderr).unwrap(),
    }
}

/// A git repository in `dir` holding every file there, committed once (the tests that need git
/// history: pre-commit, `--changed-since`, `git apply`).
pub(crate) fn git_repository(dir: &Path) {
    for args in [
        &["init", "-q"][..],
        &["add", "-A"],
        &["commit", "-qm", "plans", "--allow-empty"],
    ] {
        git(dir, args);
    }
}

/// Runs git in `dir` with a fixed author, and fails the test on an error.
pub(crate) fn git(dir: &Path, args: &[&str]) -> std::process::Output {
    succeeded(
        std::process::Command::new("git")
            .current_dir(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@example.org"])
            .args(args)
            .output()
            .unwrap(),
    )
}

/// Whether `path` is the record of a whole run (`tests/it/replay.rs`), not an extraction entry.
pub(crate) fn is_run_record(path: &Path) -> bool {
    // Only a regular file is opened: the tests plant pipes and links to devices.
    std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file())
        && std::fs::read(path).is_ok_and(|bytes| bytes.starts_with(b"planlint run record 1\n"))
}

/// Removes the records of earlier runs from the cache folder `cache`, so that the next run
/// reads the corpus (and the extraction entries a test is about) instead of replaying what an
/// identical run printed.
pub(crate) fn forget_runs(cache: &Path) {
    for entry in walkdir::WalkDir::new(cache)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file() && is_run_record(e.path()))
    {
        std::fs::remove_file(entry.path()).unwrap();
    }
}

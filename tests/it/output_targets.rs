//! An output path (`-o`, `--annotate`, `--write-baseline`) that names anything but a regular
//! file is refused before anything is written, even with `--force`: a pipe stays a pipe, a
//! device a device (run as root, `--annotate /dev/null --force` once turned the system's
//! `/dev/null` into a plain file), and the refusal says so in both languages, with exit code 2.

#![cfg(unix)]

use std::os::unix::fs::FileTypeExt;
use std::path::Path;
use std::process::{Command, Output};

use crate::support::{finished_within, planlint};

const DRAFT: &str =
    "tests/fixtures/lints/weaker-target/fail-text-plan-as-written/an-zhengfa-2024-13.txt";

fn mkfifo(path: &Path) {
    let made = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(made.success());
}

fn is_fifo(path: &Path) -> bool {
    std::fs::symlink_metadata(path)
        .unwrap()
        .file_type()
        .is_fifo()
}

/// Nothing was written beside `path`: no temporary file was even made.
fn assert_nothing_beside(path: &Path, expected: usize) {
    let names: Vec<_> = std::fs::read_dir(path.parent().unwrap())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), expected, "{names:?}");
}

fn assert_refused(out: &Output, kind: &str) {
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!("a {kind}, not a regular file")),
        "{stderr}"
    );
}

/// `extract -o PIPE`, with `--force` or not, in English and in Chinese: refused, and the pipe
/// still a pipe (before: replaced by a plain file with `--force`).
#[test]
fn an_output_onto_a_pipe_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("out.yaml");
    mkfifo(&fifo);
    for force in [false, true] {
        let mut command = planlint();
        command.args(["extract", DRAFT, "-o"]).arg(&fifo);
        if force {
            command.arg("--force");
        }
        let out = finished_within(command, 20);
        assert_refused(&out, "pipe (FIFO)");
        assert!(is_fifo(&fifo));
    }
    let mut command = planlint();
    command
        .args(["extract", DRAFT, "--lang", "zh", "--force", "-o"])
        .arg(&fifo);
    let out = finished_within(command, 20);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("是管道（FIFO），不是普通文件"), "{stderr}");
    assert!(stderr.contains("即使使用 --force 也不会替换它"), "{stderr}");
    assert!(is_fifo(&fifo));
    assert_nothing_beside(&fifo, 1);
}

/// `--annotate` onto a device node and a folder, `--write-baseline` onto a pipe (before: the
/// pipe was read first, and the run waited on it for ever), `compare -o` onto a link: each
/// refused, each left as it was.
#[test]
fn annotations_baselines_and_tables_onto_anything_but_a_file_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let annotate = |out: &Path| {
        let mut command = planlint();
        command
            .args([
                "check",
                DRAFT,
                "--corpus",
                "plans",
                "--jurisdiction",
                "安丘市",
            ])
            .arg("--annotate")
            .arg(out)
            .arg("--force");
        finished_within(command, 60)
    };
    let folder = dir.path().join("folder.docx");
    std::fs::create_dir(&folder).unwrap();
    assert_refused(&annotate(&folder), "folder");
    assert!(folder.is_dir());
    // A copy of /dev/null's node, where the system allows making one (as root).
    let null = dir.path().join("null");
    let made = Command::new("mknod")
        .arg(&null)
        .args(["c", "1", "3"])
        .status()
        .is_ok_and(|s| s.success());
    if made {
        assert_refused(&annotate(&null), "device");
        let kind = std::fs::symlink_metadata(&null).unwrap().file_type();
        assert!(kind.is_char_device());
    }
    let fifo = dir.path().join("baseline.json");
    mkfifo(&fifo);
    let mut command = planlint();
    command
        .args(["check", "plans", "--write-baseline"])
        .arg(&fifo);
    assert_refused(&finished_within(command, 60), "pipe (FIFO)");
    assert!(is_fifo(&fifo));
    let target = dir.path().join("kept.csv");
    std::fs::write(&target, "kept\n").unwrap();
    let link = dir.path().join("table.csv");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    let mut command = planlint();
    command
        .args(["compare", "plans", "--format", "csv", "--force", "-o"])
        .arg(&link);
    assert_refused(&finished_within(command, 60), "symbolic link");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept\n");
    assert_nothing_beside(&fifo, 4 + usize::from(made));
}

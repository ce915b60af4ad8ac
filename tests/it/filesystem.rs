//! The corpus walk at the file system's edges: links are not followed (a corpus cannot reach
//! outside itself) and said so, pipes and devices are never read, names in any case are read,
//! a draft that is not a regular file is refused, and nothing is overwritten by mistake.

#![cfg(unix)]

use std::os::unix::fs::symlink;
use std::path::Path;
use std::process::Output;

use crate::support::{BASE, planlint, succeeded};

const CASE: &str = "tests/fixtures/lints/weaker-target/fail-growth-below-parent";

fn check(args: &[&str]) -> Output {
    planlint()
        .arg("check")
        .args(args)
        .args(["--format", "json", "--lang", "en"])
        .output()
        .unwrap()
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

/// `code@file` of each finding.
fn found(out: &Output) -> Vec<String> {
    json(out)["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let file = d["location"]["file"].as_str().unwrap_or_default();
            let name = Path::new(file)
                .file_name()
                .map_or(String::new(), |n| n.to_string_lossy().into_owned());
            format!("{}@{name}", d["code"].as_str().unwrap())
        })
        .collect()
}

/// A sidecar that is a link to a file outside the corpus is not read, so its content can never
/// appear in a parse-error snippet (before: the linked file was printed).
#[test]
fn a_linked_sidecar_is_not_followed_and_its_target_never_printed() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("id_rsa");
    std::fs::write(
        &secret,
        "-----BEGIN SECRET-----\nTOP-SECRET-KEY-MATERIAL: [\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    std::fs::write(dir.path().join("anqiu/draft.txt"), "安丘市人民政府\n").unwrap();
    symlink(&secret, dir.path().join("anqiu/draft.sidecar.yaml")).unwrap();
    let out = check(&[dir.path().to_str().unwrap()]);
    let printed = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(!printed.contains("TOP-SECRET"), "{printed}");
    assert!(
        found(&out).contains(&"skipped-file@draft.sidecar.yaml".to_string()),
        "{:?}",
        found(&out)
    );
}

/// A linked plan and a linked folder are reported, not dropped; a plan named `.YAML` is read.
#[test]
fn links_are_reported_and_names_in_any_case_are_read() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, &dir.path().join("corpus"));
    let corpus = dir.path().join("corpus");
    std::fs::rename(
        corpus.join("anqiu/an-zhengfa-2024-13.yaml"),
        corpus.join("anqiu/AN-ZHENGFA-2024-13.YAML"),
    )
    .unwrap();
    let elsewhere = dir.path().join("elsewhere");
    std::fs::create_dir(&elsewhere).unwrap();
    std::fs::write(elsewhere.join("plan.yaml"), "title: 外部方案\n").unwrap();
    symlink(&elsewhere, corpus.join("linked-folder")).unwrap();
    symlink(elsewhere.join("plan.yaml"), corpus.join("linked-plan.yaml")).unwrap();
    let out = check(&[corpus.to_str().unwrap()]);
    let found = found(&out);
    assert!(
        found.contains(&"weaker-target@AN-ZHENGFA-2024-13.YAML".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"skipped-file@linked-folder".to_string()),
        "{found:?}"
    );
    assert!(
        found.contains(&"skipped-file@linked-plan.yaml".to_string()),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|f| f.ends_with("@plan.yaml")),
        "{found:?}"
    );
}

/// A pipe named like a plan is reported and never opened (opening it would block the run).
#[test]
fn a_pipe_in_the_corpus_is_skipped_without_hanging() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let fifo = dir.path().join("anqiu/pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let out = check(&[dir.path().to_str().unwrap()]);
    assert!(
        found(&out).contains(&"skipped-file@pipe.txt".to_string()),
        "{:?}",
        found(&out)
    );
    assert!(found(&out).contains(&"weaker-target@an-zhengfa-2024-13.yaml".to_string()));
}

/// `check <(cat draft)` would check nothing and pass: refused with a clear error instead.
#[test]
fn a_draft_that_is_not_a_regular_file_is_refused() {
    let out = planlint()
        .args(["check", "/dev/null", "--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file or folder"), "{stderr}");
}

/// `--write-baseline FILE` replaces a baseline, never a plan given by mistake.
#[test]
fn write_baseline_never_replaces_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let plan = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
    let before = std::fs::read_to_string(&plan).unwrap();
    let out = planlint()
        .arg("check")
        .arg(dir.path())
        .arg("--write-baseline")
        .arg(&plan)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), before);
    // A baseline is replaced as asked.
    let baseline = dir.path().join("baseline.json");
    for _ in 0..2 {
        succeeded(
            planlint()
                .arg("check")
                .arg(dir.path().join("anqiu"))
                .arg("--write-baseline")
                .arg(&baseline)
                .output()
                .unwrap(),
        );
    }
}

/// A device or a pipe given to `extract` is refused at once (before: `/dev/zero` grew until
/// memory ran out, a pipe blocked).
#[test]
fn extract_refuses_what_is_not_a_regular_file() {
    let out = planlint()
        .args(["extract", "/dev/zero", "--lang", "en"])
        .output()
        .unwrap();
    assert_ne!(out.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("not a regular file"), "{stderr}");
}

/// `check plans ./plans` reads each file once (before: every plan twice, and a false
/// duplicate-document error for each).
#[test]
fn a_corpus_named_twice_is_read_once() {
    let once = found(&check(&[BASE, CASE]));
    let dotted = format!("./{CASE}");
    let twice = found(&check(&[BASE, CASE, &dotted]));
    assert_eq!(twice, once);
}

/// `--fix` keeps a file's permissions and never replaces a link with a plain file; `-o` never
/// writes through a link nor onto the file being read.
#[test]
fn writes_keep_permissions_and_never_go_through_links() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let plan = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
    std::fs::set_permissions(&plan, std::fs::Permissions::from_mode(0o600)).unwrap();
    let before = std::fs::read_to_string(&plan).unwrap();
    planlint()
        .arg("check")
        .arg(dir.path())
        .args(["--fix", "--fix-corpus"])
        .output()
        .unwrap();
    assert_ne!(
        std::fs::read_to_string(&plan).unwrap(),
        before,
        "the fix was applied"
    );
    let mode = std::fs::metadata(&plan).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
    // No temporary file is left beside it.
    let leftovers: Vec<_> = std::fs::read_dir(plan.parent().unwrap())
        .unwrap()
        .filter_map(Result::ok)
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty());

    let text = dir.path().join("draft.txt");
    std::fs::write(&text, "某县人民政府\n").unwrap();
    let target = dir.path().join("elsewhere.yaml");
    std::fs::write(&target, "kept\n").unwrap();
    let link = dir.path().join("out.yaml");
    symlink(&target, &link).unwrap();
    for (out, force) in [(&link, true), (&text, true)] {
        let mut cmd = planlint();
        cmd.arg("extract").arg(&text).arg("-o").arg(out);
        if force {
            cmd.arg("--force");
        }
        let result = cmd.output().unwrap();
        assert_eq!(result.status.code(), Some(2), "{}", out.display());
    }
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "kept\n");
    assert!(
        std::fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert_eq!(std::fs::read_to_string(&text).unwrap(), "某县人民政府\n");
}

/// Each limit is a located error for its file, and the rest of the corpus is still checked:
/// a file over 8 MiB, YAML nested too deep, an alias bomb.
#[test]
fn limits_are_errors_at_their_files_and_the_rest_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let county = dir.path().join("anqiu");
    std::fs::write(county.join("huge.txt"), "到2027年，".repeat(1_000_000)).unwrap();
    let deep = format!("title: {}x{}\n", "[".repeat(20_000), "]".repeat(20_000));
    std::fs::write(county.join("deep.yaml"), deep).unwrap();
    let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
    for (i, name) in ["b", "c", "d", "e", "f", "g", "h", "i", "j"]
        .iter()
        .enumerate()
    {
        let prev = ["a", "b", "c", "d", "e", "f", "g", "h", "i"][i];
        let refs = vec![format!("*{prev}"); 10].join(", ");
        bomb.push_str(&format!("{name}: &{name} [{refs}]\n"));
    }
    bomb.push_str("title: x\n");
    std::fs::write(county.join("bomb.yaml"), bomb).unwrap();
    let out = check(&[dir.path().to_str().unwrap()]);
    let found = found(&out);
    for expected in [
        "file-too-large@huge.txt",
        "invalid-yaml@deep.yaml",
        "invalid-yaml@bomb.yaml",
        "weaker-target@an-zhengfa-2024-13.yaml",
    ] {
        assert!(
            found.contains(&expected.to_string()),
            "{expected}: {found:?}"
        );
    }
}

/// A `.TXT` plan with its sidecar: the sidecar is its own (before: a false orphan-sidecar); a
/// `jurisdiction.yaml` above a single checked file that is a link is not followed.
#[test]
fn an_upper_case_text_keeps_its_sidecar_and_linked_jurisdictions_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let county = dir.path().join("anqiu");
    std::fs::write(county.join("DRAFT.TXT"), "安丘市人民政府\n").unwrap();
    std::fs::write(county.join("DRAFT.sidecar.yaml"), "jurisdiction: 安丘市\n").unwrap();
    let out = check(&[dir.path().to_str().unwrap()]);
    assert!(
        !found(&out).iter().any(|f| f.starts_with("orphan-sidecar")),
        "{:?}",
        found(&out)
    );

    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("j.yaml"),
        "name: 外部\nlevel: county\nSECRET-LINE: [\n",
    )
    .unwrap();
    let single = tempfile::tempdir().unwrap();
    std::fs::create_dir(single.path().join("x")).unwrap();
    symlink(
        outside.path().join("j.yaml"),
        single.path().join("x/jurisdiction.yaml"),
    )
    .unwrap();
    std::fs::write(single.path().join("x/plan.txt"), "某县人民政府\n").unwrap();
    let out = check(&[single.path().join("x/plan.txt").to_str().unwrap()]);
    let printed = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(!printed.contains("SECRET-LINE"), "{printed}");
}

/// A file name that is not UTF-8 is read and named (with replacement characters), and a path
/// longer than the system allows is an io-error at its place: neither is dropped silently.
#[test]
fn odd_file_names_and_over_long_paths_are_checked_or_reported() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let county = dir.path().join("anqiu");
    let odd = county.join(std::ffi::OsStr::from_bytes(b"plan-\xff\xfe.txt"));
    std::fs::write(&odd, "到2027年，报废汽车回收量较2023年增长约30%。\n").unwrap();
    // Deeper than PATH_MAX (4096 bytes), built one folder at a time through relative paths.
    let segment = "深".repeat(80);
    let script = format!(
        "cd '{}' && for i in $(seq 20); do mkdir {segment} && cd {segment} || exit 1; done && echo 某县人民政府 > x.txt",
        county.display()
    );
    let made = std::process::Command::new("sh")
        .args(["-c", &script])
        .status()
        .is_ok_and(|s| s.success());
    let out = check(&[dir.path().to_str().unwrap()]);
    let found = found(&out);
    assert!(
        found.iter().any(|f| f.ends_with("@plan-\\xFF\\xFE.txt")),
        "{found:?}"
    );
    if made {
        assert!(
            found.iter().any(|f| f.starts_with("io-error@")),
            "{found:?}"
        );
    }
}

/// A plan that cannot be read is an io-error at its path, and the rest is checked. (Skipped
/// where the tests run as a user who can read anything, such as root.)
#[test]
fn an_unreadable_plan_is_an_error_and_the_rest_is_checked() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(CASE, dir.path());
    let locked = dir.path().join("anqiu/locked.txt");
    std::fs::write(&locked, "某县人民政府\n").unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    if std::fs::read(&locked).is_ok() {
        eprintln!("skipped: this user reads files whatever their mode");
        return;
    }
    let found = found(&check(&[dir.path().to_str().unwrap()]));
    assert!(
        found.contains(&"io-error@locked.txt".to_string()),
        "{found:?}"
    );
    assert!(found.contains(&"weaker-target@an-zhengfa-2024-13.yaml".to_string()));
}

/// A new output file gets the permissions any new file gets (0666 less the umask), not the
/// owner-only mode of the temporary file it was written through.
#[test]
fn a_new_output_file_has_the_usual_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let control = dir.path().join("control");
    std::fs::File::create(&control).unwrap();
    let out = dir.path().join("plan.yaml");
    let status = planlint()
        .args(["extract", "tests/fixtures/extract/cases/targets.txt", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode(&out), mode(&control));
}

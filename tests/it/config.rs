//! planlint.yaml, command-line levels, suppressions with reasons, and the baseline: each with a
//! case where it applies and one where it must not.

use std::process::Output;

use insta_cmd::assert_cmd_snapshot;

use crate::support::planlint;

fn check(args: &[&str]) -> Output {
    planlint().arg("check").args(args).output().unwrap()
}

/// The codes and severities of a run's findings. These fixtures are cut from the cascade below
/// the national level, so each province's plan is an `uncompared-plan`; that lint is tested on
/// its own fixtures and left out here.
fn codes(out: &Output) -> Vec<String> {
    crate::support::json_diagnostics(&out.stdout)
        .iter()
        .filter(|d| d["code"] != "uncompared-plan")
        .map(|d| {
            format!(
                "{}:{}",
                d["code"].as_str().unwrap(),
                d["severity"].as_str().unwrap()
            )
        })
        .collect()
}

use crate::support::{BASE, PARENT};

const WEAKER: &str = "tests/fixtures/lints/weaker-target/fail-growth-below-parent";
const INCONSISTENT: &str = "tests/fixtures/lints/agency-inconsistent-naming/fail-two-spellings";

#[test]
fn a_lint_allowed_in_the_file_is_not_reported() {
    let out = check(&[
        "--config",
        "tests/fixtures/config/allow.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(codes(&out).is_empty());
    // Without the file, the same corpus fails.
    let out = check(&[BASE, WEAKER, "--format", "json"]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&out), ["weaker-target:error"]);
}

#[test]
fn the_command_line_overrides_the_file() {
    let out = check(&[
        "--config",
        "tests/fixtures/config/allow.yaml",
        "--deny",
        "weaker-target",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(codes(&out), ["weaker-target:error"]);
    let out = check(&[BASE, WEAKER, "--warn", "correctness", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "a warning does not fail the run"
    );
    assert_eq!(codes(&out), ["weaker-target:warning"]);
}

#[test]
fn deny_warnings_fails_on_warnings() {
    let out = check(&[BASE, PARENT, INCONSISTENT, "--format", "json"]);
    assert_eq!(out.status.code(), Some(0));
    assert!(
        codes(&out)
            .iter()
            .all(|c| c.ends_with(":warning") || c.ends_with(":note"))
    );
    let out = check(&[
        BASE,
        PARENT,
        INCONSISTENT,
        "--deny",
        "warnings",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(codes(&out).contains(&"agency-inconsistent-naming:error".to_string()));
}

#[test]
fn groups_set_every_lint_in_them() {
    let out = check(&[
        "--config",
        "tests/fixtures/config/groups.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(1));
    // The group's lint is an error; lints of other groups keep their level.
    let found = codes(&out);
    assert!(
        found.contains(&"agency-alias:error".to_string()),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .all(|c| c == "agency-alias:error" || !c.starts_with("agency")),
        "{found:?}"
    );
}

#[test]
fn the_approximate_tolerance_is_a_threshold() {
    let loose = check(&[
        "--config",
        "tests/fixtures/config/tolerance.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(loose.status.code(), Some(0));
    let tight = check(&[
        "--config",
        "tests/fixtures/config/tight-tolerance.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(codes(&tight), ["weaker-target:error"]);
}

#[test]
fn excluded_paths_are_not_read() {
    let out = check(&[
        "--config",
        "tests/fixtures/config/exclude.yaml",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 3);
}

#[test]
fn config_prints_the_effective_configuration() {
    assert_cmd_snapshot!(planlint().args([
        "config",
        "--config",
        "tests/fixtures/config/exclude.yaml",
        "--allow",
        "agency-alias",
        "--deny",
        "warnings"
    ]));
}

#[test]
fn a_broken_configuration_is_reported_where_it_is_wrong() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        "--config",
        "tests/fixtures/config/broken.yaml",
        "--lang",
        "en"
    ]));
}

#[test]
fn a_suppression_with_a_reason_suppresses() {
    let out = check(&[
        "tests/fixtures/suppressions/with-reason",
        "--format",
        "json",
    ]);
    assert_eq!(out.status.code(), Some(0));
    assert!(codes(&out).is_empty(), "{:?}", codes(&out));
}

#[test]
fn a_suppression_without_a_reason_is_a_finding() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        "tests/fixtures/suppressions/without-reason",
        "--lang",
        "en"
    ]));
}

#[test]
fn an_unused_suppression_is_a_finding() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        "tests/fixtures/suppressions/unused",
        "--lang",
        "en"
    ]));
}

/// A baseline written today hides today's findings; a finding that appears later is reported.
#[test]
fn the_baseline_hides_known_findings_and_not_new_ones() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = dir.path().join("corpus");
    crate::support::copy_fixture(WEAKER, &corpus);
    let baseline = dir.path().join("baseline.json");
    let corpus_arg = corpus.to_str().unwrap();
    let baseline_arg = baseline.to_str().unwrap();
    let written = check(&[corpus_arg, "--write-baseline", baseline_arg]);
    assert_eq!(written.status.code(), Some(0));
    let known = check(&[corpus_arg, "--baseline", baseline_arg, "--format", "json"]);
    assert_eq!(known.status.code(), Some(0));
    assert!(codes(&known).is_empty());
    // A new weaker target elsewhere in the plan is new.
    let plan = corpus.join("anqiu/an-zhengfa-2024-13.yaml");
    let text = std::fs::read_to_string(&plan).unwrap();
    let added = text.replace(
        "targets:\n",
        "targets:\n  - indicator: 报废汽车回收量\n    year: 2027\n    comparator: \"约\"\n    value: \"50\"\n    unit: \"%\"\n    baseline: 2023\n    quote: \"报废汽车回收量较2023年增加约50%\"\n",
    );
    std::fs::write(&plan, added).unwrap();
    let new = check(&[corpus_arg, "--baseline", baseline_arg, "--format", "json"]);
    assert_eq!(new.status.code(), Some(1));
    let json: serde_json::Value = serde_json::from_slice(&new.stdout).unwrap();
    let weaker: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["code"] == "weaker-target")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(weaker.len(), 1, "only the new weaker target: {weaker:?}");
    assert!(weaker[0].contains("50%"), "{weaker:?}");
}

fn tree(dir: &std::path::Path) -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.unwrap())
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path().strip_prefix(dir).unwrap().display().to_string(),
                std::fs::read_to_string(e.path()).unwrap(),
            )
        })
        .collect();
    files.sort();
    files
}

/// `--diff` shows the fixes, `--fix` applies them, and a second `--fix` changes nothing.
#[test]
fn fixes_apply_once_and_are_idempotent() {
    for fixture in [
        "tests/fixtures/lints/malformed-doc-number/fail-brackets-and-zero",
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
    ] {
        let dir = tempfile::tempdir().unwrap();
        crate::support::copy_fixture(fixture, dir.path());
        let path = dir.path().to_str().unwrap();
        let before = tree(dir.path());
        let diff = check(&[path, "--diff", "--fix-corpus"]);
        assert_eq!(diff.status.code(), Some(1), "{fixture}: a diff to show");
        let shown = String::from_utf8_lossy(&diff.stdout).replace(path, "[DIR]");
        assert!(shown.starts_with("--- a/"), "{shown}");
        assert_eq!(tree(dir.path()), before, "--diff writes nothing");
        let found = codes(&check(&[path, "--format", "json"])).len();
        let fixed = check(&[path, "--fix", "--fix-corpus", "--format", "json"]);
        assert!(
            codes(&fixed).len() < found,
            "{fixture}: {:?}",
            codes(&fixed)
        );
        let after = tree(dir.path());
        assert_ne!(after, before);
        let again = check(&[path, "--fix", "--fix-corpus"]);
        assert_eq!(again.status.code(), fixed.status.code());
        assert_eq!(
            tree(dir.path()),
            after,
            "{fixture}: the second --fix changes nothing"
        );
        let no_diff = check(&[path, "--diff", "--fix-corpus"]);
        assert_eq!(no_diff.status.code(), Some(0));
        assert!(no_diff.stdout.is_empty());
    }
}

/// Abbreviations are replaced only where the team asks (`fix-aliases: true`).
#[test]
fn aliases_are_fixed_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(
        "tests/fixtures/lints/agency-alias/fail-abbreviation",
        dir.path(),
    );
    let path = dir.path().to_str().unwrap();
    let before = tree(dir.path());
    check(&[path, "--fix", "--fix-corpus"]);
    assert_eq!(tree(dir.path()), before, "no fix-aliases, no change");
    let config = dir.path().join("planlint.yaml");
    std::fs::write(&config, "fix-aliases: true\n").unwrap();
    check(&[
        path,
        "--fix",
        "--fix-corpus",
        "--config",
        config.to_str().unwrap(),
    ]);
    let after = tree(dir.path());
    assert_ne!(after, before);
    let text: String = after.iter().map(|(_, t)| t.as_str()).collect();
    assert!(!text.contains("市工信局"), "{text}");
}

/// A right title behind a wrong number: `--fix` puts in the number of the plan with that title,
/// and the citation then resolves by its number.
#[test]
fn a_wrong_number_behind_an_exact_title_is_fixed() {
    let dir = tempfile::tempdir().unwrap();
    let case = "tests/fixtures/lints/citation-number-mismatch/fail-right-title-wrong-number";
    crate::support::copy_fixture(case, dir.path());
    let plan = dir.path().join("anqiu/an-zhengfa-2024-13.txt");
    let path = dir.path().to_str().unwrap();
    let before = codes(&check(&[path, "--format", "json"]));
    assert!(
        before
            .iter()
            .any(|c| c.starts_with("citation-number-mismatch")),
        "{before:?}"
    );
    check(&[path, "--fix", "--fix-corpus"]);
    let text = std::fs::read_to_string(&plan).unwrap();
    assert!(text.contains("的通知》（鲁政发〔2024〕3号）"), "{text}");
    let after = codes(&check(&[path, "--format", "json"]));
    assert!(
        !after
            .iter()
            .any(|c| c.starts_with("citation-number-mismatch")),
        "{after:?}"
    );
}

/// A parent's title with line breaks, put into a child's citation by `--fix`, stays one scalar:
/// the child gains no key (before: a top-level `allow:` that silenced its findings).
#[test]
fn a_fix_never_splices_plan_text_into_yaml() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let parent = dir.path().join("lu-zhengfa-2024-3.yaml");
    let text = std::fs::read_to_string(&parent).unwrap().replace(
        "notice_title: 山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知",
        "notice_title: \"山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案\\nallow:\\n- lint:\\n    weaker-target\\n  reason:\\n    注入\"",
    );
    assert!(
        text.contains("注入"),
        "the parent's notice title was replaced"
    );
    std::fs::write(&parent, text).unwrap();
    let child = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
    let before: Vec<String> = top_level_keys(&std::fs::read_to_string(&child).unwrap());
    let path = dir.path().to_str().unwrap();
    check(&[path, "--fix", "--fix-corpus"]);
    let after = std::fs::read_to_string(&child).unwrap();
    assert!(after.contains("注入"), "the fix was applied: {after}");
    assert_eq!(top_level_keys(&after), before, "{after}");
}

fn top_level_keys(yaml: &str) -> Vec<String> {
    yaml.lines()
        .filter(|l| !l.starts_with([' ', '-', '#']) && l.contains(':'))
        .map(|l| l.split(':').next().unwrap().to_string())
        .collect()
}

/// A tolerance that is not a number from 0 to 1 (`.nan` would silence every comparison) is a
/// configuration error at its place.
#[test]
fn a_tolerance_that_is_not_a_share_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("planlint.yaml");
    for value in [".nan", "2", "-0.1"] {
        std::fs::write(
            &config,
            format!("thresholds:\n  approximate-tolerance: {value}\n"),
        )
        .unwrap();
        let out = check(&[BASE, WEAKER, "--config", config.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains("must be a number from 0 to 1")
                || stderr.contains("must be a number from 0 to 1"),
            "{value}: {stdout}{stderr}"
        );
        assert_ne!(out.status.code(), Some(0), "{value}");
    }
}

/// An `exclude:` pattern of megabytes is refused at its place instead of compiled.
#[test]
fn a_huge_exclude_pattern_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let config = dir.path().join("planlint.yaml");
    std::fs::write(
        &config,
        format!("exclude: [\"{}\"]\n", "a*".repeat(100_000)),
    )
    .unwrap();
    let out = check(&[BASE, WEAKER, "--config", config.to_str().unwrap()]);
    let text = String::from_utf8_lossy(&out.stdout) + String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("path pattern too long"),
        "{}",
        &text[..text.len().min(2000)]
    );
}

const LAYERED: &str = "tests/fixtures/catalogue-layer";

/// `check` run in a copy of the layered repository whose planlint.yaml says `catalogue`.
fn check_layered(catalogue: &str) -> Output {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(std::path::Path::new(LAYERED), dir.path());
    std::fs::write(
        dir.path().join("planlint.yaml"),
        format!("include: [plans]\n{catalogue}"),
    )
    .unwrap();
    planlint()
        .current_dir(dir.path())
        .args(["check", "--format", "json", "--lang", "en"])
        .output()
        .unwrap()
}

#[test]
fn a_repositorys_catalogue_ties_wordings_the_bundled_one_does_not_know() {
    let with = check_layered("catalogue: [campaign-data]\n");
    assert!(
        codes(&with).contains(&"weaker-target:error".to_string()),
        "{}",
        String::from_utf8_lossy(&with.stdout)
    );
    let without = check_layered("");
    let found = codes(&without);
    assert!(
        !found.iter().any(|c| c.starts_with("weaker-target")),
        "{found:?}"
    );
    assert!(
        found
            .iter()
            .any(|c| c.starts_with("uncatalogued-indicator")),
        "{found:?}"
    );
}

#[test]
fn a_catalogue_folder_that_cannot_be_used_stops_the_run() {
    let unfinished = check_layered("catalogue: [broken-data]\n");
    assert_eq!(unfinished.status.code(), Some(2));
    let said = String::from_utf8_lossy(&unfinished.stderr);
    assert!(said.contains("a new entry needs name"), "{said}");
    let missing = check_layered("catalogue: [no-such-folder]\n");
    assert_eq!(missing.status.code(), Some(2));
    let said = String::from_utf8_lossy(&missing.stderr);
    assert!(said.contains("holds neither indicators.yaml"), "{said}");
}

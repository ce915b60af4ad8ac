//! The command line end to end: arguments, exit codes, output formats and bad input.

use insta_cmd::assert_cmd_snapshot;

use crate::support::planlint;

#[test]
fn check_bad_input_reports_each_file_and_checks_the_rest() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        "tests/fixtures/cli/bad-input",
        "--lang",
        "en"
    ]));
}

#[test]
fn check_bad_input_in_chinese() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        "tests/fixtures/cli/bad-input",
        "--lang",
        "zh",
        "--select",
        "weaker-target"
    ]));
}

#[test]
fn check_json_is_stable() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        crate::support::BASE,
        "tests/fixtures/lints/weaker-target/fail-growth-below-parent",
        "--format",
        "json",
        "--lang",
        "en",
    ]));
}

#[test]
fn clean_corpus_exits_zero() {
    assert_cmd_snapshot!(planlint().args([
        "check",
        crate::support::BASE,
        "tests/fixtures/lints/weaker-target/pass-equal-or-stronger",
        "--lang",
        "en",
        "--ignore",
        "uncatalogued-indicator",
    ]));
}

#[test]
fn language_follows_the_locale() {
    let mut cmd = planlint();
    cmd.env("LANG", "zh_CN.UTF-8").args([
        "check",
        crate::support::BASE,
        crate::support::PARENT,
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        "--select",
        "citation-title-mismatch",
    ]);
    assert_cmd_snapshot!(cmd);
}

#[test]
fn missing_path_exits_two() {
    assert_cmd_snapshot!(planlint().args(["check", "no/such/folder"]));
}

#[test]
fn unknown_lint_exits_two_with_a_suggestion() {
    assert_cmd_snapshot!(planlint().args(["check", "plans", "--select", "weaker-targets"]));
}

#[test]
fn usage_error_exits_two() {
    assert_cmd_snapshot!(planlint().args(["check", "--format", "xml"]));
}

#[test]
fn empty_folder_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let output = planlint()
        .args(["check", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8(output.stdout).unwrap();
    assert!(stdout.contains("no plan files found"), "{stdout}");
}

#[test]
fn explain_prints_the_docs() {
    assert_cmd_snapshot!(planlint().args(["explain", "weaker-target"]));
}

#[test]
fn explain_in_one_language() {
    assert_cmd_snapshot!(planlint().args(["explain", "citation-title-mismatch", "--lang", "zh"]));
}

#[test]
fn explain_all_lists_every_lint() {
    assert_cmd_snapshot!(planlint().args(["explain", "--all"]));
}

#[test]
fn explain_json() {
    assert_cmd_snapshot!(planlint().args(["explain", "dangling-agency", "--format", "json"]));
}

#[test]
fn explain_unknown_code() {
    assert_cmd_snapshot!(planlint().args(["explain", "dangling-agencies"]));
}

#[test]
fn every_lint_explains() {
    for lint in planlint::lints::ALL {
        let output = planlint()
            .args(["explain", lint.code().as_str()])
            .output()
            .unwrap();
        assert!(output.status.success(), "{}", lint.code().as_str());
        let text = String::from_utf8(output.stdout).unwrap();
        assert!(
            text.starts_with(&format!("# {} (", lint.code().as_str())),
            "{text}"
        );
    }
}

#[test]
fn the_first_screen_shows_the_errors() {
    let out = planlint()
        .args(["check", "plans", "--lang", "en"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let headings: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with(|c: char| c.is_ascii_lowercase()))
        .collect();
    let errors = headings.iter().filter(|h| h.starts_with("error[")).count();
    assert!(errors > 0);
    assert!(
        headings[..errors].iter().all(|h| h.starts_with("error[")),
        "errors come first: {headings:?}"
    );
    let first_screen: String = text.lines().take(40).collect::<Vec<_>>().join("\n");
    insta::assert_snapshot!(first_screen);
}

#[test]
fn quiet_and_min_level_narrow_what_is_shown() {
    let levels = |args: &[&str]| {
        let out = planlint()
            .args(["check", "plans", "--format", "json"])
            .args(args)
            .output()
            .unwrap();
        let mut seen: Vec<String> = crate::support::json_diagnostics(&out.stdout)
            .iter()
            .map(|d| d["severity"].as_str().unwrap().to_string())
            .collect();
        seen.dedup();
        (out.status.code(), seen)
    };
    let (all_status, all) = levels(&[]);
    assert!(all.contains(&"note".to_string()));
    let (quiet_status, quiet) = levels(&["--quiet"]);
    assert_eq!(quiet, ["error"]);
    assert_eq!(quiet_status, all_status, "the exit code does not change");
    let (_, warnings) = levels(&["--min-level", "warning"]);
    assert!(warnings.iter().all(|s| s != "note"), "{warnings:?}");
    assert!(warnings.contains(&"warning".to_string()));
}

/// A long source line (a paragraph on one line, a long YAML quote) is shown as a window around
/// what it points at, sized to the output: in 80 columns no snippet line runs past the edge.
#[test]
fn long_lines_are_windowed_to_the_terminal() {
    use unicode_width::UnicodeWidthStr;
    for columns in [80, 120] {
        let out = planlint()
            .args(["check", "plans"])
            .env("COLUMNS", columns.to_string())
            .output()
            .unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let snippet_lines: Vec<&str> = text
            .lines()
            .filter(|l| l.contains(" │ ") || l.contains(" · "))
            .collect();
        assert!(snippet_lines.len() > 20, "{text}");
        for line in snippet_lines {
            assert!(
                line.width() <= columns,
                "{} columns in {columns}: {line}",
                line.width()
            );
        }
    }
}

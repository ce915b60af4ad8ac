//! What a new user trusts or not, item by item: a citation's title compared by its substance,
//! a fix that never makes a plan worse and that `git apply` takes, an issued text left alone,
//! a baseline that says what it hides, a stray file that is not a plan, the reviewer's Word
//! copy, the parent's figure in view, `compare` in a narrow terminal and the HTML report.

use std::path::Path;

use serde_json::Value;

use crate::support::{copy_fixture, json_diagnostics, planlint, root};

/// `check DRAFT --corpus plans` run from `dir` (the project root), with `extra` flags.
fn check_in(dir: &Path, draft: &str, extra: &[&str]) -> std::process::Output {
    planlint()
        .current_dir(dir)
        .args(["check", draft, "--corpus"])
        .arg(root().join("plans"))
        .args(["--lang", "en"])
        .args(extra)
        .output()
        .unwrap()
}

/// `check .` of the corpus in `dir`, in English, with `extra` flags.
fn check_corpus(dir: &Path, extra: &[&str]) -> std::process::Output {
    planlint()
        .current_dir(dir)
        .args(["check", ".", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap()
}

/// The titles a text cites, in order: whatever stands inside 《》.
fn cited_titles(text: &str) -> Vec<String> {
    let mut titles = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('《') {
        let after = &rest[open + '《'.len_utf8()..];
        let Some(close) = after.find('》') else {
            break;
        };
        titles.push(after[..close].to_string());
        rest = &after[close + '》'.len_utf8()..];
    }
    titles
}

fn with_code<'a>(findings: &'a [Value], code: &str) -> Vec<&'a Value> {
    findings.iter().filter(|d| d["code"] == code).collect()
}

/// A draft of 安丘市 that cites its two parents as real drafts write them.
fn anqiu_draft(citations: &str) -> String {
    format!(
        "安丘市人民政府关于印发安丘市推动大规模设备更新和消费品以旧换新实施方案的通知\n\
         为贯彻落实{citations}精神，结合我市实际，制定本方案。\n\
         一、主要目标\n到2027年，规模以上工业企业关键工序数控化率超过75%。\n"
    )
}

/// Item 2: the issuer outside 《》, an abbreviated issuer, any inner brackets or none, and
/// 的通知 or not are one title: no finding, and nothing for `--fix` to change.
#[test]
fn item_2_a_title_written_any_official_way_is_the_same_title() {
    let dir = tempfile::tempdir().unwrap();
    let draft = anqiu_draft(
        "国务院《关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知》（国发〔2024〕7号）、\
         《国务院关于印发<推动大规模设备更新和消费品以旧换新行动方案>的通知》（国发〔2024〕7号）、\
         《关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》（国发〔2024〕7号）、\
         《推动大规模设备更新和消费品以旧换新行动方案》（国发〔2024〕7号）、\
         省政府《关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号）、\
         《省政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号）和\
         《山东省人民政府关于印发〈山东省推动大规模设备更新和消费品以旧换新实施方案〉》（鲁政发〔2024〕3号）",
    );
    std::fs::write(dir.path().join("draft.txt"), &draft).unwrap();
    let out = check_in(dir.path(), "draft.txt", &["--format", "json"]);
    let findings = json_diagnostics(&out.stdout);
    assert!(
        with_code(&findings, "citation-title-mismatch").is_empty(),
        "{findings:#?}"
    );
    let cited = with_code(&findings, "unresolved-citation");
    assert!(cited.is_empty(), "every citation resolves: {cited:#?}");
    let diff = check_in(dir.path(), "draft.txt", &["--diff"]);
    assert_eq!(diff.status.code(), Some(0), "no fix to offer");
    assert!(diff.stdout.is_empty());
}

/// Item 1: a wrong title against a verified one is fixed inside 《》 only, the issuer written
/// outside kept where it is and never doubled.
#[test]
fn item_1_a_title_fix_replaces_the_text_inside_the_marks_only() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    std::fs::write(
        &path,
        anqiu_draft(
            "国务院《关于印发〈推动大规模设备更新和消费品以旧换新实施方案〉的通知》（国发〔2024〕7号）",
        ),
    )
    .unwrap();
    let out = check_in(dir.path(), "draft.txt", &["--format", "json"]);
    let findings = json_diagnostics(&out.stdout);
    let mismatch = with_code(&findings, "citation-title-mismatch");
    assert_eq!(mismatch.len(), 1, "{findings:#?}");
    assert_eq!(mismatch[0]["severity"], "warning", "a verified title");
    check_in(dir.path(), "draft.txt", &["--fix"]);
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert!(
        fixed.contains(
            "国务院《关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知》（国发〔2024〕7号）"
        ),
        "{fixed}"
    );
    assert!(!fixed.contains("国务院《国务院"), "{fixed}");
}

/// Item 1: a title the corpus has not verified is a note at most, and never a fix.
#[test]
fn item_1_an_unverified_title_is_a_note_and_no_fix() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-unverified-title",
        dir.path(),
    );
    let out = planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let findings = json_diagnostics(&out.stdout);
    let mismatch = with_code(&findings, "citation-title-mismatch");
    assert_eq!(mismatch.len(), 1, "{findings:#?}");
    assert_eq!(mismatch[0]["severity"], "note");
    let diff = planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--diff", "--fix-corpus"])
        .output()
        .unwrap();
    assert!(
        !String::from_utf8_lossy(&diff.stdout).contains("title:"),
        "{}",
        String::from_utf8_lossy(&diff.stdout)
    );
}

/// Item 3: `--diff` names files relative to the project root, so `git apply` takes it.
#[test]
fn item_3_git_apply_takes_the_diff() {
    let dir = tempfile::tempdir().unwrap();
    let git = |args: &[&str]| crate::support::git(dir.path(), args);
    git(&["init", "-q"]);
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    let draft = dir.path().join("drafts/anqiu.txt");
    std::fs::write(
        &draft,
        anqiu_draft(
            "《山东省关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》（鲁政发〔2024〕3号）\
             和《国务院关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》（国发〔2024〕07号）",
        ),
    )
    .unwrap();
    // Given as an absolute path, shown relative to the project root all the same.
    let out = check_in(dir.path(), draft.to_str().unwrap(), &["--diff"]);
    let diff = String::from_utf8_lossy(&out.stdout).into_owned();
    assert!(
        diff.starts_with("--- a/drafts/anqiu.txt\n+++ b/drafts/anqiu.txt\n"),
        "{diff}"
    );
    let patch = dir.path().join("fix.patch");
    std::fs::write(&patch, &diff).unwrap();
    git(&["apply", "--check", "fix.patch"]);
    git(&["apply", "fix.patch"]);
    let applied = std::fs::read_to_string(&draft).unwrap();
    assert!(applied.contains("（国发〔2024〕7号）"), "{applied}");
    assert!(
        applied.contains(
            "《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》"
        ),
        "{applied}"
    );
}

/// Item 4: an issued plan of the corpus is never rewritten unless `--fix-corpus` asks, and the
/// run says how many fixes it held back.
#[test]
fn item_4_an_issued_plan_is_fixed_only_with_fix_corpus() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let plan = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
    let before = std::fs::read_to_string(&plan).unwrap();
    let run = |extra: &[&str]| check_corpus(dir.path(), extra);
    let diff = run(&["--diff"]);
    assert!(
        diff.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&diff.stdout)
    );
    let held = String::from_utf8_lossy(&diff.stderr).into_owned();
    assert!(
        held.contains("1 fixes in issued texts or parent plans were left alone"),
        "{held}"
    );
    run(&["--fix"]);
    assert_eq!(std::fs::read_to_string(&plan).unwrap(), before);
    run(&["--fix", "--fix-corpus"]);
    assert_ne!(std::fs::read_to_string(&plan).unwrap(), before);
}

/// Done when: over every real text of the seeds and the development sets checked as a draft
/// against `plans/`, `citation-title-mismatch` fires only where the title's substance differs
/// (the one seed that calls 鲁政发〔2024〕3号 a 行动方案: it is a 实施方案), and `--fix` leaves
/// every other cited title as it was.
#[test]
fn done_when_every_real_draft_keeps_its_right_citations() {
    let shared = root().join("../shared");
    let mut texts: Vec<std::path::PathBuf> =
        ["seeds", "devset/texts", "devset-campaigns/ai-plus/texts"]
            .iter()
            .flat_map(|d| std::fs::read_dir(shared.join(d)).unwrap())
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
    texts.sort();
    assert!(texts.len() >= 39, "{} texts", texts.len());
    let mut mismatches = Vec::new();
    let mut changed = Vec::new();
    for text in &texts {
        let name = text.file_name().unwrap().to_string_lossy().into_owned();
        let dir = tempfile::tempdir().unwrap();
        let copy = dir.path().join(&name);
        std::fs::copy(text, &copy).unwrap();
        let out = check_in(dir.path(), &name, &["--format", "json"]);
        for d in with_code(&json_diagnostics(&out.stdout), "citation-title-mismatch") {
            mismatches.push(format!("{name}: {}", d["message_en"].as_str().unwrap()));
        }
        let before = cited_titles(&std::fs::read_to_string(&copy).unwrap());
        check_in(dir.path(), &name, &["--fix"]);
        let after = cited_titles(&std::fs::read_to_string(&copy).unwrap());
        assert_eq!(before.len(), after.len(), "{name}: a citation lost");
        for (b, a) in before.iter().zip(&after) {
            if b != a {
                changed.push(format!("{name}: 《{}》 → 《{a}》", b.replace('\n', "")));
            }
        }
    }
    assert_eq!(
        mismatches,
        ["001_b6a09a290bf98e56.txt: the title given for 鲁政发〔2024〕3号 is not its real title"]
    );
    assert_eq!(
        changed,
        [
            "001_b6a09a290bf98e56.txt: 《山东省关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》 → 《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》"
        ]
    );
}

/// Item 5: a baseline says how many findings it hides, and `--no-baseline` (or
/// `--baseline /dev/null`) shows them all.
#[test]
fn item_5_the_baseline_says_what_it_hides() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let run = |extra: &[&str]| check_corpus(dir.path(), extra);
    let all = json_diagnostics(&run(&["--format", "json"]).stdout).len();
    assert!(all > 0);
    run(&["--write-baseline", "baseline.json"]);
    let hidden = run(&["--baseline", "baseline.json"]);
    let stdout = String::from_utf8_lossy(&hidden.stdout).into_owned();
    assert!(
        stdout.contains(&format!(
            "0 errors, 0 warnings, 0 notes (4 files checked); {all} known findings hidden by the baseline"
        )),
        "{stdout}"
    );
    let json: Value =
        serde_json::from_slice(&run(&["--baseline", "baseline.json", "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["summary"]["hidden_by_baseline"], all);
    // planlint.yaml names the baseline; --no-baseline leaves it aside.
    std::fs::write(
        dir.path().join("planlint.yaml"),
        "baseline: baseline.json\n",
    )
    .unwrap();
    let configured = run(&["--format", "json"]);
    assert_eq!(json_diagnostics(&configured.stdout).len(), 0);
    for shown_all in [
        run(&["--no-baseline", "--format", "json"]),
        run(&["--baseline", "/dev/null", "--format", "json"]),
    ] {
        assert_eq!(
            json_diagnostics(&shown_all.stdout).len(),
            all,
            "{}",
            String::from_utf8_lossy(&shown_all.stderr)
        );
    }
}

/// Item 6: a stray note in the corpus is skipped with a note, never an error; a text that is
/// a plan still is one.
#[test]
fn item_6_a_stray_note_is_not_a_plan() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/pass-quotes-and-plan-title",
        dir.path(),
    );
    let run = || {
        planlint()
            .current_dir(dir.path())
            .args(["check", ".", "--lang", "en", "--format", "json"])
            .output()
            .unwrap()
    };
    let clean = run();
    let before = json_diagnostics(&clean.stdout);
    std::fs::write(
        dir.path().join("notes.md"),
        "# 整理说明\n\n- 待补充各县材料\n- 下周核对引文\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("anqiu/todo.txt"),
        "TODO: ask the county office\n",
    )
    .unwrap();
    let out = run();
    assert_eq!(out.status, clean.status, "a stray file makes no error");
    let findings = json_diagnostics(&out.stdout);
    let skipped: Vec<&str> = with_code(&findings, "not-a-plan")
        .iter()
        .map(|d| d["location"]["file"].as_str().unwrap())
        .collect();
    assert_eq!(skipped, ["anqiu/todo.txt", "notes.md"], "{findings:#?}");
    let others: Vec<&Value> = findings
        .iter()
        .filter(|d| d["code"] != "not-a-plan")
        .collect();
    assert_eq!(
        others,
        before.iter().collect::<Vec<_>>(),
        "nothing else changed"
    );
    // A text with a title is a plan, checked as one (here: cut short after its heading).
    std::fs::write(
        dir.path().join("draft.md"),
        "安丘市推动大规模设备更新和消费品以旧换新实施方案\n\n一、主要目标\n",
    )
    .unwrap();
    let findings = json_diagnostics(&run().stdout);
    assert_eq!(with_code(&findings, "not-a-plan").len(), 2);
    let on_draft: Vec<&Value> = findings
        .iter()
        .filter(|d| d["location"]["file"] == "draft.md")
        .collect();
    assert!(
        on_draft.iter().any(|d| d["code"] == "truncated-text"),
        "{on_draft:#?}"
    );
}

/// A draft of 平度市 (青岛市, whose plan the corpus lacks) with a weaker target, a note or two
/// and a help that speaks to the repository's maintainer (omitted-target's `not_applicable:`).
const PINGDU: &str = "平度市人民政府关于印发平度市推动大规模设备更新和消费品以旧换新实施方案的通知\n\
    为贯彻落实《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》\
    （鲁政发〔2024〕3号）精神，结合我市实际，制定本方案。\n\
    一、主要目标\n\
    到2027年，规模以上工业企业关键工序数控化率超过70%，规模以上工业企业数字化研发设计工具普及率超过92%。\n\
    二、重点任务\n（一）推进设备更新。牵头单位：市工信局\n";

/// One part of a .docx, as text.
pub(crate) fn docx_part(path: &Path, name: &str) -> String {
    let file = std::fs::File::open(path).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut part = archive.by_name(name).unwrap();
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

/// The reviewer's Word copy of `PINGDU` (with `extra` flags), run in `dir`: the copy's path and
/// the findings.
fn word_copy(dir: &Path, extra: &[&str]) -> (std::path::PathBuf, Vec<Value>) {
    std::fs::write(dir.join("pingdu.txt"), PINGDU).unwrap();
    let out_path = dir.join("pingdu-reviewed.docx");
    let _ = std::fs::remove_file(&out_path);
    let out = planlint()
        .current_dir(dir)
        .args(["check", "pingdu.txt", "--corpus"])
        .arg(root().join("plans"))
        .args(["--format", "json", "--annotate", "pingdu-reviewed.docx"])
        .args(extra)
        .output()
        .unwrap();
    assert!(
        out_path.is_file(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    (out_path, json_diagnostics(&out.stdout))
}

/// Item 7: the Word copy holds errors and warnings only (notes with `--annotate-level note`),
/// its help never names planlint's files, keys or flags, and its appendix's columns fit their
/// content in rows that never split across pages.
#[test]
fn item_7_the_word_copy_speaks_to_the_reviewer() {
    let dir = tempfile::tempdir().unwrap();
    let (copy, findings) = word_copy(dir.path(), &["--lang", "zh"]);
    let comments = docx_part(&copy, "word/comments.xml");
    let count = comments.matches("<w:comment ").count();
    let serious = findings.iter().filter(|d| d["severity"] != "note").count();
    assert!(serious >= 2 && serious < findings.len(), "{findings:#?}");
    assert_eq!(count, serious, "errors and warnings only");
    for internal in [
        "plans/",
        "status:",
        "not_applicable",
        ".yaml",
        "旁注",
        "--jurisdiction",
    ] {
        assert!(!comments.contains(internal), "{internal} in {comments}");
    }
    assert!(comments.contains("建议："), "{comments}");
    let (copy, _) = word_copy(dir.path(), &["--lang", "zh", "--annotate-level", "note"]);
    let all = docx_part(&copy, "word/comments.xml")
        .matches("<w:comment ")
        .count();
    assert_eq!(
        all,
        findings.len(),
        "every finding with --annotate-level note"
    );
    let document = docx_part(&copy, "word/document.xml");
    let appendix = &document[document.find("<w:tbl>").unwrap()..];
    let rows = appendix.matches("<w:tr>").count();
    assert!(rows >= 3, "{appendix}");
    assert_eq!(appendix.matches("<w:cantSplit/>").count(), rows);
    let widths: Vec<u32> = appendix[..appendix.find("</w:tblGrid>").unwrap()]
        .split("<w:gridCol w:w=\"")
        .skip(1)
        .map(|w| w[..w.find('"').unwrap()].parse().unwrap())
        .collect();
    assert!(widths.len() >= 4, "{widths:?}");
    // 指标 (the longest wording) is wider than 年份 (four digits).
    assert!(widths[0] > 2 * widths[1], "{widths:?}");
    assert!(widths.iter().sum::<u32>() <= 8844, "{widths:?}");
}

/// Item 7: with no `lang:` and a locale that names no language (a CI machine, a container),
/// the terminal, the HTML report and the Word copy are all Chinese; `lang: en` makes them all
/// English, whatever the locale.
#[test]
fn item_7_every_output_speaks_the_same_language() {
    for (config, locale, zh) in [
        (None, "C.UTF-8", true),
        (Some("lang: en\n"), "zh_CN.UTF-8", false),
    ] {
        let dir = tempfile::tempdir().unwrap();
        if let Some(config) = config {
            std::fs::write(dir.path().join("planlint.yaml"), config).unwrap();
        }
        std::fs::write(dir.path().join("pingdu.txt"), PINGDU).unwrap();
        let run = |args: &[&str]| {
            let out = planlint()
                .current_dir(dir.path())
                .env("LANG", locale)
                .args(args)
                .arg("--corpus")
                .arg(root().join("plans"))
                .output()
                .unwrap();
            String::from_utf8_lossy(&out.stdout).into_owned()
        };
        let terminal = run(&["check", "pingdu.txt", "--annotate", "copy.docx"]);
        let html = run(&["compare", "pingdu.txt", "--format", "html"]);
        let comments = docx_part(&dir.path().join("copy.docx"), "word/comments.xml");
        let said = [
            (
                "terminal",
                terminal.contains("个错误") || terminal.contains("个警告"),
            ),
            (
                "html",
                html.contains("审查报告") && html.contains("lang=\"zh-CN\""),
            ),
            (
                "word",
                comments.contains("警告[") || comments.contains("错误["),
            ),
        ];
        for (output, chinese) in said {
            assert_eq!(chinese, zh, "{output} with {config:?} and LANG={locale}");
        }
    }
}

/// Item 8: a parent's long `quote:` is shown around its figure: the snippet's line holds
/// 28%, the figure the label speaks of, in an 80-column terminal.
#[test]
fn item_8_the_parents_figure_is_in_view() {
    let out = planlint()
        .args(["check", "plans"])
        .env("COLUMNS", "80")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned();
    let lines: Vec<&str> = text.lines().collect();
    let labels: Vec<usize> = lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.contains("╰── parent: at least +28% on 2023"))
        .map(|(i, _)| i)
        .collect();
    assert!(!labels.is_empty(), "{text}");
    for at in labels {
        let snippet = lines[at - 2];
        assert!(snippet.contains("增长28%"), "{snippet}");
    }
}

/// Item 9: `compare` fits the terminal's width (`COLUMNS`), wrapping the wide columns in their
/// cells; piped with no `COLUMNS`, each row stays on one line.
#[test]
fn item_9_compare_fits_the_terminal() {
    use unicode_width::UnicodeWidthStr;
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pingdu.txt"), PINGDU).unwrap();
    let compare = |columns: Option<&str>| {
        let mut command = planlint();
        command.current_dir(dir.path()).env_remove("COLUMNS");
        if let Some(columns) = columns {
            command.env("COLUMNS", columns);
        }
        let out = command
            .args(["compare", "pingdu.txt", "--lang", "zh", "--corpus"])
            .arg(root().join("plans"))
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let indicator = "规模以上工业企业数字化研发设计工具普及率";
    for columns in [60, 80] {
        let table = compare(Some(&columns.to_string()));
        for line in table.lines().skip(2) {
            assert!(line.width() <= columns, "{columns}: {line}\n{table}");
        }
        assert!(!table.contains(indicator), "wrapped in {columns}: {table}");
    }
    let piped = compare(None);
    assert!(piped.lines().any(|l| l.starts_with(indicator)), "{piped}");
}

/// Item 10: the HTML report lists findings in the terminal's order (errors, warnings, notes),
/// names the plan once, and shows the level of the chain the corpus has no plan for.
#[test]
fn item_10_the_html_report_reads_like_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("pingdu.txt"), PINGDU).unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args([
            "compare",
            "pingdu.txt",
            "--format",
            "html",
            "--lang",
            "en",
            "--corpus",
        ])
        .arg(root().join("plans"))
        .output()
        .unwrap();
    let html = String::from_utf8_lossy(&out.stdout).into_owned();
    let order: Vec<&str> = html
        .split("<li class=\"")
        .skip(1)
        .map(|item| &item[..item.find('"').unwrap()])
        .collect();
    let rank = |s: &str| {
        ["error", "warning", "note"]
            .iter()
            .position(|r| *r == s)
            .unwrap()
    };
    assert!(order.len() >= 3, "{html}");
    assert!(
        order.windows(2).all(|w| rank(w[0]) <= rank(w[1])),
        "{order:?}"
    );
    let heading = &html[html.find("<h2>").unwrap()..html.find("</h2>").unwrap()];
    assert_eq!(
        heading
            .matches("平度市推动大规模设备更新和消费品以旧换新实施方案")
            .count(),
        1,
        "{heading}"
    );
    assert!(
        html.contains(
            "<div class=\"skipped\">青岛市: no plan of this level in the corpus, skipped</div>"
        ),
        "{html}"
    );
}

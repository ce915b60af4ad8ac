//! `planlint compare`: seed 000 (安丘) against the bundled corpus, in each format.

use crate::support::{planlint, succeeded};

const SEED: &str = "../shared/seeds/000_b8cfb847e5d8f2e6.txt";

/// `planlint compare SEED --corpus plans --jurisdiction 安丘市`, to be given a format.
fn compare_seed() -> std::process::Command {
    let mut command = planlint();
    // Piped with no COLUMNS: the table at its natural width (trust.rs tests the fitted one).
    command.env_remove("COLUMNS").args([
        "compare",
        SEED,
        "--corpus",
        "plans",
        "--jurisdiction",
        "安丘市",
    ]);
    command
}

fn compare(format: &str, lang: &str) -> Option<String> {
    if !std::path::Path::new(SEED).is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is beside the checkout in CI"
        );
        return None;
    }
    let out = succeeded(
        compare_seed()
            .args(["--format", format, "--lang", lang])
            .output()
            .unwrap(),
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The table a reviewer reads: 报废汽车回收量 weaker (约30% against 约一倍), 数控化率 equal,
/// absolute figures not compared, each ancestor's value in its column.
#[test]
fn seed_000_against_the_corpus() {
    let Some(table) = compare("table", "zh") else {
        return;
    };
    let row = |indicator: &str| {
        table
            .lines()
            .find(|l| l.starts_with(indicator) && l.contains("2027"))
            .unwrap_or_else(|| panic!("no {indicator} row:\n{table}"))
            .to_string()
    };
    assert!(row("报废汽车回收量").ends_with("弱于上级"), "{table}");
    assert!(row("报废汽车回收量").contains("较2023年增长约30%"));
    assert!(
        row("规模以上工业企业关键工序数控化率").ends_with("与上级相同"),
        "{table}"
    );
    insta::assert_snapshot!("compare_table_zh", table);
    for (format, lang) in [("markdown", "en"), ("csv", "zh")] {
        let text = compare(format, lang).unwrap();
        insta::assert_snapshot!(format!("compare_{format}_{lang}"), text);
    }
}

/// The whole corpus in one CSV: every plan's rows under one heading, all of one width.
#[test]
fn the_corpus_as_one_csv() {
    let out = succeeded(
        planlint()
            .args(["compare", "plans", "--format", "csv", "--lang", "en"])
            .output()
            .unwrap(),
    );
    let mut reader = csv::Reader::from_reader(out.stdout.as_slice());
    let headers = reader.headers().unwrap().clone();
    let width = headers.len();
    assert_eq!(&headers[1], "campaign");
    let verdict = headers.iter().position(|h| h == "verdict").unwrap();
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.len() > 50, "{} rows", rows.len());
    assert!(rows.iter().all(|r| r.len() == width));
    assert!(rows.iter().any(|r| &r[verdict] == "weaker"));
    assert!(
        rows.iter()
            .all(|r| &r[1] == "大规模设备更新和消费品以旧换新"),
        "every bundled plan is of the equipment-renewal campaign"
    );
}

/// The offline review report: one file, no script and no network reference, the weaker row and
/// the finding marked in the text; it opens in headless Chromium as it is.
#[test]
fn the_review_report_works_offline() {
    let Some(html) = compare("html", "zh") else {
        return;
    };
    for reference in ["http://", "https://", "<script", "<link", "@import", "src="] {
        assert!(!html.contains(reference), "{reference}");
    }
    assert!(html.contains("Content-Security-Policy"));
    assert!(
        html.contains("<tr class=\"weaker\"><td>报废汽车回收量</td><td>2027</td>"),
        "{html}"
    );
    assert!(
        html.contains("<mark class=\"error\" title=\"weaker-target:"),
        "{html}"
    );
    assert!(html.contains("<div class=\"chain\">\n<div>国发〔2024〕7号（中华人民共和国）</div>"));
    if let Some(chromium) = crate::graph::tool("chromium") {
        let dir = tempfile::tempdir().unwrap();
        let page = dir.path().join("report.html");
        std::fs::write(&page, &html).unwrap();
        let dom =
            crate::graph::dump_dom(&chromium, dir.path(), &format!("file://{}", page.display()));
        assert!(
            dom.contains("上位方案目标对照表") && dom.contains("<mark"),
            "{dom}"
        );
    }
}

/// `--format docx -o table.docx`: the tables as a Word document python-docx reads, with the
/// verdicts of the terminal table.
#[test]
fn the_table_as_a_word_document() {
    if compare("table", "zh").is_none() {
        return;
    }
    let Some(python) = crate::graph::tool("python3") else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("table.docx");
    let status = compare_seed()
        .args(["--format", "docx", "--lang", "zh", "-o"])
        .arg(&out)
        .status()
        .unwrap();
    assert!(status.success());
    let read = std::process::Command::new(python)
        .args([
            "-c",
            "import docx, sys; d = docx.Document(sys.argv[1]); print(d.paragraphs[0].text); [print('\\t'.join(c.text for c in r.cells)) for t in d.tables for r in t.rows]",
        ])
        .arg(&out)
        .output()
        .unwrap();
    if !read.status.success() {
        assert!(
            std::env::var_os("CI").is_none(),
            "python-docx is required in CI"
        );
        return;
    }
    let text = String::from_utf8(read.stdout).unwrap();
    assert!(text.starts_with("上位方案目标对照表\n"), "{text}");
    let row = |indicator: &str| {
        text.lines()
            .find(|l| l.starts_with(indicator) && l.contains("\t2027\t"))
            .unwrap_or_else(|| panic!("{indicator}:\n{text}"))
            .to_string()
    };
    assert!(row("报废汽车回收量").ends_with("\t弱于上级"));
    assert!(row("规模以上工业企业关键工序数控化率").ends_with("\t与上级相同"));
    // Without -o it refuses rather than write a zip to the terminal.
    let refused = compare_seed().args(["--format", "docx"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(2));
    assert!(refused.stdout.is_empty());
}

/// The row of 报废汽车回收量 in `compare --format json` with `args`, and whether `check` with the
/// same arguments reports it weaker.
fn scrapped_vehicles(args: &[&str]) -> (serde_json::Value, bool) {
    let run = |command: &str| {
        let out = planlint()
            .args([command, "--format", "json", "--lang", "en"])
            .args(args)
            .output()
            .unwrap();
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };
    let table = run("compare");
    let row = table["tables"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|t| t["rows"].as_array().unwrap().iter())
        .find(|r| r["indicator"] == "报废汽车回收量" && r["value"].is_object())
        .cloned()
        .expect("the row");
    let weaker = run("check")["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .any(|d| d["code"] == "weaker-target");
    (row, weaker)
}

/// What `check` decides, the table says: a shortfall within the approximate tolerance is equal
/// in both, and one whose lint is allowed is still weaker in the table, marked allowed.
#[test]
fn the_table_says_what_check_decided() {
    let (row, weaker) = scrapped_vehicles(&["--config", "tests/fixtures/config/tolerance.yaml"]);
    assert!(!weaker);
    assert_eq!(row["verdict"], "equal", "{row}");
    assert_eq!(row["tolerance"], 0.8, "{row}");
    assert_eq!(
        row["conclusion"],
        "equal (within the approximate tolerance of 80%)"
    );
    let (row, weaker) = scrapped_vehicles(&[
        crate::support::BASE,
        "tests/fixtures/lints/weaker-target/fail-growth-below-parent",
        "--allow",
        "weaker-target",
    ]);
    assert!(!weaker);
    assert_eq!(row["verdict"], "weaker", "{row}");
    assert_eq!(row["standing"], "allowed", "{row}");
    assert_eq!(row["conclusion"], "weaker (allowed by planlint.yaml)");
    // The review report reads the same row.
    let html = planlint()
        .args([
            "compare",
            "--format",
            "html",
            "--lang",
            "en",
            "--allow",
            "weaker-target",
        ])
        .args([
            crate::support::BASE,
            "tests/fixtures/lints/weaker-target/fail-growth-below-parent",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&html.stdout).contains("weaker (allowed by planlint.yaml)"));
    let (row, weaker) = scrapped_vehicles(&[
        crate::support::BASE,
        "tests/fixtures/lints/weaker-target/fail-growth-below-parent",
    ]);
    assert!(weaker);
    assert_eq!(
        (&row["standing"], &row["severity"]),
        (&"reported".into(), &"error".into())
    );
}

#[test]
fn a_file_inside_the_corpus_gets_its_own_table_only() {
    let out = planlint()
        .args([
            "compare",
            "plans/shandong/lu-zhengfa-2024-3.yaml",
            "--format",
            "json",
        ])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let files: Vec<&str> = json["tables"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["file"].as_str().unwrap())
        .collect();
    assert_eq!(files, ["plans/shandong/lu-zhengfa-2024-3.yaml"]);
}

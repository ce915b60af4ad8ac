//! PDF and OFD drafts read as their text is: the same findings as the .txt they were printed
//! from, each at the page and printed line where it stands, and the reviewer's PDF copy with a
//! highlight on each finding's characters.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::graph::{python_with, tool};
use crate::producers;
use crate::support::{json_diagnostics, planlint, root};

/// The draft of the tests: a real county plan (seed 001), which gets findings of several
/// kinds on two pages.
pub(crate) fn draft_text(dir: &Path) -> PathBuf {
    let text = dir.join("draft.txt");
    std::fs::copy(
        root().join("../shared/seeds/001_b6a09a290bf98e56.txt"),
        &text,
    )
    .unwrap();
    text
}

fn check_json(draft: &Path) -> Vec<serde_json::Value> {
    let out = planlint()
        .args(["check", "--corpus", "plans", "--format", "json"])
        .arg(draft)
        .output()
        .unwrap();
    assert!(
        out.status.code().is_some_and(|c| c < 2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    json_diagnostics(&out.stdout)
}

/// Code and English message of each finding, in order.
fn findings(diagnostics: &[serde_json::Value]) -> Vec<(String, String)> {
    diagnostics
        .iter()
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_string(),
                d["message_en"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// What poppler's pdftotext reads from page `page` of `pdf` with `options`.
fn pdftotext(pdf: &Path, page: &str, options: &[String]) -> Option<String> {
    let out = Command::new(tool("pdftotext")?)
        .args(["-f", page, "-l", page])
        .args(options)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    Some(String::from_utf8_lossy(&out.stdout).into_owned())
}

/// The non-blank lines of page `page` as poppler prints them.
fn printed_lines(pdf: &Path, page: u64) -> Option<Vec<String>> {
    Some(
        pdftotext(pdf, &page.to_string(), &["-layout".to_string()])?
            .lines()
            .map(|l| l.split_whitespace().collect::<String>())
            .filter(|l| !l.is_empty() && !l.starts_with('\u{c}'))
            .collect(),
    )
}

/// The text planlint reads from a document.
pub(crate) fn text_read(document: &Path) -> String {
    let out = planlint()
        .args(["extract", "--format", "text"])
        .arg(document)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// Each finding of `pdf` is the .txt's, and stands on the page and printed line it names:
/// poppler's line there holds the start of what the finding underlines.
fn same_findings_where_printed(txt: &Path, pdf: &Path) {
    let from_text = check_json(txt);
    let from_pdf = check_json(pdf);
    assert_eq!(
        findings(&from_pdf),
        findings(&from_text),
        "{}",
        pdf.display()
    );
    let read = text_read(pdf);
    for finding in &from_pdf {
        let location = &finding["location"];
        let page = location["page"]
            .as_u64()
            .expect("a PDF finding names its page");
        let line = location["page_line"]
            .as_u64()
            .expect("and its printed line") as usize;
        let start = location["offset"].as_u64().unwrap() as usize;
        let underlined: String = read[start..]
            .chars()
            .filter(|c| !c.is_whitespace())
            .take(4)
            .collect();
        let Some(lines) = printed_lines(pdf, page) else {
            return;
        };
        assert!(
            lines[line - 1].contains(&underlined),
            "{}: page {page} line {line} is {:?}, not where {underlined:?} is",
            finding["code"],
            lines[line - 1]
        );
    }
}

/// The draft printed by `producer` gets the findings of its text where they are printed.
fn printed_by(producer: fn(&Path, &Path) -> Option<PathBuf>) {
    let dir = tempfile::tempdir().unwrap();
    let txt = draft_text(dir.path());
    let out = dir.path().join("pdf");
    std::fs::create_dir(&out).unwrap();
    if let Some(pdf) = producer(&txt, &out) {
        same_findings_where_printed(&txt, &pdf);
    }
}

#[test]
fn a_libreoffice_pdf_gets_the_findings_of_its_text_where_they_are_printed() {
    printed_by(producers::libreoffice);
}

#[test]
fn a_chromium_pdf_gets_the_findings_of_its_text_where_they_are_printed() {
    printed_by(producers::chromium);
}

/// Prints a text to a document in a folder, when the tool it needs is here.
type Printer = dyn Fn(&Path, &Path) -> Option<PathBuf>;

/// `check --annotate copy draft`, which must write the copy: the findings it marks (errors
/// and warnings), two at least.
pub(crate) fn annotated(draft: &Path, copy: &Path) -> Vec<serde_json::Value> {
    let out = planlint()
        .env("SOURCE_DATE_EPOCH", "1733443200")
        .args([
            "check",
            "--corpus",
            "plans",
            "--format",
            "json",
            "--annotate",
        ])
        .arg(copy)
        .arg(draft)
        .output()
        .unwrap();
    assert!(copy.is_file(), "{}", String::from_utf8_lossy(&out.stderr));
    let shown: Vec<serde_json::Value> = json_diagnostics(&out.stdout)
        .into_iter()
        .filter(|d| d["severity"] != "note")
        .collect();
    assert!(shown.len() >= 2, "the draft has warnings to mark");
    shown
}

/// What `extract` reads of a document's tasks (their agencies) and targets.
fn tasks_and_targets(document: &Path) -> (serde_json::Value, Vec<serde_json::Value>) {
    let out = planlint()
        .args(["extract", "--format", "json"])
        .arg(document)
        .output()
        .unwrap();
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let targets = record["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| serde_json::json!([t["indicator"], t["year"], t["value"], t["unit"]]))
        .collect();
    (record["tasks"].clone(), targets)
}

/// A plan whose tasks are a ruled table (seed 003: 序号 · 重点任务 · 工作内容 · 牵头单位 ·
/// 责任单位, rows taller than a page, cells that wrap) is read row by row from each producer's
/// PDF, and from an OFD whose rules are `PathObject`s: each task's lead and responsible
/// agencies and every target, as from its text.
#[test]
fn a_ruled_task_table_is_read_row_by_row_from_each_producers_pdf_and_an_ofd() {
    let dir = tempfile::tempdir().unwrap();
    let txt = dir.path().join("tables.txt");
    std::fs::copy(
        root().join("../shared/seeds/003_1a79ad6570a2e408.txt"),
        &txt,
    )
    .unwrap();
    let expected = tasks_and_targets(&txt);
    assert!(expected.0.as_array().unwrap().len() > 50);
    let reportlab = |txt: &Path, out: &Path| producers::reportlab(txt, out, &[]);
    let ofd = |txt: &Path, out: &Path| {
        let pages = producers::ofd_pages(&std::fs::read_to_string(txt).unwrap(), 30);
        let ofd = out.join("tables.ofd");
        std::fs::write(&ofd, producers::ofd(&pages, Some("济南市人民政府文件"))).unwrap();
        Some(ofd)
    };
    let printers: [(&str, &Printer); 4] = [
        ("libreoffice", &producers::libreoffice),
        ("chromium", &producers::chromium),
        ("reportlab", &reportlab),
        ("ofd", &ofd),
    ];
    for (name, print) in printers {
        let out = dir.path().join(name);
        std::fs::create_dir(&out).unwrap();
        let Some(pdf) = print(&txt, &out) else {
            continue;
        };
        let read = tasks_and_targets(&pdf);
        assert_eq!(read.0, expected.0, "{name}: tasks");
        assert_eq!(read.1, expected.1, "{name}: targets");
    }
}

#[test]
fn a_pdf_in_a_predefined_cjk_cmap_with_running_heads_and_two_columns_gets_the_findings_of_its_text()
{
    let dir = tempfile::tempdir().unwrap();
    let txt = draft_text(dir.path());
    for (folder, options) in [
        ("plain", &[][..]),
        ("furnished", &["--headerfooter", "--twocol"][..]),
    ] {
        let out = dir.path().join(folder);
        std::fs::create_dir(&out).unwrap();
        let Some(pdf) = producers::reportlab(&txt, &out, options) else {
            return;
        };
        assert_eq!(
            findings(&check_json(&pdf)),
            findings(&check_json(&txt)),
            "{folder}"
        );
        // The running head and the page numbers are not read as text.
        let read = text_read(&pdf);
        if folder == "furnished" {
            assert!(!read.contains("— 2 —"), "{read}");
        }
    }
}

#[test]
fn an_ofd_gets_the_findings_of_its_text_at_its_page_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let txt = draft_text(dir.path());
    let text = std::fs::read_to_string(&txt).unwrap();
    let ofd = dir.path().join("draft.ofd");
    let pages = producers::ofd_pages(&text, 30);
    std::fs::write(&ofd, producers::ofd(&pages, Some("临清市人民政府文件"))).unwrap();
    let from_ofd = check_json(&ofd);
    assert_eq!(findings(&from_ofd), findings(&check_json(&txt)));
    let read = text_read(&ofd);
    assert!(
        !read.contains("临清市人民政府文件") && !read.contains("— 1 —"),
        "running heads are not text"
    );
    // Each line of the text read is a printed line with text: the page and line each finding
    // names are where the builder printed its line of the text.
    let printed: Vec<(u64, u64)> = pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| {
            lines
                .iter()
                .filter(|block| !matches!(block, producers::Block::Line(l) if l.trim().is_empty()))
                .enumerate()
                .map(move |(line, _)| (page as u64 + 1, line as u64 + 1))
        })
        .collect();
    assert_eq!(read.lines().count(), printed.len());
    for finding in &from_ofd {
        let location = &finding["location"];
        let line = location["line"].as_u64().unwrap() as usize;
        let named = (
            location["page"].as_u64().unwrap(),
            location["page_line"].as_u64().unwrap(),
        );
        assert_eq!(named, printed[line - 1], "{finding}");
    }
}

#[test]
fn the_reviewers_pdf_highlights_each_finding_on_its_characters() {
    let dir = tempfile::tempdir().unwrap();
    let txt = draft_text(dir.path());
    let Some(pdf) = producers::libreoffice(&txt, dir.path()) else {
        return;
    };
    let Some(python) = python_with("import pypdf", "pypdf") else {
        return;
    };
    let copy = dir.path().join("reviewed.pdf");
    let shown = annotated(&pdf, &copy);
    // Each annotation as pypdf reads it: its author, its note and its rectangle.
    let read = Command::new(python)
        .arg("-c")
        .arg(
            "import json, sys, pypdf\n\
             r = pypdf.PdfReader(sys.argv[1])\n\
             out = []\n\
             for n, page in enumerate(r.pages):\n\
             \x20   for a in page.get('/Annots') or []:\n\
             \x20       a = a.get_object()\n\
             \x20       out.append({'page': n + 1, 'subtype': a['/Subtype'], 'author': a['/T'], 'note': a['/Contents'], 'rect': [float(x) for x in a['/Rect']], 'height': float(page.mediabox.top)})\n\
             print(json.dumps(out))",
        )
        .arg(&copy)
        .output()
        .unwrap();
    assert!(
        read.status.success(),
        "{}",
        String::from_utf8_lossy(&read.stderr)
    );
    let annotations: Vec<serde_json::Value> = serde_json::from_slice(&read.stdout).unwrap();
    assert_eq!(annotations.len(), shown.len(), "one annotation per finding");
    let text = text_read(&pdf);
    for (annotation, finding) in annotations.iter().zip(&shown) {
        assert_eq!(annotation["subtype"], "/Highlight");
        assert_eq!(annotation["author"], "planlint");
        let code = finding["code"].as_str().unwrap();
        assert!(
            annotation["note"].as_str().unwrap().contains(code),
            "{annotation}"
        );
        assert_eq!(annotation["page"], finding["location"]["page"]);
        // What poppler reads inside the highlight is what the finding underlines.
        let (start, length) = (
            finding["location"]["offset"].as_u64().unwrap() as usize,
            finding["location"]["length"].as_u64().unwrap() as usize,
        );
        let underlined: String = text[start..start + length].split_whitespace().collect();
        let Some(inside) = crop(&copy, annotation) else {
            return;
        };
        assert!(
            inside.contains(&underlined) || underlined.contains(&inside),
            "{code}: the highlight holds {inside:?}, the finding {underlined:?}"
        );
    }
    // The page content is the draft's, and poppler draws the highlights over it.
    if let Some(pdftoppm) = tool("pdftoppm") {
        let render = |hide: bool| {
            let mut command = Command::new(&pdftoppm);
            command.args(["-r", "30", "-f", "1", "-l", "1", "-gray"]);
            if hide {
                command.arg("-hide-annotations");
            }
            command.arg(&copy).output().unwrap().stdout
        };
        assert_ne!(
            render(false),
            render(true),
            "the highlights show on the page"
        );
        let original = Command::new(&pdftoppm)
            .args(["-r", "30", "-f", "1", "-l", "1", "-gray"])
            .arg(&pdf)
            .output()
            .unwrap()
            .stdout;
        assert!(!original.is_empty());
        assert_eq!(render(true), original, "the page itself is unchanged");
    }
}

/// The text poppler reads inside an annotation's rectangle, spaces left out.
fn crop(pdf: &Path, annotation: &serde_json::Value) -> Option<String> {
    let rect: Vec<f64> = annotation["rect"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let height = annotation["height"].as_f64().unwrap();
    let page = annotation["page"].to_string();
    // A highlight over lines of one paragraph is their union: poppler reads its whole box.
    let options = [
        "-r".to_string(),
        "72".to_string(),
        "-x".to_string(),
        format!("{}", rect[0].floor()),
        "-y".to_string(),
        format!("{}", (height - rect[3]).floor()),
        "-W".to_string(),
        format!("{}", (rect[2] - rect[0]).ceil()),
        "-H".to_string(),
        format!("{}", (rect[3] - rect[1]).ceil()),
    ];
    Some(
        pdftotext(pdf, &page, &options)?
            .split_whitespace()
            .collect(),
    )
}

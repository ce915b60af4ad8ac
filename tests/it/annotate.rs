//! `check DRAFT --annotate OUT.docx`: the draft back with a Word comment at each finding, read
//! by real clients. python-docx reads the comments and the text each is anchored on; LibreOffice
//! converts the copy to PDF with the comments as page annotations; every part of the draft the
//! comments do not need is copied byte for byte.

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::graph::tool;
use crate::support::planlint;

const SEED: &str = "../shared/seeds/000_b8cfb847e5d8f2e6.txt";

/// Python with python-docx (1.2 or later: it reads comments) and pypdf.
fn python() -> Option<PathBuf> {
    crate::graph::python_with(
        "import docx, pypdf; assert hasattr(docx.document.Document, 'comments')",
        "python-docx >= 1.2 with pypdf",
    )
}

fn seed() -> Option<&'static Path> {
    let seed = Path::new(SEED);
    if !seed.is_file() {
        assert!(
            std::env::var_os("CI").is_none(),
            "../shared is beside the checkout in CI"
        );
        return None;
    }
    Some(seed)
}

/// Runs a helper script of tests/tools and parses its JSON.
fn script(python: &Path, name: &str, args: &[&Path]) -> Value {
    let out = Command::new(python)
        .arg(format!("tests/tools/{name}"))
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    if out.stdout.is_empty() {
        return Value::Null;
    }
    serde_json::from_slice(&out.stdout).unwrap()
}

/// `check DRAFT --corpus plans --jurisdiction 安丘市 --annotate OUT --format json` in a reviewer's
/// Chinese locale: the findings as JSON, and the exit code.
fn annotate(draft: &Path, out: &Path, extra: &[&str]) -> (Value, Option<i32>) {
    let run = planlint()
        .env("LANG", "zh_CN.UTF-8")
        .arg("check")
        .arg(draft)
        .args([
            "--corpus",
            "plans",
            "--jurisdiction",
            "安丘市",
            "--format",
            "json",
        ])
        .arg("--annotate")
        .arg(out)
        .args(extra)
        .output()
        .unwrap();
    let json = serde_json::from_slice(&run.stdout).unwrap_or(Value::Null);
    assert!(
        run.stderr.is_empty() || run.status.code() == Some(2),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    (json, run.status.code())
}

/// The text a finding underlines, from the draft's text.
fn span_text(text: &str, finding: &Value) -> String {
    let location = &finding["location"];
    let start = location["offset"].as_u64().unwrap() as usize;
    let len = location["length"].as_u64().unwrap() as usize;
    text[start..start + len].to_string()
}

/// Every error and warning has a comment by planlint anchored on the characters it underlines
/// (its span's lines are the document's paragraphs, joined here by line breaks); notes stay in
/// the terminal unless `--annotate-level note`.
fn each_finding_is_a_comment(findings: &Value, comments: &[Value], text: &str) {
    let ours: Vec<&Value> = comments
        .iter()
        .filter(|c| c["author"] == "planlint")
        .collect();
    let findings: Vec<&Value> = findings["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] != "note")
        .collect();
    assert_eq!(ours.len(), findings.len());
    for (finding, comment) in findings.iter().zip(&ours) {
        let comment_text = comment["text"].as_str().unwrap();
        assert!(
            comment_text.contains(finding["code"].as_str().unwrap())
                && comment_text.contains(finding["message_zh"].as_str().unwrap()),
            "{comment_text}"
        );
        assert_eq!(
            comment["anchored"],
            span_text(text, finding),
            "{comment_text}"
        );
    }
}

/// Seed 000 as a Word user's .docx (styles, a header, bold first characters, a table naming a
/// body that does not exist, a colleague's comment, tracked changes): the copy has the
/// dangling-agency comment in the table cell and the weaker-target comment on the
/// 报废汽车回收量 sentence with 鲁政发〔2024〕3号's sentence, keeps everything else, and
/// LibreOffice converts it to PDF with the comment on the page of that sentence.
#[test]
fn a_word_draft_gets_its_comments_and_keeps_the_rest() {
    let (Some(seed), Some(python)) = (seed(), python()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let draft = dir.path().join("anqiu-draft.docx");
    let out = dir.path().join("anqiu-draft.reviewed.docx");
    script(&python, "rich_docx.py", &[seed, &draft]);
    let (findings, code) = annotate(&draft, &out, &[]);
    assert_eq!(code, Some(1), "the weaker target is an error");
    let read = script(&python, "docx_comments.py", &[&out]);
    let comments = read["comments"].as_array().unwrap();
    // The colleague's comment, the tracked changes, the table and the header are still there.
    assert_eq!(comments[0]["author"], "审核人");
    assert_eq!(comments[0]["text"], "请核对文号");
    assert_eq!(read["tracked_changes"], 2);
    assert_eq!(read["tables"], 2, "the draft's table and the appendix");
    assert_eq!(read["headers"][0], "送审稿 · 内部资料");
    let draft_bytes = std::fs::read(&draft).unwrap();
    let text = planlint_text(&draft);
    each_finding_is_a_comment(&findings, comments, &text);
    let weaker = comments
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("weaker-target"))
        .unwrap();
    let weaker_text = weaker["text"].as_str().unwrap();
    assert!(weaker_text.contains("报废汽车回收量"), "{weaker_text}");
    assert!(weaker_text.contains("鲁政发〔2024〕3号"), "{weaker_text}");
    assert!(
        weaker_text.contains("“报废汽车回收量较2023年增加约一倍”"),
        "{weaker_text}"
    );
    assert_eq!(weaker["anchored"], "报废\n 汽车回收量较 2023 年增加约 30%");
    // A finding in a table cell is anchored in the cell.
    let in_cell = comments
        .iter()
        .find(|c| c["text"].as_str().unwrap().contains("dangling-agency"))
        .unwrap();
    assert_eq!(in_cell["anchored"], "市设备更新管理局");
    assert_eq!(in_cell["in_table"], true);
    untouched_parts_are_copied(&draft_bytes, &std::fs::read(&out).unwrap());
    converts_with_the_comment(&python, &out, "增加约 30%");
}

/// The draft's text as planlint reads it.
fn planlint_text(draft: &Path) -> String {
    let corpus = planlint::ingest::load(&[draft.to_path_buf()], None).unwrap();
    let (_, file) = corpus
        .sources
        .iter()
        .find(|(_, f)| f.path.file_name() == draft.file_name())
        .unwrap();
    file.text.to_string()
}

/// Parts other than the document, the comments, the document's relationships and the content
/// types are the same stored bytes (compressed data and CRC) in both packages.
fn untouched_parts_are_copied(before: &[u8], after: &[u8]) {
    let touched = [
        "word/document.xml",
        "word/comments.xml",
        "word/_rels/document.xml.rels",
        "[Content_Types].xml",
    ];
    let mut before = zip::ZipArchive::new(std::io::Cursor::new(before)).unwrap();
    let mut after = zip::ZipArchive::new(std::io::Cursor::new(after)).unwrap();
    let mut compared = 0;
    for i in 0..before.len() {
        let mut old = before.by_index_raw(i).unwrap();
        let name = old.name().unwrap().into_owned();
        if touched.contains(&name.as_str()) {
            continue;
        }
        let (crc, mut old_bytes) = (old.crc32(), Vec::new());
        old.read_to_end(&mut old_bytes).unwrap();
        drop(old);
        let mut new = after.by_name_raw(name.as_bytes()).unwrap();
        let mut new_bytes = Vec::new();
        assert_eq!(new.crc32(), crc, "{name}");
        new.read_to_end(&mut new_bytes).unwrap();
        assert_eq!(new_bytes, old_bytes, "{name}");
        compared += 1;
    }
    assert!(
        compared >= 5,
        "styles, settings, header, fonts, theme: {compared}"
    );
}

/// LibreOffice converts the copy to PDF with its comments as annotations, one on the page
/// showing `sentence`.
fn converts_with_the_comment(python: &Path, docx: &Path, sentence: &str) {
    let (Some(soffice), Some(pdftotext)) = (tool("soffice"), tool("pdftotext")) else {
        return;
    };
    let dir = docx.parent().unwrap();
    let profile = dir.join("lo-profile");
    let status = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to"])
        .arg(r#"pdf:writer_pdf_Export:{"ExportNotes":{"type":"boolean","value":"true"}}"#)
        .arg("--outdir")
        .arg(dir)
        .arg(docx)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let pdf = docx.with_extension("pdf");
    assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&status.stderr));
    let notes = script(python, "pdf_comments.py", &[&pdf]);
    let note = notes
        .as_array()
        .unwrap()
        .iter()
        .find(|n| n["text"].as_str().unwrap().contains("weaker-target"))
        .unwrap_or_else(|| panic!("{notes}"));
    let page = note["page"].as_u64().unwrap().to_string();
    let text = Command::new(pdftotext)
        .args(["-f", &page, "-l", &page])
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(text.contains(sentence), "page {page}:\n{text}");
}

/// A text draft becomes a plain .docx with the same comments; the output is the same bytes
/// each time; an existing file (the draft included) is replaced only with --force.
#[test]
fn a_text_draft_becomes_a_plain_docx_with_comments() {
    let (Some(seed), Some(python)) = (seed(), python()) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("anqiu.docx");
    let (findings, code) = annotate(seed, &out, &[]);
    assert_eq!(code, Some(1));
    let first = std::fs::read(&out).unwrap();
    let read = script(&python, "docx_comments.py", &[&out]);
    let text = std::fs::read_to_string(seed).unwrap();
    each_finding_is_a_comment(&findings, read["comments"].as_array().unwrap(), &text);
    // Not over an existing file unasked; the same bytes when asked again.
    let (_, code) = annotate(seed, &out, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(std::fs::read(&out).unwrap(), first);
    let (_, code) = annotate(seed, &out, &["--force"]);
    assert_eq!(code, Some(1));
    assert_eq!(std::fs::read(&out).unwrap(), first, "deterministic");
    // Never onto the draft itself without --force.
    let draft = dir.path().join("draft.txt");
    std::fs::copy(seed, &draft).unwrap();
    let (_, code) = annotate(&draft, &draft, &[]);
    assert_eq!(code, Some(2));
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), text);
    converts_with_the_comment(&python, &out, "增加约 30%");
}

/// The appendix: 上位方案目标对照表 with 报废汽车回收量 weaker and 数控化率 equal.
#[test]
fn the_copy_ends_with_the_comparison_table() {
    let Some(seed) = seed() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("anqiu.docx");
    annotate(seed, &out, &[]);
    let text = planlint_text(&out);
    let appendix = &text[text.find("上位方案目标对照表").unwrap()..];
    let row = |indicator: &str| {
        appendix
            .lines()
            .find(|l| l.starts_with(indicator) && l.contains("2027"))
            .unwrap_or_else(|| panic!("{indicator}:\n{appendix}"))
    };
    assert!(row("报废汽车回收量").ends_with("弱于上级"));
    assert!(row("规模以上工业企业关键工序数控化率").ends_with("与上级相同"));
}

//! Fixed-layout test documents made from plain text the way reviewers receive them: PDFs from
//! LibreOffice, from Chromium's print to PDF and from reportlab with a non-embedded CJK font
//! (`STSong-Light`, the predefined CMap `UniGB-UCS2-H`, no `ToUnicode`: older Chinese PDFs),
//! and OFDs built following GB/T 33190 ([`crate::ofd_builder`]). LibreOffice and Chromium print one HTML page
//! (`tests/tools/page_html.py`), reportlab sets the text itself; each sets the text's tab
//! separated lines as ruled tables, as the plan was printed before it was taken to text.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::graph::{python_with, tool};

/// The PDF a producer made of `text` in `dir`, which it must have made (its stderr says why
/// not).
fn made(text: &Path, dir: &Path, out: &std::process::Output) -> Option<PathBuf> {
    let pdf = pdf_of(text, dir);
    assert!(pdf.is_file(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(pdf)
}

fn pdf_of(text: &Path, dir: &Path) -> PathBuf {
    dir.join(text.with_extension("pdf").file_name().unwrap())
}

/// `text` as the HTML page LibreOffice and Chromium print, in `dir`.
fn html_page(text: &Path, dir: &Path) -> Option<PathBuf> {
    let python = tool("python3")?;
    let page = dir.join(text.with_extension("html").file_name().unwrap());
    let out = Command::new(python)
        .arg(crate::support::root().join("tests/tools/page_html.py"))
        .arg(text)
        .arg(&page)
        .output()
        .unwrap();
    assert!(page.is_file(), "{}", String::from_utf8_lossy(&out.stderr));
    Some(page)
}

/// `text` printed to PDF by LibreOffice, in `dir`.
pub(crate) fn libreoffice(text: &Path, dir: &Path) -> Option<PathBuf> {
    let soffice = tool("soffice")?;
    let pages = tempfile::tempdir().unwrap();
    let page = html_page(text, pages.path())?;
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(soffice)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.path().display()
        ))
        // Writer's HTML filter, not Writer/Web's, which sets a long first paragraph off the page.
        .args([
            "--headless",
            "--infilter=HTML (StarWriter)",
            "--convert-to",
            "pdf:writer_pdf_Export",
            "--outdir",
        ])
        .arg(dir)
        .arg(page)
        .output()
        .unwrap();
    made(text, dir, &out)
}

/// `text` in an HTML page printed to PDF by headless Chromium, in `dir`.
pub(crate) fn chromium(text: &Path, dir: &Path) -> Option<PathBuf> {
    let chromium = tool("chromium")?;
    let pages = tempfile::tempdir().unwrap();
    let page = html_page(text, pages.path())?;
    let pdf = pdf_of(text, dir);
    let profile = tempfile::tempdir().unwrap();
    let out = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", pdf.display()))
        .arg(format!("file://{}", page.display()))
        .output()
        .unwrap();
    made(text, dir, &out)
}

/// `text` set by reportlab in STSong-Light, optionally with a running head and foot on every
/// page and in two columns, in `dir`.
pub(crate) fn reportlab(text: &Path, dir: &Path, options: &[&str]) -> Option<PathBuf> {
    let python = python_with("import reportlab", "reportlab")?;
    let script = crate::support::root().join("tests/tools/pdf_reportlab.py");
    let out = Command::new(python)
        .arg(script)
        .args(options)
        .arg(dir)
        .arg(text)
        .output()
        .unwrap();
    made(text, dir, &out)
}

pub(crate) use crate::ofd_builder::{Block, ofd, ofd_pages};

//! Fixed-layout test documents made from plain text the way reviewers receive them: PDFs from
//! LibreOffice, from Chromium's print to PDF and from reportlab with a non-embedded CJK font
//! (`STSong-Light`, the predefined CMap `UniGB-UCS2-H`, no `ToUnicode`: older Chinese PDFs),
//! and OFDs built here following GB/T 33190. LibreOffice and Chromium print one HTML page
//! (`tests/tools/page_html.py`), reportlab sets the text itself; each sets the text's tab
//! separated lines as ruled tables, as the plan was printed before it was taken to text.

use std::io::Write as _;
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
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
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

/// The lines of `text` wrapped at the width of A4 as a typesetter would (mid-sentence and
/// mid-number), `per_page` to a page.
pub(crate) fn ofd_pages(text: &str, per_page: usize) -> Vec<Vec<String>> {
    let wrapped: Vec<String> = text
        .lines()
        .flat_map(|line| {
            let chars: Vec<char> = line.chars().collect();
            if chars.is_empty() {
                return vec![String::new()];
            }
            chars.chunks(36).map(|c| c.iter().collect()).collect()
        })
        .collect();
    wrapped
        .chunks(per_page.max(1))
        .map(<[String]>::to_vec)
        .collect()
}

/// `pages` as an OFD, each page with a running head (`head`) and a page number foot (`— N —`)
/// when `head` is given: `OFD.xml` names `Doc_0/Document.xml`, which lists
/// `Pages/Page_N/Content.xml`, each line one `TextObject` with its `TextCode` and `DeltaX`, in
/// millimetres on A4.
pub(crate) fn ofd(pages: &[Vec<String>], head: Option<&str>) -> Vec<u8> {
    const SIZE: f64 = 4.2;
    let mut buffer = std::io::Cursor::new(Vec::new());
    let mut zip = zip::ZipWriter::new(&mut buffer);
    let options = zip::write::SimpleFileOptions::default();
    let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    zip.start_file("OFD.xml", options).unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:OFD {ns} DocType=\"OFD\" Version=\"1.0\">\
         <ofd:DocBody><ofd:DocInfo><ofd:DocID>planlint-test</ofd:DocID></ofd:DocInfo>\
         <ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>"
    )
    .unwrap();
    let page_list: String = (0..pages.len())
        .map(|i| {
            format!(
                "<ofd:Page ID=\"{}\" BaseLoc=\"Pages/Page_{i}/Content.xml\"/>",
                i + 10
            )
        })
        .collect();
    zip.start_file("Doc_0/Document.xml", options).unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Document {ns}><ofd:CommonData>\
         <ofd:MaxUnitID>100000</ofd:MaxUnitID><ofd:PageArea><ofd:PhysicalBox>0 0 210 297</ofd:PhysicalBox>\
         </ofd:PageArea><ofd:PublicRes>PublicRes.xml</ofd:PublicRes></ofd:CommonData>\
         <ofd:Pages>{page_list}</ofd:Pages></ofd:Document>"
    )
    .unwrap();
    zip.start_file("Doc_0/PublicRes.xml", options).unwrap();
    write!(
        zip,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Res {ns} BaseLoc=\"Res\"><ofd:Fonts>\
         <ofd:Font ID=\"2\" FontName=\"宋体\" FamilyName=\"宋体\"/></ofd:Fonts></ofd:Res>"
    )
    .unwrap();
    let mut id = 100;
    for (n, page) in pages.iter().enumerate() {
        let mut objects = String::new();
        let mut add = |line: &str, x: f64, y: f64| {
            if line.trim().is_empty() {
                return;
            }
            id += 1;
            let count = line.chars().count();
            let width = SIZE * count as f64;
            let escaped = line
                .replace('&', "&amp;")
                .replace('<', "&lt;")
                .replace('>', "&gt;");
            let delta = if count > 1 {
                format!(" DeltaX=\"g {} {SIZE}\"", count - 1)
            } else {
                String::new()
            };
            objects.push_str(&format!(
                "<ofd:TextObject ID=\"{id}\" Boundary=\"{x} {} {width} {}\" Font=\"2\" Size=\"{SIZE}\">\
                 <ofd:FillColor Value=\"0 0 0\"/><ofd:TextCode X=\"0\" Y=\"{}\"{delta}>{escaped}</ofd:TextCode>\
                 </ofd:TextObject>",
                y - SIZE,
                SIZE * 1.4,
                SIZE
            ));
        };
        if let Some(head) = head {
            add(head, 60.0, 20.0);
            add(&format!("— {} —", n + 1), 95.0, 285.0);
        }
        for (i, line) in page.iter().enumerate() {
            add(line, 25.0, 35.0 + 7.5 * i as f64);
        }
        zip.start_file(format!("Doc_0/Pages/Page_{n}/Content.xml"), options)
            .unwrap();
        write!(
            zip,
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><ofd:Page {ns}><ofd:Content>\
             <ofd:Layer ID=\"{}\">{objects}</ofd:Layer></ofd:Content></ofd:Page>",
            n + 1000
        )
        .unwrap();
    }
    zip.finish().unwrap();
    buffer.into_inner()
}

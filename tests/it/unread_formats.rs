//! A PDF or OFD that cannot be read says why and what to do, from every command: `check` and
//! `compare` exit 1 with the reason, `extract` and `--annotate` exit 2, and nothing is written
//! for a draft that was not read. The cases are made here: a scan (a page rendered to an image
//! and wrapped as a PDF), an encrypted PDF, a PDF whose font has no way back to Unicode, bytes
//! that only start like a PDF, an OFD with no document, and bombs: an OFD whose page part
//! inflates to 20 MiB and a PDF whose page content inflates to 40 MiB, both of a few KiB.

use std::io::Write as _;
use std::path::Path;
use std::process::Command;

use crate::graph::{python_with, tool};
use crate::support::{planlint, root};

/// A PDF of one page drawing `显示文字` in a Type0 font with `Identity-H` and no `ToUnicode`:
/// its codes are glyph ids, which say nothing of the text.
fn without_unicode() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents 4 0 R >>",
        "<< /Length 44 >>\nstream\nBT /F1 12 Tf 72 700 Td <00120034005600780090> Tj ET\nendstream",
        "<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+SimSun /Encoding /Identity-H /DescendantFonts [6 0 R] >>",
        "<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+SimSun /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
    ];
    pdf_of(&objects, "")
}

/// A PDF of `objects` (numbered from 1, the first the catalogue) with its cross-reference
/// table; `trailer` adds entries to the trailer (`/Prev` pointing at itself, say).
pub(crate) fn pdf_of(objects: &[&str], trailer: &str) -> Vec<u8> {
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = pdf.len();
    pdf.extend(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    let trailer = trailer.replace("{xref}", &xref.to_string());
    pdf.extend(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R {trailer}>>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    pdf
}

/// An OFD whose one page's content is 20 MiB of spaces, deflated to a few KiB.
fn ofd_bomb() -> Vec<u8> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let ns = "xmlns:ofd=\"http://www.ofdspec.org/2016\"";
    zip.start_file("OFD.xml", options).unwrap();
    write!(zip, "<ofd:OFD {ns}><ofd:DocBody><ofd:DocRoot>Doc_0/Document.xml</ofd:DocRoot></ofd:DocBody></ofd:OFD>").unwrap();
    zip.start_file("Doc_0/Document.xml", options).unwrap();
    write!(zip, "<ofd:Document {ns}><ofd:Pages><ofd:Page ID=\"1\" BaseLoc=\"Pages/Page_0/Content.xml\"/></ofd:Pages></ofd:Document>").unwrap();
    zip.start_file("Doc_0/Pages/Page_0/Content.xml", options)
        .unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..20 {
        zip.write_all(&spaces).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// `mebibytes` MiB of spaces as a zlib stream (what `/FlateDecode` reads): zip's raw deflate
/// of them between zlib's header and its Adler-32.
fn zlib_of_spaces(mebibytes: usize) -> Vec<u8> {
    use std::io::Read as _;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    zip.start_file("spaces", options).unwrap();
    let spaces = vec![b' '; 1024 * 1024];
    for _ in 0..mebibytes {
        zip.write_all(&spaces).unwrap();
    }
    let mut archive = zip::ZipArchive::new(zip.finish().unwrap()).unwrap();
    let mut raw = Vec::new();
    archive
        .by_index_raw(0)
        .unwrap()
        .read_to_end(&mut raw)
        .unwrap();
    let (mut a, mut b) = (1u32, 0u32);
    for _ in 0..mebibytes * 1024 * 1024 {
        a = (a + u32::from(b' ')) % 65_521;
        b = (b + a) % 65_521;
    }
    let mut stream = vec![0x78, 0xDA];
    stream.extend(raw);
    stream.extend(((b << 16) | a).to_be_bytes());
    stream
}

/// A PDF of one page whose content stream, a few KiB deflated, inflates to 40 MiB of spaces.
fn pdf_bomb() -> Vec<u8> {
    let stream = zlib_of_spaces(40);
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut offsets = Vec::new();
    let mut object = |pdf: &mut Vec<u8>, body: &[u8]| {
        offsets.push(pdf.len());
        pdf.extend(format!("{} 0 obj\n", offsets.len()).as_bytes());
        pdf.extend(body);
        pdf.extend(b"\nendobj\n");
    };
    object(&mut pdf, b"<< /Type /Catalog /Pages 2 0 R >>");
    object(&mut pdf, b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    object(
        &mut pdf,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>",
    );
    let mut content = format!(
        "<< /Length {} /Filter /FlateDecode >>\nstream\n",
        stream.len()
    )
    .into_bytes();
    content.extend(&stream);
    content.extend(b"\nendstream");
    object(&mut pdf, &content);
    let xref = pdf.len();
    pdf.extend(b"xref\n0 5\n0000000000 65535 f \n");
    for offset in &offsets {
        pdf.extend(format!("{offset:010} 00000 n \n").as_bytes());
    }
    pdf.extend(
        format!("trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes(),
    );
    pdf
}

/// A real PDF of a plan, printed by LibreOffice, in `dir`.
fn printed(dir: &Path) -> Option<std::path::PathBuf> {
    let text = dir.join("plan.txt");
    std::fs::copy(
        root().join("../shared/seeds/002_92b4b0bc4319e4bb.txt"),
        &text,
    )
    .unwrap();
    crate::producers::libreoffice(&text, dir)
}

/// The drafts that cannot be read, each with what its message must say (in English).
fn drafts(dir: &Path) -> Vec<(String, &'static str)> {
    let mut drafts = Vec::new();
    let mut garbage = b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n".to_vec();
    garbage.extend((0u32..4000).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    std::fs::write(dir.join("garbage.pdf"), garbage).unwrap();
    drafts.push(("garbage.pdf".to_string(), "cannot read the PDF"));
    std::fs::write(dir.join("glyphs.pdf"), without_unicode()).unwrap();
    drafts.push(("glyphs.pdf".to_string(), "no Unicode mapping"));
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dir.join("empty.ofd")).unwrap());
    zip.start_file("OFD.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")
        .unwrap();
    zip.finish().unwrap();
    drafts.push(("empty.ofd".to_string(), "names no document"));
    std::fs::write(dir.join("bomb.ofd"), ofd_bomb()).unwrap();
    drafts.push(("bomb.ofd".to_string(), "inflates too large"));
    std::fs::write(dir.join("bomb.pdf"), pdf_bomb()).unwrap();
    drafts.push(("bomb.pdf".to_string(), "inflating past its limit"));
    let made = dir.join("made");
    std::fs::create_dir(&made).unwrap();
    let (Some(pdf), Some(python)) = (
        printed(&made),
        python_with("import pypdf, PIL", "pypdf and Pillow"),
    ) else {
        return drafts;
    };
    let encrypt = "import sys, pypdf\n\
        w = pypdf.PdfWriter(clone_from=sys.argv[1])\n\
        w.encrypt('secret', algorithm='RC4-128')\n\
        w.write(sys.argv[2])";
    let done = Command::new(&python)
        .args(["-c", encrypt])
        .arg(&pdf)
        .arg(dir.join("locked.pdf"))
        .status()
        .unwrap();
    assert!(done.success());
    drafts.push(("locked.pdf".to_string(), "encrypted"));
    if let Some(pdftoppm) = tool("pdftoppm") {
        let image = made.join("page");
        let done = Command::new(pdftoppm)
            .args(["-r", "100", "-f", "1", "-l", "1", "-png", "-singlefile"])
            .arg(&pdf)
            .arg(&image)
            .status()
            .unwrap();
        assert!(done.success());
        let wrap = "import sys\nfrom PIL import Image\nImage.open(sys.argv[1]).convert('RGB').save(sys.argv[2])";
        let done = Command::new(&python)
            .args(["-c", wrap])
            .arg(image.with_extension("png"))
            .arg(dir.join("scan.pdf"))
            .status()
            .unwrap();
        assert!(done.success());
        drafts.push(("scan.pdf".to_string(), "no text layer"));
    }
    drafts
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = planlint().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// `check DRAFT --annotate COPY` in `dir` against the bundled corpus.
fn annotate(dir: &Path, draft: &str, copy: &str) -> (Option<i32>, String, String) {
    let corpus = root().join("plans");
    let corpus = corpus.to_str().unwrap();
    run(
        dir,
        &[
            "check",
            draft,
            "--corpus",
            corpus,
            "--annotate",
            copy,
            "--lang",
            "en",
        ],
    )
}

#[test]
fn every_command_says_why_a_pdf_or_ofd_cannot_be_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("plans");
    let corpus = corpus.to_str().unwrap();
    for (draft, why) in drafts(dir.path()) {
        let (code, out, _) = run(
            dir.path(),
            &["check", &draft, "--corpus", corpus, "--lang", "en"],
        );
        assert_eq!(code, Some(1), "check {draft}: {out}");
        assert!(out.contains(why), "check {draft}: {out}");
        let (code, out, err) = run(
            dir.path(),
            &["compare", &draft, "--corpus", corpus, "--lang", "en"],
        );
        assert_eq!(code, Some(1), "compare {draft}: {out}{err}");
        assert!(
            out.is_empty() && err.contains(why),
            "compare {draft}: {out}{err}"
        );
        let (code, _, err) = run(
            dir.path(),
            &[
                "compare",
                &draft,
                "--corpus",
                corpus,
                "--format",
                "html",
                "-o",
                "report.html",
            ],
        );
        assert_eq!(code, Some(1), "{err}");
        assert!(!dir.path().join("report.html").exists(), "no empty report");
        let (code, _, err) = run(dir.path(), &["extract", &draft, "--lang", "en"]);
        assert_eq!(code, Some(2), "extract {draft}: {err}");
        assert!(err.contains(why), "extract {draft}: {err}");
        for copy in ["copy.docx", "copy.pdf"] {
            let (code, out, err) = annotate(dir.path(), &draft, copy);
            assert_eq!(code, Some(2), "annotate {draft} {copy}: {err}");
            assert!(out.contains(why), "annotate {draft}: {out}");
            assert!(
                !dir.path().join(copy).exists(),
                "no copy of an unread draft"
            );
        }
    }
}

#[test]
fn an_annotated_pdf_comes_from_a_pdf_draft_and_an_ofd_draft_may_have_a_docx_copy() {
    let dir = tempfile::tempdir().unwrap();
    let text = dir.path().join("draft.txt");
    std::fs::copy(
        root().join("../shared/seeds/002_92b4b0bc4319e4bb.txt"),
        &text,
    )
    .unwrap();
    let (code, _, err) = annotate(dir.path(), "draft.txt", "copy.pdf");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("an annotated PDF is written from a PDF draft only"),
        "{err}"
    );
    let pages = crate::producers::ofd_pages(&std::fs::read_to_string(&text).unwrap(), 40);
    std::fs::write(
        dir.path().join("draft.ofd"),
        crate::producers::ofd(&pages, None),
    )
    .unwrap();
    let (code, _, err) = annotate(dir.path(), "draft.ofd", "copy.pdf");
    assert_eq!(code, Some(2));
    assert!(
        err.contains("an annotated PDF is written from a PDF draft only"),
        "{err}"
    );
    let (code, _, err) = annotate(dir.path(), "draft.ofd", "copy.docx");
    assert!(code.is_some_and(|c| c < 2), "{err}");
    assert!(dir.path().join("copy.docx").is_file());
    assert!(!dir.path().join("copy.pdf").exists());
}

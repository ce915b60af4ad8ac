//! A PDF or OFD draft is not read yet, and every command says so instead of passing: `check`
//! and `compare` exit 1 with the reason and what to do, `extract` and `--annotate` exit 2, and
//! nothing is written for a draft that was not read.

use std::io::Write as _;
use std::path::Path;

use crate::support::{planlint, root};

/// A PDF (its header and a binary stream) and an OFD (a zip holding OFD.xml), written in `dir`.
fn drafts(dir: &Path) -> Vec<String> {
    std::fs::write(
        dir.join("draft.pdf"),
        b"%PDF-1.6\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Length 4>>stream\n\x00\x01\x02\x03\nendstream\nendobj\n",
    )
    .unwrap();
    let mut zip = zip::ZipWriter::new(std::fs::File::create(dir.join("draft.ofd")).unwrap());
    zip.start_file("OFD.xml", zip::write::SimpleFileOptions::default())
        .unwrap();
    zip.write_all(b"<ofd:OFD xmlns:ofd=\"http://www.ofdspec.org/2016\"/>")
        .unwrap();
    zip.finish().unwrap();
    vec!["draft.pdf".to_string(), "draft.ofd".to_string()]
}

fn run(dir: &Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = planlint().current_dir(dir).args(args).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn every_command_says_a_pdf_or_ofd_is_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let corpus = root().join("plans");
    let corpus = corpus.to_str().unwrap();
    for draft in drafts(dir.path()) {
        let kind = if draft.ends_with("pdf") { "PDF" } else { "OFD" };
        let said = |text: &str| {
            text.contains(&format!("{kind} documents are not read yet"))
                && text.contains("planlint reads .txt, .md and .docx for now")
        };
        let (code, out, _) = run(
            dir.path(),
            &["check", &draft, "--corpus", corpus, "--lang", "en"],
        );
        assert_eq!(code, Some(1), "check {draft}: {out}");
        assert!(said(&out), "check {draft}: {out}");
        let (code, out, err) = run(
            dir.path(),
            &["compare", &draft, "--corpus", corpus, "--lang", "en"],
        );
        assert_eq!(code, Some(1), "compare {draft}: {out}{err}");
        assert!(out.is_empty() && said(&err), "compare {draft}: {out}{err}");
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
        assert!(said(&err), "extract {draft}: {err}");
        let (code, _, err) = run(
            dir.path(),
            &[
                "check",
                &draft,
                "--corpus",
                corpus,
                "--annotate",
                "copy.docx",
                "--lang",
                "en",
            ],
        );
        assert_eq!(code, Some(2), "annotate {draft}: {err}");
        assert!(
            !dir.path().join("copy.docx").exists(),
            "no copy of an unread draft"
        );
    }
}

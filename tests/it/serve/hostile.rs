//! Hostile uploads get their status and the service stays up: a zip bomb .docx, XML entity
//! expansion, a 100 MB body, a path in the file name, a PDF that loops. The service's log
//! never holds a draft's text, and no upload is left on disk.

use super::{Server, uploads_left, workspace};

const HUNDRED_MB: usize = 100 * 1024 * 1024;

/// A .docx whose document.xml declares entities that expand a billion times.
fn entity_bomb() -> Vec<u8> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("laughs.docx");
    let mut entities = String::from("<!ENTITY lol0 \"到2027年数控化率超过75%\">");
    for level in 1..10 {
        let previous = format!("&lol{};", level - 1).repeat(10);
        entities.push_str(&format!("<!ENTITY lol{level} \"{previous}\">"));
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!DOCTYPE w:document [{entities}]><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>"
    );
    crate::docx_tricks::package(
        &path,
        "word/document.xml",
        &[("word/document.xml", document)],
    );
    std::fs::read(&path).unwrap()
}

/// A PDF whose page tree holds itself and whose page draws a form that draws itself.
fn looping_pdf() -> Vec<u8> {
    let objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 2 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /X1 4 0 R >> >> /Contents 5 0 R >>",
        "<< /Type /XObject /Subtype /Form /BBox [0 0 595 842] /Resources << /XObject << /X1 4 0 R >> >> /Length 7 >>\nstream\n/X1 Do\nendstream",
        "<< /Length 7 >>\nstream\n/X1 Do\nendstream",
    ];
    // The trailer's /Prev points at its own cross-reference table: a third loop.
    crate::unread_formats::pdf_of(&objects, "/Prev {xref} ")
}

#[test]
fn hostile_uploads_get_their_status_and_the_service_stays_up() {
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let zip_bomb = std::fs::read(
        crate::support::root().join("tests/fixtures/cli/bad-text/county/zip-bomb.docx"),
    )
    .unwrap();
    let cases: Vec<(&str, Vec<u8>, u16)> = vec![
        ("bomb.docx", zip_bomb, 400),
        ("laughs.docx", entity_bomb(), 400),
        ("loop.pdf", looping_pdf(), 400),
    ];
    for (name, bytes, status) in cases {
        let answer = server.upload("/api/v1/check", name, &bytes, &[], &[]);
        assert_eq!(answer.status, status, "{name}: {}", answer.text());
        assert_eq!(answer.json()["summary"]["errors"], 1, "{name}: says why");
        assert_eq!(server.get("/healthz", &[]).status, 200, "up after {name}");
    }

    // 100 MB, refused before it is read.
    assert!(
        server
            .send_streaming("/api/v1/check?name=huge.txt", "text/plain", HUNDRED_MB, &[])
            .starts_with("HTTP/1.1 413")
    );
    let form = "multipart/form-data; boundary=x";
    assert!(
        server
            .send_streaming("/review", form, HUNDRED_MB, &[])
            .starts_with("HTTP/1.1 413")
    );

    // A path in the file name is only a name.
    let draft = std::fs::read(dir.path().join("yantai-draft.txt")).unwrap();
    for sent in [
        "../../../../etc/yantai.txt",
        "..\\..\\yantai.txt",
        "/tmp/yantai.txt",
    ] {
        let answer = server.upload("/api/v1/check", sent, &draft, &[], &[]);
        assert_eq!(answer.status, 200, "{sent}");
        assert_eq!(
            answer.json()["diagnostics"][0]["location"]["file"],
            "yantai.txt",
            "{sent}"
        );
    }
    assert!(!std::path::Path::new("/etc/yantai.txt").exists());

    let health = server.get("/healthz", &[]).json();
    assert_eq!(health["status"], "ok");
    assert_eq!(uploads_left(dir.path()), Vec::<String>::new());
    let log = server.log();
    assert!(
        log.contains("upload=yantai.txt"),
        "the log says what was asked: {log}"
    );
    assert!(
        !log.contains("烟台市人民政府"),
        "the log never holds a draft's text"
    );
}

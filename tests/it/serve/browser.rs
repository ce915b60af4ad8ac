//! A reviewer's visit in a real browser: headless Chromium, driven by ChromeDriver through
//! selenium (tests/browser/review.py), uploads a draft through the form, finds the first
//! finding marked in the text, downloads the annotated .docx, and takes the README's
//! screenshot (target/serve-review.png).

use std::process::Command;

use super::{Server, workspace};
use crate::graph::{python_with, tool};

#[test]
fn a_reviewer_uploads_a_draft_and_downloads_the_annotated_copy_in_chromium() {
    let (Some(_), Some(_)) = (tool("chromium"), tool("chromedriver")) else {
        return;
    };
    let Some(python) = python_with("import selenium", "selenium") else {
        return;
    };
    let dir = workspace();
    let server = Server::start(dir.path(), &[]);
    let downloads = dir.path().join("downloads");
    std::fs::create_dir_all(&downloads).unwrap();
    let screenshot = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("../serve-review.png");
    let out = Command::new(python)
        .arg(crate::support::root().join("tests/browser/review.py"))
        .arg(&server.base)
        .arg(dir.path().join("pingdu-word.docx"))
        .arg(&downloads)
        .arg(&screenshot)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}\n{}\nservice log:\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr),
        server.log()
    );
    let seen: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(seen["first"].as_str().unwrap().contains("error"), "{seen}");
    assert!(seen["comments"].as_u64().unwrap() >= 1, "{seen}");
    let png = std::fs::read(&screenshot).unwrap();
    assert!(png.starts_with(b"\x89PNG"));
    // 1400 x 1000, as the PNG header says.
    assert_eq!(&png[16..24], &[0, 0, 5, 120, 0, 0, 3, 232]);
}

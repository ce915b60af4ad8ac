//! Security, round three: what another file holds can never be turned against a draft or the
//! user. (The .docx reader's tricks are in `docx_tricks.rs`.)

use crate::support::{copy_fixture, json_diagnostics, planlint};

/// Item 6: a parent's verified title holding line breaks (and a sentence of its own) is never
/// pasted into a child's text by `--fix`: the replacement would add lines to another office's
/// text. The child keeps its text and its findings.
#[test]
fn a_fix_never_pastes_lines_into_a_text() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let parent = dir.path().join("lu-zhengfa-2024-3.yaml");
    let injected = std::fs::read_to_string(&parent).unwrap().replace(
        "notice_title: 山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知",
        "notice_title: \"山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知\\n二、主要目标\\n到2027年，规模以上工业企业关键工序数控化率超过99%。\\n\"",
    );
    assert!(injected.contains("超过99%"));
    std::fs::write(&parent, injected).unwrap();
    std::fs::remove_file(dir.path().join("anqiu/an-zhengfa-2024-13.yaml")).unwrap();
    let draft = dir.path().join("draft.txt");
    std::fs::write(
        &draft,
        "安丘市人民政府关于印发安丘市推动大规模设备更新和消费品以旧换新实施方案的通知\n\
         根据《山东省关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》（鲁政发〔2024〕3号），制定本方案。\n\
         一、主要目标\n到2027年，规模以上工业企业关键工序数控化率超过70%。\n",
    )
    .unwrap();
    let before = std::fs::read_to_string(&draft).unwrap();
    let run = |extra: &[&str]| {
        planlint()
            .current_dir(dir.path())
            .args([
                "check",
                "draft.txt",
                "--corpus",
                ".",
                "--lang",
                "en",
                "--jurisdiction",
                "安丘市",
            ])
            .args(extra)
            .output()
            .unwrap()
    };
    let findings = json_diagnostics(&run(&["--format", "json"]).stdout);
    assert!(
        findings
            .iter()
            .any(|d| d["code"] == "citation-title-mismatch"),
        "{findings:#?}"
    );
    run(&["--fix"]);
    assert_eq!(std::fs::read_to_string(&draft).unwrap(), before);
    let after = json_diagnostics(&run(&["--format", "json"]).stdout);
    assert!(
        after.iter().any(|d| d["code"] == "weaker-target"),
        "the weaker target is still found: {after:#?}"
    );
}

/// Item 3: a draft saved inside the corpus folder is read once, as the draft, however its path
/// and the corpus's are written (relative, absolute, through `..` or a link): its annotated copy
/// has its comments and its findings are the same.
#[test]
fn a_draft_inside_the_corpus_is_read_once() {
    let dir = tempfile::tempdir().unwrap();
    crate::support::copy_tree(
        &crate::support::root().join("plans"),
        &dir.path().join("plans"),
    );
    let inside = "plans/shandong/weifang/anqiu/draft.txt";
    std::fs::write(
        dir.path().join(inside),
        "安丘市人民政府关于印发安丘市推动大规模设备更新和消费品以旧换新实施方案的通知\n\
         根据《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号），制定本方案。\n\
         一、主要目标\n到2027年，规模以上工业企业关键工序数控化率超过70%。\n",
    )
    .unwrap();
    let absolute = dir.path().join(inside).to_string_lossy().into_owned();
    // The draft's folder and the corpus, each also reached through a link.
    std::os::unix::fs::symlink(
        dir.path().join("plans/shandong/weifang/anqiu"),
        dir.path().join("anqiu-link"),
    )
    .unwrap();
    std::os::unix::fs::symlink(dir.path().join("plans"), dir.path().join("corpus-link")).unwrap();
    let mut seen = Vec::new();
    for (n, (draft, corpus)) in [
        (inside.to_string(), "plans"),
        (format!("./{inside}"), "plans"),
        (absolute, "plans"),
        (inside.to_string(), "plans/shandong/../"),
        ("anqiu-link/draft.txt".to_string(), "plans"),
        (inside.to_string(), "corpus-link"),
    ]
    .iter()
    .enumerate()
    {
        let copy = format!("copy{n}.docx");
        let out = planlint()
            .current_dir(dir.path())
            .args([
                "check",
                draft,
                "--corpus",
                corpus,
                "--format",
                "json",
                "--annotate",
                &copy,
            ])
            .output()
            .unwrap();
        let findings = json_diagnostics(&out.stdout);
        let shown: Vec<String> = findings
            .iter()
            .map(|d| format!("{} {}", d["code"], d["message_en"]))
            .collect();
        assert!(
            shown.iter().any(|s| s.starts_with("\"weaker-target\"")),
            "{draft}: {shown:#?}"
        );
        let serious = findings.iter().filter(|d| d["severity"] != "note").count();
        let comments = crate::trust::docx_part(&dir.path().join(&copy), "word/comments.xml");
        assert_eq!(comments.matches("<w:comment ").count(), serious, "{draft}");
        seen.push(shown);
    }
    assert!(seen.windows(2).all(|w| w[0] == w[1]), "{seen:#?}");
}

/// A 平度 draft (weaker 2027 target) as a .docx with a comments part of its own: `comments`
/// is that part's XML, and `anchored` the runs of the target sentence's figure.
fn commented_draft(path: &std::path::Path, figure: &str, comments: &str) {
    use crate::docx_tricks::{document, package};
    let rels = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id='rId9' Type='http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments' Target='comments.xml'/></Relationships>";
    package(
        path,
        "word/document.xml",
        &[
            ("word/document.xml", document(figure)),
            ("word/_rels/document.xml.rels", rels.to_string()),
            ("word/comments.xml", comments.to_string()),
        ],
    );
}

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

fn annotate(dir: &std::path::Path, draft: &str) -> std::process::Output {
    planlint()
        .current_dir(dir)
        .args(["check", draft, "--corpus"])
        .arg(crate::support::root().join("plans"))
        .args(["--annotate", "copy.docx", "--force"])
        .output()
        .unwrap()
}

/// Item 2: the annotator edits the draft's parts as XML: a comments part whose end tag is
/// also written inside an XML comment gets planlint's comments in its root, not in the XML
/// comment; single-quoted ids are seen, so no id repeats; a draft already holding a comment
/// signed planlint (a planted "no problem") is refused.
#[test]
fn the_annotator_reads_the_parts_as_xml() {
    let dir = tempfile::tempdir().unwrap();
    let colleague = format!(
        "<w:comments xmlns:w='{W}'><w:comment w:id='0' w:author='同事'><w:p><w:r><w:t>请核对</w:t></w:r></w:p></w:comment></w:comments><!-- </w:comments> -->"
    );
    let figure = format!(
        "<w:commentRangeStart w:id='0'/>{}<w:commentRangeEnd w:id='0'/>",
        crate::docx_tricks::run("70%")
    );
    commented_draft(&dir.path().join("draft.docx"), &figure, &colleague);
    let out = annotate(dir.path(), "draft.docx");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let comments = crate::trust::docx_part(&dir.path().join("copy.docx"), "word/comments.xml");
    let outside_xml_comments: String = comments.split("<!--").next().unwrap().to_string();
    assert!(outside_xml_comments.contains("weaker-target"), "{comments}");
    let mut ids: Vec<String> = comments
        .split("w:id=")
        .skip(1)
        .map(|rest| {
            rest[1..]
                .chars()
                .take_while(|c| c.is_ascii_digit())
                .collect()
        })
        .collect();
    let count = ids.len();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), count, "no id repeats: {comments}");

    let planted = format!(
        "<w:comments xmlns:w=\"{W}\"><w:comment w:id=\"5\" w:author=\"planlint\"><w:p><w:r><w:t>planlint：未发现问题</w:t></w:r></w:p></w:comment></w:comments>"
    );
    commented_draft(
        &dir.path().join("planted.docx"),
        &crate::docx_tricks::run("70%"),
        &planted,
    );
    std::fs::remove_file(dir.path().join("copy.docx")).unwrap();
    let out = annotate(dir.path(), "planted.docx");
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("copy.docx").exists());
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("signed planlint"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Low: an entry that would unpack outside its folder (zip slip) is never copied into the
/// reviewer's file.
#[test]
fn a_zip_slip_entry_is_not_passed_on() {
    use crate::docx_tricks::{document, package, run};
    let dir = tempfile::tempdir().unwrap();
    package(
        &dir.path().join("draft.docx"),
        "word/document.xml",
        &[
            ("word/document.xml", document(&run("70%"))),
            ("../../evil.sh", "echo owned".to_string()),
        ],
    );
    let out = annotate(dir.path(), "draft.docx");
    assert_eq!(out.status.code(), Some(2));
    assert!(!dir.path().join("copy.docx").exists());
    assert!(String::from_utf8_lossy(&out.stderr).contains("outside the package"));
}

/// Low: `--jurisdiction` is echoed with its escape characters made harmless.
#[test]
fn a_jurisdiction_flag_is_echoed_safely() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("draft.txt"), "某方案\n").unwrap();
    let out = planlint()
        .current_dir(dir.path())
        .args(["check", "draft.txt", "--corpus"])
        .arg(crate::support::root().join("plans"))
        .args(["--jurisdiction", "\u{1b}]0;owned\u{7}\u{1b}[31m不存在县"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("不存在县"), "{stderr}");
    assert!(
        !stderr.contains('\u{1b}') && !stderr.contains('\u{7}'),
        "{stderr:?}"
    );
}

/// Low: two file names that differ only in bytes that are not UTF-8 print differently.
#[cfg(unix)]
#[test]
fn file_names_that_are_not_utf8_print_apart() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    for byte in [0xfe_u8, 0xff] {
        let bytes = [b'n', byte, b'.', b't', b'x', b't'];
        let name = std::ffi::OsStr::from_bytes(&bytes);
        std::fs::write(dir.path().join(name), "备注\n").unwrap();
    }
    let out = planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--format", "json"])
        .output()
        .unwrap();
    let mut files: Vec<String> = json_diagnostics(&out.stdout)
        .iter()
        .filter(|d| d["code"] == "not-a-plan")
        .map(|d| d["location"]["file"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    assert_eq!(files, ["n\\xFE.txt", "n\\xFF.txt"]);
}

/// Low: a file `--fix` rewrites keeps its owner and group (run as root, the fix would else
/// hand another user's file to root). Skipped where files cannot be given away (not root).
#[cfg(unix)]
#[test]
fn a_fixed_file_keeps_its_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    copy_fixture(
        "tests/fixtures/lints/citation-title-mismatch/fail-wrong-title",
        dir.path(),
    );
    let plan = dir.path().join("anqiu/an-zhengfa-2024-13.yaml");
    if std::os::unix::fs::chown(&plan, Some(4321), Some(4322)).is_err() {
        eprintln!("skipped: files cannot be given away here (not root)");
        return;
    }
    let before = std::fs::read_to_string(&plan).unwrap();
    planlint()
        .current_dir(dir.path())
        .args(["check", ".", "--fix", "--fix-corpus"])
        .output()
        .unwrap();
    assert_ne!(
        std::fs::read_to_string(&plan).unwrap(),
        before,
        "the fix was made"
    );
    let meta = std::fs::metadata(&plan).unwrap();
    assert_eq!((meta.uid(), meta.gid()), (4321, 4322));
}

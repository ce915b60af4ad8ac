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
/// is written: its annotated copy has its comments and its findings are the same.
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
    let mut seen = Vec::new();
    for (n, draft) in [inside.to_string(), format!("./{inside}"), absolute]
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
                "plans",
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

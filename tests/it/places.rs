//! A draft from anywhere in China: placed by its issuer through the gazetteer, compared with the
//! nearest plan above it, `--jurisdiction` in every form, and no guess where a name is shared.
//! The drafts in tests/fixtures/places are written for these tests in the style of real plans.

use std::process::Output;

use crate::support::planlint;

fn draft(name: &str, extra: &[&str]) -> Output {
    planlint()
        .arg("check")
        .arg(format!("tests/fixtures/places/{name}-draft.txt"))
        .args(["--corpus", "plans", "--format", "json"])
        .args(extra)
        .output()
        .unwrap()
}

/// (code, English message) of each finding.
fn findings(out: &Output) -> Vec<(String, String)> {
    crate::support::json_diagnostics(&out.stdout)
        .iter()
        .map(|d| {
            let field = |k: &str| d[k].as_str().unwrap_or_default().to_string();
            (field("code"), field("message_en"))
        })
        .collect()
}

fn messages(out: &Output, code: &str) -> Vec<String> {
    findings(out)
        .into_iter()
        .filter(|(c, _)| c == code)
        .map(|(_, m)| m)
        .collect()
}

#[test]
fn drafts_are_placed_by_their_issuer() {
    for (name, place) in [
        ("pingdu", "平度市 (370283), 青岛市, 山东省"),
        ("lixia", "历下区 (370102), 济南市, 山东省"),
        (
            "jining-gaoxin",
            "济宁高新技术产业开发区 (370871), 济宁市, 山东省",
        ),
        ("yantai", "烟台市 (370600), 山东省"),
        ("shanxi-county", "平遥县 (140728), 晋中市, 山西省"),
    ] {
        let placed = messages(&draft(name, &[]), "inferred-jurisdiction");
        assert_eq!(
            placed,
            [format!("placed in {place}, from its issuer")],
            "{name}"
        );
    }
}

#[test]
fn a_county_under_a_city_with_no_plan_is_compared_with_its_province() {
    let out = draft("pingdu", &[]);
    assert_eq!(out.status.code(), Some(1));
    let weaker = messages(&out, "weaker-target");
    assert_eq!(weaker.len(), 2, "{weaker:?}");
    assert!(
        weaker.iter().all(|m| m.contains("鲁政发〔2024〕3号")),
        "{weaker:?}"
    );
    let missing = messages(&out, "missing-parent-plan");
    assert_eq!(missing.len(), 1, "once per plan, not per target");
    assert!(missing[0].contains("青岛市") && missing[0].contains("鲁政发〔2024〕3号"));
}

#[test]
fn a_county_of_another_province_is_compared_with_the_national_plan() {
    let out = draft("shanxi-county", &[]);
    let weaker = messages(&out, "weaker-target");
    assert_eq!(weaker.len(), 2, "{weaker:?}");
    assert!(weaker.iter().all(|m| m.contains("国发〔2024〕7号")));
    // 山西's plan is known in part (its investment target only): the city is the level missing.
    let missing = messages(&out, "missing-parent-plan");
    assert!(
        missing[0].contains("晋中市") && missing[0].contains("晋政发〔2024〕10号"),
        "{missing:?}"
    );
}

#[test]
fn jurisdiction_takes_a_name_a_short_name_a_path_or_a_code() {
    for hint in ["平度市", "平度", "山东省/青岛市/平度市", "370283"] {
        let out = draft("pingdu", &["--jurisdiction", hint]);
        assert_eq!(out.status.code(), Some(1), "{hint}");
        assert_eq!(messages(&out, "weaker-target").len(), 2, "{hint}");
        assert!(
            messages(&out, "inferred-jurisdiction").is_empty(),
            "named, not inferred"
        );
    }
}

#[test]
fn a_shared_name_is_never_guessed() {
    let out = draft("gulou", &[]);
    let ambiguous = messages(&out, "ambiguous-jurisdiction");
    assert_eq!(ambiguous.len(), 1);
    for code in ["320106", "350102", "410204"] {
        assert!(ambiguous[0].contains(code), "{ambiguous:?}");
    }
    let out = draft("gulou", &["--jurisdiction", "鼓楼区"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("350102") && stderr.contains("320106"),
        "{stderr}"
    );
    let out = draft("gulou", &["--jurisdiction", "福建省/福州市/鼓楼区"]);
    assert_eq!(out.status.code(), Some(0), "placed, nothing weaker");
    assert!(
        findings(&out)
            .iter()
            .all(|(c, _)| c != "ambiguous-jurisdiction")
    );
}

#[test]
fn an_unknown_jurisdiction_exits_two_with_a_suggestion() {
    let out = draft("pingdu", &["--jurisdiction", "平度氏"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8(out.stderr).unwrap();
    assert!(
        stderr.contains("no jurisdiction is called `平度氏`"),
        "{stderr}"
    );
    assert!(stderr.contains("did you mean"), "{stderr}");
}

#[test]
fn a_placed_draft_reads_as_a_reviewer_sees_it() {
    let out = planlint()
        .args([
            "check",
            "tests/fixtures/places/pingdu-draft.txt",
            "--corpus",
            "plans",
        ])
        .output()
        .unwrap();
    insta::assert_snapshot!(String::from_utf8(out.stdout).unwrap());
}

//! A draft whose parent is in the corpus finds it, however the title words the campaign, and is
//! never told that no plan above it is there; one whose campaign nothing in the corpus shares is
//! told what was searched and which plans above were not matched.

use serde_json::Value;

use crate::support::{json_diagnostics, planlint};

const DIR: &str = "tests/fixtures/campaigns";

/// `check DRAFT --corpus plans` (and `extra`) as JSON: the exit code and the findings.
fn check(draft: &str, extra: &[&str]) -> (Option<i32>, Vec<Value>) {
    let out = planlint()
        .args(["check", &format!("{DIR}/{draft}"), "--corpus", "plans"])
        .args(["--format", "json", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    (out.status.code(), json_diagnostics(&out.stdout))
}

fn codes(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default())
        .collect()
}

/// The draft's two weaker targets are found against 鲁政发〔2024〕3号, and nothing says that no
/// plan above it is in the corpus.
fn finds_its_parent(draft: &str, extra: &[&str]) -> Vec<Value> {
    let (status, findings) = check(draft, extra);
    let codes = codes(&findings);
    assert_eq!(status, Some(1), "{draft}: {codes:?}");
    let weaker: Vec<&Value> = findings
        .iter()
        .filter(|d| d["code"] == "weaker-target")
        .collect();
    assert_eq!(weaker.len(), 2, "{draft}: {codes:?}");
    for d in weaker {
        let parent = &d["subject"]["comparisons"][0]["parent"]["doc_number"];
        assert_eq!(parent, "鲁政发〔2024〕3号", "{draft}");
    }
    assert!(!codes.contains(&"uncompared-plan"), "{draft}: {codes:?}");
    findings
}

#[test]
fn a_verb_other_than_the_parents_still_finds_it() {
    finds_its_parent("verb-tuijin.txt", &[]);
}

#[test]
fn a_verb_and_a_notice_wrapper_still_find_it() {
    finds_its_parent("jiakuai-notice.txt", &[]);
}

#[test]
fn another_genre_still_finds_it() {
    finds_its_parent("guanyu-measures.txt", &[]);
}

#[test]
fn a_title_of_its_own_is_linked_by_the_provinces_number_it_cites() {
    finds_its_parent("cites-province-only.txt", &[]);
}

#[test]
fn a_cited_title_worded_otherwise_names_the_provinces_plan() {
    let findings = finds_its_parent("cites-title-variant.txt", &[]);
    // Cited by title alone: the number is asked for.
    assert!(codes(&findings).contains(&"citation-missing-number"));
}

#[test]
fn a_jurisdiction_flag_set_to_the_parent_city_keeps_the_findings_and_says_so() {
    let findings = finds_its_parent("verb-tuijin.txt", &["--jurisdiction", "潍坊市"]);
    let contradiction: Vec<&Value> = findings
        .iter()
        .filter(|d| d["code"] == "jurisdiction-contradicts-text")
        .collect();
    assert_eq!(contradiction.len(), 1, "{:?}", codes(&findings));
    let message = contradiction[0]["message"].as_str().unwrap();
    assert!(
        message.contains("潍坊市") && message.contains("诸城市"),
        "{message}"
    );
    assert_eq!(contradiction[0]["severity"], "error");
}

#[test]
fn a_jurisdiction_flag_that_agrees_with_the_text_says_nothing_more() {
    let findings = finds_its_parent("verb-tuijin.txt", &["--jurisdiction", "诸城市"]);
    assert!(!codes(&findings).contains(&"jurisdiction-contradicts-text"));
}

#[test]
fn a_campaign_nothing_shares_names_what_was_searched_and_the_near_misses() {
    let (status, findings) = check("unknown-campaign.txt", &[]);
    assert_eq!(status, Some(0), "{:?}", codes(&findings));
    let uncompared = findings
        .iter()
        .find(|d| d["code"] == "uncompared-plan")
        .expect("uncompared-plan");
    let message = uncompared["message"].as_str().unwrap();
    assert!(
        message.contains("潍坊市, 山东省 or the national level"),
        "{message}"
    );
    let near: Vec<&str> = uncompared["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["message"].as_str().unwrap())
        .collect();
    assert!(
        near.iter().any(|m| m.starts_with(
            "鲁政发〔2024〕3号（山东省） is in the corpus, but its campaign did not match"
        )),
        "{near:?}"
    );
}

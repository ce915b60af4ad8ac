//! One cascade per kind of quantity (`tests/fixtures/kinds/`), of campaigns the catalogue does
//! not name: every pair is aligned by its wording, judged the way its kind is improved, and the
//! finding shows the arithmetic that decided it.

use serde_json::Value;

use crate::support::{json_diagnostics, planlint};

const DIR: &str = "tests/fixtures/kinds";

/// `check` of one cascade as JSON findings, in English.
fn check(kind: &str) -> Vec<Value> {
    let out = planlint()
        .args([
            "check",
            &format!("{DIR}/{kind}"),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    assert!(out.status.code().is_some_and(|c| c < 2), "{kind}");
    json_diagnostics(&out.stdout)
}

/// Every row of `compare` of one cascade: (indicator, year, verdict, reason, arithmetic).
fn rows(kind: &str) -> Vec<(String, String, String, String, String)> {
    let out = planlint()
        .args([
            "compare",
            &format!("{DIR}/{kind}"),
            "--format",
            "json",
            "--lang",
            "en",
        ])
        .output()
        .unwrap();
    let json: Value = serde_json::from_slice(&out.stdout).unwrap();
    let text = |v: &Value| v.as_str().unwrap_or_default().to_string();
    json["tables"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|t| t["rows"].as_array().cloned().unwrap_or_default())
        .filter(|r| r["parent"].is_object())
        .map(|r| {
            assert_eq!(r["aligned_by"], "wording", "{r}");
            (
                text(&r["indicator"]),
                text(&r["deadline"]),
                text(&r["verdict"]),
                text(&r["reason"]),
                text(&r["arithmetic"]["en"]),
            )
        })
        .collect()
}

/// The messages of the findings with `code`.
fn messages(findings: &[Value], code: &str) -> Vec<String> {
    findings
        .iter()
        .filter(|d| d["code"] == code)
        .map(|d| d["message_en"].as_str().unwrap_or_default().to_string())
        .collect()
}

/// The one weaker-target finding of a cascade, which must say each of `fragments`.
fn one_weaker_saying(kind: &str, fragments: &[&str]) {
    let weaker = messages(&check(kind), "weaker-target");
    assert_eq!(weaker.len(), 1, "{kind}: {weaker:?}");
    for fragment in fragments {
        assert!(
            weaker[0].contains(fragment),
            "{kind}: `{fragment}` not in {weaker:?}"
        );
    }
}

fn verdicts(rows: &[(String, String, String, String, String)]) -> Vec<(&str, &str, &str)> {
    let mut found: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|(i, y, v, _, _)| (i.as_str(), y.as_str(), v.as_str()))
        .collect();
    found.sort_unstable();
    found
}

#[test]
fn a_concentration_is_lower_is_better_in_any_unit_size() {
    let rows = rows("concentration");
    assert_eq!(
        verdicts(&rows),
        [
            ("PM2.5浓度", "2025", "weaker"),
            ("PM2.5浓度", "2027", "stricter")
        ]
    );
    one_weaker_saying(
        "concentration",
        &[
            "0.038毫克/立方米 = 38微克/立方米",
            "38微克/立方米 > 35微克/立方米, lower is better",
        ],
    );
}

#[test]
fn an_emission_total_cut_less_than_the_parent_is_weaker() {
    let rows = rows("emission-total");
    assert_eq!(
        verdicts(&rows),
        [
            ("化学需氧量排放总量", "2025", "weaker"),
            ("氨氮排放总量", "2025", "stricter")
        ]
    );
    // A decrease is compared as a decrease, never as +6%.
    one_weaker_saying(
        "emission-total",
        &[
            "(−6% on 2020)",
            "(−8% on 2020)",
            "−6% > −8%, lower is better",
        ],
    );
}

#[test]
fn an_intensity_is_compared_as_a_decrease_and_as_a_level() {
    let rows = rows("intensity");
    assert_eq!(
        verdicts(&rows),
        [
            ("单位地区生产总值能耗", "2025", "weaker"),
            ("单位工业增加值能耗", "2025", "stricter")
        ],
        "能耗 meets 能源消耗（能耗）"
    );
    one_weaker_saying("intensity", &["−12% > −13.5%, lower is better"]);
    let level = rows.iter().find(|r| r.0 == "单位工业增加值能耗").unwrap();
    assert_eq!(
        level.4,
        "0.75吨标准煤/万元 < 0.8吨标准煤/万元, lower is better"
    );
}

#[test]
fn days_meet_a_share_of_the_year_counted_in_that_years_days() {
    let rows = rows("days-and-ratio");
    assert_eq!(
        verdicts(&rows),
        [
            ("空气质量优良天数", "2028", "stricter"),
            ("重污染天数", "2025", "weaker")
        ]
    );
    let leap = rows.iter().find(|r| r.1 == "2028").unwrap();
    assert_eq!(
        leap.4,
        "85% × 366 days = 311.1 days; 312天 > 311.1天, higher is better"
    );
    one_weaker_saying(
        "days-and-ratio",
        &["1% × 365 days = 3.65 days", "5天 > 3.65天, lower is better"],
    );
}

#[test]
fn a_level_against_a_change_or_a_share_against_a_total_is_not_comparable() {
    let rows = rows("level-and-change");
    let reasons: Vec<(&str, &str, &str)> = rows
        .iter()
        .map(|(i, _, v, r, _)| (i.as_str(), v.as_str(), r.as_str()))
        .collect();
    assert_eq!(
        reasons,
        [
            ("淘汰燃煤锅炉", "not-comparable", "part-of-whole"),
            (
                "细颗粒物（PM2.5）浓度",
                "not-comparable",
                "level-against-change"
            )
        ]
    );
    let findings = check("level-and-change");
    for code in ["weaker-target", "omitted-target", "looser-bound"] {
        assert!(messages(&findings, code).is_empty(), "{code}: {findings:?}");
    }
}

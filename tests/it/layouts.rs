//! The layouts and slips of plan texts as government websites and their mirrors give them, one
//! test per shape, each text written for the test in the shape of real pages: a text that
//! starts at its title, a signature with a date run together, the 文号 and the notice title on
//! one line, the own 文号 under the title, zones known by name, 结合X实际, a plan nothing places,
//! values run together after 分别, indicator slips and 万 in a unit.

use serde_json::Value;

use super::rules::{read, targets};
use crate::support::{json_diagnostics, planlint};

/// `check FILE --corpus plans` of `text` (with `extra` flags): every finding, in English.
fn check_draft(text: &str, extra: &[&str]) -> (Option<i32>, Vec<Value>, String) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.txt");
    std::fs::write(&path, text).unwrap();
    let out = planlint()
        .arg("check")
        .arg(&path)
        .args(["--corpus", "plans", "--format", "json", "--lang", "en"])
        .args(extra)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    // A run refused (exit 2) prints no report.
    let findings = if out.stdout.is_empty() {
        Vec::new()
    } else {
        json_diagnostics(&out.stdout)
    };
    (out.status.code(), findings, stderr)
}

/// The message of the finding with `code`, if there is one.
fn message<'a>(findings: &'a [Value], code: &str) -> Option<&'a str> {
    findings
        .iter()
        .find(|d| d["code"] == code)
        .and_then(|d| d["message_en"].as_str())
}

fn codes(findings: &[Value]) -> Vec<&str> {
    findings
        .iter()
        .map(|d| d["code"].as_str().unwrap_or_default())
        .collect()
}

const BODY: &str = "一、主要目标\n到2027年，规模以上工业企业关键工序数控化率超过75%。\n";

#[test]
fn shape_1_a_text_starting_at_its_title_is_placed_by_the_place_it_names() {
    let (_, findings, _) = check_draft(
        &format!("洛阳市推动大规模设备更新和消费品以旧换新实施方案\n{BODY}"),
        &[],
    );
    let placed = message(&findings, "inferred-jurisdiction").unwrap();
    assert!(
        placed.contains("洛阳市 (410300)") && placed.contains("its title"),
        "{placed}"
    );
    // A zone whose city is named: the gazetteer's 潍坊高新技术产业开发区.
    let (_, findings, _) = check_draft(
        &format!("潍坊高新区推动大规模设备更新和消费品以旧换新工作方案\n{BODY}"),
        &[],
    );
    let placed = message(&findings, "inferred-jurisdiction").unwrap();
    assert!(
        placed.contains("潍坊") && placed.contains("高新"),
        "{placed}"
    );
}

#[test]
fn shape_2_a_signature_at_the_end_with_its_date_run_together() {
    let (json, _) = read(&format!(
        "芜湖市推动大规模设备更新和消费品以旧换新实施方案\n{BODY}芜湖市人民政府\n2024615\n"
    ));
    assert_eq!(json["issuer"], "芜湖市人民政府");
    assert_eq!(json["issued"], "2024-06-15");
    let (json, _) = read(&format!("某方案\n{BODY}芜湖市人民政府\n20251224\n"));
    assert_eq!(json["issued"], "2025-12-24");
    // Not a date: read as nothing, never as a wrong day.
    let (json, _) = read(&format!("某方案\n{BODY}芜湖市人民政府\n20241399\n"));
    assert!(json["issued"].is_null(), "{}", json["issued"]);
}

#[test]
fn shape_3_the_number_and_the_notice_title_on_one_line() {
    let (json, _) = read(&format!(
        "衢政发〔2024〕9号 衢州市人民政府关于印发衢州市推动大规模设备更新和消费品以旧换新实施方案的通知\n各县（市、区）人民政府：\n现将《衢州市推动大规模设备更新和消费品以旧换新实施方案》印发给你们。\n衢州市推动大规模设备更新和消费品以旧换新实施方案\n{BODY}"
    ));
    assert_eq!(json["doc_number"], "衢政发〔2024〕9号");
    assert_eq!(json["issuer"], "衢州市人民政府");
    assert_eq!(
        json["title"],
        "衢州市推动大规模设备更新和消费品以旧换新实施方案"
    );
    assert_eq!(json["citations"], serde_json::json!([]));
}

#[test]
fn shape_4_the_own_number_under_the_title_is_no_citation() {
    let text = format!(
        "宣城市推动大规模设备更新和消费品以旧换新实施方案\n宣政〔2024〕12号\n为贯彻落实《国务院关于印发〈推动大规模设备更新和消费品以旧换新行动方案〉的通知》（国发〔2024〕7号），制定本方案。\n{BODY}"
    );
    let (json, _) = read(&text);
    assert_eq!(json["doc_number"], "宣政〔2024〕12号");
    let cited: Vec<&Value> = json["citations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["doc_number"])
        .collect();
    assert_eq!(cited, [&Value::from("国发〔2024〕7号")]);
    let (_, findings, _) = check_draft(&text, &[]);
    assert!(
        !codes(&findings).contains(&"unresolved-citation"),
        "{findings:?}"
    );
}

#[test]
fn shape_5_zones_known_by_name_and_by_flag() {
    for (issuer, zone, city) in [
        ("苏州工业园区管理委员会", "苏州工业园区", "苏州市"),
        ("重庆两江新区管理委员会", "重庆两江新区", "重庆市"),
        ("西安经开区管委会", "西安经开区", "西安市"),
    ] {
        let (_, findings, _) = check_draft(
            &format!("某某工作方案\n{BODY}{issuer}\n2024年8月1日\n"),
            &[],
        );
        let placed = message(&findings, "inferred-jurisdiction").unwrap_or_default();
        let at = placed
            .find("placed in ")
            .map(|i| &placed[i..])
            .unwrap_or_default();
        assert!(
            at.starts_with(&format!("placed in {zone}")) && at.contains(&format!(", {city}")),
            "{issuer}: {placed}"
        );
    }
    let (code, findings, stderr) = check_draft(
        &format!("某某工作方案\n{BODY}"),
        &["--jurisdiction", "成都高新区"],
    );
    assert!(code.is_some_and(|c| c < 2), "{stderr}");
    assert!(
        !codes(&findings).contains(&"unknown-jurisdiction"),
        "{findings:?}"
    );
}

#[test]
fn shape_6_the_place_a_plan_is_written_for() {
    let (_, findings, _) = check_draft(
        &format!("为贯彻落实国家有关部署，结合成都高新区实际，制定本方案。\n{BODY}"),
        &[],
    );
    let placed = message(&findings, "inferred-jurisdiction").unwrap();
    assert!(
        placed.contains("成都高新区, 成都市, 四川省") && placed.contains("结合…实际"),
        "{placed}"
    );
    // 结合我市实际 says nothing of the place: the issuer at the end does.
    let (_, findings, _) = check_draft(
        &format!(
            "为贯彻落实国家有关部署，结合我市实际，制定本方案。\n{BODY}芜湖市人民政府\n2024年6月15日\n"
        ),
        &[],
    );
    let placed = message(&findings, "inferred-jurisdiction").unwrap();
    assert!(
        placed.contains("芜湖市") && placed.contains("its issuer"),
        "{placed}"
    );
}

#[test]
fn shape_7_a_plan_nothing_places_is_told_what_was_tried_and_what_would_work() {
    let (_, findings, _) = check_draft(
        &format!("为落实山东省和潍坊市有关部署，制定本方案。\n{BODY}"),
        &[],
    );
    let unknown = findings
        .iter()
        .find(|d| d["code"] == "unknown-jurisdiction")
        .unwrap();
    let said = unknown["message_en"].as_str().unwrap();
    assert!(said.contains("the issuer (none)"), "{said}");
    assert!(said.contains("山东省") && said.contains("潍坊市"), "{said}");
    let help = unknown["help"].as_str().unwrap();
    assert!(help.contains("--jurisdiction 山东省"), "{help}");
    for (wrong, right) in [("平度县", "平度市"), ("蓬莱县", "蓬莱区")] {
        let (code, _, stderr) = check_draft(BODY, &["--jurisdiction", wrong]);
        assert_eq!(code, Some(2));
        assert!(
            stderr.contains(&format!("did you mean `{right}`")),
            "{stderr}"
        );
    }
}

#[test]
fn shape_8_values_run_together_after_fenbie_are_uncertain_never_a_target() {
    let text = "安丘市推动大规模设备更新和消费品以旧换新行动方案\n为贯彻落实《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号），制定本方案。\n到2027年，规模以上工业企业数字化研发设计工具普及率、关键工序数控化率分别达到92%78%。\n安丘市人民政府\n2024年7月23日\n";
    let (json, stderr) = read(text);
    assert_eq!(json["targets"], serde_json::json!([]), "{stderr}");
    let (_, findings, _) = check_draft(text, &[]);
    let found = codes(&findings);
    assert!(found.contains(&"uncertain-target"), "{found:?}");
    assert!(!found.contains(&"weaker-target"), "{found:?}");
    let uncertain = message(&findings, "uncertain-target").unwrap();
    assert!(uncertain.contains("92%78%"), "{uncertain}");
}

#[test]
fn shape_9_indicator_slips() {
    let (json, _) = read(
        "某方案\n到2027年，规模以上工业企业关键工序数控化率提高5个百分点，二手车年交易量近3万辆，与2023年相比，报废汽车回收量增加一倍。\n",
    );
    assert_eq!(
        targets(&json),
        [
            "规模以上工业企业关键工序数控化率|2027|=|5|百分点|-|total",
            "二手车年交易量|2027|~|30000|辆|-|per-year",
            "报废汽车回收量|2027|=|100|%|2023|total"
        ]
    );
}

#[test]
fn shape_10_wan_in_a_unit_is_ten_thousand() {
    let (json, _) =
        read("某方案\n到2027年，二手车交易量达到3.5万辆。\n到2027年，二手车交易量达到35000辆。\n");
    // The two are one figure: read once, and no conflict within the plan.
    assert_eq!(targets(&json), ["二手车交易量|2027|>=|35000|辆|-|total"]);
    let (_, findings, _) = check_draft(
        "安丘市推动大规模设备更新和消费品以旧换新行动方案\n到2027年，二手车交易量达到3.5万辆。\n到2027年，二手车交易量达到35000辆。\n安丘市人民政府\n2024年7月23日\n",
        &[],
    );
    assert!(
        !codes(&findings).contains(&"conflicting-target"),
        "{findings:?}"
    );
}

/// Every plan of the development sets, checked as a draft with no flag, is placed, or refused
/// with what was looked at and which places its text names.
#[test]
fn every_development_plan_is_placed_or_told_why() {
    let dirs = [
        "../shared/devset/texts",
        "../shared/devset-campaigns/ai-plus/texts",
    ];
    let mut checked = 0;
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(crate::support::root().join(dir)) else {
            continue;
        };
        for entry in entries {
            let path = entry.unwrap().path();
            let out = planlint()
                .arg("check")
                .arg(&path)
                .args(["--corpus", "plans", "--format", "json", "--lang", "en"])
                .output()
                .unwrap();
            let findings = json_diagnostics(&out.stdout);
            let placed = codes(&findings).contains(&"inferred-jurisdiction");
            let told = message(&findings, "unknown-jurisdiction")
                .is_some_and(|m| m.contains("looked at") && m.contains("the text names"));
            assert!(placed || told, "{}: {:?}", path.display(), codes(&findings));
            assert!(
                !codes(&findings).contains(&"ambiguous-jurisdiction"),
                "{}",
                path.display()
            );
            checked += 1;
        }
    }
    assert!(checked == 0 || checked >= 30, "{checked} plans");
}

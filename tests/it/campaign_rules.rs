//! Extraction rules for plans of any campaign (air, energy, water, safety, 人工智能+, …), one
//! test per rule, each text written from scratch for a jurisdiction and campaign outside the
//! seeds and the development sets: traditional script, units of every kind, which way a target
//! improves and whether it is a change, lists of counted things, the layouts of web copies.

use serde_json::Value;

use super::rules::{read, targets};

/// Each target as `indicator|year|comparator|value|unit|better|change`.
fn polar(json: &Value) -> Vec<String> {
    let text = |v: &Value| match v {
        Value::String(s) => s.clone(),
        Value::Null => "-".to_string(),
        other => other.to_string(),
    };
    json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            format!(
                "{}|{}|{}|{}|{}|{}|{}",
                text(&t["indicator"]),
                text(&t["year"]),
                text(&t["comparator"]),
                text(&t["value"]),
                text(&t["unit"]),
                text(&t["better"]),
                t.get("change").map_or("-".to_string(), text),
            )
        })
        .collect()
}

#[test]
fn rule_10_a_plan_in_traditional_script_is_read_and_reported_as_written() {
    let (json, _) = read(
        "某省人民政府關於印發某省空氣質量持續改善行動方案的通知\n某政發〔2025〕4號\n各市人民政府：\n現將《某省空氣質量持續改善行動方案》印發給你們。\n某省人民政府\n2025年3月2日\n某省空氣質量持續改善行動方案\n為持續改善空氣質量，制定本方案。\n到2027年，細顆粒物濃度控制在30微克/立方米以內，優良天數比率達到88%。\n",
    );
    assert_eq!(json["doc_number"], "某政發〔2025〕4號");
    assert_eq!(json["title"], "某省空氣質量持續改善行動方案");
    assert_eq!(json["issuer"], "某省人民政府");
    assert_eq!(
        polar(&json),
        [
            "細顆粒物濃度|2027|<=|30|微克/立方米|lower|-",
            "優良天數比率|2027|>=|88|%|higher|-"
        ]
    );
}

#[test]
fn rule_11_units_of_every_kind_in_base_units() {
    let (json, _) = read(&format!(
        "{}到2026年，全市新增光伏装机容量50万千瓦，年节约用电1.2亿千瓦时，完成节能改造形成节能量约8万吨标准煤，智能算力规模达到2EFlops，数字经济核心产业增加值突破千亿元，重污染天数不超过3天。\n",
        "某市能源绿色低碳转型行动方案\n为推动转型，制定本方案。\n"
    ));
    assert_eq!(
        targets(&json),
        [
            "光伏装机容量|2026|=|500000|千瓦|-|total",
            // 年…: a yearly flow.
            "年节约用电|2026|=|120000000|千瓦时|-|per-year",
            "节能改造形成节能量|2026|~|80000|吨标准煤|-|total",
            "智能算力规模|2026|>=|2|EFlops|-|total",
            "数字经济核心产业增加值|2026|>=|100000000000|元|-|total",
            "重污染天数|2026|<=|3|天|-|total",
        ],
        "{json}"
    );
}

#[test]
fn rule_12_which_way_a_target_improves_and_whether_it_is_a_change() {
    let (json, _) = read(
        "某县节能降碳工作方案\n为完成约束性指标，制定本方案。\n2025年，单位地区生产总值能耗降低3%左右，规模以上工业单位增加值能耗下降4%以上，可再生能源消费占比达到25%，细颗粒物平均浓度达到32微克/立方米，减排二氧化碳约5万吨。\n",
    );
    assert_eq!(
        polar(&json),
        [
            "单位地区生产总值能耗|2025|~|3|%|lower|decrease",
            "规模以上工业单位增加值能耗|2025|>=|4|%|lower|decrease",
            "可再生能源消费占比|2025|>=|25|%|higher|-",
            // A level of a downward indicator: 达到 is a ceiling.
            "细颗粒物平均浓度|2025|<=|32|微克/立方米|lower|-",
            // An amount achieved by reducing: more is better.
            "减排二氧化碳|2025|~|50000|吨|higher|-",
        ],
        "{json}"
    );
    // A change in one year is on the year before.
    let baselines: Vec<&Value> = json["targets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| &t["baseline"])
        .collect();
    assert_eq!(baselines[0], 2024);
    assert_eq!(baselines[2], &Value::Null);
}

#[test]
fn rule_13_lists_of_counted_things_ranges_and_where_something_is_done() {
    let (json, _) = read(
        "某市数字经济发展行动计划\n为发展数字经济，制定本计划。\n到2027年，打造10个左右行业大模型、30个以上典型应用场景和一批创新产品，培育3—5家链主企业，累计在20个以上县区开展数字乡村试点。\n",
    );
    assert_eq!(
        targets(&json),
        [
            "行业大模型|2027|~|10|个|-|total",
            "典型应用场景|2027|>=|30|个|-|total",
            "链主企业|2027|>=|3|家|-|total",
            "开展数字乡村试点的县区|2027|>=|20|个|-|cumulative",
        ],
        "{json}"
    );
}

#[test]
fn rule_14_a_year_line_without_its_full_stop_and_a_yearly_clause() {
    let (json, _) = read(
        "某区体育强区行动方案\n为建设体育强区，制定本方案。\n2026年，经常参加体育锻炼人数比例达到40%，建成社区健身中心12个\n\n2030年，经常参加体育锻炼人数比例达到45%，每年举办赛事20场以上，新建健身步道50公里。\n",
    );
    assert_eq!(
        targets(&json),
        [
            "经常参加体育锻炼人数比例|2026|>=|40|%|-|total",
            "社区健身中心|2026|=|12|个|-|total",
            "经常参加体育锻炼人数比例|2030|>=|45|%|-|total",
            "赛事|annual|>=|20|场|-|total",
            // 每年 holds over its own clause.
            "健身步道|2030|=|50|公里|-|total",
        ],
        "{json}"
    );
}

#[test]
fn rule_15_a_web_copy_with_a_lead_a_heading_and_its_period() {
    let (json, _) = read(
        "近日，某市人民政府办公厅印发《某市智慧交通建设行动方案(2025—2028年)》。方案提出，到2028年建成智慧路口300个。\n\n某市智慧交通建设行动方案\n(2025—2028年)\n为加快智慧交通建设，制定本方案(以下简称《方案》)。\n到2028年，建成智慧路口300个。\n",
    );
    assert_eq!(json["title"], "某市智慧交通建设行动方案(2025—2028年)");
    assert_eq!(json["issuer"], "某市人民政府办公厅");
    // Neither the plan's own title nor its short name is a citation.
    assert_eq!(json["citations"], Value::Array(Vec::new()), "{json}");
}

#[test]
fn rule_15_a_notice_with_its_number_on_its_line_and_a_department_signing() {
    let (json, _) = read(
        "某省教育厅印发某省智慧教育示范区建设方案的通知(某教发〔2025〕21号)\n各市教育局：\n现将《某省智慧教育示范区建设方案》印发给你们。\n某省教育厅\n20250630\n某省智慧教育示范区建设方案\n为推进教育数字化，制定本方案。\n",
    );
    assert_eq!(json["doc_number"], "某教发〔2025〕21号");
    assert_eq!(json["title"], "某省智慧教育示范区建设方案");
    assert_eq!(json["issuer"], "某省教育厅");
    assert_eq!(json["issued"], "2025-06-30");
    assert_eq!(json["citations"], Value::Array(Vec::new()), "{json}");
}

#[test]
fn rule_15_a_draft_for_consultation_is_its_plan_without_the_mark() {
    let (json, _) = read(
        "为落实《某省安全生产专项整治方案》（某安发〔2024〕9号），某县应急管理局起草了《某县安全生产治本攻坚方案(征求意见稿)》，现公开征求意见。\n某县应急管理局\n2025年2月10日\n某县安全生产治本攻坚方案\n(征求意见稿)\n为落实部署，制定本方案。\n到2026年，生产安全事故死亡人数下降10%。\n",
    );
    assert_eq!(json["title"], "某县安全生产治本攻坚方案");
    assert_eq!(json["issuer"], "某县应急管理局");
    let citations = json["citations"].as_array().unwrap();
    assert_eq!(citations.len(), 1, "{json}");
    assert_eq!(citations[0]["doc_number"], "某安发〔2024〕9号");
    assert_eq!(
        polar(&json),
        ["生产安全事故死亡人数|2026|=|10|%|lower|decrease"]
    );
}

#[test]
fn rule_16_bodies_sharing_a_task_a_starred_lead_and_a_cut_name() {
    let (json, _) = read(
        "某市人工智能产业行动方案\n为发展人工智能，制定本方案。\n(一)建设算力设施。加快建设。(市经信局、市发展改革委等按职责分工负责)\n(二)培育企业。支持企业发展。(责任单位:☆市科技局、市商务局。标☆的为牵头单位,下同。)\n(三)开放场景。推动应用。(责任单位:市数据局、市大数据运营公\n",
    );
    let tasks = json["tasks"].as_array().unwrap();
    let roles = |t: &Value| (t["lead"].clone(), t["responsible"].clone());
    assert_eq!(
        roles(&tasks[0]),
        (
            Value::Array(Vec::new()),
            serde_json::json!(["市经信局", "市发展改革委"])
        )
    );
    assert_eq!(
        roles(&tasks[1]),
        (
            serde_json::json!(["市科技局"]),
            serde_json::json!(["市商务局"])
        )
    );
    // The copy stops inside the last name: it is left out.
    assert_eq!(roles(&tasks[2]).1, serde_json::json!(["市数据局"]));
}

#[test]
fn rule_17_a_goal_may_open_with_its_verb_and_have_no_year() {
    let (json, _) = read(
        "某市推进算力网络建设工作方案\n为推进建设，制定本方案。\n围绕产业布局，持续提升数据中心绿色电力使用比例，推动算力设施集约发展。\n",
    );
    let goals = json["qualitative"].as_array().unwrap();
    assert_eq!(goals.len(), 1, "{goals:?}");
    assert_eq!(goals[0]["indicator"], "数据中心绿色电力使用比例");
    assert_eq!(goals[0]["text"], "持续提升");
    assert!(goals[0]["year"].is_null());
}

#[test]
fn rule_18_a_copy_cut_inside_its_targets_is_partial_and_said() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, text: &str| std::fs::write(dir.path().join(name), text).unwrap();
    write(
        "province.txt",
        "湖北省人民政府关于印发湖北省算力网络建设行动方案的通知\n鄂政发〔2025〕9号\n各市、州、县人民政府：\n现将《湖北省算力网络建设行动方案》印发给你们。\n湖北省人民政府\n2025年2月3日\n湖北省算力网络建设行动方案\n一、主要目标\n到2027年，全省数据中心电能利用效率不高于1.3，算力网络节点时延达标率达到95%。\n",
    );
    // The mirror's copy stops in the middle of the city's target sentence.
    write(
        "city.txt",
        "宜昌市人民政府关于印发宜昌市算力网络建设行动方案的通知\n宜府发〔2025〕4号\n各县市区人民政府：\n现将《宜昌市算力网络建设行动方案》印发给你们。\n宜昌市人民政府\n2025年4月8日\n宜昌市算力网络建设行动方案\n为贯彻落实《湖北省算力网络建设行动方案》（鄂政发〔2025〕9号），制定本方案。\n一、主要目标\n到2027年，全市数据中心电能利用效率不高于1.25，算力网",
    );
    let out = crate::support::planlint()
        .args(["check", "--format", "json", "--lang", "en"])
        .arg(dir.path())
        .output()
        .unwrap();
    let codes: Vec<String> = crate::support::json_diagnostics(&out.stdout)
        .iter()
        .filter(|d| {
            d["location"]["file"]
                .as_str()
                .unwrap_or_default()
                .ends_with("city.txt")
        })
        .map(|d| d["code"].as_str().unwrap_or_default().to_string())
        .collect();
    assert!(codes.contains(&"truncated-text".to_string()), "{codes:?}");
    assert!(!codes.contains(&"omitted-target".to_string()), "{codes:?}");
}

#[test]
fn rule_texts_are_not_copied_from_the_development_sets() {
    let source =
        std::fs::read_to_string(crate::support::root().join("tests/it/campaign_rules.rs")).unwrap();
    for dir in [
        "../shared/devset/texts",
        "../shared/devset-campaigns/ai-plus/texts",
    ] {
        let Ok(entries) = std::fs::read_dir(dir) else {
            continue;
        };
        for entry in entries {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            for sentence in text.split(['。', '\n']).filter(|s| s.chars().count() >= 20) {
                assert!(!source.contains(sentence.trim()), "copied: {sentence}");
            }
        }
    }
}

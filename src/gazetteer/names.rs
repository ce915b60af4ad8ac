//! The names plans call a division by, derived from its official name: the level word dropped
//! (平度市 → 平度), an autonomous area without its peoples (延边朝鲜族自治州 → 延边), a zone by its
//! usual short form (济宁高新技术产业开发区 → 济宁高新区); and the 文号 prefixes its government
//! probably issues under (青政发), which are only ever evidence.

use super::Division;
use crate::model::Level;

/// The 55 minority peoples, as autonomous areas name them (朝鲜族, 土家族…).
const PEOPLES: [&str; 55] = [
    "蒙古",
    "回",
    "藏",
    "维吾尔",
    "苗",
    "彝",
    "壮",
    "布依",
    "朝鲜",
    "满",
    "侗",
    "瑶",
    "白",
    "土家",
    "哈尼",
    "哈萨克",
    "傣",
    "黎",
    "傈僳",
    "佤",
    "畲",
    "高山",
    "拉祜",
    "水",
    "东乡",
    "纳西",
    "景颇",
    "柯尔克孜",
    "土",
    "达斡尔",
    "仫佬",
    "羌",
    "布朗",
    "撒拉",
    "毛南",
    "仡佬",
    "锡伯",
    "阿昌",
    "普米",
    "塔吉克",
    "怒",
    "乌孜别克",
    "俄罗斯",
    "鄂温克",
    "德昂",
    "保安",
    "裕固",
    "京",
    "塔塔尔",
    "独龙",
    "鄂伦春",
    "赫哲",
    "门巴",
    "珞巴",
    "基诺",
];

/// Each province's 简称, which its government's 文号 begin with (鲁政发).
const PROVINCE_ABBREVIATIONS: [(&str, &str); 31] = [
    ("11", "京"),
    ("12", "津"),
    ("13", "冀"),
    ("14", "晋"),
    ("15", "内"),
    ("21", "辽"),
    ("22", "吉"),
    ("23", "黑"),
    ("31", "沪"),
    ("32", "苏"),
    ("33", "浙"),
    ("34", "皖"),
    ("35", "闽"),
    ("36", "赣"),
    ("37", "鲁"),
    ("41", "豫"),
    ("42", "鄂"),
    ("43", "湘"),
    ("44", "粤"),
    ("45", "桂"),
    ("46", "琼"),
    ("50", "渝"),
    ("51", "川"),
    ("52", "黔"),
    ("53", "云"),
    ("54", "藏"),
    ("61", "陕"),
    ("62", "甘"),
    ("63", "青"),
    ("64", "宁"),
    ("65", "新"),
];

/// The kinds of a government's documents, after its 简称 (鲁政发, 赣府发, 黔府办函, 豫政办).
const DOCUMENT_KINDS: [&str; 10] = [
    "政发",
    "政字",
    "政办发",
    "政办字",
    "政办函",
    "政办",
    "政函",
    "府发",
    "府办发",
    "府办函",
];

/// Level words a name ends with, longest first.
const LEVEL_WORDS: [&str; 9] = [
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "省",
    "市",
    "县",
];

/// The names besides the official one that plans use, each at least two characters.
#[must_use]
pub fn short_names(division: &Division) -> Vec<String> {
    let mut names = Vec::new();
    if division.zone {
        names.extend(zone_short_names(&division.name));
    } else if let Some(short) = without_level_word(&division.name) {
        // An autonomous prefecture, county or banner is also called by its short name and its
        // level's character: 黔东南州, 长阳县.
        let level_char = [("自治州", "州"), ("自治县", "县"), ("自治旗", "旗")]
            .iter()
            .find_map(|(word, c)| division.name.ends_with(word).then_some(*c));
        let with_level_char = level_char.map(|c| format!("{short}{c}"));
        names.push(short);
        names.extend(with_level_char);
    }
    names.retain(|n| n != &division.name && n.chars().count() >= 2);
    names.dedup();
    names
}

/// 平度市 → 平度; 广西壮族自治区 → 广西; 黔东南苗族侗族自治州 → 黔东南; 城区 → none.
fn without_level_word(name: &str) -> Option<String> {
    let mut stem = LEVEL_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .or_else(|| ["区", "旗", "盟"].iter().find_map(|w| name.strip_suffix(w)))?;
    // Peoples named before 自治…, last first: 苗族侗族 → 苗族 → none.
    while let Some(before) = stem.strip_suffix('族') {
        let Some(people) = PEOPLES
            .iter()
            .filter(|p| before.ends_with(*p))
            .max_by_key(|p| p.chars().count())
        else {
            break;
        };
        stem = &before[..before.len() - people.len()];
    }
    (stem.chars().count() >= 2).then(|| stem.to_string())
}

/// 济宁高新技术产业开发区 → 济宁高新区; 邯郸经济技术开发区 → 邯郸经开区.
fn zone_short_names(name: &str) -> Vec<String> {
    let mut names = Vec::new();
    for (long, short) in [
        ("高新技术产业开发区", "高新区"),
        ("高新技术产业园区", "高新区"),
        ("经济技术开发区", "经开区"),
    ] {
        if let Some(place) = name.strip_suffix(long) {
            let place = place.strip_suffix('市').unwrap_or(place);
            names.push(format!("{place}{short}"));
            names.push(format!("{place}{long}"));
        }
    }
    names
}

/// The 文号 prefixes a division's government probably issues under: its province's 简称 or its
/// short name's first character, followed by the kinds of its government's and its office's
/// documents (政发, 政办发, 府发, 府办函…).
#[must_use]
pub fn doc_prefixes(division: &Division) -> Vec<String> {
    let head = if division.level == Level::Provincial {
        PROVINCE_ABBREVIATIONS
            .iter()
            .find(|(code, _)| division.code.starts_with(code))
            .map(|(_, a)| (*a).to_string())
    } else {
        short_names(division)
            .first()
            .map_or(division.name.as_str(), String::as_str)
            .chars()
            .next()
            .map(String::from)
    };
    head.map(|h| {
        DOCUMENT_KINDS
            .iter()
            .map(|kind| format!("{h}{kind}"))
            .collect()
    })
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::super::BUNDLED;
    use super::*;

    fn short(code: &str) -> Vec<String> {
        short_names(&BUNDLED.divisions[BUNDLED.index(code).unwrap()])
    }

    #[test]
    fn level_words_and_peoples_are_dropped() {
        assert_eq!(short("370283"), ["平度"]);
        assert_eq!(short("370200"), ["青岛"]);
        assert_eq!(short("450000"), ["广西"]);
        assert_eq!(short("150000"), ["内蒙古"]);
        assert_eq!(short("222400"), ["延边", "延边州"]);
        assert_eq!(short("522600"), ["黔东南", "黔东南州"]);
    }

    #[test]
    fn one_character_stems_are_not_names() {
        // 城区 (a district of several cities) would leave one character.
        let city_district = BUNDLED.divisions.iter().find(|d| d.name == "城区").unwrap();
        assert!(short_names(city_district).is_empty());
    }

    #[test]
    fn zones_get_their_usual_short_form() {
        assert!(short("370871").contains(&"济宁高新区".to_string()));
    }

    #[test]
    fn prefixes_come_from_the_province_abbreviation_or_the_short_name() {
        let prefixes = |code: &str| doc_prefixes(&BUNDLED.divisions[BUNDLED.index(code).unwrap()]);
        assert!(prefixes("370000").contains(&"鲁政发".to_string()));
        assert!(prefixes("370200").contains(&"青政发".to_string()));
        assert!(prefixes("370283").contains(&"平政发".to_string()));
        assert!(prefixes("360000").contains(&"赣府发".to_string()));
        assert!(prefixes("520000").contains(&"黔府办函".to_string()));
    }
}

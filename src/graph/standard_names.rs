//! Names that are real bodies without being listed: counties merge functions freely
//! (科学技术和工业信息化局, 文化广播电视体育和旅游局), and bodies of other levels stationed in a
//! jurisdiction follow patterns (潍坊市生态环境局安丘分局, 国家税务总局平度市税务局). Under a default
//! registry, where precision matters more than recall, such a name is never dangling.

/// Function stems a body's name is built from, longest first where one contains another.
const STEMS: [&str; 48] = [
    "人力资源和社会保障",
    "粮食和物资储备",
    "住房和城乡建设",
    "工业和信息化",
    "经济和信息化",
    "退役军人事务",
    "市场监督管理",
    "发展和改革",
    "工业信息化",
    "广播电视",
    "农业农村",
    "投资促进",
    "行政审批",
    "政务服务",
    "卫生健康",
    "医疗保障",
    "自然资源",
    "城乡建设",
    "交通运输",
    "应急管理",
    "生态环境",
    "科学技术",
    "新闻出版",
    "综合执法",
    "城市管理",
    "大数据",
    "信息化",
    "科技",
    "工业",
    "教育",
    "体育",
    "文化",
    "广电",
    "旅游",
    "水利",
    "水务",
    "商务",
    "民政",
    "数据",
    "统计",
    "审计",
    "司法",
    "财政",
    "林业",
    "草原",
    "能源",
    "规划",
    "民族宗教",
];

/// Words a merged body's functions are joined by.
const JOINERS: [&str; 2] = ["和", "与"];

/// A department named only by known functions (科技和工业信息化局, 教育体育局): at least two
/// stems, joined or not by 和/与, ending in 局 or 委员会.
#[must_use]
pub(super) fn is_composite(core: &str) -> bool {
    let Some(mut rest) = ["委员会", "局"].iter().find_map(|s| core.strip_suffix(s)) else {
        return false;
    };
    let mut stems = 0;
    while !rest.is_empty() {
        let Some(stem) = STEMS.iter().find(|s| rest.starts_with(*s)) else {
            return false;
        };
        rest = &rest[stem.len()..];
        stems += 1;
        if let Some(joined) = JOINERS.iter().find_map(|j| rest.strip_prefix(j))
            && !joined.is_empty()
        {
            rest = joined;
        }
    }
    stems >= 2
}

/// A body of another level stationed here, by the patterns its names follow.
#[must_use]
pub(super) fn is_stationed(name: &str) -> bool {
    const STARTS: [&str; 4] = [
        "国家税务总局",
        "国家金融监督管理总局",
        "中国人民银行",
        "国家统计局",
    ];
    const CONTAINS: [&str; 9] = [
        "生态环境局",
        "交通警察大队",
        "交警大队",
        "消防救援",
        "供电公司",
        "供电中心",
        "调查队",
        "气象局",
        "监管支局",
    ];
    let branch = name.ends_with("分局") && name.contains('局') && name.matches('局').count() >= 2;
    STARTS.iter().any(|s| name.starts_with(s))
        || CONTAINS.iter().any(|c| name.contains(c))
        || branch
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn merged_functions_are_departments() {
        assert!(is_composite("科学技术和工业信息化局"));
        assert!(is_composite("文化广播电视体育和旅游局"));
        assert!(is_composite("教育体育局"));
        assert!(is_composite("农业农村和水利局"));
        assert!(!is_composite("商物局"), "a typo is not a stem");
        assert!(
            !is_composite("财政局"),
            "one function is a registry entry, not a composite"
        );
        assert!(!is_composite("科技和工业信息化中心"));
    }

    #[test]
    fn stationed_bodies_follow_patterns() {
        assert!(is_stationed("青岛市生态环境局平度分局"));
        assert!(is_stationed("国家税务总局平度市税务局"));
        assert!(is_stationed("市公安局交通警察大队"));
        assert!(is_stationed("自然资源和规划局平度分局"));
        assert!(!is_stationed("市商物局"));
    }
}

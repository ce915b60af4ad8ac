//! A campaign is what every level's plan restates: 推动大规模设备更新和消费品以旧换新. Children
//! prefix their jurisdiction's name and pick any genre word (行动方案, 实施方案, 工作方案,
//! 工作落实方案, 若干举措, 若干措施, 行动计划（2024—2027年）), so the campaign is the title
//! without both.

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;

use super::text::fold_title;

#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Campaign(String);

static GENRE: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    Regex::new(
        r"(?:(?:工作落实|行动|实施|工作|推进|落实)?(?:方案|计划|意见|规划)|若干(?:举措|措施|政策措施)|(?:政策)?措施|举措)(?:\(?[0-9]{4}[-—–~至][0-9]{4}年\)?)?$",
    )
    .unwrap()
});

impl Campaign {
    /// The campaign of a plan titled `title`, issued in a jurisdiction known by `names`
    /// (its own names and its ancestors', longest first is not required).
    #[must_use]
    pub fn from_title<'a>(title: &str, names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut core = super::text::plan_title_core(title);
        let mut names: Vec<String> = names.into_iter().map(fold_title).collect();
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        // Strip as many jurisdiction names as lead the title (威海市环翠区…).
        while let Some(name) = names
            .iter()
            .find(|n| !n.is_empty() && core.starts_with(n.as_str()))
        {
            core = core[name.len()..].to_string();
        }
        let core = GENRE.replace(&core, "").into_owned();
        Self(core)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Campaign {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn provinces_genres_name_the_same_campaign() {
        let national = Campaign::from_title("推动大规模设备更新和消费品以旧换新行动方案", []);
        for title in [
            "浙江省推动大规模设备更新和消费品以旧换新若干举措",
            "江门市推动大规模设备更新和消费品以旧换新若干措施",
            "广西推动大规模设备更新和消费品以旧换新行动计划（2024—2027年）",
            "推动大规模设备更新和消费品以旧换新实施方案",
        ] {
            let names = ["浙江省", "江门市", "广西"];
            assert_eq!(Campaign::from_title(title, names), national, "{title}");
        }
    }

    #[test]
    fn every_level_names_the_same_campaign() {
        let national = Campaign::from_title("推动大规模设备更新和消费品以旧换新行动方案", []);
        let province = Campaign::from_title(
            "山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知",
            ["山东省", "山东"],
        );
        let district = Campaign::from_title(
            "威海市环翠区推动大规模设备更新和消费品以旧换新工作落实方案",
            ["环翠区", "威海市", "山东省"],
        );
        assert_eq!(national.as_str(), "推动大规模设备更新和消费品以旧换新");
        assert_eq!(national, province);
        assert_eq!(national, district);
    }
}

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
        r"(?:(?:工作落实|行动|实施|工作|推进|落实)?(?:方案|计划|意见|规划)|若干(?:举措|措施|政策措施)|(?:政策)?措施|举措)$",
    )
    .unwrap()
});

/// A period or a draft's mark at either end: `(2024—2027年)`, `2024—2025年`, `(征求意见稿)`.
static PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    #[expect(
        clippy::unwrap_used,
        reason = "a literal pattern, checked by the unit tests"
    )]
    Regex::new(
        r"^\(?[0-9]{4}[-—–~至][0-9]{4}年\)?|\(?[0-9]{4}[-—–~至][0-9]{4}年\)?$|\((?:征求意见稿|送审稿|草案|试行|暂行)\)$",
    )
    .unwrap()
});

/// What a title puts before the campaign's own words and what varies between levels: the verb
/// (推动, 推进, 加快推动, 扎实推进, 贯彻落实…), `关于`, and the issuer of the plan answered
/// (贯彻落实国务院“人工智能+”行动). Longest first.
const LEADING: [&str; 36] = [
    "贯彻落实",
    "深入实施",
    "全面实施",
    "扎实推进",
    "深入推进",
    "全面推进",
    "加快推进",
    "大力推进",
    "积极推进",
    "持续推进",
    "纵深推进",
    "加快推动",
    "全力推动",
    "大力推动",
    "积极推动",
    "扎实推动",
    "持续推动",
    "深入推动",
    "进一步",
    "国务院",
    "省政府",
    "市政府",
    "关于",
    "推进",
    "推动",
    "落实",
    "贯彻",
    "实施",
    "加快",
    "促进",
    "支持",
    "深化",
    "开展",
    "做好",
    "全面",
    "深入",
];

/// What a title puts after the campaign's own words: `的`, `行动` before the genre (“人工智能+”
/// 行动的意见 and “人工智能+”行动方案 are one campaign), a length of time (三年).
const TRAILING: [&str; 5] = ["的", "行动", "三年", "两年", "五年"];

/// The campaign a title quotes is its own words: what comes before the opening mark, when it
/// ends in a level's character, is a place, even one a copy has damaged (关键词1省“人工智能+”…).
fn without_place_before_quote(title: &str) -> String {
    const LEVEL_CHARACTERS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];
    let Some(open) = title.find(['“', '"']) else {
        return title.to_string();
    };
    let before = &title[..open];
    if before.ends_with(LEVEL_CHARACTERS) && before.chars().count() <= 12 {
        title[open..].to_string()
    } else {
        title.to_string()
    }
}

impl Campaign {
    /// The campaign of a plan titled `title`, issued in a jurisdiction known by `names`
    /// (its own names and its ancestors'): the title without the notice wrapper, quote marks,
    /// jurisdiction names, leading verbs, the genre word, the period and a draft's mark, so that
    /// 山东省推动…实施方案, 诸城市推进…工作方案 and 关于加快推动…的通知 name one campaign.
    #[must_use]
    pub fn from_title<'a>(title: &str, names: impl IntoIterator<Item = &'a str>) -> Self {
        let full =
            super::text::plan_title_core(&without_place_before_quote(&super::text::fold(title)));
        let mut names: Vec<String> = names.into_iter().map(fold_title).collect();
        names.retain(|n| !n.is_empty());
        names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
        let mut core: String = full
            .chars()
            .filter(|c| !matches!(c, '“' | '”' | '"' | '\'' | '‘' | '’' | '「' | '」'))
            .collect();
        loop {
            let before = core.len();
            if let Some(name) = names.iter().find(|n| core.starts_with(n.as_str())) {
                core.drain(..name.len());
            }
            if let Some(word) = LEADING.iter().find(|w| core.starts_with(*w)) {
                core.drain(..word.len());
            }
            core = PERIOD.replace_all(&core, "").into_owned();
            core = GENRE.replace(&core, "").into_owned();
            if let Some(word) = TRAILING.iter().find(|w| core.ends_with(*w)) {
                core.truncate(core.len() - word.len());
            }
            if core.len() == before {
                break;
            }
        }
        // A title of nothing but a genre (实施方案) names no campaign: it stands for itself.
        if core.chars().count() < 2 {
            return Self(full);
        }
        Self(core)
    }

    #[must_use]
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// How alike two campaigns' words are, from 0 to 1: the Dice coefficient of their character
    /// bigrams (人工智能创新发展 and 人工智能+ share 人工, 工智, 智能).
    #[must_use]
    pub fn similarity(&self, other: &Campaign) -> f64 {
        let bigrams = |s: &str| -> Vec<(char, char)> {
            let chars: Vec<char> = s.chars().collect();
            let mut pairs: Vec<(char, char)> = chars.windows(2).map(|w| (w[0], w[1])).collect();
            pairs.sort_unstable();
            pairs.dedup();
            pairs
        };
        let (a, b) = (bigrams(&self.0), bigrams(&other.0));
        if a.is_empty() || b.is_empty() {
            return if self == other { 1.0 } else { 0.0 };
        }
        let shared = a.iter().filter(|p| b.binary_search(p).is_ok()).count();
        #[expect(
            clippy::cast_precision_loss,
            reason = "bigram counts of a title are small"
        )]
        let dice = 2.0 * shared as f64 / (a.len() + b.len()) as f64;
        dice
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
        assert_eq!(national.as_str(), "大规模设备更新和消费品以旧换新");
        assert_eq!(national, province);
        assert_eq!(national, district);
    }

    #[test]
    fn verbs_genres_periods_and_wrappers_name_the_same_campaign() {
        let national = Campaign::from_title("推动大规模设备更新和消费品以旧换新行动方案", []);
        let names = ["诸城市", "潍坊市", "山东省"];
        for title in [
            "诸城市推进大规模设备更新和消费品以旧换新实施方案",
            "诸城市加快推动大规模设备更新和消费品以旧换新工作方案",
            "关于推动大规模设备更新和消费品以旧换新的若干措施",
            "诸城市扎实推进大规模设备更新和消费品以旧换新行动方案（2024—2027年）",
            "诸城市人民政府关于印发诸城市推动大规模设备更新和消费品以旧换新实施方案的通知",
            "诸城市推动大规模设备更新和消费品以旧换新实施方案（征求意见稿）",
        ] {
            assert_eq!(Campaign::from_title(title, names), national, "{title}");
        }
    }

    #[test]
    fn a_campaigns_levels_agree_whatever_their_genre() {
        let national = Campaign::from_title("国务院关于深入实施“人工智能+”行动的意见", []);
        assert_eq!(national.as_str(), "人工智能+");
        for (title, names) in [
            (
                "湖南省贯彻落实国务院“人工智能+”行动的实施方案",
                vec!["湖南省"],
            ),
            ("长沙市“人工智能+”行动方案", vec!["长沙市", "湖南省"]),
            ("深入实施“人工智能+”行动方案", vec!["甘肃省"]),
            ("重庆市推动“人工智能+”行动方案", vec!["重庆市"]),
            // A mirror replaced 江苏 by a placeholder: the quoted campaign still names it.
            ("关键词1省“人工智能+”行动方案", vec!["江苏省"]),
        ] {
            assert_eq!(Campaign::from_title(title, names), national, "{title}");
        }
        let energy = Campaign::from_title("2024—2025年节能降碳行动方案", []);
        assert_eq!(energy.as_str(), "节能降碳");
        assert!(national.similarity(&energy) < 0.1);
    }

    #[test]
    fn related_wordings_are_alike_and_others_are_not() {
        let measures = Campaign::from_title("关于支持人工智能创新发展的若干措施", []);
        let city = Campaign::from_title("宁波市人工智能创新发展行动方案(2025—2030年)", ["宁波市"]);
        assert_eq!(measures, city);
        let national = Campaign::from_title("国务院关于深入实施“人工智能+”行动的意见", []);
        assert!(measures.similarity(&national) > 0.3);
        let equipment = Campaign::from_title("推动大规模设备更新和消费品以旧换新行动方案", []);
        assert!(equipment.similarity(&national) < 0.1);
        // A title of nothing but a genre is a campaign of its own.
        assert_eq!(Campaign::from_title("实施方案", []).as_str(), "实施方案");
    }
}

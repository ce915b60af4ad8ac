//! How a target bounds its value: 达到/以上/不低于 (at least), 超过 (more than), 以内/不超过/降至
//! (at most), 约/左右 (about), or a bare figure (exactly).

use std::fmt;
use std::str::FromStr;

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    About,
    Exactly,
}

/// The word was not one planlint knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown comparator")]
pub struct UnknownComparator;

impl FromStr for Comparator {
    type Err = UnknownComparator;

    /// Accepts the symbols the JSON output and the scorer use (`>=`, `<=`, `~`, `=`, `>`, `<`)
    /// and the Chinese words plans use.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let word = super::text::fold(text);
        let comparator = match word.as_str() {
            ">=" | "≥" | "达到" | "以上" | "不低于" | "不少于" | "累计" | "力争" | "达"
            | "提高到" | "提升到" | "稳定在" => Comparator::AtLeast,
            ">" | "超过" | "超" | "高于" | "多于" => Comparator::MoreThan,
            "<=" | "≤" | "以内" | "不超过" | "控制在" | "降至" | "以下" | "不高于" => {
                Comparator::AtMost
            }
            "<" | "低于" | "少于" => Comparator::LessThan,
            "~" | "约" | "左右" | "约为" => Comparator::About,
            "=" | "增长" | "增加" | "实现" | "完成" | "建成" | "为" => {
                Comparator::Exactly
            }
            _ => return Err(UnknownComparator),
        };
        Ok(comparator)
    }
}

impl Comparator {
    /// The symbol used in machine output.
    #[must_use]
    pub fn symbol(self) -> &'static str {
        match self {
            Comparator::AtLeast => ">=",
            Comparator::MoreThan => ">",
            Comparator::AtMost => "<=",
            Comparator::LessThan => "<",
            Comparator::About => "~",
            Comparator::Exactly => "=",
        }
    }

    /// How the bound reads in Chinese, after the value (`75%以上`).
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            Comparator::AtLeast => "以上",
            Comparator::MoreThan => "超过",
            Comparator::AtMost => "以内",
            Comparator::LessThan => "低于",
            Comparator::About => "约",
            Comparator::Exactly => "",
        }
    }

    /// How the bound reads in English, before the value.
    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Comparator::AtLeast => "at least ",
            Comparator::MoreThan => "more than ",
            Comparator::AtMost => "at most ",
            Comparator::LessThan => "less than ",
            Comparator::About => "about ",
            Comparator::Exactly => "",
        }
    }

    /// Whether it promises an upper bound (the value is a ceiling).
    #[must_use]
    pub fn is_upper_bound(self) -> bool {
        matches!(self, Comparator::AtMost | Comparator::LessThan)
    }

    /// Whether it promises a lower bound (the value is a floor). A bare or approximate figure
    /// is read as the level the plan commits to, so it counts as both.
    #[must_use]
    pub fn is_lower_bound(self) -> bool {
        !self.is_upper_bound()
    }
}

impl fmt::Display for Comparator {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.symbol())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_symbols_parse() {
        assert_eq!("以上".parse(), Ok(Comparator::AtLeast));
        assert_eq!("超过".parse(), Ok(Comparator::MoreThan));
        assert_eq!("以内".parse(), Ok(Comparator::AtMost));
        assert_eq!("降至".parse(), Ok(Comparator::AtMost));
        assert_eq!("左右".parse(), Ok(Comparator::About));
        assert_eq!("约".parse(), Ok(Comparator::About));
        assert_eq!("增长".parse(), Ok(Comparator::Exactly));
        assert_eq!("＞＝".parse(), Ok(Comparator::AtLeast));
        assert_eq!("<=".parse(), Ok(Comparator::AtMost));
        assert_eq!("大约".parse::<Comparator>(), Err(UnknownComparator));
    }
}

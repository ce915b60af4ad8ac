//! How a target bounds its value: 达到/以上/不低于 (at least), 超过 (more than), 以内/不超过/降至
//! (at most), 约/左右 (about), or a bare figure (exactly).

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Comparator {
    AtLeast,
    MoreThan,
    AtMost,
    LessThan,
    About,
    Exactly,
}

/// Comparator words that may stand right before a value, longest first.
pub const PREFIX_WORDS: [(&str, Comparator); 30] = [
    ("不低于", Comparator::AtLeast),
    ("不少于", Comparator::AtLeast),
    ("不超过", Comparator::AtMost),
    ("不高于", Comparator::AtMost),
    ("控制在", Comparator::AtMost),
    ("降低到", Comparator::AtMost),
    ("降低至", Comparator::AtMost),
    ("下降到", Comparator::AtMost),
    ("提高到", Comparator::AtLeast),
    ("提高至", Comparator::AtLeast),
    ("提升到", Comparator::AtLeast),
    ("提升至", Comparator::AtLeast),
    ("增长到", Comparator::AtLeast),
    ("保持在", Comparator::AtLeast),
    ("稳定在", Comparator::AtLeast),
    ("降至", Comparator::AtMost),
    ("达到", Comparator::AtLeast),
    ("超过", Comparator::MoreThan),
    ("突破", Comparator::MoreThan),
    ("高于", Comparator::MoreThan),
    ("低于", Comparator::LessThan),
    ("少于", Comparator::LessThan),
    ("增长", Comparator::Exactly),
    ("增加", Comparator::Exactly),
    // 年交易量近3万辆: about the figure.
    ("接近", Comparator::About),
    ("实现", Comparator::Exactly),
    ("超", Comparator::MoreThan),
    ("达", Comparator::AtLeast),
    ("为", Comparator::Exactly),
    ("近", Comparator::About),
];

/// Words after a value that bound it.
pub const SUFFIX_WORDS: [(&str, Comparator); 6] = [
    ("及以上", Comparator::AtLeast),
    ("以上", Comparator::AtLeast),
    ("以内", Comparator::AtMost),
    ("之内", Comparator::AtMost),
    ("以下", Comparator::AtMost),
    ("左右", Comparator::About),
];

/// Symbols (as the JSON output and the scorer write them) and further words a plan file may
/// give as its comparator, besides the words of running text above.
const FILE_WORDS: [(&str, Comparator); 18] = [
    (">=", Comparator::AtLeast),
    ("≥", Comparator::AtLeast),
    ("累计", Comparator::AtLeast),
    ("力争", Comparator::AtLeast),
    (">", Comparator::MoreThan),
    ("多于", Comparator::MoreThan),
    ("<=", Comparator::AtMost),
    ("≤", Comparator::AtMost),
    ("<", Comparator::LessThan),
    ("~", Comparator::About),
    ("约", Comparator::About),
    ("约为", Comparator::About),
    ("=", Comparator::Exactly),
    ("完成", Comparator::Exactly),
    ("建成", Comparator::Exactly),
    ("下降", Comparator::Exactly),
    ("降低", Comparator::Exactly),
    ("减少", Comparator::Exactly),
];

/// The word was not one planlint knows.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown comparator")]
pub struct UnknownComparator;

impl FromStr for Comparator {
    type Err = UnknownComparator;

    /// Accepts the symbols the JSON output and the scorer use (`>=`, `<=`, `~`, `=`, `>`, `<`)
    /// and every word the text reader knows, so a plan file and a plan's text agree.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let word = super::text::fold(text);
        FILE_WORDS
            .iter()
            .chain(&PREFIX_WORDS)
            .chain(&SUFFIX_WORDS)
            .find(|(w, _)| *w == word)
            .map(|(_, c)| *c)
            .ok_or(UnknownComparator)
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

    /// The same bound on the negated figure: at least 8 is at most −8.
    #[must_use]
    pub fn flipped(self) -> Comparator {
        match self {
            Comparator::AtLeast => Comparator::AtMost,
            Comparator::MoreThan => Comparator::LessThan,
            Comparator::AtMost => Comparator::AtLeast,
            Comparator::LessThan => Comparator::MoreThan,
            other => other,
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

    #[test]
    fn every_word_of_running_text_parses_in_a_plan_file() {
        for (word, comparator) in PREFIX_WORDS.iter().chain(&SUFFIX_WORDS) {
            assert_eq!(word.parse(), Ok(*comparator), "{word}");
        }
    }

    #[test]
    fn no_word_means_two_things() {
        let all: Vec<_> = FILE_WORDS
            .iter()
            .chain(&PREFIX_WORDS)
            .chain(&SUFFIX_WORDS)
            .collect();
        for (word, comparator) in &all {
            assert!(
                all.iter().all(|(w, c)| w != word || c == comparator),
                "{word}"
            );
        }
    }
}

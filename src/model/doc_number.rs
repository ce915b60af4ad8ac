//! 发文字号 (document numbers) as GB/T 9704-2012 writes them: issuer prefix, year in 六角括号
//! 〔〕, serial, 号 — `国发〔2024〕7号`. Texts in the wild use `[2024]`, `(2024)`, spaces, leading
//! zeros or 第; those still parse (so citations resolve) but remember that they are not standard.

use std::fmt;
use std::str::FromStr;
use std::sync::LazyLock;

use regex::Regex;

use super::text::fold;

/// A parsed document number. Two numbers are the same document number when prefix, year and
/// serial agree, however they were bracketed; which *document* it is also depends on the issuer
/// (济南 and 济宁 both issue 济政发).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DocNumber {
    pub prefix: String,
    pub year: u16,
    pub serial: u32,
    /// What deviates from the standard form, empty when the number was written correctly.
    pub deviations: Vec<Deviation>,
}

/// One way a written number departs from GB/T 9704's form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Deviation {
    /// `[2024]`, `(2024)`, `【2024】`… instead of `〔2024〕`.
    Brackets,
    /// Spaces inside the number (`〔2024〕7 号`).
    Spaces,
    /// `07号`.
    LeadingZero,
    /// `第7号`.
    Di,
}

impl Deviation {
    #[must_use]
    pub fn describe_zh(self) -> &'static str {
        match self {
            Deviation::Brackets => "年份应使用六角括号〔〕",
            Deviation::Spaces => "文号中不应有空格",
            Deviation::LeadingZero => "序号不编虚位（不加前导0）",
            Deviation::Di => "序号前不加“第”字",
        }
    }

    #[must_use]
    pub fn describe_en(self) -> &'static str {
        match self {
            Deviation::Brackets => "the year belongs in 六角括号 〔〕",
            Deviation::Spaces => "a document number has no spaces",
            Deviation::LeadingZero => "the serial has no leading zero",
            Deviation::Di => "the serial is not preceded by 第",
        }
    }
}

/// Why a string is not a document number at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a document number of the form 机关代字〔年份〕序号号")]
pub struct NotADocNumber;

/// The brackets a document number's year may stand in, once folded (NFKC makes （）［］ ASCII),
/// as regex character-class contents.
const OPEN_BRACKETS: &str = r"〔\[(【〖";
const CLOSE_BRACKETS: &str = r"〕\])】〗";

/// A document number in folded running text: an issuer prefix of `min_prefix` to 14 Han
/// characters, the bracketed year (a mirror may drop the opening bracket: `国发2025〕11号`), an
/// optional 第, the serial and 号. The header, citation and
/// target readers all find numbers with it, and [`DocNumber`] parses what they find.
#[must_use]
pub fn pattern_in_text(min_prefix: usize) -> String {
    format!(
        r"\p{{Han}}{{{min_prefix},14}}[{OPEN_BRACKETS}]?[0-9]{{4}}[{CLOSE_BRACKETS}]第?[0-9]{{1,4}}{LAST}"
    )
}

/// The character every number [`pattern_in_text`] finds ends with.
const LAST: char = '号';

/// Whether `text` can hold a number [`pattern_in_text`] finds: one without 号 cannot, and is
/// not searched (most of a plan's lines hold none, and the pattern, which starts with any Han
/// character, is tried at every one of them).
#[must_use]
pub fn may_be_in(text: &str) -> bool {
    text.contains(LAST)
}

static DOC_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    // Folded (NFKC, so full-width brackets and digits are ASCII) but spaces kept, to detect them.
    #[expect(clippy::unwrap_used, reason = "a fixed pattern, checked by the unit tests")]
    Regex::new(&format!(
        r"^(?<prefix>\p{{Han}}[\p{{Han}}A-Za-z]*)\s*(?<open>[{OPEN_BRACKETS}])?\s*(?<year>[0-9]{{4}})\s*(?<close>[{CLOSE_BRACKETS}])\s*(?<di>第)?\s*(?<serial>[0-9]+)\s*号$"
    ))
    .unwrap()
});

impl FromStr for DocNumber {
    type Err = NotADocNumber;

    fn from_str(written: &str) -> Result<Self, Self::Err> {
        use unicode_normalization::UnicodeNormalization;
        let trimmed = written.trim();
        // NFKC turns 〔〕 into themselves but （） and ［］ into ASCII; keep spaces for Spaces.
        // A traditional-script copy writes 蘇政發〔2025〕108號: read as 苏政发〔2025〕108号.
        let folded: String = trimmed.nfkc().map(super::script::simplified).collect();
        let caps = DOC_NUMBER.captures(&folded).ok_or(NotADocNumber)?;
        let year: u16 = caps["year"].parse().map_err(|_| NotADocNumber)?;
        let serial_text = &caps["serial"];
        let serial: u32 = serial_text.parse().map_err(|_| NotADocNumber)?;
        if serial == 0 {
            return Err(NotADocNumber);
        }
        let mut deviations = Vec::new();
        if !(trimmed.contains('〔') && trimmed.contains('〕')) {
            deviations.push(Deviation::Brackets);
        }
        if folded.chars().any(char::is_whitespace) {
            deviations.push(Deviation::Spaces);
        }
        if serial_text.starts_with('0') {
            deviations.push(Deviation::LeadingZero);
        }
        if caps.name("di").is_some() {
            deviations.push(Deviation::Di);
        }
        Ok(Self {
            prefix: fold(&caps["prefix"]),
            year,
            serial,
            deviations,
        })
    }
}

impl DocNumber {
    /// Whether the number was written in the standard form.
    #[must_use]
    pub fn is_standard(&self) -> bool {
        self.deviations.is_empty()
    }

    /// The same number, written in the standard form.
    #[must_use]
    pub fn canonical(&self) -> String {
        self.to_string()
    }

    /// Identity for lookups: prefix, year and serial, ignoring how it was written.
    #[must_use]
    pub fn key(&self) -> (String, u16, u32) {
        (self.prefix.clone(), self.year, self.serial)
    }
}

impl fmt::Display for DocNumber {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}〔{}〕{}号", self.prefix, self.year, self.serial)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_the_pattern_finds_a_number_in_is_one_that_may_hold_one() {
        let pattern = regex::Regex::new(&pattern_in_text(0)).unwrap();
        for text in [
            "根据国发〔2024〕7号文件",
            "鲁政发[2024]3号",
            "国发2025〕11号",
            "济政字〔2024〕第12号",
        ] {
            assert!(pattern.is_match(text), "{text}");
            assert!(may_be_in(text), "{text}");
        }
        let without = "到2027年，规模以上工业企业数字化研发设计工具普及率超过92%";
        assert!(!may_be_in(without));
        assert!(!pattern.is_match(without));
    }

    #[test]
    fn standard_number_parses_without_deviation() {
        let n: DocNumber = "国发〔2024〕7号".parse().unwrap();
        assert_eq!((n.prefix.as_str(), n.year, n.serial), ("国发", 2024, 7));
        assert!(n.is_standard());
        let zone: DocNumber = "聊高新区管发〔2024〕14号".parse().unwrap();
        assert_eq!(zone.prefix, "聊高新区管发");
    }

    #[test]
    fn variants_parse_and_are_flagged() {
        let cases = [
            ("鲁政发[2024]3号", vec![Deviation::Brackets]),
            ("鲁政发（2024）3号", vec![Deviation::Brackets]),
            ("鲁政发〔2024〕3 号", vec![Deviation::Spaces]),
            ("鲁政发〔2024〕03号", vec![Deviation::LeadingZero]),
            ("鲁政发〔2024〕第3号", vec![Deviation::Di]),
            ("鲁政发〔２０２４〕３号", vec![]),
            ("鲁政发2024〕3号", vec![Deviation::Brackets]),
        ];
        for (written, expected) in cases {
            let n: DocNumber = written.parse().unwrap();
            assert_eq!(n.to_string(), "鲁政发〔2024〕3号", "{written}");
            assert_eq!(n.deviations, expected, "{written}");
        }
    }

    #[test]
    fn traditional_script_reads_as_simplified() {
        let n: DocNumber = "蘇政發〔2025〕108號".parse().unwrap();
        assert_eq!(n.to_string(), "苏政发〔2025〕108号");
        assert!(n.is_standard());
    }

    #[test]
    fn non_numbers_are_rejected() {
        for text in [
            "",
            "国发",
            "国发〔24〕7号",
            "〔2024〕7号",
            "国发〔2024〕0号",
            "国发2024年7号",
        ] {
            assert!(text.parse::<DocNumber>().is_err(), "{text}");
        }
    }
}

//! Traditional script folded to simplified, one character for one: mirrors of official pages
//! often carry a plan in 繁体 (國發〔2024〕12號, 節能降碳行動方案), and a reviewer's corpus is in
//! 简体. Matching (titles, issuers, 文号, wordings, the extractor's patterns) reads both alike;
//! a character keeps its place, so spans stay on the original text, which is what every output
//! shows. The table is OpenCC's (`lints/script/`, Apache-2.0); the usual simplified form of each
//! character is taken, and a character whose usual form is itself (覆, 藉) is left alone.

use std::collections::HashMap;
use std::sync::LazyLock;

const TABLE: &str = include_str!("../../lints/script/TSCharacters.txt");

/// The CJK blocks most text uses (Extension A and the Unified Ideographs), indexed directly.
const DIRECT: std::ops::RangeInclusive<u32> = 0x3400..=0x9FFF;

struct Simplifier {
    /// For each character of `DIRECT`, its simplified form, or `'\0'` when it has none.
    direct: Vec<char>,
    /// The rest (compatibility ideographs, later extensions).
    other: HashMap<char, char>,
}

static SIMPLIFIER: LazyLock<Simplifier> = LazyLock::new(|| {
    let size = (DIRECT.end() - DIRECT.start() + 1) as usize;
    let mut simplifier = Simplifier {
        direct: vec!['\0'; size],
        other: HashMap::new(),
    };
    for line in TABLE.lines() {
        let mut fields = line.split('\t');
        let (Some(from), Some(to)) = (fields.next(), fields.next()) else {
            continue;
        };
        let (Some(from), Some(to)) = (single(from), to.split(' ').next().and_then(single)) else {
            continue;
        };
        if from == to {
            continue;
        }
        if DIRECT.contains(&u32::from(from)) {
            simplifier.direct[(u32::from(from) - DIRECT.start()) as usize] = to;
        } else {
            simplifier.other.insert(from, to);
        }
    }
    simplifier
});

/// The one character `text` holds.
fn single(text: &str) -> Option<char> {
    let mut chars = text.chars();
    let c = chars.next()?;
    chars.next().is_none().then_some(c)
}

/// The simplified form of `c`, or `c` itself.
#[must_use]
pub fn simplified(c: char) -> char {
    let code = u32::from(c);
    if code < 0x3400 {
        return c;
    }
    let table = &*SIMPLIFIER;
    if DIRECT.contains(&code) {
        return match table.direct[(code - DIRECT.start()) as usize] {
            '\0' => c,
            to => to,
        };
    }
    table.other.get(&c).copied().unwrap_or(c)
}

/// Whether `c` is a traditional form with a simplified one of its own.
#[must_use]
pub fn is_traditional(c: char) -> bool {
    simplified(c) != c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fold(text: &str) -> String {
        text.chars().map(simplified).collect()
    }

    #[test]
    fn traditional_documents_read_as_simplified() {
        assert_eq!(fold("國務院關於印發"), "国务院关于印发");
        assert_eq!(fold("國發〔2024〕12號"), "国发〔2024〕12号");
        assert_eq!(fold("節能降碳行動方案"), "节能降碳行动方案");
        assert_eq!(
            fold("單位國內生產總值能源消耗降低"),
            "单位国内生产总值能源消耗降低"
        );
        assert_eq!(fold("萬噸標準煤"), "万吨标准煤");
    }

    #[test]
    fn simplified_text_and_shared_characters_are_left_alone() {
        for text in [
            "推动大规模设备更新",
            "全覆盖",
            "慰藉",
            "显著提升",
            "2027年，超过75%",
        ] {
            assert_eq!(fold(text), text);
        }
        assert!(!is_traditional('覆'));
        assert!(is_traditional('國'));
    }

    #[test]
    fn one_character_for_one() {
        let text = "𠁅國發〔2024〕12號㐀";
        assert_eq!(fold(text).chars().count(), text.chars().count());
    }
}

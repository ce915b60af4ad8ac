//! Numerals as plans write them: Arabic (`2024`, `7`), Chinese digit by digit (`二〇二四`), and
//! small Chinese numbers (`七`, `十`, `二十三`, `两`). One reader for dates in a header, multiples
//! (`一倍`, `两倍`) in a target, and the value of a plan file.

/// The value of one Chinese digit: 〇/零 0 … 九 9, 两 2.
#[must_use]
pub fn digit(c: char) -> Option<u32> {
    match c {
        '〇' | '零' => Some(0),
        '一' => Some(1),
        '二' | '两' => Some(2),
        '三' => Some(3),
        '四' => Some(4),
        '五' => Some(5),
        '六' => Some(6),
        '七' => Some(7),
        '八' => Some(8),
        '九' => Some(9),
        _ => None,
    }
}

/// `2024`, `二〇二四`, `7`, `七`, `十`, `二十三` → the number; up to 99 in words, or four digits
/// written one by one (a year).
#[must_use]
pub fn parse(text: &str) -> Option<u32> {
    if let Ok(n) = text.parse() {
        return Some(n);
    }
    if text.chars().count() == 4 && !text.contains('十') {
        return text
            .chars()
            .try_fold(0u32, |acc, c| Some(acc * 10 + digit(c)?));
    }
    let (tens, ones) = match text.split_once('十') {
        Some((t, o)) => (if t.is_empty() { 1 } else { single(t)? }, o),
        None => (0, text),
    };
    let ones = if ones.is_empty() { 0 } else { single(ones)? };
    (tens > 0 || !text.is_empty()).then_some(tens * 10 + ones)
}

/// One digit standing alone.
fn single(text: &str) -> Option<u32> {
    let mut chars = text.chars();
    let value = digit(chars.next()?)?;
    chars.next().is_none().then_some(value)
}

/// The small number a text starts with, and the rest: `一倍` → (1, `倍`), `十倍` → (10, `倍`).
#[must_use]
pub fn split_leading(text: &str) -> Option<(u32, &str)> {
    let first = text.chars().next()?;
    let value = if first == '十' { 10 } else { digit(first)? };
    Some((value, &text[first.len_utf8()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_arabic_and_chinese() {
        assert_eq!(parse("2024"), Some(2024));
        assert_eq!(parse("二〇二四"), Some(2024));
        assert_eq!(parse("二零二四"), Some(2024));
        assert_eq!(parse("七"), Some(7));
        assert_eq!(parse("十"), Some(10));
        assert_eq!(parse("十二"), Some(12));
        assert_eq!(parse("二十"), Some(20));
        assert_eq!(parse("二十三"), Some(23));
        assert_eq!(parse("两"), Some(2));
    }

    #[test]
    fn refuses_what_is_not_a_numeral() {
        assert_eq!(parse(""), None);
        assert_eq!(parse("七八九"), None);
        assert_eq!(parse("倍"), None);
        assert_eq!(parse("二十三四"), None);
    }

    #[test]
    fn splits_a_leading_number() {
        assert_eq!(split_leading("一倍"), Some((1, "倍")));
        assert_eq!(split_leading("两倍"), Some((2, "倍")));
        assert_eq!(split_leading("十倍"), Some((10, "倍")));
        assert_eq!(split_leading("倍"), None);
    }
}

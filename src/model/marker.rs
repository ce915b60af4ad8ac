//! How plans number their structure: `一、` chapters, `（一）` sections, `1.` items, `（1）`
//! sub-items, `一是` enumerations, and `附件`/`附表` appendices. One lexicon for the layout reader
//! (which lines open a unit) and the task reader (which numbered heading a task is under); it
//! reads both the original text (full-width forms) and folded text (ASCII forms).

use std::sync::LazyLock;

use regex::Regex;

/// The level of a numbered heading.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MarkerKind {
    /// `一、`
    Chapter,
    /// `（一）`, `〔一〕`
    Section,
    /// `1.`, `1、`
    Item,
    /// `（1）`
    SubItem,
    /// `一是`
    Enumeration,
}

/// A numbered heading at the start of a text: its kind and its length in bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Marker {
    pub kind: MarkerKind,
    pub len: usize,
}

#[expect(
    clippy::unwrap_used,
    reason = "a literal pattern, covered by the unit tests"
)]
static MARKER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?:(?P<chapter>[一二三四五六七八九十]{1,3})[、.．]|[（(〔](?P<section>[一二三四五六七八九十]{1,3})[）)〕]|(?P<item>[0-9０-９]{1,2})[.．、]|[（(](?P<sub>[0-9０-９]{1,2})[）)]|(?P<enumeration>[一二三四五六七八九十])是)",
    )
    .unwrap()
});

/// The numbered heading `text` starts with, if any. `1.5万辆` is a number, not item 1.
#[must_use]
pub fn marker(text: &str) -> Option<Marker> {
    // Asked of every line, which mostly opens no heading: only a line that opens with a
    // numeral or a bracket is searched, and its groups made room for only once it matches.
    let may_open = text.starts_with(|c: char| {
        c.is_ascii_digit() || ('０'..='９').contains(&c) || "一二三四五六七八九十（(〔".contains(c)
    });
    if !may_open || !MARKER.is_match(text) {
        return None;
    }
    let caps = MARKER.captures(text)?;
    let whole = caps.get(0)?;
    let kind = [
        ("chapter", MarkerKind::Chapter),
        ("section", MarkerKind::Section),
        ("item", MarkerKind::Item),
        ("sub", MarkerKind::SubItem),
        ("enumeration", MarkerKind::Enumeration),
    ]
    .into_iter()
    .find(|(name, _)| caps.name(name).is_some())
    .map(|(_, kind)| kind)?;
    let next = text[whole.end()..].chars().next();
    if kind == MarkerKind::Item
        && next.is_some_and(|c| c.is_ascii_digit() || ('０'..='９').contains(&c))
    {
        return None;
    }
    Some(Marker {
        kind,
        len: whole.end(),
    })
}

/// Whether a line opens a structural unit: a numbered heading or an appendix.
#[must_use]
pub fn opens_unit(line: &str) -> bool {
    marker(line).is_some() || line.starts_with("附件") || line.starts_with("附表")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kind(text: &str) -> Option<MarkerKind> {
        marker(text).map(|m| m.kind)
    }

    #[test]
    fn each_level_in_full_width_and_folded_forms() {
        assert_eq!(kind("一、总体要求"), Some(MarkerKind::Chapter));
        assert_eq!(kind("十二．保障措施"), Some(MarkerKind::Chapter));
        assert_eq!(kind("（一）推进改造"), Some(MarkerKind::Section));
        assert_eq!(kind("(一)推进改造"), Some(MarkerKind::Section));
        assert_eq!(kind("〔二〕开展活动"), Some(MarkerKind::Section));
        assert_eq!(kind("1.实施行动"), Some(MarkerKind::Item));
        assert_eq!(kind("１２、实施行动"), Some(MarkerKind::Item));
        assert_eq!(kind("（1）细化"), Some(MarkerKind::SubItem));
        assert_eq!(kind("一是加强领导"), Some(MarkerKind::Enumeration));
    }

    #[test]
    fn numbers_and_prose_are_not_headings() {
        assert_eq!(kind("1.5万辆以上"), None);
        assert_eq!(kind("２．５%"), None);
        assert_eq!(kind("到2027年"), None);
        assert_eq!(kind("加快推进"), None);
    }

    #[test]
    fn the_marker_length_covers_its_punctuation() {
        assert_eq!(marker("(一)推进").map(|m| m.len), Some("(一)".len()));
        assert_eq!(marker("1、实施").map(|m| m.len), Some("1、".len()));
    }

    #[test]
    fn appendices_open_units() {
        assert!(opens_unit("附件：重点任务清单"));
        assert!(opens_unit("二、重点任务"));
        assert!(!opens_unit("各镇街负责"));
    }
}

//! Citations: `《title》（number）`, `《title》` alone, or a bare number. Inner titles may be
//! quoted with `<>`, `〈〉`, `《》` or nothing, so the outer `《》` is found by bracket depth.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::folded::Folded;
use super::header::matching_close;
use crate::model::Span;
use crate::model::text::{fold, plan_title_core};

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(crate) static DOC_NUMBER: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&crate::model::doc_number::pattern_in_text(1)).unwrap());

/// A number where the text starts: the number after a title is looked for there only, in the
/// bytes the longest number can take, never through the rest of the text (a title followed by
/// what is not quite a number, `国发〔2024〕12345号`, thousands of times).
#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static DOC_NUMBER_AT_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^(?:{})",
        crate::model::doc_number::pattern_in_text(1)
    ))
    .unwrap()
});

/// Words that introduce a number in running text and are not part of its issuer prefix.
const LEAD_INS: [&str; 14] = [
    "的通知",
    "通知",
    "根据",
    "按照",
    "依据",
    "落实",
    "贯彻",
    "参照",
    "执行",
    "印发",
    "文件",
    "和",
    "及",
    "见",
];

/// A citation as found: the written title and number with their places.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Found {
    pub title: Option<(String, Span)>,
    pub doc_number: Option<(String, Span)>,
}

/// Finds the citations in one block of text. `own_title` is the plan's own title (folded), which
/// its notice quotes but which is not a citation.
pub(crate) fn find(
    original: &str,
    block: &Folded,
    own_title: Option<&str>,
    own_number: Option<&str>,
) -> Vec<Found> {
    let text = &block.text;
    let mut found = Vec::new();
    let mut consumed: Vec<Range<usize>> = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|i| search + i) {
        let inner_start = open + '《'.len_utf8();
        let Some(close) = matching_close(&text[inner_start..]).map(|i| inner_start + i) else {
            break;
        };
        let after = close + '》'.len_utf8();
        search = after;
        let title = inner_start..close;
        if is_own(&text[title.clone()], own_title)
            || is_short_name(&text[title.clone()])
            || text[after..].starts_with("印发")
            || text[..open].ends_with("关于印发")
            || text[..open].ends_with("现将")
            || text[..open].ends_with("简称")
        {
            consumed.push(open..after);
            continue;
        }
        let number = number_after(text, after);
        let end = number.as_ref().map_or(after, |n| n.end + ')'.len_utf8());
        consumed.push(open..end);
        found.push(Found {
            title: Some((block.written(original, title.clone()), block.span(title))),
            doc_number: number.map(|n| (block.written(original, n.clone()), block.span(n))),
        });
    }
    // The titles' ranges come in order and apart: a number is looked up among them by a binary
    // search.
    let numbers = crate::model::doc_number::may_be_in(text).then(|| DOC_NUMBER.find_iter(text));
    for m in numbers.into_iter().flatten() {
        let next = consumed.partition_point(|c| c.end <= m.start());
        if consumed.get(next).is_some_and(|c| c.contains(&m.start())) {
            continue;
        }
        let start = strip_lead_ins(text, m.range());
        let start = text[start..m.end()]
            .rfind("文件")
            .map_or(start, |i| start + i + "文件".len());
        // `发文字号 珠府〔2024〕28号`: the label is not part of the number.
        let start = start + super::header::number_label_len(&text[start..m.end()]);
        if own_number.is_some_and(|own| number_key(&text[start..m.end()]) == own) {
            continue;
        }
        found.push(Found {
            title: None,
            doc_number: Some((
                block.written(original, start..m.end()),
                block.span(start..m.end()),
            )),
        });
    }
    found.sort_by_key(|f| {
        f.title
            .as_ref()
            .or(f.doc_number.as_ref())
            .map_or(0, |(_, s)| s.start)
    });
    found
}

fn is_own(title: &str, own_title: Option<&str>) -> bool {
    own_title.is_some_and(|own| !own.is_empty() && own_title_key(title) == own)
}

/// `《行动方案》`, `《意见》`: a short name a text gives a document (以下简称《行动方案》), not a
/// citation of one.
fn is_short_name(title: &str) -> bool {
    const GENRE_WORDS: [&str; 10] = [
        "行动方案",
        "实施方案",
        "工作方案",
        "方案",
        "意见",
        "实施意见",
        "措施",
        "若干措施",
        "行动计划",
        "计划",
    ];
    GENRE_WORDS.contains(&fold(title).as_str())
}

/// The most bytes a number in running text takes: 14 Han characters of issuer (up to 4 bytes
/// each), the year in brackets, 第, the serial and 号
/// ([`crate::model::doc_number::pattern_in_text`]).
const NUMBER_BYTES: usize = 14 * 4 + 3 + 4 + 3 + 3 + 4 + 3;

/// `(国发〔2024〕7号)` right after a title.
fn number_after(text: &str, after: usize) -> Option<Range<usize>> {
    let rest = text[after..].strip_prefix('(')?;
    let m = DOC_NUMBER_AT_START.find(number_window(rest))?;
    if !rest[m.end()..].starts_with(')') {
        return None;
    }
    let start = after + 1;
    Some(start..start + m.end())
}

/// The start of `text` a number at its start can take.
fn number_window(text: &str) -> &str {
    let mut end = NUMBER_BYTES.min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// `根据国发〔2024〕7号` → `国发〔2024〕7号`: the pattern cannot know where an issuer prefix starts,
/// so common lead-in words are cut off its front.
fn strip_lead_ins(text: &str, range: Range<usize>) -> usize {
    let mut start = range.start;
    loop {
        let rest = &text[start..range.end];
        match LEAD_INS.iter().find(|w| rest.starts_with(*w)) {
            Some(w) => start += w.len(),
            None => return start,
        }
    }
}

/// A document number folded for comparison: brackets unified, white space removed.
pub(crate) fn number_key(number: &str) -> String {
    fold(number)
        .replace(['[', '(', '【'], "〔")
        .replace([']', ')', '】'], "〕")
}

/// The folded core of a plan's own title, for [`find`]: without a draft's mark, which the
/// consultation notice quotes (《…实施方案(征求意见稿)》).
pub(crate) fn own_title_key(title: &str) -> String {
    let core = plan_title_core(&fold(title));
    ["(征求意见稿)", "(送审稿)", "(草案)"]
        .iter()
        .find_map(|mark| core.strip_suffix(mark))
        .map_or(core.clone(), str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn titles_and_numbers(text: &str, own: Option<&str>) -> Vec<(Option<String>, Option<String>)> {
        let mut block = Folded::default();
        block.push(text, 0..text.len());
        find(text, &block, own, None)
            .into_iter()
            .map(|f| (f.title.map(|t| t.0), f.doc_number.map(|n| n.0)))
            .collect()
    }

    #[test]
    fn the_number_after_a_title_is_looked_for_in_the_bytes_it_can_take() {
        let longest = format!("{}〔2024〕第1234号", "𠀀".repeat(14));
        assert_eq!(number_window(&longest), longest);
        let tail = format!("国发〔2024〕12345号){}", "国发〔2024〕7号".repeat(10_000));
        assert!(number_window(&tail).len() <= NUMBER_BYTES);
        let text = format!("《方案》({tail}");
        assert_eq!(number_after(&text, text.find('(').unwrap()), None);
        let text = format!("《方案》({longest})");
        let found = number_after(&text, text.find('(').unwrap()).unwrap();
        assert_eq!(&text[found], longest);
    }

    #[test]
    fn nested_titles_numbers_and_bare_numbers() {
        let text = "落实《国务院关于印发《推动行动方案》的通知》（国发〔2024〕7\n号）、《山东省方案》和鲁政发[2024]3号要求，现将《本市方案》印发。";
        let own = own_title_key("本市方案");
        assert_eq!(
            titles_and_numbers(text, Some(&own)),
            [
                (
                    Some("国务院关于印发《推动行动方案》的通知".into()),
                    Some("国发〔2024〕7号".into())
                ),
                (Some("山东省方案".into()), None),
                (None, Some("鲁政发[2024]3号".into())),
            ]
        );
    }
}

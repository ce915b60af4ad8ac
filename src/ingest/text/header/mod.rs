//! The head of an issued plan (GB/T 9704): 版头 `XX人民政府文件`, 发文字号, the notice title
//! `XX关于印发《…》的通知`, the signature and 成文日期. A text that starts at the plan's own
//! title (a web copy) has none of these, and then only the title is read.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

mod sign;
mod title;

use super::folded::Folded;
use crate::model::text::fold;
use crate::model::{Date, Span};

/// How far into the text the head can reach, in non-blank lines.
const HEAD_LINES: usize = 40;
/// The notice title is among the first lines: 版头, 发文字号, then the title.
const NOTICE_LINES: usize = 8;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Header {
    pub doc_number: Option<(String, Span)>,
    pub title: Option<(String, Span)>,
    pub issuer: Option<(String, Span)>,
    pub issued: Option<(Date, Span)>,
    /// The place a plan says it is written for: the X of its first `结合X实际` that names one
    /// (`结合成都高新区实际`; not 我市, 本地).
    #[serde(default)]
    pub context: Option<(String, Span)>,
}

impl Header {
    /// What the header says of its place, as the zones known only by name are found from it:
    /// its issuer, its title and the X of its 结合X实际.
    pub(crate) fn place_names(&self) -> impl Iterator<Item = &str> {
        [&self.issuer, &self.title, &self.context]
            .into_iter()
            .flatten()
            .map(|(text, _)| text.as_str())
    }
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static DOC_NUMBER_LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^{}$",
        crate::model::doc_number::pattern_in_text(1)
    ))
    .unwrap()
});

/// `2024`, `二〇二四`, `7`, `七`, `二十三` → the number.
fn numeral(text: &str) -> Option<u16> {
    crate::model::numeral::parse(text).and_then(|n| u16::try_from(n).ok())
}

/// Words that end a plan's title.
const GENRES: [&str; 12] = [
    "方案", "规划", "计划", "意见", "办法", "措施", "举措", "细则", "纲要", "要点", "通知", "年)",
];

struct Line {
    folded: Folded,
    range: Range<usize>,
}

pub(crate) fn read(original: &str) -> Header {
    let lines = head_lines(original);
    let mut header = Header::default();
    let notice = lines
        .iter()
        .take(NOTICE_LINES)
        .position(title::is_notice_title);
    let head_end = notice.unwrap_or(lines.len().min(6));
    // Before the notice title (版头, 发文字号), or just after it as web pages print it.
    header.doc_number = lines
        .iter()
        .take(head_end + NUMBER_AFTER_NOTICE)
        .find_map(|l| {
            let range = number_in_line(&l.folded.text)?;
            Some((
                l.folded.written(original, range.clone()).trim().to_string(),
                l.folded.span(range),
            ))
        });
    header.issued = sign::issued(&lines);
    header.issuer = sign::signature(original, &lines).or_else(|| sign::masthead(original, &lines));
    let sent = match notice {
        Some(at) => title::read_notice(original, &lines, at, &mut header),
        None => {
            header.title = title::leading_title(original, &lines);
            None
        }
    };
    // `现将《深圳市推动…方案》印发给你们`: the notice's own words name the plan in full, where
    // the notice title may leave out the place (关于印发推动…方案的通知) or be missing.
    if let Some(named) = title::body_title(original, &lines) {
        let fuller = header.title.as_ref().is_none_or(|(title, _)| {
            let (named, title) = (fold(&named.0), fold(title));
            named != title && named.ends_with(&title)
        });
        if fuller {
            header.title = Some(named);
        }
    }
    // The plan's heading names it as written when the notice did not quote it, and when there
    // is no notice at all (a web copy starting at a lead, or at the title in 《》).
    if sent != Some(title::NoticeTitle::Quoted)
        && let Some(heading) = title::heading(original, &lines)
    {
        let agrees = header.title.as_ref().is_none_or(|(title, _)| {
            let key = |t: &str| fold(t).replace('的', "");
            let (heading, title) = (key(&heading.0), key(title));
            sent.is_none() || heading.contains(&title) || title.contains(&heading)
        });
        if agrees {
            header.title = Some(heading);
        }
    }
    if header.title.is_none() {
        header.title = title::explained(original, &lines);
    }
    header.context = context(original);
    if header.issuer.is_none() {
        header.issuer = header
            .title
            .as_ref()
            .filter(|_| notice.is_none())
            .and_then(|(title, span)| sign::in_own_title(title, *span))
            .or_else(|| sign::in_lead(original, &lines));
    }
    header
}

/// `结合X实际` (either script), in the opening of a text.
#[expect(
    clippy::unwrap_used,
    reason = "a literal pattern, covered by the unit tests"
)]
static CONTEXT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"[结結]合(\p{Han}{2,14}?)的?[实實][际際]").unwrap());

/// How far into a text its `结合X实际` is looked for: the preamble, not the body.
const CONTEXT_BYTES: usize = 6000;

/// The place of the first `结合X实际` whose X is a name, not 我市 or 本地.
fn context(original: &str) -> Option<(String, Span)> {
    let end = (0..=CONTEXT_BYTES.min(original.len()))
        .rev()
        .find(|i| original.is_char_boundary(*i))
        .unwrap_or(0);
    CONTEXT.captures_iter(&original[..end]).find_map(|caps| {
        let place = caps.get(1)?;
        let own = place.as_str();
        let said_of_itself = own.starts_with(['我', '本', '当', '各', '全'])
            || own.contains("工作")
            || own.contains("情况");
        (!said_of_itself).then(|| {
            (
                own.to_string(),
                Span::new(place.start(), place.end() - place.start()),
            )
        })
    })
}

/// How many lines after the notice title the 文号 may stand (web pages print it below).
const NUMBER_AFTER_NOTICE: usize = 4;

/// The length of a 文号 label at the start of `text` (`发文字号：`), 0 when there is none.
pub(crate) fn number_label_len(text: &str) -> usize {
    NUMBER_LABELS
        .iter()
        .find(|l| text.starts_with(*l))
        .map_or(0, |l| {
            let rest = &text[l.len()..];
            text.len()
                - rest
                    .trim_start_matches([':', '：', ' ', '\t', '\u{3000}'])
                    .len()
        })
}

/// Labels a web page puts before the 文号.
const NUMBER_LABELS: [&str; 4] = ["发文字号", "发文号", "文号", "字号"];

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static DOC_NUMBER_START: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        "^{}",
        crate::model::doc_number::pattern_in_text(1)
    ))
    .unwrap()
});

/// The 文号 a head line holds, as a range of the line: the line is the number alone, or a label
/// and the number (`发文字号 珠府〔2024〕28号`, `文号：中府〔2024〕66号`, a table row
/// `发布机构⇥…⇥文号⇥…`). A number inside a sentence is a citation, not the plan's own.
pub(crate) fn number_in_line(folded: &str) -> Option<Range<usize>> {
    if !crate::model::doc_number::may_be_in(folded) {
        return None;
    }
    // `(蘇政發〔2025〕108號)` under the notice title: the number in brackets.
    let bracketed = folded
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    let text = bracketed.unwrap_or(folded).trim_start_matches('#');
    let skip = match bracketed {
        Some(inner) => folded.find(inner).unwrap_or(0),
        None => folded.len() - text.len(),
    };
    let labelled = NUMBER_LABELS
        .iter()
        .find_map(|l| text.find(l).map(|at| (at, *l)));
    let Some((at, label)) = labelled else {
        let start = skip + (text.len() - text.trim_start().len());
        return DOC_NUMBER_LINE
            .is_match(text.trim())
            .then(|| start..skip + text.trim_end().len());
    };
    let after = at + label.len();
    let rest = text[after..].trim_start_matches([':', '：', ' ', '\t', '\u{3000}']);
    let start = text.len() - rest.len();
    let number = DOC_NUMBER_START.find(rest)?;
    let ends_cell = rest[number.end()..]
        .chars()
        .next()
        .is_none_or(|c| c.is_whitespace());
    // A label in a short head line, not a word in running text.
    let head_line = text.chars().count() <= 60 && !text[..at].contains(['。', ',', ';']);
    (ends_cell && head_line).then(|| skip + start..skip + start + number.end())
}

fn head_lines(original: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for raw in original.split_inclusive('\n') {
        let range = offset..offset + raw.len();
        offset += raw.len();
        let mut folded = Folded::default();
        folded.push(original, range.clone());
        let trimmed = folded.text.trim_start_matches('#').to_string();
        if trimmed.is_empty() {
            continue;
        }
        // `衢政发〔2024〕9号 衢州市人民政府关于印发…的通知`: the number and the notice title on one
        // line are two head lines.
        if let Some(at) = number_then_more(&folded) {
            let split = folded.span(0..at).end();
            for part in [range.start..split, split..range.end] {
                let mut piece = Folded::default();
                piece.push(original, part.clone());
                lines.push(Line {
                    folded: piece,
                    range: part,
                });
            }
        } else {
            lines.push(Line { folded, range });
        }
        if lines.len() >= HEAD_LINES {
            break;
        }
    }
    lines
}

/// Where a head line that opens with a 文号 and goes on with a notice title should be cut.
fn number_then_more(folded: &Folded) -> Option<usize> {
    let number = DOC_NUMBER_START.find(&folded.text)?;
    let rest = folded.text[number.end()..].trim();
    let notice = rest.contains("关于") || rest.contains("印发");
    (!rest.is_empty() && notice).then_some(number.end())
}

fn written_line(original: &str, line: &Line) -> (String, Span) {
    let text = line.folded.written(original, 0..line.folded.len());
    let text = text.trim_start_matches('#').trim().to_string();
    (text, line.folded.span(0..line.folded.len()))
}

/// The byte offset of the `》` closing a title whose `《` was just consumed, nested titles
/// included.
pub(crate) fn matching_close(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in text.char_indices() {
        match c {
            '《' => depth += 1,
            '》' if depth == 0 => return Some(i),
            '》' => depth -= 1,
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_an_issued_plan() {
        let text = "安丘市人民政府文件\n安政发〔2024〕13 号\n\n安丘市人民政府\n关于印发《安丘市推动大规模设备更新和\n\n消费品以旧换新行动方案》的通知\n各镇：\n现印发给你们。\n安丘市人民政府\n\n2024 年 7 月 23 日\n";
        let h = read(text);
        assert_eq!(h.doc_number.unwrap().0, "安政发〔2024〕13号");
        assert_eq!(
            h.title.unwrap().0,
            "安丘市推动大规模设备更新和消费品以旧换新行动方案"
        );
        assert_eq!(h.issuer.unwrap().0, "安丘市人民政府");
        assert_eq!(h.issued.unwrap().0.to_string(), "2024-07-23");
    }

    #[test]
    fn reads_dates_in_chinese_numerals() {
        let h = read("某县人民政府\n二〇二四年十二月三十一日\n");
        assert_eq!(h.issued.unwrap().0.to_string(), "2024-12-31");
        assert_eq!(numeral("七"), Some(7));
        assert_eq!(numeral("二十"), Some(20));
    }

    #[test]
    fn reads_a_text_that_starts_at_the_title() {
        let text =
            " 临清市推动大规模设备更新和\n消费品以旧换新实施方案\n为深入贯彻党中央决策部署\n";
        let h = read(text);
        assert!(h.doc_number.is_none() && h.issuer.is_none() && h.issued.is_none());
        assert_eq!(
            h.title.unwrap().0,
            "临清市推动大规模设备更新和消费品以旧换新实施方案"
        );
    }

    #[test]
    fn a_cited_title_that_a_line_break_cut_is_no_notice_title() {
        let text = "为深入贯彻，认真落实《国务院关于印发〈甲〉的通知》(国发〔2024〕7号)、《四川省人民政\n府关于印发〈乙〉的通知》(川府\n发〔2024〕10号)等文件精神。\n";
        let h = read(text);
        assert!(h.title.is_none() && h.issuer.is_none(), "{h:?}");
    }
}

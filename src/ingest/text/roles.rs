//! The bodies a task names and their roles: bracketed notes (`（牵头单位：…；责任单位：…）`), roles
//! written as phrases (`市发展改革委牵头，市财政局配合`), and the names in a list of bodies.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::folded::Folded;
use crate::model::Span;

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static ROLE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?P<lead>牵头单位|牵头部门)\s*:|(?P<resp>责任单位|责任部门|配合单位|参与单位)\s*:")
        .unwrap()
});

/// The bracketed agency notes of a block: the range inside the brackets, and where it starts.
/// A bracket a truncated copy leaves open at the end of the block loses its last name, which
/// may be cut (`（责任单位：市科`).
pub(super) fn enclosures(text: &str) -> Vec<(Range<usize>, usize)> {
    let mut found: Vec<(Range<usize>, usize)> = Vec::new();
    for m in ROLE.find_iter(text) {
        if found.iter().any(|(r, _)| r.contains(&m.start())) {
            continue;
        }
        let before = text[..m.start()].chars().next_back();
        let content = match before {
            Some(open @ ('(' | '〔' | '[' | '【')) => {
                let start = m.start();
                let end = closing(text, start, open).unwrap_or_else(|| {
                    text.rfind(['、', ',', ';'])
                        .filter(|at| *at > start)
                        .unwrap_or(m.end())
                });
                start..end
            }
            _ => {
                let end = text[m.start()..]
                    .find('。')
                    .map_or(text.len(), |i| m.start() + i);
                m.start()..end
            }
        };
        found.push((content, m.start()));
    }
    found
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
pub(super) static PHRASED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?P<lead>[^()]+?)(?:牵头|负责)(?:[,;](?P<resp>[^()]+?)(?:配合|参与|协同|共同负责|按职责分工负责))?$").unwrap()
});

/// A phrase of roles: the lead list, the responsible list, where the phrase starts.
pub(super) type Phrased = (Option<Range<usize>>, Option<Range<usize>>, usize);

/// Bodies that share a task without a lead: `（省工业和信息化厅、省发展改革委等按职责分工负责）`.
const SHARED: [&str; 4] = [
    "等按职责分工负责",
    "按职责分工负责",
    "等按职责负责",
    "按职责负责",
];

/// Roles written as a phrase at the end of a task: `（市发展改革委牵头，市工业和信息化局配合）`,
/// `（市商务局负责）`; `（A、B等按职责分工负责）` names responsibles only. Returns the lead list,
/// the responsible list and where the phrase starts.
pub(super) fn phrased(text: &str) -> Vec<Phrased> {
    let mut found = Vec::new();
    let mut search = 0;
    while let Some(open) = text[search..].find('(').map(|i| search + i) {
        let inner = open + 1;
        let Some(close) = closing(text, inner, '(') else {
            break;
        };
        search = close + text[close..].chars().next().map_or(1, char::len_utf8);
        let content = &text[inner..close];
        if ROLE.is_match(content) {
            continue;
        }
        if let Some(shared) = SHARED.iter().find_map(|w| content.strip_suffix(w))
            && is_bodies(shared)
        {
            found.push((None, Some(inner..inner + shared.len()), inner));
            continue;
        }
        let Some(caps) = PHRASED.captures(content) else {
            continue;
        };
        let Some(lead) = caps.name("lead") else {
            continue;
        };
        if !is_bodies(lead.as_str()) {
            continue;
        }
        let resp = caps
            .name("resp")
            .map(|m| inner + m.start()..inner + m.end());
        found.push((Some(inner + lead.start()..inner + lead.end()), resp, inner));
    }
    found
}

/// Whether words read as a list of bodies (they end in 局, 委, 厅…), not a sentence.
fn is_bodies(words: &str) -> bool {
    let named = [
        "局", "委", "办", "厅", "部", "中心", "政府", "公司", "社", "队", "院", "会", "街",
    ]
    .iter()
    .any(|w| words.contains(w));
    named && words.chars().count() <= 120
}

/// The offset of the bracket that closes one opened just before `start`.
pub(super) fn closing(text: &str, start: usize, open: char) -> Option<usize> {
    let close = match open {
        '(' => ')',
        '〔' => '〕',
        '[' => ']',
        _ => '】',
    };
    let mut depth = 0usize;
    for (i, c) in text[start..].char_indices() {
        if c == open || (open == '(' && c == '〔') {
            depth += 1;
        } else if c == close || (open == '(' && c == '〕') {
            if depth == 0 {
                return Some(start + i);
            }
            depth -= 1;
        }
    }
    None
}

pub(super) type Names = Vec<(String, Span)>;

/// `牵头单位：A、B；责任单位：C` → leads and responsibles.
pub(super) fn roles(original: &str, block: &Folded, content: Range<usize>) -> (Names, Names) {
    let text = &block.text[content.clone()];
    let mut lead = Vec::new();
    let mut responsible = Vec::new();
    let matches: Vec<_> = ROLE.captures_iter(text).collect();
    for (i, caps) in matches.iter().enumerate() {
        let Some(whole) = caps.get(0) else { continue };
        let start = content.start + whole.end();
        let end = matches
            .get(i + 1)
            .and_then(|next| next.get(0))
            .map_or(content.end, |next| content.start + next.start());
        let list = names(original, block, start..end);
        if caps.name("lead").is_some() {
            lead.extend(list);
        } else {
            // `责任单位：☆经信局、科技局。标☆的为牵头单位`: a starred body leads.
            for (name, span) in list {
                match name.strip_prefix(['☆', '★']) {
                    Some(lead_name) => {
                        let star = name.len() - lead_name.len();
                        let span = crate::model::Span::new(span.start + star, span.len - star);
                        lead.push((lead_name.to_string(), span));
                    }
                    None => responsible.push((name, span)),
                }
            }
        }
    }
    (lead, responsible)
}

/// Splits a list of names on `、，,；;` outside brackets. Text after a full stop is a rule, not
/// a name (`各镇街。以下均需各镇街负责，不再一一列出`); a lone `单位` continues the collective
/// before it (`区有关部门、单位`).
pub(super) fn names(original: &str, block: &Folded, range: Range<usize>) -> Names {
    let text = &block.text;
    let mut depth = 0i32;
    let mut parts: Vec<Range<usize>> = Vec::new();
    let mut start = range.start;
    let mut end = range.end;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match c {
            '(' | '〔' | '[' | '《' | '“' => depth += 1,
            ')' | '〕' | ']' | '》' | '”' => depth -= 1,
            '。' if depth <= 0 => {
                end = at;
                break;
            }
            '、' | ',' | ';' if depth <= 0 => {
                parts.push(start..at);
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(start..end);
    let mut merged: Vec<Range<usize>> = Vec::new();
    for part in parts {
        let word = text[part.clone()].trim();
        if word.is_empty() {
            continue;
        }
        let continues = ["单位", "部门"].contains(&word)
            && merged
                .last()
                .is_some_and(|prev| text[prev.clone()].ends_with("部门"));
        match merged.last_mut() {
            Some(prev) if continues => prev.end = part.end,
            _ => merged.push(part),
        }
    }
    merged
        .into_iter()
        .map(|r| (block.written(original, r.clone()), block.span(r)))
        .filter(|(name, _)| !name.is_empty())
        .collect()
}

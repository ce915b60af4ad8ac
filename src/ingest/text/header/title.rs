//! A plan's own title: from the notice that sends it (`XX关于印发《…》的通知`, `XX印发…的通知`,
//! `XX关于《…》的通知`), from the notice's words (`现将《…》印发给你们`), from the plan's heading
//! (a line of its own, ending in its genre, that the preamble follows), from the first lines of a
//! text that starts at it, or from a text that names what it explains (`制定了《…》`).

use super::{GENRES, Header, Line, matching_close};
use crate::ingest::text::folded::Folded;
use crate::model::Span;

/// How a notice sends the plan: the words between the issuer and the plan's title.
const SENDING: [&str; 3] = ["关于印发", "印发", "关于"];

/// What a notice title said of the plan's title: quoted in 《》, or only its words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum NoticeTitle {
    Quoted,
    Bare,
}

/// `XX关于印发《…》的通知`, possibly over several lines: the issuer, the title, and the 文号
/// printed at the end of the notice title's line (`…的通知(渝府办发〔2025〕60号)`).
pub(super) fn read_notice(
    original: &str,
    lines: &[Line],
    at: usize,
    header: &mut Header,
) -> Option<NoticeTitle> {
    let mut notice = Folded::default();
    let first = if at > 0 && is_bare_name(&lines[at - 1].folded.text) {
        at - 1
    } else {
        at
    };
    for line in lines.iter().skip(first).take(5) {
        notice.push(original, line.range.clone());
        if notice.text.contains("的通知") || notice.text.contains("的决定") {
            break;
        }
    }
    let text = notice.text.trim_start_matches('#').to_string();
    let skip = notice.text.len() - text.len();
    let (about, verb) = sending(&text)?;
    if header.issuer.is_none() && about > 0 {
        header.issuer = Some((
            notice.written(original, skip..skip + about),
            notice.span(skip..skip + about),
        ));
    }
    let after = skip + about + verb.len();
    let rest = &notice.text[after..];
    let (range, kind) = if let Some(inner) = rest.strip_prefix('《') {
        let close = matching_close(inner).unwrap_or(inner.len());
        let open = after + '《'.len_utf8();
        (open..open + close, NoticeTitle::Quoted)
    } else {
        let end = rest.find("的通知").unwrap_or(rest.len());
        (after..after + end, NoticeTitle::Bare)
    };
    if let Some(tail) = rest.find("的通知").map(|i| after + i + "的通知".len())
        && header.doc_number.is_none()
        && let Some(number) = super::number_in_line(notice.text[tail..].trim_matches(['(', ')']))
    {
        let offset = tail + notice.text[tail..].find(|c| c != '(').unwrap_or(0);
        let number = offset + number.start..offset + number.end;
        header.doc_number = Some((
            notice.written(original, number.clone()).trim().to_string(),
            notice.span(number),
        ));
    }
    if range.is_empty() {
        return None;
    }
    header.title = Some((notice.written(original, range.clone()), notice.span(range)));
    Some(kind)
}

/// Where the sending words start in a notice title, and which they are.
fn sending(text: &str) -> Option<(usize, &'static str)> {
    SENDING.iter().find_map(|verb| {
        let at = text.find(verb)?;
        // `XX关于《…》的通知` names the plan in 《》; `XX关于…的意见` is a document of its own.
        let quoted = text[at + verb.len()..].starts_with('《');
        (*verb != "关于" || quoted).then_some((at, *verb))
    })
}

/// `XX关于印发…`, `XX印发…的通知` or `XX关于《…》的通知`, where XX is an issuer's name, not
/// running text that cites a notice (`根据《国务院关于印发…》`).
pub(super) fn is_notice_title(line: &Line) -> bool {
    let text = line.folded.text.trim_start_matches('#');
    let Some((at, verb)) = sending(text) else {
        return false;
    };
    let issuer = &text[..at];
    let clean = !issuer.contains(['《', ',', '。', ';', ':', '(']);
    // A bare 印发 sends a notice only when an issuer stands before it.
    clean && (verb == "关于印发" || !issuer.is_empty()) && !closes_earlier_title(text)
}

/// Whether a line closes a 《 opened before it: it goes on with a cited title that a line
/// break cut (`…《四川省人民政` / `府关于印发…的通知》(川府发〔2024〕10号)`), it is no notice title.
fn closes_earlier_title(text: &str) -> bool {
    let mut depth = 0_i32;
    for c in text.chars() {
        match c {
            '《' => depth += 1,
            '》' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return true;
        }
    }
    false
}

fn is_bare_name(text: &str) -> bool {
    let t = text.trim_start_matches('#');
    t.chars().count() <= 30
        && !t.contains(['。', ',', ':', ';', '〔', '['])
        && (t.ends_with("政府") || t.ends_with("委员会") || t.ends_with("办公室"))
}

/// A text without a notice starts at the plan's own title, broken over a few lines.
pub(super) fn leading_title(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    let mut title = Folded::default();
    for line in lines.iter().take(3) {
        if line.folded.text.contains(['。', ',', ';', ':']) {
            break;
        }
        title.push(original, line.range.clone());
        let text = title.text.trim_start_matches('#');
        if GENRES.iter().any(|g| text.ends_with(g)) {
            let skip = title.text.len() - text.len();
            let range = skip..title.len();
            return Some((title.written(original, range.clone()), title.span(range)));
        }
    }
    None
}

/// `现将《X》印发给你们`, `《X》已经区政府同意，现印发给你们`: the plan the notice sends.
pub(super) fn body_title(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    let mut head = Folded::default();
    for line in lines.iter().take(BODY_TITLE_LINES) {
        head.push(original, line.range.clone());
    }
    let text = head.text.as_str();
    let mut from = 0;
    while let Some(i) = text[from..].find('《') {
        let open = from + i + '《'.len_utf8();
        let close = open + matching_close(&text[open..])?;
        let after = &text[close + '》'.len_utf8()..];
        let sends = text[..from + i].ends_with("现将")
            || ["印发给", "已经", "已"]
                .iter()
                .any(|w| after.starts_with(w));
        if sends && close > open {
            return Some((head.written(original, open..close), head.span(open..close)));
        }
        from = close;
    }
    None
}

/// How far into the head the notice's own words may name the plan.
const BODY_TITLE_LINES: usize = 16;

/// Words that open a plan's preamble, right under its heading.
const PREAMBLE: [&str; 9] = [
    "为",
    "根据",
    "按照",
    "贯彻",
    "落实",
    "近年来",
    "当前",
    "一、",
    "(一)",
];

/// The plan's heading: a line of its own (or two, a title broken over them) ending in its
/// genre, with no sentence in it, followed by the preamble (`为…，制定本方案。`) or the first
/// part; a period under it (`(2025—2027年)`) belongs to it, a draft's mark (`(征求意见稿)`) does
/// not; 《》 around it are not part of it. A web copy's lead before it is not the plan.
pub(super) fn heading(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    (0..lines.len()).find_map(|end| heading_ending_at(original, lines, end))
}

/// The heading whose last line is `end`, when the preamble follows it: the line itself, with
/// the lines above it that begin the same title (`安丘市推动…消费品` ⏎ `以旧换新行动方案`).
fn heading_ending_at(original: &str, lines: &[Line], end: usize) -> Option<(String, Span)> {
    if !is_heading_words(&lines.get(end)?.folded.text) && end == 0 {
        return None;
    }
    let mut after = lines.get(end + 1);
    let period = after.filter(|l| is_period(&l.folded.text));
    if period.is_some() {
        after = lines.get(end + 2);
    }
    let opens = after.is_some_and(|l| {
        let t = l.folded.text.trim_start_matches('#');
        PREAMBLE.iter().any(|w| t.starts_with(w))
    });
    if !opens {
        return None;
    }
    // As many lines above as begin the title (two at most).
    let mut start = end;
    while start > 0 && end - start < 2 && is_title_start(&lines[start - 1].folded.text) {
        let mut joined = Folded::default();
        for line in &lines[start - 1..=end] {
            joined.push(original, line.range.clone());
        }
        if !is_heading_words(&joined.text) {
            break;
        }
        start -= 1;
    }
    let mut title = Folded::default();
    for line in &lines[start..=end] {
        title.push(original, line.range.clone());
    }
    if !is_heading_words(&title.text) {
        return None;
    }
    if let Some(period) = period.filter(|p| !p.folded.text.contains("稿")) {
        title.push(original, period.range.clone());
    }
    let text = &title.text;
    let range = if text.starts_with('《') && text.ends_with('》') {
        '《'.len_utf8()..text.len() - '》'.len_utf8()
    } else {
        0..title.len()
    };
    Some((title.written(original, range.clone()), title.span(range)))
}

/// The first line of a title broken over two: words, not a date, a note in brackets or a
/// signature.
fn is_title_start(text: &str) -> bool {
    let t = text.trim_start_matches('#');
    t.chars().count() <= 30
        && !t.contains(['。', ',', ';', ':', '(', ')'])
        && !t.ends_with('日')
        && !t.chars().all(|c| c.is_ascii_digit())
        && !GENRES.iter().any(|g| t.ends_with(g))
        && !["政府", "办公厅", "办公室", "委员会", "厅", "局"]
            .iter()
            .any(|end| t.ends_with(end))
}

/// A title's words: no sentence, not a notice, ending in a genre (and maybe a period or mark).
fn is_heading_words(text: &str) -> bool {
    let text = text.trim_start_matches('#');
    let bare = text
        .strip_prefix('《')
        .and_then(|t| t.strip_suffix('》'))
        .unwrap_or(text);
    let core = strip_period(bare);
    text.chars().count() <= 60
        && !text.contains(['。', ',', ';', ':'])
        && !core.ends_with("的通知")
        && GENRES.iter().any(|g| core.ends_with(g))
}

/// A title without its period or draft's mark at the end.
fn strip_period(text: &str) -> &str {
    match text.rfind('(') {
        Some(at) if text.ends_with(')') && is_period(&text[at..]) => &text[..at],
        _ => text,
    }
}

/// `(2025—2027年)`, `(征求意见稿)`.
fn is_period(text: &str) -> bool {
    let inner = text
        .trim()
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'));
    inner.is_some_and(|t| {
        t.ends_with("年") && t.chars().any(|c| c.is_ascii_digit()) || t.ends_with("稿")
    })
}

/// `制定了《X》(以下简称《行动方案》)`: a text that explains a plan names it so.
pub(super) fn explained(original: &str, lines: &[Line]) -> Option<(String, Span)> {
    lines.iter().take(BODY_TITLE_LINES).find_map(|line| {
        let text = &line.folded.text;
        let at = ["制定了《", "研究制定《", "起草了《"]
            .iter()
            .find_map(|w| text.find(w).map(|i| i + w.len()))?;
        let close = at + matching_close(&text[at..])?;
        (close > at).then(|| {
            (
                line.folded.written(original, at..close),
                line.folded.span(at..close),
            )
        })
    })
}

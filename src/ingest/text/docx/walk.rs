//! The walk over `word/document.xml` that turns it into text, keeping for every piece of that
//! text the place in the XML it was read from: the annotated copy of a draft
//! (`export::docx`) anchors a comment on the exact characters a finding underlines.
//!
//! `w:p` ends a line, `w:tab` is a tab, `w:tc` ends a cell and `w:tr` a row (cells joined by
//! tabs, the paragraphs of one cell by `；`). Deleted revisions (`w:delText`) and field codes
//! (`w:instrText`) are not text. The text is what Word renders (`markup`): elements are known by
//! their namespace, not their prefix; `mc:AlternateContent` gives the branch Word shows and
//! ignorable namespaces Word does not know are skipped; `w:sym` is its character and CDATA is text; hidden (`w:vanish`)
//! text is left out and, with white or 1-point text, listed in `hidden`.

use std::ops::Range;

use quick_xml::events::Event;

use super::map::{Buffer, DocxMap, ParagraphPlace, Piece, RunPlace};
use super::markup::{
    self, Concealed, HiddenText, Space, choice_understood, learn_ignorable, space,
};
use super::skip::Unrendered;

use crate::i18n::Msg;
use crate::msg;

/// What encloses the node being read.
#[derive(Default)]
struct Open {
    text_node: Option<bool>,
    /// Open runs: the `w:r`'s index (`None` for another kind of run, such as math's `m:r`)
    /// and the element's depth.
    runs: Vec<(Option<usize>, usize)>,
    /// Open paragraphs: index and depth.
    paragraphs: Vec<(usize, usize)>,
    table_depth: usize,
    depth: usize,
    body_depth: Option<usize>,
    /// Content Word does not render, skipped.
    unrendered: Unrendered,
    /// The namespaces `mc:Ignorable` marks, as URIs.
    ignorable: Vec<String>,
    /// How the innermost open `w:r`'s properties conceal its text, and the depth of its
    /// `w:rPr` while that is open.
    concealed: Option<Concealed>,
    /// The open run has a shade or a highlight behind its text.
    backed: bool,
    run_props_depth: Option<usize>,
}

/// Walks `w:document` into its text and the places of that text.
pub(crate) fn walk(xml: &str) -> Result<DocxMap, Msg> {
    let mut reader = quick_xml::NsReader::from_str(xml);
    let mut map = DocxMap::default();
    let mut open = Open::default();
    let mut out = Buffer::default();
    let mut line = Buffer::default();
    let mut cell = Buffer::default();
    let mut row: Vec<Buffer> = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let (resolved, event) = match reader.read_resolved_event() {
            Ok(read) => read,
            Err(err) => {
                let at = reader.buffer_position();
                return Err(msg!(
                    ".docx 正文的 XML 有误（字节 {at}）：{err}",
                    "the .docx document XML is malformed (byte {at}): {err}"
                ));
            }
        };
        // Word never writes a DOCTYPE; one declares entities (a billion laughs, a file outside)
        // that the reader would otherwise drop in silence, losing the text they stand for.
        if let Event::DocType(_) = &event {
            return Err(msg!(
                ".docx 正文的 XML 含有 DOCTYPE（实体声明），Word 不会写出这样的文件，已拒绝读取",
                "the .docx document XML declares a DOCTYPE (entities), which Word never writes; the file is refused"
            ));
        }
        let ns = space(&resolved, &open.ignorable);
        if let Event::Start(e) = &event {
            learn_ignorable(&reader, e, &mut open.ignorable);
        }
        let after = reader.buffer_position() as usize;
        let understood = match &event {
            Event::Start(e) if ns == Space::Markup && e.local_name().as_ref() == "Choice" => {
                choice_understood(&reader, e)
            }
            _ => false,
        };
        let skips = open
            .unrendered
            .skips(&mut open.depth, &event, ns, understood);
        for unseen in open.unrendered.found.drain(..) {
            let at = line.text.len();
            line.hidden.push(HiddenText {
                at: at..at,
                text: unseen,
                how: Concealed::Unrendered,
            });
        }
        if skips {
            continue;
        }
        match event {
            Event::Start(e) if ns == Space::Word || ns == Space::Math => {
                open.depth += 1;
                match e.local_name().as_ref() {
                    "t" => {
                        let straight_in_run = e.name().as_ref() == "w:t"
                            && matches!(open.runs.last(), Some(&(Some(_), d)) if d + 1 == open.depth);
                        open.text_node = Some(straight_in_run);
                    }
                    "tbl" => open.table_depth += 1,
                    "body" => open.body_depth = Some(open.depth),
                    "p" => {
                        open.paragraphs.push((map.paragraphs.len(), open.depth));
                        map.paragraphs.push(ParagraphPlace {
                            content: after..after,
                        });
                    }
                    "r" => {
                        let is_word_run = e.name().as_ref() == "w:r";
                        let run = is_word_run.then(|| {
                            map.runs.push(RunPlace {
                                xml: before..before,
                                props: None,
                                pieces: 0..0,
                            });
                            map.runs.len() - 1
                        });
                        open.runs.push((run, open.depth));
                    }
                    "sectPr" if open.body_depth == Some(open.depth - 1) => {
                        map.body_end = Some(before);
                    }
                    "rPr" if matches!(open.runs.last(), Some(&(Some(_), d)) if d + 1 == open.depth) =>
                    {
                        open.run_props_depth = Some(open.depth);
                    }
                    _ => {}
                }
            }
            Event::Start(_) => open.depth += 1,
            Event::Empty(e) if open.run_props_depth == Some(open.depth) => {
                // White text on a shade or a highlight is seen.
                if markup::backs_the_text(&e) {
                    open.backed = true;
                }
                if let Some(how) = markup::concealing(&e) {
                    // Hidden outweighs a look: vanished text is not in the text at all.
                    if open.concealed != Some(Concealed::Vanished) {
                        open.concealed = Some(how);
                    }
                }
            }
            Event::Empty(_) if ns != Space::Word => {}
            Event::Empty(e) => match e.local_name().as_ref() {
                "sym" if !open.runs.is_empty() => {
                    if let Some(c) = markup::sym_char(&e) {
                        let start = line.text.len();
                        line.text.push(c);
                        add_piece(&mut line, &open, start, before..after, false);
                    }
                }
                "tab" => line.text.push('\t'),
                // An empty paragraph is an empty line (Word writes blank lines so).
                "p" if open.table_depth == 0 => {
                    out.push(std::mem::take(&mut line));
                    out.text.push('\n');
                }
                "br" | "cr" => line
                    .text
                    .push(if open.table_depth > 0 { ' ' } else { '\n' }),
                "sectPr" if open.body_depth == Some(open.depth) => map.body_end = Some(before),
                _ => {}
            },
            Event::Text(e) if open.text_node.is_some() => {
                let decoded = e.xml10_content();
                let exact = decoded.len() == after - before;
                read_text(&mut line, &open, &decoded, before..after, exact);
            }
            Event::CData(e) if open.text_node.is_some() => {
                let content = e.into_inner().into_owned();
                read_text(&mut line, &open, &content, before..after, false);
            }
            Event::GeneralRef(r) if open.text_node.is_some() => {
                let start = line.text.len();
                line.text.push_str(&super::markup::entity(&r));
                add_piece(&mut line, &open, start, before..after, false);
            }
            Event::End(_) if ns != Space::Word && ns != Space::Math => {
                open.depth = open.depth.saturating_sub(1);
            }
            Event::End(e) => {
                open.depth = open.depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "t" => open.text_node = None,
                    "rPr" => {
                        if open.run_props_depth == Some(open.depth + 1) {
                            open.run_props_depth = None;
                        }
                        // The run's own properties, not those inside a recorded change.
                        if let Some(&(Some(run), d)) = open.runs.last()
                            && d == open.depth
                        {
                            let run = &mut map.runs[run];
                            let start = xml[run.xml.start..before].find("<w:rPr");
                            run.props = start.map(|i| run.xml.start + i..after);
                        }
                    }
                    "r" => {
                        if let Some((Some(run), _)) = open.runs.pop() {
                            map.runs[run].xml.end = after;
                            open.concealed = None;
                            open.backed = false;
                        }
                    }
                    "pPr" => {
                        if let Some(&(p, d)) = open.paragraphs.last()
                            && d == open.depth
                        {
                            map.paragraphs[p].content = after..after;
                        }
                    }
                    "p" => {
                        if let Some((p, _)) = open.paragraphs.pop() {
                            map.paragraphs[p].content.end = before;
                        }
                        let ended = std::mem::take(&mut line);
                        if open.table_depth > 0 {
                            // Paragraphs of one cell are separate items (one agency per line).
                            if !cell.text.is_empty()
                                && !ended.text.trim().is_empty()
                                && !cell.text.ends_with(['。', '；', '，', '、'])
                            {
                                cell.text.push('；');
                            }
                            cell.push_trimmed(&ended);
                        } else {
                            out.push(ended);
                            out.text.push('\n');
                        }
                    }
                    "tc" if open.table_depth == 1 => {
                        let mut ended = std::mem::take(&mut cell);
                        ended.text = ended.text.replace('\t', " ");
                        row.push(ended);
                    }
                    "tr" if open.table_depth == 1 => {
                        for (i, ended) in row.drain(..).enumerate() {
                            if i > 0 {
                                out.text.push('\t');
                            }
                            out.push(ended);
                        }
                        out.text.push('\n');
                    }
                    "tbl" => open.table_depth = open.table_depth.saturating_sub(1),
                    "body" => {
                        map.body_end.get_or_insert(before);
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    map.text = out.text;
    map.pieces = out.pieces;
    map.hidden = out.hidden;
    for (i, piece) in map.pieces.iter().enumerate() {
        if let Some(run) = piece.run {
            let pieces = &mut map.runs[run].pieces;
            // Piece indices start at 0, so an end of 0 is a run with no piece yet.
            if pieces.end == 0 {
                *pieces = i..i + 1;
            } else {
                pieces.end = i + 1;
            }
        }
    }
    Ok(map)
}

/// Adds a text node's text to the line as Word renders it: vanished text is left out and
/// listed; white or tiny text is kept and listed.
fn read_text(line: &mut Buffer, open: &Open, text: &str, xml: Range<usize>, exact: bool) {
    let start = line.text.len();
    if open.concealed == Some(Concealed::Vanished) {
        line.hidden.push(HiddenText {
            at: start..start,
            text: text.to_string(),
            how: Concealed::Vanished,
        });
        return;
    }
    line.text.push_str(text);
    add_piece(line, open, start, xml, exact);
    // White text on a shaded run, or in a table (whose cells are often shaded dark under white
    // headings), is taken to be seen: only white on the page's white is reported.
    let seen = open.concealed == Some(Concealed::White) && (open.backed || open.table_depth > 0);
    if let Some(how) = open.concealed.filter(|_| !seen) {
        line.hidden.push(HiddenText {
            at: start..line.text.len(),
            text: text.to_string(),
            how,
        });
    }
}

/// Records that `line.text[start..]` was read from `xml` in the current text node.
fn add_piece(line: &mut Buffer, open: &Open, start: usize, xml: Range<usize>, exact: bool) {
    if start == line.text.len() {
        return;
    }
    let splittable = open.text_node == Some(true);
    line.pieces.push(Piece {
        text: start..line.text.len(),
        xml,
        exact,
        run: if splittable {
            open.runs.last().and_then(|&(run, _)| run)
        } else {
            None
        },
        paragraph: open.paragraphs.last().map_or(0, |&(p, _)| p),
    });
}

//! The walk over `word/document.xml` that turns it into text, keeping for every piece of that
//! text the place in the XML it was read from: the annotated copy of a draft
//! (`export::docx`) anchors a comment on the exact characters a finding underlines.
//!
//! `w:p` ends a line, `w:tab` is a tab, `w:tc` ends a cell and `w:tr` a row (cells joined by
//! tabs, the paragraphs of one cell by `；`). Deleted revisions (`w:delText`) and field codes
//! (`w:instrText`) are not text.

use std::ops::Range;

use quick_xml::events::Event;

use crate::i18n::Msg;
use crate::msg;

/// The text of a document and where each piece of it came from.
#[derive(Debug, Default)]
pub(crate) struct DocxMap {
    pub text: String,
    /// In text order; the text between two pieces (a tab, a line break, a `；` joining the
    /// paragraphs of a cell) was not read from a text node.
    pub pieces: Vec<Piece>,
    pub runs: Vec<RunPlace>,
    pub paragraphs: Vec<ParagraphPlace>,
    /// Where content appended to the body goes: before the body's own `w:sectPr`, else before
    /// `</w:body>`.
    pub body_end: Option<usize>,
}

/// A piece of the text read from one text node (or one character reference).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Piece {
    /// Bytes of the extracted text.
    pub text: Range<usize>,
    /// Bytes of the XML it was read from.
    pub xml: Range<usize>,
    /// Whether the text bytes are the XML bytes one for one (no reference, no line ending
    /// normalised), so that any character boundary inside maps into the XML.
    pub exact: bool,
    /// The `w:r` it is in when it is a `w:t` straight inside one: only there can a run be split.
    pub run: Option<usize>,
    pub paragraph: usize,
}

/// A `w:r` element: its bytes and its properties, copied when the run is split in two.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct RunPlace {
    pub xml: Range<usize>,
    pub props: Option<Range<usize>>,
    /// Its first and last pieces.
    pub pieces: Range<usize>,
}

/// A `w:p` element: where its content begins (after `w:pPr`) and ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ParagraphPlace {
    pub content: Range<usize>,
}

/// A line (or a cell) being built: its text and its pieces, offsets relative to its start.
#[derive(Default)]
struct Buffer {
    text: String,
    pieces: Vec<Piece>,
}

impl Buffer {
    /// Appends `other` trimmed of surrounding white space, its pieces shifted and clipped.
    fn push_trimmed(&mut self, other: &Buffer) {
        let lead = other.text.len() - other.text.trim_start().len();
        let kept = other.text.trim();
        let base = self.text.len();
        for piece in &other.pieces {
            let start = piece.text.start.clamp(lead, lead + kept.len());
            let end = piece.text.end.clamp(lead, lead + kept.len());
            if start < end {
                self.pieces.push(Piece {
                    text: base + start - lead..base + end - lead,
                    exact: piece.exact && end - start == piece.text.len(),
                    ..piece.clone()
                });
            }
        }
        self.text.push_str(kept);
    }

    /// Appends `other` whole.
    fn push(&mut self, other: Buffer) {
        let base = self.text.len();
        self.pieces.extend(other.pieces.into_iter().map(|p| Piece {
            text: base + p.text.start..base + p.text.end,
            ..p
        }));
        self.text.push_str(&other.text);
    }
}

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
}

/// Walks `w:document` into its text and the places of that text.
pub(crate) fn walk(xml: &str) -> Result<DocxMap, Msg> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut map = DocxMap::default();
    let mut open = Open::default();
    let mut out = Buffer::default();
    let mut line = Buffer::default();
    let mut cell = Buffer::default();
    let mut row: Vec<Buffer> = Vec::new();
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|err| {
            let at = reader.buffer_position();
            msg!(
                ".docx 正文的 XML 有误（字节 {at}）：{err}",
                "the .docx document XML is malformed (byte {at}): {err}"
            )
        })?;
        let after = reader.buffer_position() as usize;
        match event {
            Event::Start(e) => {
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
                    _ => {}
                }
            }
            Event::Empty(e) => match e.local_name().as_ref() {
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
                let start = line.text.len();
                line.text.push_str(&decoded);
                add_piece(
                    &mut line,
                    &open,
                    start,
                    before..after,
                    decoded.len() == after - before,
                );
            }
            Event::GeneralRef(r) if open.text_node.is_some() => {
                let start = line.text.len();
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    line.text.push(c);
                } else {
                    line.text.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
                add_piece(&mut line, &open, start, before..after, false);
            }
            Event::End(e) => {
                open.depth = open.depth.saturating_sub(1);
                match e.local_name().as_ref() {
                    "t" => open.text_node = None,
                    "rPr" => {
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

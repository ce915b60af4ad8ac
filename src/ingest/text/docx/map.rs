//! The text a walk over a document gives, and where each piece of it came from in the XML: the
//! annotated copy of a draft (`export::docx`) anchors a comment on the exact characters a
//! finding underlines.

use std::ops::Range;

use super::markup::HiddenText;

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
    /// Text Word holds but a reader does not see, in text order.
    pub hidden: Vec<HiddenText>,
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
pub(super) struct Buffer {
    pub text: String,
    pub pieces: Vec<Piece>,
    pub hidden: Vec<HiddenText>,
}

impl Buffer {
    /// Appends `other` trimmed of surrounding white space, its pieces shifted and clipped.
    pub(super) fn push_trimmed(&mut self, other: &Buffer) {
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
        for hidden in &other.hidden {
            let clip = |at: usize| base + at.clamp(lead, lead + kept.len()) - lead;
            self.hidden.push(HiddenText {
                at: clip(hidden.at.start)..clip(hidden.at.end),
                ..hidden.clone()
            });
        }
        self.text.push_str(kept);
    }

    /// Appends `other` whole.
    pub(super) fn push(&mut self, other: Buffer) {
        let base = self.text.len();
        self.pieces.extend(other.pieces.into_iter().map(|p| Piece {
            text: base + p.text.start..base + p.text.end,
            ..p
        }));
        self.hidden
            .extend(other.hidden.into_iter().map(|h| HiddenText {
                at: base + h.at.start..base + h.at.end,
                ..h
            }));
        self.text.push_str(&other.text);
    }
}

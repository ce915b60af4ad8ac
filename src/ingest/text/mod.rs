//! Plans read straight from their text (.txt, .md, .docx): the same model out as from YAML, every
//! item located in the original file.
//!
//! The pipeline: [`layout`] rebuilds paragraphs and table rows from broken lines, [`header`]
//! reads the document's number, title, issuer and date, then each block is searched for
//! [`citations`], [`targets`] and [`tasks`].

pub(crate) mod citations;
pub(crate) mod decode;
pub(crate) mod docx;
pub(crate) mod fixed;
pub(crate) mod folded;
pub(crate) mod header;
pub(crate) mod layout;
pub(crate) mod record;
mod roles;
pub(crate) mod targets;
pub(crate) mod tasks;
mod year_table;

use std::collections::HashSet;

use crate::model::text::{fold, fold_title};
use std::path::Path;

use crate::i18n::Msg;
use crate::model::Deadline;
use crate::msg;

use self::layout::Block;

/// Everything read from one text.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(crate) struct Extracted {
    pub header: header::Header,
    pub citations: Vec<citations::Found>,
    /// Targets, each with the index of the task it belongs to.
    pub targets: Vec<(targets::Found, Option<usize>)>,
    /// Goals restated without a figure.
    pub qualitative: Vec<targets::qualitative::Found>,
    pub tasks: Vec<tasks::FoundTask>,
    pub skipped: Vec<targets::Skipped>,
    /// The text's last line, when the text stops mid-sentence before its targets are complete
    /// (a copy cut by its mirror): what it does not state may follow the cut.
    pub cut_short: Option<crate::model::Span>,
}

impl Extracted {
    /// Whether the text reads as a plan at all: a title, an issuer, a 文号 or a target.
    pub(crate) fn holds_a_plan(&self) -> bool {
        let header = &self.header;
        header.title.is_some()
            || header.issuer.is_some()
            || header.doc_number.is_some()
            || !self.targets.is_empty()
            || !self.skipped.is_empty()
    }
}

/// Reads a plan's text.
pub(crate) fn extract(original: &str) -> Extracted {
    let header = header::read(original);
    let own_title = header
        .title
        .as_ref()
        .map(|(t, _)| citations::own_title_key(t));
    let own_number = header
        .doc_number
        .as_ref()
        .map(|(n, _)| citations::number_key(n));
    let mut out = Extracted::default();
    let mut reader = tasks::TaskReader::default();
    let mut pending: Vec<usize> = Vec::new();
    let mut row_context = Deadline::Unstated;
    let mut year_columns: Option<Vec<(usize, u16)>> = None;
    for block in layout::blocks(original) {
        match block {
            Block::Paragraph(paragraph) => {
                row_context = Deadline::Unstated;
                year_columns = None;
                if layout::opens_unit(&paragraph.text) {
                    pending.clear();
                }
                out.citations.extend(citations::find(
                    original,
                    &paragraph,
                    own_title.as_deref(),
                    own_number.as_deref(),
                ));
                let read = targets::find(original, &paragraph, Deadline::Unstated);
                for target in read.found {
                    pending.push(out.targets.len());
                    out.targets.push((target, None));
                }
                out.qualitative.extend(read.qualitative);
                out.skipped.extend(read.skipped);
                let closed = reader.paragraph(original, &paragraph);
                if let Some(&task) = closed.first() {
                    for i in pending.drain(..) {
                        out.targets[i].1 = Some(task);
                    }
                }
            }
            Block::Row(cells) => {
                if let Some(columns) = year_table::header(&cells) {
                    year_columns = Some(columns);
                    continue;
                }
                if let Some(columns) = &year_columns {
                    let read = year_table::row(original, &cells, columns);
                    out.targets
                        .extend(read.found.into_iter().map(|t| (t, None)));
                    out.qualitative.extend(read.qualitative);
                    out.skipped.extend(read.skipped);
                    continue;
                }
                let task = reader.row(original, &cells);
                row_context = row_deadline(&cells, row_context);
                let due = reader.row_due(&cells).map_or(row_context, Deadline::Year);
                let skip = reader.agency_columns();
                for (i, cell) in cells.iter().enumerate() {
                    if skip.contains(&i) {
                        continue;
                    }
                    out.citations.extend(citations::find(
                        original,
                        cell,
                        own_title.as_deref(),
                        own_number.as_deref(),
                    ));
                    let read = targets::find(original, cell, due);
                    out.targets
                        .extend(read.found.into_iter().map(|t| (t, task)));
                    out.qualitative.extend(read.qualitative);
                    out.skipped.extend(read.skipped);
                }
            }
        }
    }
    out.tasks = reader.tasks;
    out.header = header;
    dedupe_citations(&mut out.citations);
    dedupe_targets(&mut out.targets);
    let mut seen = HashSet::new();
    out.qualitative
        .retain(|q| seen.insert((fold(&q.indicator), q.deadline, fold(&q.text))));
    out.cut_short = cut_short(original, &out);
    out
}

/// The last line of a text that stops mid-sentence (no closing 。, ！, ？, ；, bracket or date)
/// where nothing was read or its last line still holds a target: a copy cut inside its
/// targets. A text cut later, in its tasks, has its targets whole.
fn cut_short(original: &str, read: &Extracted) -> Option<crate::model::Span> {
    const CLOSERS: [char; 14] = [
        '。', '！', '？', '!', '?', '；', ';', '”', '"', '）', ')', '】', '》', '日',
    ];
    let text = original.trim_end();
    let last = text.chars().last()?;
    if CLOSERS.contains(&last) {
        return None;
    }
    let line_start = text.rfind('\n').map_or(0, |i| i + 1);
    let nothing_read = read.targets.is_empty() && read.qualitative.is_empty();
    let target_on_last_line = read
        .targets
        .iter()
        .any(|(t, _)| t.quote_span.start + t.quote_span.len > line_start);
    (nothing_read || target_on_last_line)
        .then(|| crate::model::Span::new(line_start, text.len() - line_start))
}

/// `2025 年工作目标` in a row's first cell sets the deadline for it and the rows under it that
/// leave the cell empty; any other first cell ends it.
fn row_deadline(cells: &[folded::Folded], previous: Deadline) -> Deadline {
    let Some(first) = cells.first() else {
        return previous;
    };
    if first.is_empty() {
        return previous;
    }
    let text = &first.text;
    text.find('年')
        .and_then(|i| text[..i].parse::<u16>().ok())
        .filter(|y| (1949..=2100).contains(y))
        .map_or(Deadline::Unstated, Deadline::Year)
}

/// A document cited twice is one citation, at its first mention: by its number, or by its
/// title (`《关于深入实施“人工智能+”行动的意见》(国发〔2025〕11号)`, then `《关于深入实施…的意见》`
/// alone further on).
fn dedupe_citations(citations: &mut Vec<citations::Found>) {
    let mut numbers = HashSet::new();
    let mut titles = HashSet::new();
    citations.retain(|c| {
        let title = c
            .title
            .as_ref()
            .map(|(t, _)| crate::model::text::plan_title_core(&fold_title(t)));
        let new = match (&c.doc_number, &title) {
            (Some((n, _)), _) => numbers.insert(citations::number_key(n)),
            (None, Some(t)) => !titles.contains(t),
            (None, None) => false,
        };
        if let Some(t) = title {
            titles.insert(t);
        }
        new
    });
}

/// A plan that states a target twice (a summary table restating the prose) holds it once.
fn dedupe_targets(targets: &mut Vec<(targets::Found, Option<usize>)>) {
    let mut seen = HashSet::new();
    targets.retain(|(t, _)| {
        seen.insert((
            fold(&t.indicator),
            format!("{:?}", t.deadline),
            t.comparator.symbol(),
            format!("{}{}", t.quantity.value, t.quantity.unit),
            t.baseline,
        ))
    });
}

/// Whether a file is a plan given as text rather than YAML.
pub(crate) fn is_text_plan(path: &Path) -> bool {
    matches!(
        crate::source::extension(path).as_deref(),
        Some("txt" | "md" | "docx" | "pdf" | "ofd")
    )
}

/// A fixed-layout document (PDF, or OFD: GB/T 33190, a zip holding `OFD.xml`), by its bytes
/// or, when they say nothing, its extension.
pub(crate) fn fixed_layout(path: &Path, bytes: &[u8]) -> Option<fixed::Kind> {
    let extension = crate::source::extension(path);
    let zip_with_ofd = bytes.starts_with(b"PK\x03\x04")
        && bytes.windows(b"OFD.xml".len()).any(|w| w == b"OFD.xml");
    // A PDF may have bytes before its header; viewers look within the first kilobyte.
    let pdf_header = bytes[..bytes.len().min(1024)]
        .windows(5)
        .any(|w| w == b"%PDF-");
    if zip_with_ofd {
        Some(fixed::Kind::Ofd)
    } else if pdf_header {
        Some(fixed::Kind::Pdf)
    } else {
        match extension.as_deref() {
            Some("pdf") => Some(fixed::Kind::Pdf),
            Some("ofd") => Some(fixed::Kind::Ofd),
            _ => None,
        }
    }
}

/// Why a text plan could not be read: the message and the byte offset it refers to.
#[derive(Debug, Clone)]
pub(crate) struct Unreadable {
    pub message: Msg,
    pub offset: usize,
}

/// A plan file as its reader sees it.
#[derive(Debug, Default)]
pub(crate) struct Document {
    pub text: std::sync::Arc<str>,
    /// The text a .docx holds that its reader does not see (hidden, white or 1-point text
    /// that holds a figure), which the text itself cannot say.
    pub hidden: Vec<docx::HiddenText>,
    /// Where a PDF's or an OFD's text was printed.
    pub printed: Option<crate::model::printed::Printed>,
}

/// The text of a plan file: a .docx's paragraphs and tables, a PDF's or an OFD's printed
/// lines, or a text file decoded from whatever encoding it is in.
pub(crate) fn read_bytes(path: &Path, bytes: &[u8]) -> Result<String, Unreadable> {
    read_document(path, bytes).map(|document| document.text.to_string())
}

/// Reads a plan file.
pub(crate) fn read_document(path: &Path, bytes: &[u8]) -> Result<Document, Unreadable> {
    let whole = |message| Unreadable { message, offset: 0 };
    if bytes.is_empty() {
        return Err(whole(msg!("文件为空", "the file is empty")));
    }
    if let Some(kind) = fixed_layout(path, bytes) {
        let read = fixed::read(kind, bytes).map_err(whole)?;
        return Ok(Document {
            text: read.text.into(),
            hidden: Vec::new(),
            printed: Some(read.printed),
        });
    }
    let is_docx = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
    if is_docx {
        let map = docx::walk(&docx::document_xml(bytes).map_err(whole)?).map_err(whole)?;
        let hidden = map
            .hidden
            .into_iter()
            .filter(|h| docx::holds_figures(&h.text))
            .collect();
        return Ok(Document {
            text: map.text.into(),
            hidden,
            printed: None,
        });
    }
    decode::decode(bytes)
        .map(|(text, _)| Document {
            text,
            ..Document::default()
        })
        .map_err(|e| Unreadable {
            message: e.message,
            offset: e.offset,
        })
}

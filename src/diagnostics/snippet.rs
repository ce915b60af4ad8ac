//! A plan's text as the human output shows it: the lines around a span, a line too wide for the
//! terminal cut to a window around the span, columns counted as a person counts them.

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use miette::{MietteError, MietteSpanContents, SourceCode, SourceSpan, SpanContents};

use super::columns::{back, capped_columns, columns, forward};
use super::terminal::safe_source;
use crate::i18n::Lang;
use crate::model::line_index::LineIndex;
use crate::model::printed::Printed;

/// A file as miette reads it, but with columns counted in characters as a person counts them:
/// miette counts bytes, which puts `到2025年` three columns per Chinese character off.
#[derive(Debug)]
pub(super) struct FileSource {
    name: String,
    raw: Arc<str>,
    /// The text made safe to print ([`safe_source`]), made on first use: only files with
    /// findings and something to make safe are ever copied (`None`: the text is safe as read).
    safe: OnceLock<Option<String>>,
    /// The lines of the safe text and the width of each, built on first use: a span's line, its
    /// column and whether its line fits are looked up, not read from the file's (or the line's)
    /// start for every finding.
    lines: OnceLock<(LineIndex, Vec<u32>)>,
    /// The output's width: a line wider than fits is shown as a window around the span.
    columns: usize,
    /// Where a PDF's or an OFD's lines were printed, and the language to name the page in:
    /// its snippets are numbered by page and line as printed.
    printed: Option<(Arc<Printed>, Lang)>,
}

/// Columns taken before the source text: the line number and the bar (`  86 │ `).
const GUTTER: usize = 10;
/// The least context kept on each side of the span in a window, in columns.
const MIN_MARGIN: usize = 8;
/// The columns kept right of a span for the label drawn from it (`╰── parent: more than 90%`).
const LABEL_ROOM: usize = 34;

impl FileSource {
    pub(super) fn new(name: String, raw: Arc<str>, columns: usize) -> Self {
        Self {
            name,
            raw,
            safe: OnceLock::new(),
            lines: OnceLock::new(),
            columns,
            printed: None,
        }
    }

    /// Numbers the snippets of a text read from a PDF or an OFD by page and printed line.
    pub(super) fn with_printed(mut self, printed: Option<Arc<Printed>>, lang: Lang) -> Self {
        self.printed = printed.map(|p| (p, lang));
        self
    }

    /// The name and first line number (from 0) a snippet starting at text line `first` and
    /// holding the span at text line `at` is shown with: the file's and the text's, or for a
    /// printed document the page's (`plan.pdf p.3`, `plan.pdf 第3页`) and the page's.
    fn located(&self, first: usize, at: usize) -> (String, usize) {
        let Some((printed, lang)) = &self.printed else {
            return (self.name.clone(), first);
        };
        let Some((page, line)) = printed.page_line(at) else {
            return (self.name.clone(), first);
        };
        let name = match lang {
            Lang::Zh => format!("{} 第{page}页", self.name),
            Lang::En => format!("{} p.{page}", self.name),
        };
        (name, (line - 1).saturating_sub(at - first.min(at)))
    }

    fn text(&self) -> &str {
        self.safe
            .get_or_init(|| match safe_source(&self.raw) {
                std::borrow::Cow::Borrowed(_) => None,
                std::borrow::Cow::Owned(safe) => Some(safe),
            })
            .as_deref()
            .unwrap_or(&self.raw)
    }

    fn lines(&self) -> &(LineIndex, Vec<u32>) {
        self.lines.get_or_init(|| {
            let text = self.text();
            // Line by line as `line_range` gives them (without the break), read once.
            // Widths in 32 bits: a national corpus's report has millions of lines, and no line
            // of a text planlint reads (up to 64 MiB) is wider.
            let widths = text
                .split('\n')
                .map(|line| u32::try_from(columns(line)).unwrap_or(u32::MAX))
                .collect();
            (LineIndex::new(text), widths)
        })
    }

    /// The line (counted from 0) that holds `offset`.
    fn line_of(&self, offset: usize) -> usize {
        self.lines().0.line(self.text(), offset)
    }

    /// The line that holds `offset`, without its line break.
    fn line_around(&self, offset: usize) -> Range<usize> {
        self.lines().0.line_range(self.text(), self.line_of(offset))
    }

    /// The characters between two offsets of one line.
    fn chars_between(&self, start: usize, end: usize) -> usize {
        let (index, text) = (&self.lines().0, self.text());
        index.chars_before(text, end) - index.chars_before(text, start)
    }

    /// The columns a source line may take.
    fn room(&self) -> usize {
        self.columns.saturating_sub(GUTTER).max(2 * MIN_MARGIN + 10)
    }

    /// The width of the line that holds `offset`.
    fn line_width(&self, offset: usize) -> usize {
        let (_, widths) = self.lines();
        widths
            .get(self.line_of(offset))
            .map_or(0, |&width| width as usize)
    }

    /// A span on one line too wide for the output is underlined over its beginning only, so
    /// that the underline and its label stay on screen.
    pub(super) fn fit(&self, start: usize, len: usize) -> (usize, usize) {
        let Some(spanned) = self.text().get(start..start + len) else {
            return (start, len);
        };
        let most = self.room() - 2 * MIN_MARGIN;
        if spanned.contains('\n')
            || columns(spanned) <= most
            || self.line_width(start) <= self.room()
        {
            return (start, len);
        }
        (
            start,
            forward(self.text(), start, most, start + len) - start,
        )
    }

    /// What miette's own reading gives, from the lines around the span only: miette reads a
    /// text from its start to find a span's lines, which made a file with thousands of findings
    /// take time growing with the square of its length. The lines are handed to it and what it
    /// gives is shifted back to the whole text's offsets and line numbers.
    fn context(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<MietteSpanContents<'_>, MietteError> {
        let text = self.text();
        let end = span.offset() + span.len();
        if end > text.len() {
            let whole = text.read_span(span, before, after)?;
            return Ok(contents(whole.as_ref(), 0, 0, None));
        }
        let (read, column) = self.around(span, before, after);
        let local = SourceSpan::from((span.offset() - read.start, span.len()));
        let lines = text.as_bytes()[read.clone()].read_span(&local, before, after)?;
        Ok(contents(
            lines.as_ref(),
            read.start,
            self.line_of(read.start),
            column,
        ))
    }

    /// The part of the text handed to miette for a span within it: from `before` lines above
    /// it to one line more than miette reads after it (so that it stops where it would); with
    /// no line before, from the byte before the span (miette reads one byte before an empty
    /// span), with the columns to the span, which miette then cannot count.
    fn around(
        &self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> (Range<usize>, Option<usize>) {
        let index = &self.lines().0;
        let line = self.line_of(span.offset());
        let line_start = index.line_range(self.text(), line).start;
        let (from, column) = match before {
            0 if span.offset() == line_start => (line_start.saturating_sub(1), None),
            0 => (span.offset() - 1, Some(span.offset() - line_start)),
            _ => (
                index
                    .line_range(self.text(), line.saturating_sub(before))
                    .start,
                None,
            ),
        };
        let end = span.offset() + span.len();
        let to = index
            .line_range(self.text(), self.line_of(end) + after + 2)
            .start;
        (from..to, column)
    }
}

/// `read` moved `from` bytes and `lines` lines down the text (miette counts a snippet's lines
/// from the start of what it read), at `column` when miette could not count it.
fn contents<'a>(
    read: &(dyn SpanContents<'a> + 'a),
    from: usize,
    lines: usize,
    column: Option<usize>,
) -> MietteSpanContents<'a> {
    MietteSpanContents::new(
        read.data(),
        SourceSpan::from((read.span().offset() + from, read.span().len())),
        read.line() + lines,
        column.unwrap_or(read.column()),
        read.line_count() + lines,
    )
}

impl SourceCode for FileSource {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        context_lines_before: usize,
        context_lines_after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let text: &'a str = self.text();
        let room = self.room();
        let fits = |data: &[u8]| {
            std::str::from_utf8(data).is_ok_and(|d| d.lines().all(|l| columns(l) <= room))
        };
        let offset = span.offset().min(text.len());
        let end = (offset + span.len()).min(text.len());
        // A span on a line too wide is shown in a window whatever its context: the line is not
        // read whole (a paragraph of a megabyte on one line, with many findings).
        let wide = context_lines_before > 0
            && context_lines_after > 0
            && span.offset() + span.len() <= text.len()
            && self.line_width(offset) > room;
        let inner = if wide {
            None
        } else {
            Some(self.context(span, context_lines_before, context_lines_after)?)
        };
        let line_start = self.line_around(offset).start;
        let column = match (text.get(line_start..offset), &inner) {
            (Some(_), _) => self.chars_between(line_start, offset),
            (None, Some(inner)) => inner.column(),
            (None, None) => 0,
        };
        // A label is drawn from the span rightwards: a span near the end of a long line is
        // shown in a window too, so the label stays on screen. The widths are counted only as
        // far as they can matter.
        let label_fits = match (text.get(line_start..offset), text.get(offset..end)) {
            (Some(before), Some(spanned)) => {
                spanned.contains('\n')
                    || capped_columns(before, room + 1)
                        + capped_columns(spanned, 2 * room + 2) / 2
                        + LABEL_ROOM
                        <= room
            }
            _ => true,
        };
        let shown = inner.filter(|inner| fits(inner.data()) && label_fits);
        let Some(inner) = shown else {
            // A wide line of context is dropped; then a paragraph on one line (Word, Markdown,
            // a PDF's table row) that would run past the terminal, and the underline with it,
            // is cut to the part around the span, sized to the output.
            let line_end = self.line_around(end).end;
            let whole_line = text.get(line_start..line_end).unwrap_or_default();
            let (start, stop) = if !wide && label_fits && fits(whole_line.as_bytes()) {
                (line_start, line_end)
            } else {
                let span_width = text.get(offset..end).map_or(0, columns);
                let margin = (room.saturating_sub(span_width) / 2).max(MIN_MARGIN);
                // Room the right side does not need (the span near the line's end) goes to the
                // left, short of what the label drawn from the span needs.
                let width = |from: usize, to: usize| text.get(from..to).map_or(0, columns);
                let stop = forward(text, end, margin, line_end);
                let left = (2 * margin - width(end, stop).min(margin))
                    .min(room.saturating_sub(span_width + LABEL_ROOM))
                    .max(margin.min(MIN_MARGIN));
                let start = back(text, offset, left.max(MIN_MARGIN), line_start);
                let stop = forward(
                    text,
                    end,
                    2 * margin - width(start, offset).min(2 * margin),
                    line_end,
                );
                (start, stop)
            };
            let (name, line) = self.located(self.line_of(start), self.line_of(offset));
            let window = text.get(start..stop).unwrap_or_default();
            return Ok(Box::new(MietteSpanContents::new_named(
                name,
                window.as_bytes(),
                SourceSpan::from((start, stop - start)),
                line,
                column,
                window.matches('\n').count() + 1,
            )));
        };
        let (name, line) = self.located(inner.line(), self.line_of(offset));
        Ok(Box::new(MietteSpanContents::new_named(
            name,
            inner.data(),
            *inner.span(),
            line,
            column,
            inner.line_count(),
        )))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn source(text: &str) -> FileSource {
        FileSource::new("plan.txt".into(), Arc::from(text), 100)
    }

    #[test]
    fn the_lines_around_a_span_read_as_miette_reads_the_whole_text() {
        let text = "到2025年\n数控化率达到75%\n\n普及率达到90%\n末行";
        let file = source(text);
        let ends = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        let bounds: Vec<usize> = ends.collect();
        for &start in &bounds {
            for &end in bounds.iter().filter(|&&e| e >= start) {
                for (before, after) in [(0, 0), (1, 1), (2, 1), (0, 2)] {
                    let span = SourceSpan::from((start, end - start));
                    let ours = file.context(&span, before, after).unwrap();
                    let whole = text.read_span(&span, before, after).unwrap();
                    let read = |c: &dyn SpanContents<'_>| {
                        (c.data().to_vec(), *c.span(), c.line(), c.line_count())
                    };
                    assert_eq!(read(&ours), read(whole.as_ref()), "{start}..{end}");
                    // With no line before, the column is the one `read_span` counts itself.
                    if before > 0 {
                        assert_eq!(ours.column(), whole.column(), "{start}..{end}");
                    }
                }
            }
        }
    }

    #[test]
    fn only_the_lines_around_a_span_are_read() {
        let text = "数控化率达到75%。\n".repeat(10_000);
        let file = source(&text);
        let offset = text.len() / 2;
        let span = SourceSpan::from((file.line_around(offset).start, 3));
        let (read, _) = file.around(&span, 1, 1);
        let lines = text[read].matches('\n').count();
        assert!(lines <= 4, "{lines} lines read");
        // A line of a megabyte: its column is counted from the nearest mark, not its start.
        let line = "数控化率达到75%，".repeat(40_000);
        let file = source(&line);
        let at = line.len() - "数控化率达到75%，".len();
        assert_eq!(file.chars_between(0, at), line[..at].chars().count());
    }
}

//! Where a text's lines start, and how many characters come before points of it: a position's
//! line and column are found without reading the text from its start, so a file with thousands
//! of findings, or a line of a megabyte holding many, reports in time linear in its length.

use std::ops::Range;

/// How far apart the marks are kept, in bytes: a line or a column costs the reading of at most
/// this much of the text.
const MARK_BYTES: usize = 1024;

/// Marks every [`MARK_BYTES`] bytes of one text: how many characters and line breaks come
/// before each. Lines are counted from the nearest mark, not kept one by one: an index is kept
/// for every file with a finding, and a national corpus has millions of lines (a start per line
/// was 8 MB of the report's memory; the marks are a tenth of that).
///
/// Offsets are kept in 32 bits. No text planlint reads comes near 4 GiB (files are read up to
/// 64 MiB); past it, positions are counted from the last mark.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// In order of `at`; the first at 0.
    marks: Vec<Mark>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Mark {
    /// A byte offset, at a character boundary.
    at: u32,
    /// The characters before it.
    chars: u32,
    /// The line breaks before it: the line (from 0) it is on.
    line: u32,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut marks = vec![Mark::default()];
        let mut next_mark = MARK_BYTES;
        let mut line = 0u32;
        for (chars, (at, c)) in text.char_indices().enumerate() {
            if at >= next_mark {
                let (Ok(at), Ok(chars)) = (u32::try_from(at), u32::try_from(chars)) else {
                    break;
                };
                marks.push(Mark { at, chars, line });
                next_mark = at as usize + MARK_BYTES;
            }
            if c == '\n' {
                line += 1;
            }
        }
        Self { marks }
    }

    /// The nearest mark at or before `offset`.
    fn mark_before(&self, offset: usize) -> Mark {
        let i = self
            .marks
            .partition_point(|m| m.at as usize <= offset)
            .saturating_sub(1);
        self.marks.get(i).copied().unwrap_or_default()
    }

    /// The line (counted from 0) that holds `offset` of `text` (the text indexed); a line holds
    /// the break that ends it.
    #[must_use]
    pub fn line(&self, text: &str, offset: usize) -> usize {
        let mark = self.mark_before(offset);
        let between = text
            .as_bytes()
            .get(mark.at as usize..offset.min(text.len()))
            .unwrap_or_default();
        mark.line as usize + memchr::memchr_iter(b'\n', between).count()
    }

    /// Line `line` (counted from 0) of `text` without its line break; past the last line, an
    /// empty range at the end.
    #[must_use]
    pub fn line_range(&self, text: &str, line: usize) -> Range<usize> {
        let bytes = text.as_bytes();
        let end_of = |start: usize| {
            memchr::memchr(b'\n', bytes.get(start..).unwrap_or_default())
                .map_or(text.len(), |at| start + at)
        };
        if line == 0 {
            return 0..end_of(0);
        }
        // The last mark before the line's start: the breaks after it, up to the line's, lie
        // before the next mark.
        let i = self
            .marks
            .partition_point(|m| (m.line as usize) < line)
            .saturating_sub(1);
        let mark = self.marks.get(i).copied().unwrap_or_default();
        let from = mark.at as usize;
        let wanted = line - mark.line as usize;
        let after = bytes.get(from..).unwrap_or_default();
        match memchr::memchr_iter(b'\n', after).nth(wanted - 1) {
            Some(at) => {
                let start = from + at + 1;
                start..end_of(start)
            }
            None => text.len()..text.len(),
        }
    }

    /// How many characters of `text` (the text indexed) come before `offset`, a character
    /// boundary.
    #[must_use]
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = self.mark_before(offset);
        mark.chars as usize
            + text
                .get(mark.at as usize..offset)
                .map_or(0, |s| s.chars().count())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_and_columns_match_a_count_from_the_start() {
        let text = format!("到2025年\n{}\n\nab", "数控化率达到75%，".repeat(150));
        let index = LineIndex::new(&text);
        for (offset, _) in text.char_indices() {
            let before = &text[..offset];
            assert_eq!(
                index.line(&text, offset),
                before.matches('\n').count(),
                "{offset}"
            );
            assert_eq!(index.chars_before(&text, offset), before.chars().count());
        }
        assert_eq!(&text[index.line_range(&text, 2)], "");
        assert_eq!(&text[index.line_range(&text, 3)], "ab");
        assert_eq!(index.line_range(&text, 4), text.len()..text.len());
    }

    #[test]
    fn every_line_is_found_across_the_marks() {
        // Short lines, long lines and empty ones, so that marks fall inside lines, on breaks
        // and with many lines between them.
        let mut text = String::new();
        for i in 0..400 {
            let line = "目标".repeat(i % 7) + &"x".repeat((i * 37) % 1500);
            text.push_str(&line);
            text.push('\n');
        }
        text.push_str("最后");
        let index = LineIndex::new(&text);
        let mut start = 0;
        for (n, line) in text.split('\n').enumerate() {
            assert_eq!(
                index.line_range(&text, n),
                start..start + line.len(),
                "line {n}"
            );
            assert_eq!(index.line(&text, start), n);
            assert_eq!(index.line(&text, start + line.len()), n, "its break");
            start += line.len() + 1;
        }
        assert_eq!(index.line_range(&text, 401), text.len()..text.len());
    }
}

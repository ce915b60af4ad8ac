//! Where a text's lines start, and how many characters come before points of it: a position's
//! line and column are found without reading the text from its start, so a file with thousands
//! of findings, or a line of a megabyte holding many, reports in time linear in its length.

use std::ops::Range;

/// How far apart the character counts are kept, in bytes: a column costs the reading of at most
/// this much of its line.
const MARK_BYTES: usize = 1024;

/// The lines of one text, and its character counts every [`MARK_BYTES`] bytes. Offsets are
/// kept in 32 bits: an index is kept for every file with a finding, and a national corpus has
/// millions of lines. No text planlint reads comes near 4 GiB (files are read up to 64 MiB); past
/// it, positions count as the last line and mark indexed.
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<u32>,
    /// (byte offset, characters before it), in order.
    marks: Vec<(u32, u32)>,
    len: usize,
}

impl LineIndex {
    #[must_use]
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        let mut marks = vec![(0, 0)];
        let mut next_mark = MARK_BYTES;
        for (chars, (at, c)) in text.char_indices().enumerate() {
            let (Ok(at32), Ok(chars32)) = (u32::try_from(at), u32::try_from(chars)) else {
                break;
            };
            if c == '\n' && at32 < u32::MAX {
                starts.push(at32 + 1);
            }
            if at >= next_mark {
                marks.push((at32, chars32));
                next_mark = at + MARK_BYTES;
            }
        }
        Self {
            starts,
            marks,
            len: text.len(),
        }
    }

    /// The line (counted from 0) that holds `offset`; a line holds the break that ends it.
    #[must_use]
    pub fn line(&self, offset: usize) -> usize {
        self.starts
            .partition_point(|&start| start as usize <= offset)
            .saturating_sub(1)
    }

    /// Line `line` (counted from 0) without its line break; past the last line, an empty range
    /// at the end.
    #[must_use]
    pub fn line_range(&self, line: usize) -> Range<usize> {
        let Some(&start) = self.starts.get(line) else {
            return self.len..self.len;
        };
        let end = self
            .starts
            .get(line + 1)
            .map_or(self.len, |&next| next as usize - 1);
        start as usize..end
    }

    /// How many characters of `text` (the text indexed) come before `offset`, a character
    /// boundary.
    #[must_use]
    pub fn chars_before(&self, text: &str, offset: usize) -> usize {
        let mark = self
            .marks
            .partition_point(|m| m.0 as usize <= offset)
            .saturating_sub(1);
        let (at, chars) = self.marks.get(mark).copied().unwrap_or_default();
        chars as usize
            + text
                .get(at as usize..offset)
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
            assert_eq!(index.line(offset), before.matches('\n').count(), "{offset}");
            assert_eq!(index.chars_before(&text, offset), before.chars().count());
        }
        assert_eq!(&text[index.line_range(2)], "");
        assert_eq!(&text[index.line_range(3)], "ab");
        assert_eq!(index.line_range(4), text.len()..text.len());
    }
}

//! Columns of source text as a terminal shows them (a CJK character two, a tab four), and the
//! offsets a window of a line starts and stops at.

use unicode_width::UnicodeWidthChar;

/// The offset where the line holding `offset` starts.
pub(super) fn line_start(text: &str, offset: usize) -> usize {
    text.get(..offset)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1)
}

/// The offset where the line holding `offset` ends (its newline, or the end of the text).
pub(super) fn line_end(text: &str, offset: usize) -> usize {
    text.get(offset..)
        .and_then(|rest| rest.find('\n'))
        .map_or(text.len(), |i| offset + i)
}

/// The offset `columns` display columns before `from`, not before `floor`.
pub(super) fn back(text: &str, from: usize, columns: usize, floor: usize) -> usize {
    let Some(before) = text.get(floor..from) else {
        return floor;
    };
    let mut used = 0;
    for (i, c) in before.char_indices().rev() {
        used += char_columns(c);
        if used > columns {
            return floor + i + c.len_utf8();
        }
    }
    floor
}

/// The offset `columns` display columns after `from`, not after `ceiling`.
pub(super) fn forward(text: &str, from: usize, columns: usize, ceiling: usize) -> usize {
    let Some(after) = text.get(from..ceiling) else {
        return ceiling;
    };
    let mut used = 0;
    for (i, c) in after.char_indices() {
        used += char_columns(c);
        if used > columns {
            return from + i;
        }
    }
    ceiling
}

/// The columns a character takes on screen: a tab as the renderer's four.
fn char_columns(c: char) -> usize {
    if c == '\t' { 4 } else { c.width().unwrap_or(0) }
}

/// The columns a piece of source text takes on screen.
pub(super) fn columns(text: &str) -> usize {
    text.chars().map(char_columns).sum()
}

//! Columns of source text as a terminal shows them (a CJK character two, a tab four), and the
//! offsets a window of a line starts and stops at.

use unicode_width::UnicodeWidthChar;

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

/// The columns a piece of source text takes on screen, counted no further than `cap`: whether a
/// line of a megabyte fits is known from its first columns.
pub(super) fn capped_columns(text: &str, cap: usize) -> usize {
    let mut used = 0;
    for c in text.chars() {
        used += char_columns(c);
        if used >= cap {
            return cap;
        }
    }
    used
}

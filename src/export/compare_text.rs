//! The comparison table for the terminal: columns padded by the width the terminal gives each
//! character (a CJK character takes two), plan text made safe, and the whole fitted to the
//! terminal's width by wrapping the widest columns inside their cells.

use std::fmt::Write;

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use super::compare::{Table, campaign_line, cells, headings};
use crate::diagnostics::terminal::safe_text;
use crate::i18n::Lang;

/// The narrowest a column is wrapped to, in columns.
const NARROWEST: usize = 8;
/// The space between two columns.
const GAP: usize = 2;

/// An aligned table; with `width`, one that fits it, the widest columns wrapped in their cells
/// (as far as [`NARROWEST`] allows).
#[must_use]
pub fn to_text(table: &Table, lang: Lang, width: Option<usize>) -> String {
    let head = headings(table, lang);
    let body = cells(table, lang);
    let all: Vec<Vec<String>> = std::iter::once(head)
        .chain(body)
        .map(|r| r.iter().map(|c| safe_text(c)).collect())
        .collect();
    let natural: Vec<usize> = (0..all[0].len())
        .map(|i| all.iter().map(|r| r[i].width()).max().unwrap_or(0))
        .collect();
    let widths = width.map_or_else(|| natural.clone(), |w| fit(&natural, w));
    let mut out = format!("{}\n", safe_text(&table.name));
    if let Some(line) = campaign_line(table, lang) {
        let _ = writeln!(out, "{}", safe_text(&line));
    }
    for (n, row) in all.iter().enumerate() {
        write_row(&mut out, row, &widths);
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            let _ = writeln!(out, "{}", rule.join(&" ".repeat(GAP)));
        }
    }
    out
}

/// Column widths that fit `width`: the widest column gives up a column at a time until the
/// row fits or every column is at its narrowest.
fn fit(natural: &[usize], width: usize) -> Vec<usize> {
    let mut widths = natural.to_vec();
    let total = |w: &[usize]| w.iter().sum::<usize>() + GAP * w.len().saturating_sub(1);
    while total(&widths) > width {
        let Some((widest, _)) = widths
            .iter()
            .enumerate()
            .filter(|(_, w)| **w > NARROWEST)
            .max_by_key(|(i, w)| (**w, std::cmp::Reverse(*i)))
        else {
            break;
        };
        widths[widest] -= 1;
    }
    widths
}

/// One row, each cell wrapped to its column's width: as many lines as its tallest cell.
fn write_row(out: &mut String, row: &[String], widths: &[usize]) {
    let wrapped: Vec<Vec<String>> = row
        .iter()
        .zip(widths)
        .map(|(cell, w)| wrap(cell, *w))
        .collect();
    let height = wrapped.iter().map(Vec::len).max().unwrap_or(1);
    for line in 0..height {
        let parts: Vec<String> = wrapped
            .iter()
            .zip(widths)
            .map(|(lines, w)| {
                let part = lines.get(line).map_or("", String::as_str);
                format!("{part}{}", " ".repeat(w.saturating_sub(part.width())))
            })
            .collect();
        let _ = writeln!(out, "{}", parts.join(&" ".repeat(GAP)).trim_end());
    }
}

/// `text` cut into lines of at most `width` columns (a character wider than the column gets a
/// line of its own).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width && used > 0 {
            lines.push(String::new());
            used = 0;
        }
        if let Some(line) = lines.last_mut() {
            line.push(c);
        }
        used += w;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_widest_column_wraps_first() {
        assert_eq!(fit(&[30, 10, 6], 40), vec![20, 10, 6]);
        assert_eq!(fit(&[30, 10, 6], 100), vec![30, 10, 6]);
        // Never below the narrowest.
        assert_eq!(fit(&[30, 30], 10), vec![NARROWEST, NARROWEST]);
    }

    #[test]
    fn a_cell_wraps_by_display_width() {
        assert_eq!(wrap("数控化率abc", 6), vec!["数控化", "率abc"]);
        assert_eq!(wrap("", 6), vec![""]);
    }
}

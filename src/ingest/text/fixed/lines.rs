//! Characters on pages → the printed lines, in reading order, as text: what `pdftotext
//! -layout` gives, so the paragraph rebuilding that reads text taken from PDFs
//! ([`super::super::layout`]) reads it too.
//!
//! A line is the characters whose middles fall within one band of the page; a two-column page
//! is read column after column; a gap of more than [`CELL_GAP`] character heights is a table
//! cell's edge (a tab), a smaller one wider than [`WORD_GAP`] a space. A ruled table
//! ([`super::tables`]) is read row by row instead, each row one line, its cells parted by tabs.

use crate::model::printed::{GlyphBox, Printed};

use super::{Glyph, Page, Rule, tables};

/// A gap wider than this many character heights separates table cells.
pub(super) const CELL_GAP: f32 = 1.8;
/// A gap wider than this many character heights is a space.
const WORD_GAP: f32 = 0.3;

/// One printed line: its characters from left to right; or one row of a ruled table.
#[derive(Debug, Clone)]
pub(crate) struct Line<'a> {
    pub glyphs: Vec<&'a Glyph>,
    top: f32,
    bottom: f32,
    /// A table row's cells, each its printed lines; empty for a line of text.
    pub(super) cells: Vec<Vec<Line<'a>>>,
    /// How many printed lines it takes: a table row's tallest cell may wrap.
    printed: usize,
    /// A table row that began on the page before (its table has no rule along its top).
    pub(super) open_top: bool,
    /// The table on its page a row belongs to.
    pub(super) table: Option<usize>,
}

impl<'a> Line<'a> {
    /// The line's text as [`write`] gives it.
    pub(crate) fn text(&self) -> String {
        let mut out = String::new();
        write(self, &mut out, &mut |_, _| {});
        out
    }

    /// Whether it is a table's row.
    pub(crate) fn is_row(&self) -> bool {
        !self.cells.is_empty()
    }

    fn of(glyphs: Vec<&'a Glyph>) -> Self {
        let top = glyphs.iter().map(|g| g.top).fold(f32::INFINITY, f32::min);
        let bottom = glyphs
            .iter()
            .map(|g| g.bottom)
            .fold(f32::NEG_INFINITY, f32::max);
        Self {
            glyphs,
            top,
            bottom,
            cells: Vec::new(),
            printed: 1,
            open_top: false,
            table: None,
        }
    }

    /// A table row of `cells`, each its characters.
    fn row(cells: Vec<Vec<&'a Glyph>>) -> Self {
        let cells: Vec<Vec<Line<'a>>> = cells.into_iter().map(band).collect();
        let glyphs: Vec<&Glyph> = cells
            .iter()
            .flatten()
            .flat_map(|l| l.glyphs.clone())
            .collect();
        let printed = band(glyphs.clone()).len();
        Self {
            cells,
            printed,
            ..Self::of(glyphs)
        }
    }
}

/// The text of `pages` and where each line and character was printed.
pub(crate) fn lay_out(pages: &[Page]) -> (String, Printed) {
    let lines: Vec<Vec<Line<'_>>> = pages
        .iter()
        .map(|p| page_lines(&p.glyphs, &p.rules))
        .collect();
    let mut lines = lines;
    let running = super::furniture::running(&lines);
    let continued = super::breaks::join_rows(&mut lines, &running);
    let mut text = String::new();
    let mut printed_lines = Vec::new();
    let mut boxes = Vec::new();
    for (page, page_lines) in lines.iter().enumerate() {
        let page_number = u32::try_from(page).unwrap_or(u32::MAX);
        let mut on_page = 0;
        for (i, line) in page_lines.iter().enumerate() {
            if running.contains(&(page, i)) {
                continue;
            }
            if continued.contains(&(page, i)) {
                on_page += u32::try_from(line.printed).unwrap_or(0);
                continue;
            }
            on_page += 1;
            let first = on_page;
            on_page += u32::try_from(line.printed.saturating_sub(1)).unwrap_or(0);
            write(line, &mut text, &mut |offset, glyph| {
                boxes.push(GlyphBox {
                    offset,
                    page: glyph.page,
                    rect: glyph.native,
                });
            });
            text.push('\n');
            printed_lines.push((page_number.saturating_add(1), first));
        }
    }
    let pages = u32::try_from(pages.len()).unwrap_or(u32::MAX);
    (text, Printed::new(printed_lines, boxes, pages))
}

/// Writes a line's characters, with spaces and tabs for its gaps, telling `placed` where each
/// character went. A table row's cells are parted by tabs, the printed lines of a cell joined
/// as the lines of a paragraph are ([`crate::ingest::text::layout`]): a line may break
/// mid-word and mid-number, so nothing is put between them.
fn write(line: &Line<'_>, out: &mut String, placed: &mut impl FnMut(usize, &Glyph)) {
    if line.is_row() {
        for (i, cell) in line.cells.iter().enumerate() {
            if i > 0 {
                out.push('\t');
            }
            for printed in cell {
                write(printed, out, placed);
            }
        }
        return;
    }
    let mut previous: Option<&Glyph> = None;
    for &glyph in &line.glyphs {
        if let Some(before) = previous {
            let height = before.height().max(glyph.height());
            let gap = glyph.left - before.right;
            if gap > CELL_GAP * height {
                out.push('\t');
            } else if gap > WORD_GAP * height {
                out.push(' ');
            }
        }
        placed(out.len(), glyph);
        out.push(super::canonical(glyph.ch));
        previous = Some(glyph);
    }
}

/// The lines of one page in reading order: top to bottom, and a two-column page column
/// after column, a line across both (a title) where it stands; each ruled table's rows where
/// the table stands.
pub(crate) fn page_lines<'a>(glyphs: &'a [Glyph], rules: &[Rule]) -> Vec<Line<'a>> {
    let mut drawn: Vec<&Glyph> = glyphs
        .iter()
        .filter(|g| !g.ch.is_whitespace() && !g.ch.is_control())
        .collect();
    let mut tables: Vec<(tables::Table, Vec<Line<'a>>)> = Vec::new();
    for (index, table) in tables::find(rules).into_iter().enumerate() {
        let (held, rest): (Vec<&Glyph>, Vec<&Glyph>) =
            drawn.into_iter().partition(|g| table.holds(g));
        drawn = rest;
        let mut rows: Vec<Line<'a>> = table
            .cells(&held)
            .into_iter()
            .filter(|row| row.iter().any(|cell| !cell.is_empty()))
            .map(|cells| Line {
                table: Some(index),
                ..Line::row(cells)
            })
            .collect();
        if let Some(first) = rows.first_mut() {
            first.open_top = table.open_top;
        }
        tables.push((table, rows));
    }
    let (mut lines, split) = text_lines(drawn);
    for (table, rows) in tables.into_iter().rev() {
        let column = |left: f32, right: f32| match split {
            Some(split) if right <= split => Some(true),
            Some(split) if left >= split => Some(false),
            _ => None,
        };
        let (left, right) = table.span();
        let side = column(left, right);
        let same_side = |l: &Line<'_>| {
            let (first, last) = (l.glyphs.first(), l.glyphs.last());
            first
                .zip(last)
                .is_some_and(|(a, b)| column(a.left, b.right) == side)
        };
        // Where the table stands in its column: before the first line below its top there,
        // else after the column's last line.
        let at = lines
            .iter()
            .position(|l| same_side(l) && l.top > table.top())
            .or_else(|| lines.iter().rposition(same_side).map(|i| i + 1))
            .unwrap_or_else(|| {
                lines
                    .iter()
                    .position(|l| l.top > table.top())
                    .unwrap_or(lines.len())
            });
        lines.splice(at..at, rows);
    }
    lines
}

/// The lines of the text outside tables, in reading order, and where its two columns part.
fn text_lines(drawn: Vec<&Glyph>) -> (Vec<Line<'_>>, Option<f32>) {
    let lines = band(drawn);
    let Some(split) = super::furniture::gutter(&lines) else {
        return (lines, None);
    };
    // Lines across the gutter before the columns start, the columns, then the rest.
    let across = |l: &Line<'_>| super::furniture::crosses(l, split);
    let first_column_line = lines.iter().position(|l| !across(l)).unwrap_or(lines.len());
    let (mut west, mut east, mut after) = (Vec::new(), Vec::new(), Vec::new());
    for (i, line) in lines.iter().enumerate().skip(first_column_line) {
        if across(line) {
            after.push(lines[i].clone());
            continue;
        }
        let (w, e): (Vec<&Glyph>, Vec<&Glyph>) = line
            .glyphs
            .iter()
            .copied()
            .partition(|g| g.centre() < split);
        west.extend(band(w));
        east.extend(band(e));
    }
    let mut ordered: Vec<Line<'_>> = lines[..first_column_line].to_vec();
    ordered.extend(west);
    ordered.extend(east);
    ordered.extend(after);
    (ordered, Some(split))
}

/// Groups characters into lines by their vertical middles, each line sorted left to right.
pub(super) fn band(mut glyphs: Vec<&Glyph>) -> Vec<Line<'_>> {
    glyphs.sort_by(|a, b| a.middle().total_cmp(&b.middle()));
    let mut lines: Vec<Line<'_>> = Vec::new();
    for glyph in glyphs {
        match lines.last_mut() {
            Some(line) if glyph.middle() <= line.bottom && glyph.middle() >= line.top => {
                line.top = line.top.min(glyph.top);
                line.bottom = line.bottom.max(glyph.bottom);
                line.glyphs.push(glyph);
            }
            _ => lines.push(Line::of(vec![glyph])),
        }
    }
    for line in &mut lines {
        line.glyphs.sort_by(|a, b| a.left.total_cmp(&b.left));
        drop_overprint(&mut line.glyphs);
    }
    lines
}

/// A character drawn twice a little apart (bold made by overprinting) is read once.
fn drop_overprint(glyphs: &mut Vec<&Glyph>) {
    glyphs.dedup_by(|later, earlier| {
        later.ch == earlier.ch && (later.left - earlier.left).abs() < 0.3 * earlier.height()
    });
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A line of characters of `size` starting at `x` on baseline `y` (y down), each `size`
    /// wide, a space leaving a gap.
    pub(crate) fn line(text: &str, x: f32, y: f32, size: f32) -> Vec<Glyph> {
        let mut at = x;
        let mut out = Vec::new();
        for ch in text.chars() {
            let width = if ch.is_ascii() { size / 2.0 } else { size };
            if ch != ' ' {
                let (top, bottom) = (y - 0.88 * size, y + 0.12 * size);
                out.push(Glyph {
                    ch,
                    left: at,
                    right: at + width,
                    top,
                    bottom,
                    native: [at, top, at + width, bottom],
                    page: 0,
                });
            }
            at += width;
        }
        out
    }

    fn page(lines: &[(&str, f32, f32)]) -> Page {
        Page {
            glyphs: lines
                .iter()
                .flat_map(|&(text, x, y)| line(text, x, y, 10.0))
                .collect(),
            ..Page::default()
        }
    }

    #[test]
    fn lines_in_reading_order_whatever_the_drawing_order() {
        let pages = [page(&[
            ("第二行到2025年", 50.0, 120.0),
            ("第一行", 50.0, 100.0),
            ("序号", 50.0, 140.0),
            ("指标", 120.0, 140.0),
        ])];
        let (text, printed) = lay_out(&pages);
        assert_eq!(text, "第一行\n第二行到2025年\n序号\t指标\n");
        assert_eq!(printed.page_line(2), Some((1, 3)));
        let boxes = printed.glyphs_in(0, "第一行".len());
        assert_eq!(boxes.len(), 3);
        assert_eq!(boxes[0].rect[0], 50.0);
    }

    #[test]
    fn a_word_gap_is_a_space_and_overprinting_is_read_once() {
        let mut glyphs = line("to 2025", 0.0, 50.0, 10.0);
        glyphs.extend(line("t", 0.5, 50.0, 10.0));
        let (text, _) = lay_out(&[Page {
            glyphs,
            ..Page::default()
        }]);
        assert_eq!(text, "to 2025\n");
    }
}

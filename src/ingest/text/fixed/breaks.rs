//! Table rows cut by a page or a column break. A row taller than what is left of a page runs
//! on to the next; read page by page it would be two rows, the task's text in one and its
//! agencies split between both. It is read as one row instead, on the page it began on.

use std::collections::HashSet;

use super::lines::Line;

/// A table row that a page or column break cut in two is read as one: a table's first row
/// that goes on with the last row of the table before it, the two rows read one after the
/// other. The rows read into the ones before them, by page and index.
pub(super) fn join_rows(
    pages: &mut [Vec<Line<'_>>],
    running: &HashSet<(usize, usize)>,
) -> HashSet<(usize, usize)> {
    let order: Vec<(usize, usize)> = pages
        .iter()
        .enumerate()
        .flat_map(|(page, lines)| (0..lines.len()).map(move |i| (page, i)))
        .filter(|at| !running.contains(at))
        .collect();
    let mut continued = HashSet::new();
    // The row the one before was read into: a row may run over three pages.
    let mut upper_at: Option<(usize, usize)> = None;
    for pair in order.windows(2) {
        let (previous, (page, i)) = (pair[0], pair[1]);
        let upper_at_now = upper_at
            .filter(|_| continued.contains(&previous))
            .unwrap_or(previous);
        upper_at = Some(upper_at_now);
        let (up_page, up_i) = upper_at_now;
        let (upper, lower) = if up_page < page {
            let (before, after) = pages.split_at_mut(page);
            (&mut before[up_page][up_i], &mut after[0][i])
        } else {
            let (before, after) = pages[page].split_at_mut(i);
            (&mut before[up_i], &mut after[0])
        };
        // A row breaks at the foot of a page or of a column, never between rows of a page.
        let right = upper
            .glyphs
            .iter()
            .map(|g| g.right)
            .fold(f32::NEG_INFINITY, f32::max);
        let left = lower
            .glyphs
            .iter()
            .map(|g| g.left)
            .fold(f32::INFINITY, f32::min);
        let broken = up_page < page || (upper.table != lower.table && right <= left);
        if !upper.is_row() || !lower.is_row() || !broken {
            continue;
        }
        if upper.cells.len() != lower.cells.len() || !runs_on(upper, lower) {
            continue;
        }
        for (cell, rest) in upper.cells.iter_mut().zip(std::mem::take(&mut lower.cells)) {
            cell.extend(rest);
        }
        upper.glyphs.append(&mut lower.glyphs);
        continued.insert((page, i));
    }
    continued
}

/// Whether table row `lower` goes on with `upper`, the row above it on the page before.
fn runs_on(upper: &Line<'_>, lower: &Line<'_>) -> bool {
    if lower.open_top {
        return true;
    }
    let unnumbered = lower.cells.first().is_some_and(Vec::is_empty);
    let longest = upper
        .cells
        .iter()
        .max_by_key(|cell| cell.iter().map(|l| l.glyphs.len()).sum::<usize>());
    let stops = longest
        .and_then(|cell| cell.last())
        .and_then(|line| line.glyphs.last())
        .is_some_and(|g| matches!(g.ch, '。' | '；' | ';' | '！' | '!' | '？' | '?'));
    unnumbered && !stops
}

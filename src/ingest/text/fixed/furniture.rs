//! What a printed page carries besides its text: running headers and footers (a page number,
//! the issuer's name repeated on every page) and the gutter between two columns.

use std::collections::{HashMap, HashSet};

use super::lines::Line;

/// How many lines at the top and at the bottom of a page may be running heads or feet.
const EDGE_LINES: usize = 2;

/// The lines (page, line on page, both from 0) that are running heads or feet: a line at a
/// page's top or bottom that is a page number, or that recurs at the top or bottom of at
/// least half the pages (and of two at least), its figures aside (`第 3 页`, `— 3 —`).
pub(crate) fn running(pages: &[Vec<Line<'_>>]) -> HashSet<(usize, usize)> {
    // Each edge line: its index, its shape, and whether it is a page number.
    let edges: Vec<Vec<(usize, String, bool)>> = pages
        .iter()
        .map(|lines| {
            edge_indexes(lines.len())
                // A table's row is no running head, however often a table repeats its header.
                .filter(|&i| !lines[i].is_row())
                .map(|i| {
                    let text = lines[i].text();
                    let number = crate::ingest::text::layout::is_page_number(&text);
                    (i, shape(&text), number)
                })
                .collect()
        })
        .collect();
    let mut pages_with: HashMap<&str, usize> = HashMap::new();
    for page in &edges {
        let shapes: HashSet<&str> = page.iter().map(|(_, s, _)| s.as_str()).collect();
        for shape in shapes {
            *pages_with.entry(shape).or_default() += 1;
        }
    }
    let recurs = |shape: &str| {
        let count = pages_with.get(shape).copied().unwrap_or(0);
        count >= 2 && 2 * count >= pages.len()
    };
    let mut running = HashSet::new();
    for (page, lines) in edges.iter().enumerate() {
        for (i, shape, page_number) in lines {
            if *page_number || recurs(shape) {
                running.insert((page, *i));
            }
        }
    }
    running
}

/// The indexes of the first and last [`EDGE_LINES`] lines of a page of `count` lines.
fn edge_indexes(count: usize) -> impl Iterator<Item = usize> {
    let head = 0..EDGE_LINES.min(count);
    let foot = count.saturating_sub(EDGE_LINES).max(EDGE_LINES.min(count))..count;
    head.chain(foot)
}

/// A line's text with its figures made one and its spaces left out: the shape a running
/// head keeps from page to page.
fn shape(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .map(|c| if c.is_numeric() { '#' } else { c })
        .collect()
}

/// Where a two-column page divides: an x near the middle of the text that almost no line
/// crosses (a title or a running head may), with lines of text on both sides. `None` for a
/// page of one column, and for a table, whose columns hold short cells, not lines of text.
pub(crate) fn gutter(lines: &[Line<'_>]) -> Option<f32> {
    const MIN_SIDE_CHARS: usize = 8;
    let left = lines
        .iter()
        .flat_map(|l| l.glyphs.first())
        .map(|g| g.left)
        .min_by(f32::total_cmp)?;
    let right = lines
        .iter()
        .flat_map(|l| l.glyphs.last())
        .map(|g| g.right)
        .max_by(f32::total_cmp)?;
    let width = right - left;
    // Half a character apart, but no more than a few hundred probes: a character drawn far off
    // the page, or a font a hundredth of a point high, must not make the page cost more.
    let step = (median_height(lines)? / 2.0).max(width / 256.0);
    if !step.is_finite() || step <= 0.0 {
        return None;
    }
    let mut counts = Vec::new();
    let mut x = left + width / 3.0;
    while x < left + 2.0 * width / 3.0 {
        counts.push((lines.iter().filter(|l| crosses(l, x)).count(), x));
        x += step;
    }
    let crossing = counts.iter().map(|(c, _)| *c).min()?;
    // The middle of the widest run of x that the fewest lines cross.
    let mut runs: Vec<(f32, f32)> = Vec::new();
    let mut previous_fewest = false;
    for &(count, x) in &counts {
        let fewest = count == crossing;
        match runs.last_mut() {
            Some(run) if fewest && previous_fewest => run.1 = x,
            _ if fewest => runs.push((x, x)),
            _ => {}
        }
        previous_fewest = fewest;
    }
    let (from, to) = runs
        .into_iter()
        .max_by(|a, b| (a.1 - a.0).total_cmp(&(b.1 - b.0)))?;
    let split = f32::midpoint(from, to);
    if crossing * 10 > lines.len() {
        return None;
    }
    let sides: Vec<&Line<'_>> = lines.iter().filter(|l| !crosses(l, split)).collect();
    let west: Vec<usize> = sides
        .iter()
        .map(|l| l.glyphs.iter().filter(|g| g.right <= split).count())
        .filter(|&n| n > 0)
        .collect();
    let east: Vec<usize> = sides
        .iter()
        .map(|l| l.glyphs.iter().filter(|g| g.left >= split).count())
        .filter(|&n| n > 0)
        .collect();
    // The second column of a last page may hold a line or two.
    let text =
        |counts: &[usize], lines: usize| counts.len() >= lines && median(counts) >= MIN_SIDE_CHARS;
    (text(&west, 3) && text(&east, 1)).then_some(split)
}

/// Whether a line runs across `x`: a character over it, or two characters either side of it
/// closer than a table cell's edge.
pub(crate) fn crosses(line: &Line<'_>, x: f32) -> bool {
    line.glyphs.iter().any(|g| g.left < x && x < g.right)
        || line.glyphs.windows(2).any(|pair| {
            let (a, b) = (pair[0], pair[1]);
            a.right <= x && x <= b.left && b.left - a.right <= super::lines::CELL_GAP * a.height()
        })
}

fn median(counts: &[usize]) -> usize {
    let mut sorted = counts.to_vec();
    sorted.sort_unstable();
    sorted.get(sorted.len() / 2).copied().unwrap_or(0)
}

fn median_height(lines: &[Line<'_>]) -> Option<f32> {
    let mut heights: Vec<f32> = lines
        .iter()
        .flat_map(|l| &l.glyphs)
        .map(|g| g.height())
        .collect();
    heights.sort_by(f32::total_cmp);
    heights.get(heights.len() / 2).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::fixed::lines::{band, tests::line};

    #[test]
    fn a_character_far_off_the_page_in_a_tiny_font_costs_no_more_than_a_page() {
        let mut glyphs = line("第一栏的一行文字在左边", 50.0, 100.0, 10.0);
        glyphs.extend(line("远", 1.0e30, 100.0, 0.001));
        let lines = band(glyphs.iter().collect());
        assert_eq!(gutter(&lines), None);
    }
}

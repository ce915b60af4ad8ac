//! Ruled tables: the grid a page's ruled lines draw, and which cell each character sits in.
//!
//! A plan's task table (序号 · 重点任务 · 工作内容 · 牵头单位 · 责任单位) wraps each cell's text
//! within its column, so its printed lines mix the cells of one row; read by lines, a lead
//! agency lands in the middle of the task's text. Read by cells, each row is one line of
//! text, its cells parted by tabs, as a table copied out of Word is.
//!
//! The grid is every x where a vertical rule stands and every y where a horizontal one does.
//! A merged cell lacks the rules inside it: a character belongs to the cell whose left and top
//! rules actually bound it, so a cell across three columns or down three rows is read once, in
//! its first column and row.

use std::collections::{BTreeMap, HashMap};

use super::{Glyph, Rule};

/// Rules this close (points) are one: a border drawn twice, or a cell's edge drawn by each
/// cell.
const NEAR: f32 = 1.5;

/// Horizontal rules times vertical ones on a page, past which it holds no table: a real page
/// of tables has a few hundred of each after the borders drawn cell by cell are joined.
const MAX_CROSSINGS: usize = 250_000;

/// One ruled table on a page.
#[derive(Debug, Clone)]
pub(crate) struct Table {
    /// The x of each vertical rule, left to right, and the y of each horizontal one, top
    /// to bottom.
    xs: Vec<f32>,
    ys: Vec<f32>,
    verticals: Vec<Rule>,
    horizontals: Vec<Rule>,
    /// No rule runs along its top: its first row began on the page before.
    pub open_top: bool,
}

/// The characters of a table's cells, row by row and column by column, each cell in drawing
/// order.
pub(crate) type Cells<'a> = Vec<Vec<Vec<&'a Glyph>>>;

impl Table {
    /// Whether a character's centre lies within the table.
    pub(crate) fn holds(&self, glyph: &Glyph) -> bool {
        let (x, y) = (reach(glyph), glyph.middle());
        let inside = |at: f32, edges: &[f32]| {
            edges.first().is_some_and(|&first| first <= at)
                && edges.last().is_some_and(|&last| at <= last)
        };
        inside(x, &self.xs) && inside(y, &self.ys)
    }

    /// The table's left and right.
    pub(crate) fn span(&self) -> (f32, f32) {
        let first = self.xs.first().copied().unwrap_or(0.0);
        (first, self.xs.last().copied().unwrap_or(first))
    }

    /// The table's top.
    pub(crate) fn top(&self) -> f32 {
        self.ys.first().copied().unwrap_or(0.0)
    }

    /// The characters of each row's cells, rows without any left out; `glyphs` are those the
    /// table [`holds`](Self::holds).
    pub(crate) fn cells<'a>(&self, glyphs: &[&'a Glyph]) -> Cells<'a> {
        let columns = self.xs.len() - 1;
        let mut rows: BTreeMap<usize, Vec<Vec<&'a Glyph>>> = BTreeMap::new();
        let mut walks = Walks::default();
        for &glyph in glyphs {
            let (row, column) = self.cell_of(glyph, &mut walks);
            rows.entry(row).or_insert_with(|| vec![Vec::new(); columns])[column].push(glyph);
        }
        rows.into_values().collect()
    }

    /// The row and column of the cell a character sits in: the grid's, moved left while no
    /// rule stands on the left of its row, then up while no rule runs along its top.
    fn cell_of(&self, glyph: &Glyph, walks: &mut Walks) -> (usize, usize) {
        let band = |edges: &[f32], at: f32| {
            let after = edges.partition_point(|&edge| edge <= at);
            after.saturating_sub(1).min(edges.len() - 2)
        };
        let (row, column) = (band(&self.ys, glyph.middle()), band(&self.xs, reach(glyph)));
        let column = walk(&mut walks.left, (row, column), |column| {
            let row_middle = f32::midpoint(self.ys[row], self.ys[row + 1]);
            ruled(&self.verticals, self.xs[column], row_middle)
        });
        let row = walk(&mut walks.up, (column, row), |row| {
            let column_middle = f32::midpoint(self.xs[column], self.xs[column + 1]);
            ruled(&self.horizontals, self.ys[row], column_middle)
        });
        (row, column)
    }
}

/// Where the walks left and up from each grid cell ended, so each is walked once: a table
/// without inner rules costs what a ruled one does.
#[derive(Default)]
struct Walks {
    left: HashMap<(usize, usize), usize>,
    up: HashMap<(usize, usize), usize>,
}

/// From `start` (a line of the grid and a position on it), back along the line to the first
/// position that `stops` it or 0, remembering the end for every position passed.
fn walk(
    ends: &mut HashMap<(usize, usize), usize>,
    (line, start): (usize, usize),
    stops: impl Fn(usize) -> bool,
) -> usize {
    let mut passed = Vec::new();
    let mut at = start;
    let end = loop {
        if let Some(&end) = ends.get(&(line, at)) {
            break end;
        }
        if at == 0 || stops(at) {
            break at;
        }
        passed.push(at);
        at -= 1;
    };
    for position in passed.into_iter().chain([at]) {
        ends.insert((line, position), end);
    }
    end
}

/// Where a character stands across the page for the column it is in: near its left edge,
/// for punctuation that may not begin a line (`）`, `。`) hangs past the end of a full line
/// into the padding or over the rule.
fn reach(glyph: &Glyph) -> f32 {
    glyph.left + 0.1 * (glyph.right - glyph.left)
}

/// Whether a rule stands at `at` across the point `along` of its direction; `rules` are in
/// the order of their positions.
fn ruled(rules: &[Rule], at: f32, along: f32) -> bool {
    let start = rules.partition_point(|rule| rule.at < at - NEAR);
    rules[start..]
        .iter()
        .take_while(|rule| rule.at <= at + NEAR)
        .any(|rule| rule.from - NEAR <= along && along <= rule.to + NEAR)
}

/// The ruled tables of a page: each set of crossing rules with two cells at least. A page
/// ruled more finely than any table (past [`MAX_CROSSINGS`]) is read as text.
pub(crate) fn find(rules: &[Rule]) -> Vec<Table> {
    let horizontals = joined(rules.iter().filter(|r| r.horizontal).copied().collect());
    let verticals = joined(rules.iter().filter(|r| !r.horizontal).copied().collect());
    if horizontals.len().saturating_mul(verticals.len()) > MAX_CROSSINGS {
        return Vec::new();
    }
    let mut tables: Vec<Table> = connected(&horizontals, &verticals)
        .into_iter()
        .filter_map(|(h, v)| {
            let (ys, open_top) = edges(&h, &v);
            let (xs, _) = edges(&v, &h);
            let cells = (xs.len().saturating_sub(1)) * (ys.len().saturating_sub(1));
            (cells >= 2).then_some(Table {
                xs,
                ys,
                verticals: v,
                horizontals: h,
                open_top,
            })
        })
        .collect();
    tables.sort_by(|a, b| a.top().total_cmp(&b.top()));
    tables
}

/// Rules on one line that touch or overlap made one (a border drawn cell by cell); rules on
/// nearby lines that do not meet (two tables' borders) stay apart.
fn joined(mut rules: Vec<Rule>) -> Vec<Rule> {
    rules.sort_by(|a, b| a.at.total_cmp(&b.at));
    let mut out: Vec<Rule> = Vec::new();
    for line in rules.chunk_by(|a, b| b.at - a.at <= NEAR) {
        let mut line = line.to_vec();
        line.sort_by(|a, b| a.from.total_cmp(&b.from));
        let start = out.len();
        for rule in line {
            match out[start..].last_mut() {
                Some(last) if rule.from <= last.to + NEAR => last.to = last.to.max(rule.to),
                _ => out.push(rule),
            }
        }
    }
    out
}

/// The rules in groups that cross one another, each group's horizontal and vertical rules.
fn connected(horizontals: &[Rule], verticals: &[Rule]) -> Vec<(Vec<Rule>, Vec<Rule>)> {
    let count = horizontals.len() + verticals.len();
    let mut parent: Vec<usize> = (0..count).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    for (h, horizontal) in horizontals.iter().enumerate() {
        for (v, vertical) in verticals.iter().enumerate() {
            let crosses = vertical.from - NEAR <= horizontal.at
                && horizontal.at <= vertical.to + NEAR
                && horizontal.from - NEAR <= vertical.at
                && vertical.at <= horizontal.to + NEAR;
            if crosses {
                let (a, b) = (
                    root(&mut parent, h),
                    root(&mut parent, horizontals.len() + v),
                );
                parent[a] = b;
            }
        }
    }
    let mut groups: BTreeMap<usize, (Vec<Rule>, Vec<Rule>)> = BTreeMap::new();
    for (i, rule) in horizontals.iter().chain(verticals).enumerate() {
        let group = groups.entry(root(&mut parent, i)).or_default();
        if rule.horizontal {
            group.0.push(*rule);
        } else {
            group.1.push(*rule);
        }
    }
    groups.into_values().collect()
}

/// Where the `rules` stand, and the ends of the `crossing` rules beyond them: a row that runs
/// on to the next page has no rule along its foot, nor along its top on that page, but its
/// column rules reach there. Whether the first edge is such an end.
fn edges(rules: &[Rule], crossing: &[Rule]) -> (Vec<f32>, bool) {
    let mut at = positions(rules);
    let start = crossing
        .iter()
        .map(|r| r.from)
        .fold(f32::INFINITY, f32::min);
    let end = crossing
        .iter()
        .map(|r| r.to)
        .fold(f32::NEG_INFINITY, f32::max);
    let open_start = at.first().is_some_and(|&first| start < first - NEAR);
    if open_start {
        at.insert(0, start);
    }
    if at.last().is_some_and(|&last| end > last + NEAR) {
        at.push(end);
    }
    (at, open_start)
}

/// The distinct positions of rules, nearby ones made one.
fn positions(rules: &[Rule]) -> Vec<f32> {
    let mut at: Vec<f32> = rules.iter().map(|r| r.at).collect();
    at.sort_by(f32::total_cmp);
    at.dedup_by(|later, earlier| *later - *earlier <= NEAR);
    at
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::fixed::lines::tests::line;

    fn rule(horizontal: bool, at: f32, from: f32, to: f32) -> Rule {
        Rule {
            horizontal,
            at,
            from,
            to,
        }
    }

    /// A grid of `xs` × `ys`, leaving out the rules named in `missing` (horizontal?, index of
    /// the rule, index of the cell along it).
    fn grid(xs: &[f32], ys: &[f32], missing: &[(bool, usize, usize)]) -> Vec<Rule> {
        let mut rules = Vec::new();
        for (i, &y) in ys.iter().enumerate() {
            for (j, pair) in xs.windows(2).enumerate() {
                if !missing.contains(&(true, i, j)) {
                    rules.push(rule(true, y, pair[0], pair[1]));
                }
            }
        }
        for (i, &x) in xs.iter().enumerate() {
            for (j, pair) in ys.windows(2).enumerate() {
                if !missing.contains(&(false, i, j)) {
                    rules.push(rule(false, x, pair[0], pair[1]));
                }
            }
        }
        rules
    }

    fn text(cells: &[&Glyph]) -> String {
        cells.iter().map(|g| g.ch).collect()
    }

    #[test]
    fn a_grid_drawn_cell_by_cell_is_one_table_and_a_lone_rule_none() {
        let mut rules = grid(&[0.0, 50.0, 200.0], &[0.0, 20.0, 40.0], &[]);
        rules.push(rule(true, 300.0, 0.0, 200.0));
        let tables = find(&rules);
        assert_eq!(tables.len(), 1);
        assert_eq!(tables[0].xs, [0.0, 50.0, 200.0]);
        assert_eq!(tables[0].ys, [0.0, 20.0, 40.0]);
    }

    #[test]
    fn a_row_run_on_from_the_page_before_is_read_though_no_rule_closes_it() {
        let mut rules = grid(&[0.0, 50.0, 200.0], &[20.0, 40.0], &[]);
        rules.extend(
            grid(&[0.0, 50.0, 200.0], &[0.0, 20.0], &[])
                .into_iter()
                .filter(|r| !r.horizontal),
        );
        let tables = find(&rules);
        assert_eq!(tables[0].ys, [0.0, 20.0, 40.0]);
        assert!(tables[0].open_top);
        assert!(!find(&grid(&[0.0, 50.0, 200.0], &[0.0, 20.0], &[]))[0].open_top);
    }

    #[test]
    fn two_tables_whose_borders_nearly_line_up_keep_their_own_rules() {
        // The second table's middle border is a point left of the first's.
        let mut rules = grid(&[0.0, 101.0, 200.0], &[0.0, 20.0, 40.0], &[]);
        rules.extend(grid(&[0.0, 100.0, 200.0], &[60.0, 80.0, 100.0], &[]));
        let tables = find(&rules);
        assert_eq!(tables.len(), 2);
        assert_eq!(tables[0].xs, [0.0, 101.0, 200.0]);
        assert_eq!(tables[1].xs, [0.0, 100.0, 200.0]);
    }

    #[test]
    fn a_merged_cell_is_read_in_its_first_row_and_column() {
        // Three rows; the first column's last two rows merged, the last row's two right
        // columns merged.
        let rules = grid(
            &[0.0, 50.0, 150.0, 250.0],
            &[0.0, 20.0, 40.0, 60.0],
            &[(true, 2, 0), (false, 2, 2)],
        );
        let tables = find(&rules);
        let mut glyphs = line("甲", 5.0, 15.0, 10.0);
        glyphs.extend(line("乙", 5.0, 45.0, 10.0)); // in the merged cell, its lower half
        glyphs.extend(line("丙", 60.0, 35.0, 10.0));
        glyphs.extend(line("丁", 190.0, 55.0, 10.0)); // right of the missing rule
        let held: Vec<&Glyph> = glyphs.iter().filter(|g| tables[0].holds(g)).collect();
        let cells = tables[0].cells(&held);
        assert_eq!(text(&cells[0][0]), "甲");
        assert_eq!(text(&cells[1][0]), "乙");
        assert_eq!(text(&cells[1][1]), "丙");
        assert_eq!(text(&cells[2][1]), "丁");
        assert!(cells[2][0].is_empty() && cells[2][2].is_empty());
    }
}

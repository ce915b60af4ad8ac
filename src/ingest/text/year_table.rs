//! Tables of targets by year: a header row `指标 | 2025年 | 2027年`, then one row per indicator
//! with its value for each year (`报废汽车回收量 | 较2023年增长15% | 约一倍`). Each value cell is
//! read with the row's first cell as its indicator and the column's year as its deadline.

use std::sync::LazyLock;

use regex::Regex;

use super::folded::Folded;
use super::targets::{self, Read};
use crate::model::Deadline;

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static YEAR_HEADER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:到)?([0-9]{4})年?(?:底|末)?(?:目标|目标值|预期目标)?$").unwrap()
});

/// The year of each value column, from a header row; `None` when the row is not such a header.
pub(crate) fn header(cells: &[Folded]) -> Option<Vec<(usize, u16)>> {
    let columns: Vec<(usize, u16)> = cells
        .iter()
        .enumerate()
        .skip(1)
        .filter_map(|(i, cell)| {
            let caps = YEAR_HEADER.captures(cell.text.trim())?;
            caps[1].parse().ok().map(|year| (i, year))
        })
        .collect();
    (!columns.is_empty()).then_some(columns)
}

/// The targets of one row under a year header.
pub(crate) fn row(original: &str, cells: &[Folded], columns: &[(usize, u16)]) -> Read {
    let mut read = Read::default();
    let Some(indicator) = cells.first().filter(|c| !c.is_empty()) else {
        return read;
    };
    for &(column, year) in columns {
        let Some(cell) = cells.get(column).filter(|c| !c.is_empty()) else {
            continue;
        };
        let value = cell.span(0..cell.len());
        let mut clause = indicator.clone();
        clause.push(original, value.start..value.end());
        let found = targets::find(original, &clause, Deadline::Year(year));
        read.found.extend(found.found);
        read.qualitative.extend(found.qualitative);
        read.skipped.extend(found.skipped);
    }
    read
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(original: &str) -> Vec<Folded> {
        let mut at = 0;
        original
            .split('\t')
            .map(|cell| {
                let mut folded = Folded::default();
                folded.push(original, at..at + cell.len());
                at += cell.len() + 1;
                folded
            })
            .collect()
    }

    #[test]
    fn values_take_their_columns_year() {
        let head = "指标\t2025年\t2027年目标";
        let columns = header(&cells(head)).unwrap();
        assert_eq!(columns, vec![(1, 2025), (2, 2027)]);
        let line = "报废汽车回收量\t较2023年增长15%\t较2023年增长约一倍";
        let read = row(line, &cells(line), &columns);
        let years: Vec<Deadline> = read.found.iter().map(|t| t.deadline).collect();
        assert_eq!(years, vec![Deadline::Year(2025), Deadline::Year(2027)]);
        assert!(read.found.iter().all(|t| t.indicator == "报废汽车回收量"));
        assert_eq!(header(&cells("序号\t重点任务\t牵头单位")), None);
    }
}

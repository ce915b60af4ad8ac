//! The comparison table as Word body content: a heading (上位方案目标对照表) and, for each
//! plan, its name and a bordered table with a repeated header row, weaker rows shaded.

use std::fmt::Write;

use super::xml_text;
use crate::comparison::Verdict;
use crate::export::compare::{self, Table};
use crate::i18n::Lang;

/// The appendix: a page break, the heading and each table; nothing when no table has a row.
pub(super) fn appendix(tables: &[Table], lang: Lang) -> String {
    let tables: Vec<&Table> = tables.iter().filter(|t| !t.rows.is_empty()).collect();
    if tables.is_empty() {
        return String::new();
    }
    let heading = match lang {
        Lang::Zh => "上位方案目标对照表",
        Lang::En => "Targets against the plans above",
    };
    let mut out = String::from("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>");
    out.push_str(&paragraph(heading, 32, true));
    for table in tables {
        out.push_str(&paragraph(&table.name, 24, true));
        if let Some(line) = compare::campaign_line(table, lang) {
            out.push_str(&paragraph(&line, 20, false));
        }
        out.push_str(&word_table(table, lang));
        out.push_str("<w:p/>");
    }
    out
}

fn paragraph(text: &str, size: u32, bold: bool) -> String {
    let bold = if bold { "<w:b/>" } else { "" };
    format!(
        "<w:p><w:r><w:rPr>{bold}<w:sz w:val=\"{size}\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
        xml_text(text)
    )
}

fn word_table(table: &Table, lang: Lang) -> String {
    let head = compare::headings(table, lang);
    let body = compare::cells(table, lang);
    let border = "w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"";
    let widths = column_widths(&head, &body);
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr><w:tblGrid>"
    );
    for width in &widths {
        let _ = write!(out, "<w:gridCol w:w=\"{width}\"/>");
    }
    out.push_str("</w:tblGrid>");
    row(&mut out, &head, &widths, true, None);
    for (cells, data) in body.iter().zip(&table.rows) {
        let shade = (data.verdict == Verdict::Weaker).then_some("FDE2E1");
        row(&mut out, cells, &widths, false, shade);
    }
    out.push_str("</w:tbl>");
    out
}

/// The width of the text on an A4 page with an official document's margins (28 mm and
/// 26 mm), in twentieths of a point.
const TEXT_WIDTH: u32 = 8844;

/// How wide a column's longest cell may count before it wraps, in half-width characters.
const WIDEST_CELL: usize = 36;

/// Each column's width in twips: the page's text width shared by the width of each column's
/// longest cell (a CJK character counting two), so a column of short figures stays narrow and
/// an indicator's wording gets the room; a cell longer than [`WIDEST_CELL`] wraps.
fn column_widths(head: &[String], body: &[Vec<String>]) -> Vec<u32> {
    let display = |text: &str| -> usize {
        text.chars()
            .map(|c| if c.is_ascii() { 1 } else { 2 })
            .sum::<usize>()
    };
    let wanted: Vec<usize> = (0..head.len())
        .map(|i| {
            std::iter::once(&head[i])
                .chain(body.iter().filter_map(|cells| cells.get(i)))
                .map(|cell| display(cell))
                .max()
                .unwrap_or(0)
                .clamp(4, WIDEST_CELL)
        })
        .collect();
    let total: usize = wanted.iter().sum::<usize>().max(1);
    wanted
        .iter()
        .map(|w| u32::try_from(w * TEXT_WIDTH as usize / total).unwrap_or(TEXT_WIDTH))
        .collect()
}

/// A row that never splits across pages; the header row is repeated on each.
fn row(out: &mut String, cells: &[String], widths: &[u32], header: bool, shade: Option<&str>) {
    out.push_str("<w:tr><w:trPr><w:cantSplit/>");
    if header {
        out.push_str("<w:tblHeader/>");
    }
    out.push_str("</w:trPr>");
    for (cell, width) in cells.iter().zip(widths) {
        let _ = write!(out, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>");
        if let Some(fill) = shade {
            let _ = write!(
                out,
                "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
            );
        } else if header {
            out.push_str("<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F5F8\"/>");
        }
        let bold = if header { "<w:b/>" } else { "" };
        let _ = write!(
            out,
            "</w:tcPr><w:p><w:r><w:rPr>{bold}<w:sz w:val=\"21\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p></w:tc>",
            xml_text(cell)
        );
    }
    out.push_str("</w:tr>");
}

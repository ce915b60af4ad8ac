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
    let mut out = format!(
        "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top {border}/><w:left {border}/><w:bottom {border}/><w:right {border}/><w:insideH {border}/><w:insideV {border}/></w:tblBorders><w:tblLayout w:type=\"autofit\"/></w:tblPr><w:tblGrid>"
    );
    for _ in &head {
        out.push_str("<w:gridCol/>");
    }
    out.push_str("</w:tblGrid>");
    row(&mut out, &head, true, None);
    for (cells, data) in body.iter().zip(&table.rows) {
        let shade = (data.verdict == Verdict::Weaker).then_some("FDE2E1");
        row(&mut out, cells, false, shade);
    }
    out.push_str("</w:tbl>");
    out
}

fn row(out: &mut String, cells: &[String], header: bool, shade: Option<&str>) {
    out.push_str("<w:tr>");
    if header {
        out.push_str("<w:trPr><w:tblHeader/></w:trPr>");
    }
    for cell in cells {
        out.push_str("<w:tc><w:tcPr><w:tcW w:w=\"0\" w:type=\"auto\"/>");
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

//! Physical lines → logical blocks. Text taken from PDF or Word breaks lines mid-sentence,
//! mid-word and mid-number, puts blank lines between lines, page numbers between pages and
//! spaces at the start of a page. A paragraph is therefore rebuilt by joining lines until the
//! next line opens a new structural unit (`一、`, `（一）`, `1.`, `一是`, a table row), never by
//! trusting line ends.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::folded::Folded;

/// A paragraph of running text, or one row of a tab-separated table.
#[derive(Debug, Clone)]
pub(crate) enum Block {
    Paragraph(Folded),
    Row(Vec<Folded>),
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static PAGE_NUMBER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^[—–\-－]+\s*[0-9０-９]{1,4}\s*[—–\-－]+$|^第\s*[0-9０-９]{1,4}\s*页(?:\s*共\s*[0-9０-９]+\s*页)?$|^[0-9０-９]{1,4}\s*/\s*[0-9０-９]{1,4}$",
    )
    .unwrap()
});

/// Whether a line (white space and Markdown marks removed) opens a structural unit.
pub(crate) fn opens_unit(line: &str) -> bool {
    crate::model::marker::opens_unit(line)
}

/// The content of a line: its range without surrounding white space, Markdown heading marks
/// (`## `), list bullets (`- `) and quote marks (`> `).
fn content(original: &str, line: Range<usize>) -> Range<usize> {
    let text = &original[line.clone()];
    // Tabs are kept: a row whose last cells are empty ends in tabs.
    let blank = |c: char| c.is_whitespace() && c != '\t';
    let end = line.start + text.trim_end_matches(blank).len();
    let mut start = (line.start + text.len() - text.trim_start_matches(blank).len()).min(end);
    loop {
        let rest = &original[start..end];
        let stripped = rest
            .strip_prefix('#')
            .or_else(|| rest.strip_prefix("- "))
            .or_else(|| rest.strip_prefix("> "))
            .or_else(|| rest.strip_prefix("**"));
        match stripped {
            Some(s) => {
                let s = s.trim_start();
                start = end - s.len();
            }
            None => break,
        }
    }
    start..end.max(start)
}

/// Whether a line is a page number (`— 3 —`, `第 3 页`, `3/12`).
pub(crate) fn is_page_number(text: &str) -> bool {
    PAGE_NUMBER.is_match(text.trim())
}

fn is_furniture(text: &str) -> bool {
    let t = text.trim();
    t.is_empty()
        || PAGE_NUMBER.is_match(t)
        || t.starts_with("http://")
        || t.starts_with("https://")
        || t.starts_with("www.")
}

/// Splits a text into blocks.
pub(crate) fn blocks(original: &str) -> Vec<Block> {
    let mut blocks = Vec::new();
    let mut paragraph: Option<Folded> = None;
    let mut paragraph_is_heading = false;
    let mut offset = 0;
    for raw in original.split_inclusive('\n') {
        let line = offset..offset + raw.len();
        offset += raw.len();
        let range = content(original, line);
        let text = &original[range.clone()];
        if is_furniture(text) {
            continue;
        }
        if text.contains('\t') {
            flush(&mut blocks, &mut paragraph);
            blocks.push(Block::Row(cells(original, range)));
            continue;
        }
        let mut probe = Folded::default();
        probe.push(original, range.clone());
        let starts_unit = opens_unit(&probe.text);
        let starts_year =
            opens_year(&probe.text) && paragraph.as_ref().is_some_and(|p| !runs_on(&p.text));
        if starts_unit || paragraph_is_heading || starts_year {
            flush(&mut blocks, &mut paragraph);
        }
        if super::header::number_in_line(&probe.text).is_some() {
            // A 文号 on a line of its own (`吕政发〔2024〕4号` under the notice title) is never
            // part of the sentence around it.
            flush(&mut blocks, &mut paragraph);
            blocks.push(Block::Paragraph(probe));
            continue;
        }
        paragraph_is_heading = starts_unit && is_heading(&probe.text);
        paragraph
            .get_or_insert_with(Folded::default)
            .append(original, range, probe);
    }
    flush(&mut blocks, &mut paragraph);
    blocks
}

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static YEAR_LEAD: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^(?:力争)?(?:到)?[0-9]{4}年(?:底|末)?,").unwrap());

/// Whether a line opens with a year and a comma (`2030年,…`, `到2030年,…`): the goals of
/// another year, a paragraph of their own even when the line before lacks its full stop.
fn opens_year(folded: &str) -> bool {
    YEAR_LEAD.is_match(folded)
}

/// Whether a paragraph's text ends mid-phrase, so the next line continues it (`…到` ⏎
/// `2030年,…`).
fn runs_on(folded: &str) -> bool {
    folded.ends_with([
        '到', '至', '在', '于', '和', '及', '与', '、', ',', '(', '“',
    ])
}

/// A short numbered line with no sentence in it (`一、总体目标`, `（一）全面提升…`) stands alone;
/// the next line starts a new block even when it does not open a unit itself.
fn is_heading(folded: &str) -> bool {
    folded.chars().count() <= 30 && !folded.contains(['。', ';', ':', ','])
}

fn flush(blocks: &mut Vec<Block>, paragraph: &mut Option<Folded>) {
    if let Some(p) = paragraph.take()
        && !p.is_empty()
    {
        blocks.push(Block::Paragraph(p));
    }
}

fn cells(original: &str, range: Range<usize>) -> Vec<Folded> {
    let mut cells = Vec::new();
    let mut start = range.start;
    for (i, c) in original[range.clone()].char_indices() {
        if c == '\t' {
            let mut cell = Folded::default();
            cell.push(original, start..range.start + i);
            cells.push(cell);
            start = range.start + i + 1;
        }
    }
    let mut cell = Folded::default();
    cell.push(original, start..range.end);
    cells.push(cell);
    cells
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paragraphs(text: &str) -> Vec<String> {
        blocks(text)
            .into_iter()
            .map(|b| match b {
                Block::Paragraph(p) => p.text,
                Block::Row(cells) => cells
                    .into_iter()
                    .map(|c| c.text)
                    .collect::<Vec<_>>()
                    .join("|"),
            })
            .collect()
    }

    #[test]
    fn joins_broken_lines_and_drops_page_furniture() {
        let text = "一、总体目标\n\n到 2025 年，数控化率达\n\n— 8 —\n\n 到 75%。(国发〔2024〕7\n\n号)\nhttp://example.org/x\n二、重点任务\n";
        assert_eq!(
            paragraphs(text),
            [
                "一、总体目标",
                "到2025年,数控化率达到75%。(国发〔2024〕7号)",
                "二、重点任务"
            ]
        );
    }

    #[test]
    fn a_line_opening_with_a_year_starts_a_paragraph() {
        let text = "2027年,A达到75%,B达到100个\n\n2030年,A达到90%\n措施到\n2030年,C达到1个。\n";
        assert_eq!(
            paragraphs(text),
            [
                "2027年,A达到75%,B达到100个",
                // A line ending mid-phrase (`到`) runs on into the year.
                "2030年,A达到90%措施到2030年,C达到1个。"
            ]
        );
    }

    #[test]
    fn numbered_units_and_rows_start_blocks() {
        let text = "(一)推进改造。内容\n续行\n一是加强领导。\n1.实施行动。\n1.8万辆以上\n序号\t任务\n## 三、保障\n";
        assert_eq!(
            paragraphs(text),
            [
                "(一)推进改造。内容续行",
                "一是加强领导。",
                "1.实施行动。1.8万辆以上",
                "序号|任务",
                "三、保障"
            ]
        );
    }
}

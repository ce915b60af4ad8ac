//! Tasks and the bodies that lead them (DOMAIN §5): `（牵头单位：…；责任单位：…）` after a
//! numbered task, in `()`, `（）` or `〔〕`, or the 牵头单位 / 责任单位 columns of a task table.

use std::ops::Range;

use super::folded::Folded;
use super::roles::{Names, enclosures, names, phrased, roles};
use crate::model::Span;
use crate::model::marker::{MarkerKind, marker};

#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct FoundTask {
    pub label: (String, Span),
    pub title: Option<(String, Span)>,
    pub lead: Vec<(String, Span)>,
    pub responsible: Vec<(String, Span)>,
    /// A task table's 完成时限.
    pub deadline: Option<(String, Span)>,
}

/// A numbered heading in force: its kind (一、 / （一） / 1. / （1） / 一是) and how it is written.
#[derive(Debug, Clone)]
struct Marker {
    kind: MarkerKind,
    written: String,
    title: Option<(String, Span)>,
    span: Span,
    used: usize,
}

/// Reads tasks block by block, keeping the numbered headings in force.
#[derive(Debug, Default)]
pub(crate) struct TaskReader {
    markers: Vec<Marker>,
    pub tasks: Vec<FoundTask>,
    table: Option<Table>,
    tables: usize,
}

#[derive(Debug, Clone)]
struct Table {
    number: usize,
    serial: Option<usize>,
    title: Option<usize>,
    lead: Option<usize>,
    responsible: Option<usize>,
    deadline: Option<usize>,
}

impl TaskReader {
    /// Reads a paragraph; returns the indexes of the tasks it closes.
    pub(crate) fn paragraph(&mut self, original: &str, block: &Folded) -> Vec<usize> {
        self.table = None;
        if let Some(found) = marker(&block.text) {
            let kind = found.kind;
            let whole = 0..found.len;
            let title = title_after(original, block, whole.end);
            if let Some(at) = self.markers.iter().position(|m| m.kind == kind) {
                self.markers.truncate(at);
            }
            self.markers.push(Marker {
                kind,
                written: block.text[whole.clone()]
                    .trim_end_matches(['、', '.'])
                    .to_string(),
                title,
                span: block.span(whole),
                used: 0,
            });
        }
        let mut closed = Vec::new();
        let mut found: Vec<(Names, Names, usize)> = enclosures(&block.text)
            .into_iter()
            .map(|(content, at)| {
                let (lead, responsible) = roles(original, block, content);
                (lead, responsible, at)
            })
            .collect();
        found.extend(
            phrased(&block.text)
                .into_iter()
                .map(|(lead, responsible, at)| {
                    let names_in = |r: Option<Range<usize>>| {
                        r.map(|r| names(original, block, r)).unwrap_or_default()
                    };
                    (names_in(lead), names_in(responsible), at)
                }),
        );
        found.sort_by_key(|(_, _, at)| *at);
        for (lead, responsible, at) in found {
            if lead.is_empty() && responsible.is_empty() {
                continue;
            }
            let (label, title) = self.label(block, at);
            self.tasks.push(FoundTask {
                label,
                title,
                lead,
                responsible,
                deadline: None,
            });
            closed.push(self.tasks.len() - 1);
        }
        closed
    }

    fn label(&mut self, block: &Folded, at: usize) -> ((String, Span), Option<(String, Span)>) {
        let path: String = self.markers.iter().map(|m| m.written.as_str()).collect();
        match self.markers.last_mut() {
            Some(last) => {
                last.used += 1;
                let label = if last.used > 1 {
                    format!("{path}-{}", last.used)
                } else {
                    path
                };
                ((label, last.span), last.title.clone())
            }
            None => (
                (format!("@{}", self.tasks.len() + 1), block.span(at..at)),
                None,
            ),
        }
    }

    /// Reads a table row; returns the task it is, if any.
    pub(crate) fn row(&mut self, original: &str, cells: &[Folded]) -> Option<usize> {
        let texts: Vec<&str> = cells.iter().map(|c| c.text.as_str()).collect();
        if texts.iter().any(|t| is_role_header(t)) {
            self.tables += 1;
            let find = |words: &[&str]| {
                texts
                    .iter()
                    .position(|t| words.iter().any(|w| t.contains(w)))
            };
            self.table = Some(Table {
                number: self.tables,
                serial: find(&["序号", "编号"]),
                title: find(&["重点任务", "任务名称", "主要任务", "工作任务"]),
                lead: find(&["牵头单位", "牵头部门"]),
                responsible: find(&["责任单位", "责任部门", "配合单位"]),
                deadline: find(&["完成时限", "完成时间", "时间节点", "进度安排"]),
            });
            return None;
        }
        let table = self.table.clone()?;
        let serial_cell = cells.get(table.serial.unwrap_or(0))?;
        let serial: usize = serial_cell.text.parse().ok()?;
        let list = |col: Option<usize>| {
            col.and_then(|c| cells.get(c))
                .map(|cell| names(original, cell, 0..cell.len()))
                .unwrap_or_default()
        };
        let (lead, responsible) = (list(table.lead), list(table.responsible));
        let text_of = |column: Option<usize>| {
            column
                .and_then(|c| cells.get(c))
                .filter(|c| !c.is_empty())
                .map(|c| (c.written(original, 0..c.len()), c.span(0..c.len())))
        };
        let (title, deadline) = (text_of(table.title), text_of(table.deadline));
        self.tasks.push(FoundTask {
            label: (
                format!("表{}-{serial}", table.number),
                serial_cell.span(0..serial_cell.len()),
            ),
            title,
            lead,
            responsible,
            deadline,
        });
        Some(self.tasks.len() - 1)
    }

    /// The columns of the current table that hold agencies or the 完成时限, which carry no
    /// targets.
    pub(crate) fn agency_columns(&self) -> Vec<usize> {
        self.table
            .iter()
            .flat_map(|t| [t.lead, t.responsible, t.deadline])
            .flatten()
            .collect()
    }

    /// The year the current table's 完成时限 column gives a row (`2025年底前` → 2025).
    pub(crate) fn row_due(&self, cells: &[Folded]) -> Option<u16> {
        let cell = cells.get(self.table.as_ref()?.deadline?)?;
        let at = cell.text.find('年')?;
        let digits = cell.text[..at]
            .rsplit(|c: char| !c.is_ascii_digit())
            .next()?;
        digits.parse().ok().filter(|y| (1949..=2100).contains(y))
    }
}

fn is_role_header(text: &str) -> bool {
    ["牵头单位", "牵头部门", "责任单位", "责任部门"].contains(&text)
}

/// A task's title: the words after its number up to the first full stop.
fn title_after(original: &str, block: &Folded, start: usize) -> Option<(String, Span)> {
    let rest = &block.text[start..];
    let end = rest.find(['。', ';', ':', '(', '〔']).unwrap_or(rest.len());
    let range = start..start + end;
    let title = &block.text[range.clone()];
    (!title.is_empty() && title.chars().count() <= 40)
        .then(|| (block.written(original, range.clone()), block.span(range)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tasks_of(text: &str) -> Vec<(String, Vec<String>, Vec<String>)> {
        let mut reader = TaskReader::default();
        for block in super::super::layout::blocks(text) {
            if let super::super::layout::Block::Paragraph(p) = block {
                reader.paragraph(text, &p);
            }
        }
        reader
            .tasks
            .into_iter()
            .map(|t| {
                (
                    t.label.0,
                    t.lead.into_iter().map(|n| n.0).collect(),
                    t.responsible.into_iter().map(|n| n.0).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn a_multibyte_closing_bracket_after_a_role_phrase_is_stepped_over() {
        // `(牵头单位:` … `〕`: the bracket that closes is three bytes long.
        let text = "每辆委3:亿以6约〔二(牵头单位:〕(单一增]\n";
        assert!(tasks_of(text).len() <= 1);
    }

    #[test]
    fn roles_written_as_phrases() {
        let text = "（一）推进改造。加快建设。（市发展改革委牵头，市工业和信息化局、市财政局配合）\n（二）开展活动。（市商务局负责）\n（三）其他。（详见附件）\n";
        assert_eq!(
            tasks_of(text),
            [
                (
                    "(一)".to_string(),
                    vec!["市发展改革委".to_string()],
                    vec!["市工业和信息化局".to_string(), "市财政局".to_string()]
                ),
                ("(二)".to_string(), vec!["市商务局".to_string()], vec![]),
            ]
        );
    }

    #[test]
    fn bracketed_roles_nested_brackets_blanket_rules_and_collectives() {
        let text = "二、任务\n(一)推进改造。内容(牵头单位:市工信局、市人社\n 局;责任单位:党工委（管委会）办公室、各镇（中心）)\n1.实施行动。（牵头单位：区工\n业局；责任单位：各镇街。以下均需各镇街负责，不\n再一一列出）\n2.健全机制。〔牵头单位：经济发展部；责任单位：区有关部门、单位〕\n";
        assert_eq!(
            tasks_of(text),
            [
                (
                    "二(一)".to_string(),
                    vec!["市工信局".to_string(), "市人社局".to_string()],
                    vec![
                        "党工委（管委会）办公室".to_string(),
                        "各镇（中心）".to_string()
                    ]
                ),
                (
                    "二(一)1".to_string(),
                    vec!["区工业局".to_string()],
                    vec!["各镇街".to_string()]
                ),
                (
                    "二(一)2".to_string(),
                    vec!["经济发展部".to_string()],
                    vec!["区有关部门、单位".to_string()]
                ),
            ]
        );
    }
}

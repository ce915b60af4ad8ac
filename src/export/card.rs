//! What a plan's box lists under its label in the drawn formats when the picture is asked for
//! `--with targets` or `--with agencies`: its targets (those weaker than the parent's first, so a
//! cap never hides one) and the bodies that lead or carry its tasks. The lists are capped so one
//! long plan does not stretch the picture; the full text of a shortened row is its tooltip.

use super::{Cascade, EdgeKind, NodeKind};

/// At most this many targets, then "… N more".
const TARGETS_SHOWN: usize = 10;
/// At most this many agencies, then "… N more".
const AGENCIES_SHOWN: usize = 6;
/// A row longer than this many characters is shortened with "…".
const ROW_CHARS: usize = 26;
/// A target's indicator keeps at least this many characters, however long its value.
const INDICATOR_CHARS: usize = 8;

/// One row under a plan's label.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The drawn text, shortened.
    pub text: String,
    /// The whole text, for the tooltip.
    pub full: String,
    /// `target`, `target weaker`, `agency`, `more`, `heading`.
    pub class: &'static str,
    /// The node the row stands for, when it is one.
    pub id: Option<String>,
}

/// The rows under each node's label, by node index (empty for most).
#[must_use]
pub fn rows(cascade: &Cascade) -> Vec<Vec<Row>> {
    let mut targets: Vec<Vec<usize>> = vec![Vec::new(); cascade.nodes.len()];
    let mut agencies: Vec<Vec<usize>> = vec![Vec::new(); cascade.nodes.len()];
    for edge in &cascade.edges {
        match edge.kind {
            EdgeKind::States => targets[edge.from].push(edge.to),
            EdgeKind::Leads | EdgeKind::ResponsibleFor => {
                if !agencies[edge.to].contains(&edge.from) {
                    agencies[edge.to].push(edge.from);
                }
            }
            EdgeKind::Cites | EdgeKind::ParentTarget => {}
        }
    }
    cascade
        .nodes
        .iter()
        .enumerate()
        .map(|(i, node)| {
            if node.kind != NodeKind::Plan {
                return Vec::new();
            }
            let mut rows = target_rows(cascade, &mut targets[i]);
            rows.extend(agency_rows(cascade, &agencies[i]));
            rows
        })
        .collect()
}

fn target_rows(cascade: &Cascade, targets: &mut [usize]) -> Vec<Row> {
    if targets.is_empty() {
        return Vec::new();
    }
    // Weaker first, each group in the plan's order (a stable sort keeps it).
    targets.sort_by_key(|t| !cascade.nodes[*t].weaker);
    let mut rows = vec![heading(format!("目标 targets ({})", targets.len()))];
    for &t in targets.iter().take(TARGETS_SHOWN) {
        let node = &cascade.nodes[t];
        let full = node.lines.join(" ");
        let mark = if node.weaker { "▼ " } else { "" };
        // The indicator gives way, never the year and value, which are what the row is for.
        let (indicator, rest) = node
            .lines
            .split_first()
            .map_or(("", &[][..]), |(i, r)| (i.as_str(), r));
        let keep = ROW_CHARS
            .saturating_sub(rest.join(" ").chars().count() + 1)
            .max(INDICATOR_CHARS);
        let text = format!("{mark}{} {}", shorten(indicator, keep), rest.join(" "));
        rows.push(Row {
            text,
            full,
            class: if node.weaker {
                "target weaker"
            } else {
                "target"
            },
            id: Some(node.id.clone()),
        });
    }
    rows.extend(more(targets.len(), TARGETS_SHOWN));
    rows
}

fn agency_rows(cascade: &Cascade, agencies: &[usize]) -> Vec<Row> {
    if agencies.is_empty() {
        return Vec::new();
    }
    let mut rows = vec![heading(format!("单位 agencies ({})", agencies.len()))];
    for &a in agencies.iter().take(AGENCIES_SHOWN) {
        let node = &cascade.nodes[a];
        let name = node.lines.last().cloned().unwrap_or_default();
        rows.push(Row {
            text: shorten(&name, ROW_CHARS),
            full: node.lines.join(" "),
            class: "agency",
            id: Some(node.id.clone()),
        });
    }
    rows.extend(more(agencies.len(), AGENCIES_SHOWN));
    rows
}

fn heading(text: String) -> Row {
    Row {
        full: text.clone(),
        text,
        class: "heading",
        id: None,
    }
}

fn more(total: usize, shown: usize) -> Option<Row> {
    (total > shown).then(|| {
        let text = format!("… 另 {} 项 {} more", total - shown, total - shown);
        Row {
            full: text.clone(),
            text,
            class: "more",
            id: None,
        }
    })
}

/// `text` in at most `chars` characters, the last an ellipsis when it was cut.
fn shorten(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let mut short: String = text.chars().take(chars.saturating_sub(1)).collect();
        short.push('…');
        short
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::{ExportEdge, ExportNode};

    #[test]
    fn long_rows_are_shortened_with_an_ellipsis() {
        let long = "规模以上工业企业数字化研发设计工具普及率 2027 超过90%";
        let short = shorten(long, ROW_CHARS);
        assert_eq!(short.chars().count(), ROW_CHARS);
        assert!(short.ends_with('…'));
        assert_eq!(shorten("数控化率", 4), "数控化率");
    }

    #[test]
    fn a_long_indicator_gives_way_to_the_year_and_value() {
        let plan = ExportNode::new(NodeKind::Plan, 1, None, vec!["山东省人民政府".into()]);
        let target = ExportNode {
            weaker: true,
            ..ExportNode::new(
                NodeKind::Target,
                1,
                None,
                vec![
                    "规模以上工业企业关键工序数控化率".into(),
                    "2027 较2023年增长约30%".into(),
                ],
            )
        };
        let cascade = Cascade {
            nodes: vec![plan, target],
            edges: vec![ExportEdge {
                from: 0,
                to: 1,
                kind: EdgeKind::States,
                weaker: false,
            }],
        };
        let rows = rows(&cascade);
        assert_eq!(rows[0][1].text, "▼ 规模以上工业企… 2027 较2023年增长约30%");
        assert_eq!(rows[0][1].class, "target weaker");
        assert!(rows[1].is_empty());
    }

    #[test]
    fn more_counts_what_is_left_out() {
        assert_eq!(more(3, 6), None);
        assert_eq!(
            more(13, 10).map(|r| r.text),
            Some("… 另 3 项 3 more".to_string())
        );
    }
}

//! The comparison table (上位方案目标对照表) a review hands back: one row per indicator and year
//! of a plan and the plans above it, the plan's value beside each ancestor's, and a verdict.
//! Verdicts come from the same comparison the lints make (`model::growth`).

use std::collections::BTreeSet;
use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::diagnostics::terminal::safe_text;
use crate::engine::Report;
use crate::i18n::Lang;
use crate::model::growth::{Footing, footing};
use crate::model::{Deadline, IndicatorId, IndicatorKind, Level, Plan, PlanId, PlanStatus, Target};

/// How a plan's target stands against the nearest plan above that sets one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Weaker,
    Equal,
    Stricter,
    Omitted,
    QualitativeOnly,
    NotApplicable,
    /// Counts and amounts: a part is not compared with the whole.
    Absolute,
    /// Measured another way (another unit, baseline or form).
    NotComparable,
    /// No plan above sets it.
    NoParent,
}

impl Verdict {
    #[must_use]
    pub fn words(self, lang: Lang) -> &'static str {
        let (zh, en) = match self {
            Verdict::Weaker => ("弱于上级", "weaker"),
            Verdict::Equal => ("与上级相同", "equal"),
            Verdict::Stricter => ("严于上级", "stricter"),
            Verdict::Omitted => ("未承接", "omitted"),
            Verdict::QualitativeOnly => ("仅定性表述", "qualitative only"),
            Verdict::NotApplicable => ("声明不适用", "declared not applicable"),
            Verdict::Absolute => ("绝对量，不可比", "not comparable (absolute)"),
            Verdict::NotComparable => ("口径不同，不可比", "not comparable (measured otherwise)"),
            Verdict::NoParent => ("上级无此目标", "no parent target"),
        };
        match lang {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

/// One plan's table.
#[derive(Debug)]
pub struct Table {
    pub plan: String,
    /// The plans above, national first.
    pub ancestors: Vec<String>,
    /// Their levels, for columns that line up across tables (CSV).
    pub levels: Vec<Level>,
    pub rows: Vec<Row>,
}

#[derive(Debug)]
pub struct Row {
    pub indicator: String,
    pub year: u16,
    /// This plan's value, as written.
    pub value: Option<String>,
    /// Each ancestor's value, in the order of `Table::ancestors`.
    pub parents: Vec<Option<String>>,
    pub verdict: Verdict,
}

/// The table of `plan` against the plans above it.
#[must_use]
pub fn table(report: &Report, plan_id: PlanId, lang: Lang) -> Table {
    let corpus = &report.corpus;
    let plan = corpus.plan(plan_id);
    let mut ancestors: Vec<PlanId> = report
        .graph
        .ancestors(plan_id)
        .iter()
        .copied()
        .filter(|&p| {
            let a = corpus.plan(p);
            a.status != PlanStatus::Stub && !a.targets.is_empty()
        })
        .collect();
    // Nearest first in the graph; the table reads top down.
    ancestors.reverse();
    let keys: BTreeSet<(u16, String, IndicatorId)> = std::iter::once(plan_id)
        .chain(ancestors.iter().copied())
        .flat_map(|p| corpus.plan(p).targets.iter())
        .filter_map(|t| {
            let id = t.indicator_id.clone()?;
            let name = corpus.catalogue.get(&id)?.name.clone();
            Some((t.deadline.year()?, name, id))
        })
        .collect();
    let describe = |t: &Target| match lang {
        Lang::Zh => t.describe_zh(),
        Lang::En => t.describe_en(),
    };
    let rows = keys
        .into_iter()
        .map(|(year, indicator, id)| {
            let own = find(plan, &id, year);
            let parents: Vec<Option<&Target>> = ancestors
                .iter()
                .map(|&p| find(corpus.plan(p), &id, year))
                .collect();
            let nearest = parents.iter().rev().flatten().next().copied();
            let verdict = verdict(report, plan, &id, own, nearest);
            Row {
                indicator,
                year,
                value: own.map(describe),
                parents: parents.iter().map(|t| t.map(describe)).collect(),
                verdict,
            }
        })
        .collect();
    Table {
        plan: corpus.plan_name(plan_id),
        ancestors: ancestors.iter().map(|&p| corpus.plan_name(p)).collect(),
        levels: ancestors.iter().map(|&p| corpus.plan(p).level).collect(),
        rows,
    }
}

fn find<'a>(plan: &'a Plan, id: &IndicatorId, year: u16) -> Option<&'a Target> {
    plan.targets
        .iter()
        .find(|t| t.indicator_id.as_ref() == Some(id) && t.deadline == Deadline::Year(year))
}

fn verdict(
    report: &Report,
    plan: &Plan,
    id: &IndicatorId,
    own: Option<&Target>,
    parent: Option<&Target>,
) -> Verdict {
    let catalogue = &report.corpus.catalogue;
    let named = |wording: &str| catalogue.link_wording(wording).is_some_and(|i| &i.id == id);
    let Some(entry) = catalogue.get(id) else {
        return Verdict::NotComparable;
    };
    match (own, parent) {
        (_, None) => Verdict::NoParent,
        (None, Some(_))
            if plan
                .not_applicable
                .iter()
                .any(|n| named(&n.indicator.value)) =>
        {
            Verdict::NotApplicable
        }
        (None, Some(_)) if plan.qualitative.iter().any(|q| named(&q.indicator.value)) => {
            Verdict::QualitativeOnly
        }
        (None, Some(_)) => Verdict::Omitted,
        (Some(_), Some(_)) if entry.kind == IndicatorKind::Absolute => Verdict::Absolute,
        (Some(child), Some(parent)) => match footing(child, parent) {
            None => Verdict::NotComparable,
            Some(on) if on.is_weaker(entry.direction) => Verdict::Weaker,
            // The same two figures the other way round: is the parent's the weaker?
            Some(on) => {
                let reversed = Footing {
                    child: on.parent,
                    parent: on.child,
                    compounded: None,
                };
                if reversed.is_weaker(entry.direction) {
                    Verdict::Stricter
                } else {
                    Verdict::Equal
                }
            }
        },
    }
}

/// The columns' headings.
pub(super) fn headings(table: &Table, lang: Lang) -> Vec<String> {
    let (indicator, year, this, verdict) = match lang {
        Lang::Zh => ("指标", "年份", "本方案", "结论"),
        Lang::En => ("indicator", "year", "this plan", "verdict"),
    };
    let mut head = vec![indicator.to_string(), year.to_string(), this.to_string()];
    head.extend(table.ancestors.iter().cloned());
    head.push(verdict.to_string());
    head
}

pub(super) fn cells(table: &Table, lang: Lang) -> Vec<Vec<String>> {
    table
        .rows
        .iter()
        .map(|row| {
            let mut cells = vec![
                row.indicator.clone(),
                row.year.to_string(),
                row.value.clone().unwrap_or_else(|| "—".to_string()),
            ];
            cells.extend(
                row.parents
                    .iter()
                    .map(|p| p.clone().unwrap_or_else(|| "—".into())),
            );
            cells.push(row.verdict.words(lang).to_string());
            cells
        })
        .collect()
}

/// An aligned table for the terminal (widths as the terminal counts them, plan text made safe).
#[must_use]
pub fn to_text(table: &Table, lang: Lang) -> String {
    let head = headings(table, lang);
    let body = cells(table, lang);
    let all: Vec<Vec<String>> = std::iter::once(head)
        .chain(body)
        .map(|r| r.iter().map(|c| safe_text(c)).collect())
        .collect();
    let widths: Vec<usize> = (0..all[0].len())
        .map(|i| all.iter().map(|r| r[i].width()).max().unwrap_or(0))
        .collect();
    let mut out = format!("{}\n", safe_text(&table.plan));
    for (n, row) in all.iter().enumerate() {
        let line: Vec<String> = row
            .iter()
            .zip(&widths)
            .map(|(cell, w)| format!("{cell}{}", " ".repeat(w - cell.width())))
            .collect();
        let _ = writeln!(out, "{}", line.join("  ").trim_end());
        if n == 0 {
            let rule: Vec<String> = widths.iter().map(|w| "─".repeat(*w)).collect();
            let _ = writeln!(out, "{}", rule.join("  "));
        }
    }
    out
}

/// A Markdown table (`|` in plan text escaped).
#[must_use]
pub fn to_markdown(table: &Table, lang: Lang) -> String {
    let escape = |c: &str| safe_text(c).replace('|', "\\|");
    let head = headings(table, lang);
    let mut out = format!("### {}\n\n", escape(&table.plan));
    let line = |r: &[String]| {
        format!(
            "| {} |\n",
            r.iter().map(|c| escape(c)).collect::<Vec<_>>().join(" | ")
        )
    };
    out.push_str(&line(&head));
    out.push_str(&format!("|{}\n", "---|".repeat(head.len())));
    for row in cells(table, lang) {
        out.push_str(&line(&row));
    }
    out
}

/// CSV for spreadsheets: one row per plan, indicator and year, the ancestors' values in one
/// column per level (national, provincial, municipal), so rows of every plan line up.
pub fn to_csv(tables: &[Table], lang: Lang) -> Result<String, csv::Error> {
    const LEVELS: [Level; 3] = [Level::National, Level::Provincial, Level::Municipal];
    let mut writer = csv::Writer::from_writer(Vec::new());
    let words = |zh: &str, en: &str| match lang {
        Lang::Zh => zh.to_string(),
        Lang::En => en.to_string(),
    };
    let mut head = vec![
        words("方案", "plan"),
        words("指标", "indicator"),
        words("年份", "year"),
        words("本方案", "this plan"),
    ];
    head.extend(LEVELS.iter().map(|l| match lang {
        Lang::Zh => l.zh().to_string(),
        Lang::En => l.en().to_string(),
    }));
    head.push(words("结论", "verdict"));
    writer.write_record(&head)?;
    for table in tables {
        for row in &table.rows {
            let mut record = vec![
                table.plan.clone(),
                row.indicator.clone(),
                row.year.to_string(),
                row.value.clone().unwrap_or_default(),
            ];
            for level in LEVELS {
                let value = table
                    .levels
                    .iter()
                    .zip(&row.parents)
                    .filter(|(l, _)| **l == level)
                    .find_map(|(_, v)| v.clone());
                record.push(value.unwrap_or_default());
            }
            record.push(row.verdict.words(lang).to_string());
            writer.write_record(&record)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

//! The comparison table (上位方案目标对照表) a review hands back: one row per comparison the
//! run made for a plan (`comparison::Comparisons`), the plan's value beside each ancestor's, and
//! the row's conclusion with what became of its finding. Nothing is judged here.

use std::collections::HashMap;

use crate::comparison::{Standing, Verdict, conclusion};
use crate::diagnostics::terminal::safe_text;
use crate::engine::Report;
use crate::i18n::{Lang, Msg};
use crate::model::{ComparisonId, Deadline, IndicatorKey, Level, PlanId, PlanStatus, Target};

/// One plan's table.
#[derive(Debug)]
pub struct Table {
    pub plan: PlanId,
    /// How the table names its plan: `安政发〔2024〕13号（安丘市）`.
    pub name: String,
    /// The campaign the plan is compared within (`model::Campaign`, decided by the graph).
    pub campaign: Option<String>,
    /// The plans above, national first.
    pub ancestors: Vec<String>,
    /// Their levels, for columns that line up across tables (CSV).
    pub levels: Vec<Level>,
    pub rows: Vec<Row>,
}

/// One row: a comparison of the run, as the table shows it.
#[derive(Debug)]
pub struct Row {
    pub comparison: ComparisonId,
    pub indicator: String,
    pub deadline: Deadline,
    /// This plan's value, as written; its goal's words when it states none.
    pub value: Option<String>,
    /// Each ancestor's value, in the order of `Table::ancestors`.
    pub parents: Vec<Option<String>>,
    pub verdict: Verdict,
    pub standing: Standing,
    /// The row's conclusion: the verdict with its tolerance and standing.
    pub conclusion: Msg,
}

/// The table of `plan` against the plans above it: every row the run's comparisons hold for it.
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
    let stated: Vec<HashMap<(IndicatorKey, Deadline), &Target>> = ancestors
        .iter()
        .map(|&p| {
            let mut by_key = HashMap::new();
            for t in &corpus.plan(p).targets {
                by_key.entry((IndicatorKey::of(t), t.deadline)).or_insert(t);
            }
            by_key
        })
        .collect();
    let describe = |t: &Target| t.describe_in(lang);
    let mut rows: Vec<Row> = report
        .comparisons
        .of_plan(plan_id)
        .map(|id| {
            let row = report.comparisons.get(id);
            let value = row
                .child_target(corpus)
                .map(describe)
                .or_else(|| row.goal.map(|g| plan.qualitative[g].text.value.clone()));
            let parents = stated
                .iter()
                .map(|by_key| {
                    by_key
                        .get(&(row.key.clone(), row.deadline))
                        .map(|t| describe(t))
                })
                .collect();
            let standing = report.standing(id);
            Row {
                comparison: id,
                indicator: row.name(corpus).to_string(),
                deadline: row.deadline,
                value,
                parents,
                verdict: row.verdict,
                standing,
                conclusion: conclusion(row, standing),
            }
        })
        .collect();
    rows.sort_by(|a, b| {
        (deadline_order(a.deadline), &a.indicator, a.comparison).cmp(&(
            deadline_order(b.deadline),
            &b.indicator,
            b.comparison,
        ))
    });
    // A target restated word for word (a lead paragraph, then the body) is one row.
    rows.dedup_by(|a, b| {
        a.indicator == b.indicator
            && a.deadline == b.deadline
            && a.value == b.value
            && a.verdict == b.verdict
            && a.standing == b.standing
    });
    Table {
        plan: plan_id,
        name: corpus.plan_name(plan_id),
        campaign: report.graph.campaign(plan_id).map(ToString::to_string),
        ancestors: ancestors.iter().map(|&p| corpus.plan_name(p)).collect(),
        levels: ancestors.iter().map(|&p| corpus.plan(p).level).collect(),
        rows,
    }
}

/// Years in order, then every-year targets, then those without a year.
fn deadline_order(deadline: Deadline) -> (u8, u16) {
    match deadline {
        Deadline::Year(year) => (0, year),
        Deadline::Annual => (1, 0),
        Deadline::Unstated => (2, 0),
    }
}

/// The line under a table's name that says its campaign: `专项：人工智能+`.
#[must_use]
pub fn campaign_line(table: &Table, lang: Lang) -> Option<String> {
    let campaign = table.campaign.as_deref()?;
    Some(match lang {
        Lang::Zh => format!("专项：{campaign}"),
        Lang::En => format!("campaign: {campaign}"),
    })
}

/// A deadline as a table cell.
#[must_use]
pub fn year_cell(deadline: Deadline, lang: Lang) -> String {
    match (deadline, lang) {
        (Deadline::Year(year), _) => year.to_string(),
        (Deadline::Annual, Lang::Zh) => "每年".to_string(),
        (Deadline::Annual, Lang::En) => "every year".to_string(),
        (Deadline::Unstated, _) => "—".to_string(),
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
                year_cell(row.deadline, lang),
                row.value.clone().unwrap_or_else(|| "—".to_string()),
            ];
            cells.extend(
                row.parents
                    .iter()
                    .map(|p| p.clone().unwrap_or_else(|| "—".into())),
            );
            cells.push(row.conclusion.get(lang).to_string());
            cells
        })
        .collect()
}

/// A Markdown table (`|` in plan text escaped).
#[must_use]
pub fn to_markdown(table: &Table, lang: Lang) -> String {
    let escape = |c: &str| safe_text(c).replace('|', "\\|");
    let head = headings(table, lang);
    let mut out = format!("### {}\n\n", escape(&table.name));
    if let Some(line) = campaign_line(table, lang) {
        out.push_str(&format!("{}\n\n", escape(&line)));
    }
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
        words("专项", "campaign"),
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
                table.name.clone(),
                table.campaign.clone().unwrap_or_default(),
                row.indicator.clone(),
                year_cell(row.deadline, lang),
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
            record.push(row.conclusion.get(lang).to_string());
            writer.write_record(&record)?;
        }
    }
    let bytes = writer.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// `compare --format json`: each plan's rows with the facts `check --format json` gives its
/// findings (`subject.comparisons`), the row's standing and its conclusion.
pub fn to_json(report: &Report, tables: &[Table], lang: Lang) -> Result<String, serde_json::Error> {
    #[derive(serde::Serialize)]
    struct Document<'a> {
        version: u32,
        tables: Vec<JsonTable<'a>>,
    }
    #[derive(serde::Serialize)]
    struct JsonTable<'a> {
        plan: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        campaign: Option<&'a str>,
        file: String,
        ancestors: &'a [String],
        rows: Vec<JsonRow<'a>>,
    }
    #[derive(serde::Serialize)]
    struct JsonRow<'a> {
        #[serde(flatten)]
        facts: crate::diagnostics::facts::Facts,
        #[serde(flatten)]
        standing: Standing,
        conclusion: &'a str,
        /// Each ancestor's value, in the order of `ancestors`.
        ancestors: &'a [Option<String>],
    }
    let corpus = &report.corpus;
    let document = Document {
        version: 1,
        tables: tables
            .iter()
            .map(|table| JsonTable {
                plan: &table.name,
                campaign: table.campaign.as_deref(),
                file: corpus
                    .sources
                    .get(corpus.plan(table.plan).source)
                    .display_path(),
                ancestors: &table.ancestors,
                rows: table
                    .rows
                    .iter()
                    .map(|row| JsonRow {
                        facts: crate::comparison::facts(
                            corpus,
                            report.comparisons.get(row.comparison),
                        ),
                        standing: row.standing,
                        conclusion: row.conclusion.get(lang),
                        ancestors: &row.parents,
                    })
                    .collect(),
            })
            .collect(),
    };
    let mut text = serde_json::to_string_pretty(&document)?;
    text.push('\n');
    Ok(text)
}

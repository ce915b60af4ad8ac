//! The knowledge graph as a SQLite database (`graph --format sqlite -o kg.db`), for SQL and
//! spreadsheets: jurisdictions, plans, targets, citations, agencies and their mentions, the
//! comparisons with their verdicts, and the findings, with foreign keys and indexes. The schema
//! and example queries are in docs/graph.md. Written into a temporary file and read back as
//! bytes, so the output is written whole or not at all like every other.

use rusqlite::{Connection, params};
use serde::Serialize;

use crate::engine::Report;
use crate::graph::{AgencyResolution, CitationLink};
use crate::i18n::Lang;
use crate::model::{PlanId, TargetId};

const SCHEMA: &str = "
PRAGMA foreign_keys = ON;
CREATE TABLE jurisdictions (
    id INTEGER PRIMARY KEY, code TEXT, name TEXT NOT NULL, level TEXT NOT NULL,
    parent INTEGER REFERENCES jurisdictions(id));
CREATE TABLE plans (
    id INTEGER PRIMARY KEY, doc_number TEXT, title TEXT NOT NULL, issuer TEXT, issued TEXT,
    jurisdiction INTEGER NOT NULL REFERENCES jurisdictions(id), campaign TEXT,
    status TEXT NOT NULL, file TEXT NOT NULL);
CREATE TABLE targets (
    id INTEGER PRIMARY KEY, plan INTEGER NOT NULL REFERENCES plans(id), indicator TEXT NOT NULL,
    year INTEGER, value REAL NOT NULL, unit TEXT NOT NULL, comparator TEXT NOT NULL,
    better TEXT NOT NULL, change TEXT, baseline INTEGER, quote TEXT,
    line INTEGER NOT NULL, span_start INTEGER NOT NULL, span_length INTEGER NOT NULL);
CREATE TABLE citations (
    id INTEGER PRIMARY KEY, plan INTEGER NOT NULL REFERENCES plans(id), doc_number TEXT,
    title TEXT, cited_plan INTEGER REFERENCES plans(id), resolved INTEGER NOT NULL);
CREATE TABLE agencies (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL,
    jurisdiction INTEGER NOT NULL REFERENCES jurisdictions(id), UNIQUE (jurisdiction, name));
CREATE TABLE mentions (
    plan INTEGER NOT NULL REFERENCES plans(id), written TEXT NOT NULL, role TEXT NOT NULL,
    resolution TEXT NOT NULL, agency INTEGER REFERENCES agencies(id));
CREATE TABLE comparisons (
    id INTEGER PRIMARY KEY, plan INTEGER NOT NULL REFERENCES plans(id), indicator TEXT NOT NULL,
    year INTEGER, child_target INTEGER REFERENCES targets(id),
    parent_target INTEGER REFERENCES targets(id), verdict TEXT NOT NULL, reason TEXT,
    standing TEXT NOT NULL);
CREATE TABLE findings (
    id INTEGER PRIMARY KEY, code TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL,
    file TEXT, line INTEGER, plan INTEGER REFERENCES plans(id));
CREATE INDEX plans_by_jurisdiction ON plans(jurisdiction);
CREATE INDEX targets_by_plan ON targets(plan);
CREATE INDEX targets_by_indicator ON targets(indicator, year);
CREATE INDEX citations_by_plan ON citations(plan);
CREATE INDEX citations_by_cited ON citations(cited_plan);
CREATE INDEX mentions_by_plan ON mentions(plan);
CREATE INDEX mentions_by_agency ON mentions(agency);
CREATE INDEX comparisons_by_plan ON comparisons(plan);
CREATE INDEX findings_by_code ON findings(code);
";

/// A count or offset as SQLite's integer.
fn int(value: usize) -> i64 {
    i64::try_from(value).unwrap_or(i64::MAX)
}

/// An enum as its serde name (`at-least`, `higher`).
fn kebab<T: Serialize>(value: &T) -> Option<String> {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
}

/// The database's bytes.
pub fn to_sqlite(report: &Report, lang: Lang) -> Result<Vec<u8>, String> {
    let file = tempfile::NamedTempFile::new().map_err(|e| e.to_string())?;
    {
        let mut db = Connection::open(file.path()).map_err(|e| e.to_string())?;
        fill(&mut db, report, lang).map_err(|e| e.to_string())?;
        db.close().map_err(|(_, e)| e.to_string())?;
    }
    std::fs::read(file.path()).map_err(|e| e.to_string())
}

/// One table of the database as CSV for spreadsheets: UTF-8 with a byte-order mark, so that
/// Excel and WPS open the Chinese as Chinese; the header is the table's columns.
pub fn table_csv(report: &Report, lang: Lang, table: Table) -> Result<Vec<u8>, String> {
    let mut db = Connection::open_in_memory().map_err(|e| e.to_string())?;
    fill(&mut db, report, lang).map_err(|e| e.to_string())?;
    let name = match table {
        Table::Targets => "targets",
        Table::Comparisons => "comparisons",
    };
    let mut query = db
        .prepare(&format!("SELECT * FROM {name} ORDER BY id"))
        .map_err(|e| e.to_string())?;
    let columns: Vec<String> = query.column_names().map(str::to_string).collect();
    let mut writer = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    writer.write_record(&columns).map_err(|e| e.to_string())?;
    let mut rows = query.query([]).map_err(|e| e.to_string())?;
    while let Some(row) = rows.next().map_err(|e| e.to_string())? {
        let cells: Vec<String> = (0..columns.len())
            .map(|i| match row.get_ref(i) {
                Ok(rusqlite::types::ValueRef::Integer(n)) => n.to_string(),
                Ok(rusqlite::types::ValueRef::Real(x)) => crate::model::quantity::format_number(x),
                Ok(rusqlite::types::ValueRef::Text(t)) => String::from_utf8_lossy(t).into_owned(),
                _ => String::new(),
            })
            .collect();
        writer.write_record(&cells).map_err(|e| e.to_string())?;
    }
    writer.into_inner().map_err(|e| e.to_string())
}

/// The tables `graph --format csv` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Table {
    Targets,
    Comparisons,
}

fn fill(db: &mut Connection, report: &Report, lang: Lang) -> rusqlite::Result<()> {
    db.execute_batch(SCHEMA)?;
    let tx = db.transaction()?;
    jurisdictions(&tx, report)?;
    plans(&tx, report)?;
    targets(&tx, report)?;
    citations(&tx, report)?;
    agencies(&tx, report)?;
    comparisons(&tx, report)?;
    findings(&tx, report, lang)?;
    tx.commit()
}

fn jurisdictions(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO jurisdictions VALUES (?1, ?2, ?3, ?4, ?5)")?;
    // Parents first: a row's parent is always inserted before it.
    let all = &report.corpus.jurisdictions;
    let mut order: Vec<usize> = (0..all.len()).collect();
    order.sort_by_key(|&i| {
        crate::model::jurisdiction::jurisdiction_chain(all, crate::model::JurisdictionId(i)).len()
    });
    for i in order {
        let j = &all[i];
        insert.execute(params![
            int(i),
            j.code,
            j.name.value,
            kebab(&j.level),
            j.parent.map(|p| int(p.0))
        ])?;
    }
    Ok(())
}

fn plans(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let corpus = &report.corpus;
    let mut insert = tx.prepare("INSERT INTO plans VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    for (id, plan) in corpus.plan_ids() {
        let campaign = report.graph.campaign(id).map(ToString::to_string);
        insert.execute(params![
            int(id.0),
            plan.doc_number.as_ref().map(|n| n.value.written.clone()),
            plan.title.value,
            plan.issuer.as_ref().map(|i| i.value.clone()),
            plan.issued.as_ref().map(|d| d.value.to_string()),
            int(plan.jurisdiction.0),
            campaign,
            kebab(&plan.status),
            corpus.sources.get(plan.source).display_path()
        ])?;
    }
    Ok(())
}

/// Each plan's first target row id: a target's row is its plan's offset plus its index, so
/// every comparison finds its targets' rows in O(1).
fn target_offsets(report: &Report) -> Vec<usize> {
    report
        .corpus
        .plans
        .iter()
        .scan(0, |next, plan| {
            let first = *next;
            *next += plan.targets.len();
            Some(first)
        })
        .collect()
}

fn targets(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let corpus = &report.corpus;
    let mut insert = tx.prepare(
        "INSERT INTO targets VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14)",
    )?;
    let mut row = 0usize;
    for (id, plan) in corpus.plan_ids() {
        for target in &plan.targets {
            let line = corpus
                .sources
                .get(target.source)
                .line_col(target.span.start)
                .0;
            insert.execute(params![
                int(row),
                int(id.0),
                target.indicator.value,
                target.deadline.year(),
                target.quantity.value,
                target.quantity.unit.to_string(),
                kebab(&target.comparator),
                kebab(&target.better),
                target.change.as_ref().and_then(kebab),
                target.baseline,
                target.quote.as_ref().map(|q| q.value.clone()),
                int(line),
                int(target.span.start),
                int(target.span.len)
            ])?;
            row += 1;
        }
    }
    Ok(())
}

fn citations(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let mut insert = tx.prepare("INSERT INTO citations (plan, doc_number, title, cited_plan, resolved) VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (id, plan) in report.corpus.plan_ids() {
        for (citation, link) in plan.citations.iter().zip(report.graph.citations(id)) {
            let cited = match link {
                CitationLink::Plan { plan, .. } => Some(int(plan.0)),
                CitationLink::Stub(_) => None,
            };
            insert.execute(params![
                int(id.0),
                citation
                    .doc_number
                    .as_ref()
                    .map(|n| n.value.written.clone()),
                citation.title.as_ref().map(|t| t.value.clone()),
                cited,
                cited.is_some()
            ])?;
        }
    }
    Ok(())
}

fn agencies(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let corpus = &report.corpus;
    let mut body = tx.prepare(
        "INSERT INTO agencies (name, jurisdiction) VALUES (?1, ?2) ON CONFLICT DO UPDATE SET name = name RETURNING id",
    )?;
    let mut mention = tx.prepare("INSERT INTO mentions VALUES (?1, ?2, ?3, ?4, ?5)")?;
    for (id, plan) in corpus.plan_ids() {
        for ((_, lead, name), resolution) in plan
            .agency_mentions()
            .zip(report.graph.agencies(corpus, id))
        {
            let (kind, registered) = match resolution {
                AgencyResolution::Registered {
                    jurisdiction,
                    entry,
                    ..
                } => ("registered", Some((*jurisdiction, *entry))),
                AgencyResolution::OtherLevel {
                    jurisdiction,
                    entry,
                } => ("other-level", Some((*jurisdiction, *entry))),
                AgencyResolution::Collective => ("collective", None),
                AgencyResolution::Unknown { .. } => ("unknown", None),
                AgencyResolution::Unchecked => ("unchecked", None),
                AgencyResolution::Standard => ("standard", None),
            };
            let agency: Option<i64> = match registered {
                Some((jurisdiction, entry)) => {
                    let registry = &corpus.jurisdiction(jurisdiction).registry;
                    match registry.entries.get(entry) {
                        Some(e) => Some(
                            body.query_row(params![e.name, int(jurisdiction.0)], |r| r.get(0))?,
                        ),
                        None => None,
                    }
                }
                None => None,
            };
            let role = if lead { "lead" } else { "responsible" };
            mention.execute(params![int(id.0), name.value.written, role, kind, agency])?;
        }
    }
    Ok(())
}

fn comparisons(tx: &rusqlite::Transaction<'_>, report: &Report) -> rusqlite::Result<()> {
    let mut insert =
        tx.prepare("INSERT INTO comparisons VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")?;
    let offsets = target_offsets(report);
    let row_of = |t: TargetId| int(offsets.get(t.plan.0).copied().unwrap_or_default() + t.index);
    for (id, row) in report.comparisons.iter() {
        let verdict = serde_json::to_value(row.verdict).unwrap_or_default();
        // `reported` with its severity (`reported-error`), or `allowed`, `suppressed`…
        let standing = serde_json::to_value(report.standing(id)).unwrap_or_default();
        let standing = match (standing["standing"].as_str(), standing["severity"].as_str()) {
            (Some(kind), Some(severity)) => format!("{kind}-{severity}"),
            (Some(kind), None) => kind.to_string(),
            _ => String::new(),
        };
        insert.execute(params![
            int(id.0),
            int(row.plan.0),
            row.name(&report.corpus),
            row.deadline.year(),
            row.child.map(row_of),
            row.parent.map(row_of),
            verdict["verdict"].as_str(),
            verdict["reason"].as_str(),
            standing
        ])?;
    }
    Ok(())
}

fn findings(tx: &rusqlite::Transaction<'_>, report: &Report, lang: Lang) -> rusqlite::Result<()> {
    let corpus = &report.corpus;
    let plan_of: std::collections::HashMap<crate::model::SourceId, PlanId> =
        corpus.plan_ids().map(|(id, p)| (p.source, id)).collect();
    let mut insert = tx.prepare("INSERT INTO findings (code, severity, message, file, line, plan) VALUES (?1, ?2, ?3, ?4, ?5, ?6)")?;
    for d in &report.findings {
        let file = d.source.map(|s| corpus.sources.get(s).display_path());
        let line = d
            .source
            .zip(d.label.as_ref())
            .map(|(s, l)| corpus.sources.get(s).line_col(l.span.start).0);
        insert.execute(params![
            d.code.as_str(),
            d.severity.en(),
            d.message.get(lang),
            file,
            line.map(int),
            d.source.and_then(|s| plan_of.get(&s)).map(|p| int(p.0))
        ])?;
    }
    Ok(())
}

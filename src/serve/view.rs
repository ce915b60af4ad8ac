//! What a review page shows, read from the run's report in one language: nothing here judges,
//! it only selects and orders what the engine decided, so the page says what the JSON says.

use crate::code::{Code, Severity, ToolCode};
use crate::comparison::Standing;
use crate::diagnostics::Diagnostic;
use crate::engine::Report;
use crate::export::compare;
use crate::i18n::Lang;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::{Level, PlanId, SourceId};

use super::corpus::Generation;

/// The page of one review.
#[derive(Debug, Clone, Default)]
pub(crate) struct View {
    /// The plan's title, or the file name when it was not read as a plan.
    pub(crate) title: String,
    pub(crate) doc_number: Option<String>,
    pub(crate) placement: Placement,
    /// The cascade above the draft, national first.
    pub(crate) chain: Vec<ChainLink>,
    /// Errors first, then warnings, then notes; each in the order of the text.
    pub(crate) findings: Vec<Finding>,
    /// The draft's text, cut where findings are marked.
    pub(crate) text: Vec<Piece>,
    pub(crate) table: Option<TableView>,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
    pub(crate) notes: usize,
}

/// Where the draft was placed.
#[derive(Debug, Clone, Default)]
pub(crate) enum Placement {
    Placed {
        /// `山东省潍坊市安丘市（370784）`.
        place: String,
        level: String,
        /// What placed it: the note's words and the quoted evidence.
        evidence: Option<(String, String)>,
    },
    /// Not placed: what planlint says of the places it saw, and the places to pick from (as
    /// shown, and what names exactly each), for the reviewer to choose.
    Open {
        why: Vec<String>,
        candidates: Vec<crate::diagnostics::Candidate>,
    },
    /// Not read as a plan.
    #[default]
    Unread,
}

/// One level above the draft.
#[derive(Debug, Clone)]
pub(crate) struct ChainLink {
    pub(crate) level: String,
    pub(crate) place: String,
    /// The plan of that place the draft is compared with, and its id; `None`: a missing level.
    pub(crate) plans: Vec<(String, String)>,
}

#[derive(Debug, Clone)]
pub(crate) struct Finding {
    pub(crate) severity: Severity,
    pub(crate) code: &'static str,
    pub(crate) message: String,
    pub(crate) help: Option<String>,
    /// `12:5`, where in the draft's text.
    pub(crate) at: Option<String>,
    /// The mark in the text, when the finding has a place in it.
    pub(crate) mark: Option<usize>,
}

/// A stretch of the draft's text.
#[derive(Debug, Clone)]
pub(crate) enum Piece {
    Plain(String),
    /// The text a finding underlines: its number in `View::findings` and severity.
    Marked {
        finding: usize,
        severity: Severity,
        text: String,
    },
}

#[derive(Debug, Clone)]
pub(crate) struct TableView {
    pub(crate) campaign: Option<String>,
    pub(crate) ancestors: Vec<String>,
    pub(crate) rows: Vec<RowView>,
}

#[derive(Debug, Clone)]
pub(crate) struct RowView {
    pub(crate) indicator: String,
    pub(crate) year: String,
    pub(crate) value: String,
    pub(crate) parents: Vec<String>,
    pub(crate) conclusion: String,
    /// `error`, `warning`, `note` or `info`: what became of the row's finding.
    pub(crate) class: &'static str,
}

impl View {
    pub(crate) fn of(
        report: &Report,
        generation: &Generation,
        plan: Option<PlanId>,
        table: Option<&compare::Table>,
        lang: Lang,
    ) -> Self {
        let source = plan
            .map(|p| report.corpus.plan(p).source)
            .or_else(|| report.corpus.drafts.first().copied());
        let mut ordered: Vec<&Diagnostic> = report.findings.iter().collect();
        // Errors first; the engine's order (by place) within a severity.
        ordered.sort_by_key(|d| severity_rank(d.severity));
        let findings: Vec<Finding> = ordered
            .iter()
            .map(|d| finding(report, d, source, lang))
            .collect();
        let (findings, text) = marked_text(report, source, &ordered, findings);
        let count = |s| {
            findings
                .iter()
                .filter(|f: &&Finding| f.severity == s)
                .count()
        };
        Self {
            title: plan.map_or_else(
                || source.map_or_else(String::new, |s| report.corpus.sources.get(s).display_path()),
                |p| report.corpus.plan(p).title.value.clone(),
            ),
            doc_number: plan.and_then(|p| {
                report
                    .corpus
                    .plan(p)
                    .doc_number
                    .as_ref()
                    .map(|n| n.value.written.clone())
            }),
            placement: placement(report, plan, &ordered, lang),
            chain: plan
                .map(|p| chain(report, generation, p, lang))
                .unwrap_or_default(),
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            findings,
            text,
            table: table.map(|t| table_view(t, lang)),
        }
    }
}

/// A corpus plan's findings, errors first.
pub(crate) fn findings_of(report: &Report, source: SourceId, lang: Lang) -> Vec<Finding> {
    let mut ordered: Vec<&Diagnostic> = report
        .findings
        .iter()
        .filter(|d| d.source == Some(source))
        .collect();
    ordered.sort_by_key(|d| severity_rank(d.severity));
    ordered
        .iter()
        .map(|d| finding(report, d, Some(source), lang))
        .collect()
}

fn severity_rank(severity: Severity) -> u8 {
    match severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Note => 2,
    }
}

fn finding(report: &Report, d: &Diagnostic, source: Option<SourceId>, lang: Lang) -> Finding {
    // Only places in the draft's own text: a parent's sentence is quoted in the message.
    let at = match (d.source, &d.label) {
        (Some(file), Some(label)) if Some(file) == source => {
            let (line, column) = report.corpus.sources.get(file).line_col(label.span.start);
            Some(format!("{line}:{column}"))
        }
        _ => None,
    };
    let help = d.reviewer_help().or(d.help.as_ref());
    Finding {
        severity: d.severity,
        code: d.code.as_str(),
        message: d.message.get(lang).to_string(),
        help: help.map(|h| h.get(lang).to_string()),
        at,
        mark: None,
    }
}

/// The draft's text cut into plain and marked stretches: each finding's primary label, the
/// earlier-starting first; a label overlapping one already marked is listed, not marked.
fn marked_text(
    report: &Report,
    source: Option<SourceId>,
    ordered: &[&Diagnostic],
    mut findings: Vec<Finding>,
) -> (Vec<Finding>, Vec<Piece>) {
    let Some(source) = source else {
        return (findings, Vec::new());
    };
    let text: &str = &report.corpus.sources.get(source).text;
    let mut spans: Vec<(usize, usize, usize)> = ordered
        .iter()
        .enumerate()
        .filter(|(_, d)| d.source == Some(source))
        .filter_map(|(i, d)| {
            let span = d.label.as_ref()?.span;
            let (start, end) = (span.start, span.end().min(text.len()));
            (start < end && text.is_char_boundary(start) && text.is_char_boundary(end))
                .then_some((start, end, i))
        })
        .collect();
    spans.sort_unstable();
    let mut pieces = Vec::new();
    let mut at = 0;
    for (start, end, i) in spans {
        if start < at {
            continue;
        }
        if start > at {
            pieces.push(Piece::Plain(text[at..start].to_string()));
        }
        pieces.push(Piece::Marked {
            finding: i,
            severity: findings[i].severity,
            text: text[start..end].to_string(),
        });
        findings[i].mark = Some(i);
        at = end;
    }
    if at < text.len() {
        pieces.push(Piece::Plain(text[at..].to_string()));
    }
    (findings, pieces)
}

fn placement(
    report: &Report,
    plan: Option<PlanId>,
    ordered: &[&Diagnostic],
    lang: Lang,
) -> Placement {
    let Some(plan) = plan else {
        let open: Vec<&&Diagnostic> = ordered
            .iter()
            .filter(|d| {
                matches!(
                    d.code,
                    Code::Tool(ToolCode::UnknownJurisdiction | ToolCode::AmbiguousJurisdiction)
                )
            })
            .collect();
        if open.is_empty() {
            return Placement::Unread;
        }
        let mut candidates: Vec<crate::diagnostics::Candidate> = Vec::new();
        for candidate in open.iter().flat_map(|d| d.candidates()) {
            if !candidates.contains(candidate) {
                candidates.push(candidate.clone());
            }
        }
        return Placement::Open {
            why: open
                .iter()
                .map(|d| d.message.get(lang).to_string())
                .collect(),
            candidates,
        };
    };
    let corpus = &report.corpus;
    let draft = corpus.plan(plan);
    let place = corpus.jurisdiction(draft.jurisdiction);
    let evidence = ordered
        .iter()
        .find(|d| {
            d.code == Code::Tool(ToolCode::InferredJurisdiction) && d.source == Some(draft.source)
        })
        .map(|d| {
            let quoted = d.label.as_ref().map_or_else(String::new, |label| {
                let text = &corpus.sources.get(draft.source).text;
                text.get(label.span.start..label.span.end())
                    .unwrap_or_default()
                    .to_string()
            });
            (d.message.get(lang).to_string(), quoted)
        });
    Placement::Placed {
        place: match &place.code {
            Some(code) => format!("{}（{code}）", place.name.value),
            None => place.name.value.clone(),
        },
        level: level_name(place.level, lang).to_string(),
        evidence,
    }
}

fn level_name(level: Level, lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => level.zh(),
        Lang::En => level.en(),
    }
}

/// Each jurisdiction above the draft's, national first, with the plans of it the draft is
/// compared with: a place with none is a missing level.
fn chain(report: &Report, generation: &Generation, plan: PlanId, lang: Lang) -> Vec<ChainLink> {
    let corpus = &report.corpus;
    let draft = corpus.plan(plan);
    let ancestors = report.graph.ancestors(plan);
    let mut places = jurisdiction_chain(&corpus.jurisdictions, draft.jurisdiction);
    // The draft's own place counts when a plan of it is above the draft (a 区 plan under its
    // 市's); otherwise the chain starts above it.
    let own_has_parent = ancestors
        .iter()
        .any(|&a| corpus.plan(a).jurisdiction == draft.jurisdiction);
    if !own_has_parent && !places.is_empty() {
        places.remove(0);
    }
    places.reverse();
    places
        .into_iter()
        .map(|place| {
            let j = corpus.jurisdiction(place);
            ChainLink {
                level: level_name(j.level, lang).to_string(),
                place: j.name.value.clone(),
                plans: ancestors
                    .iter()
                    .filter(|&&a| corpus.plan(a).jurisdiction == place)
                    .map(|&a| (corpus.plan_name(a), ancestor_id(report, generation, a)))
                    .collect(),
            }
        })
        .collect()
}

/// The corpus page id of an ancestor, by the path the draft's run shows it by.
fn ancestor_id(report: &Report, generation: &Generation, plan: PlanId) -> String {
    let source = report.corpus.plan(plan).source;
    super::corpus::id_of_path(
        &report.corpus.sources.get(source).display_path(),
        &generation.shown,
    )
}

/// A severity as the pages' style names it: its English word.
pub(crate) fn severity_class(severity: Severity) -> &'static str {
    severity.en()
}

/// The 对照表 as a page shows it.
pub(crate) fn table_view(table: &compare::Table, lang: Lang) -> TableView {
    TableView {
        campaign: table.campaign.clone(),
        ancestors: table.ancestors.clone(),
        rows: table
            .rows
            .iter()
            .map(|row| RowView {
                indicator: row.indicator.clone(),
                year: compare::year_cell(row.deadline, lang),
                value: row.value.clone().unwrap_or_else(|| "—".to_string()),
                parents: row
                    .parents
                    .iter()
                    .map(|p| p.clone().unwrap_or_else(|| "—".to_string()))
                    .collect(),
                conclusion: row.conclusion.get(lang).to_string(),
                class: match row.standing {
                    Standing::Reported(severity) => severity_class(severity),
                    _ => "info",
                },
            })
            .collect(),
    }
}

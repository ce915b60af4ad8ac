//! Machine output (`--format json`): one object with every finding in the stable order and the
//! summary. Its shape is documented in docs/ci.md and docs/schema/check.schema.json, and kept by
//! snapshot tests and a schema test; fields are only ever added.

use serde::Serialize;

use super::facts::FactsOf;
use super::{Diagnostic, Label, Severity, Summary};
use crate::i18n::Lang;
use crate::model::{SourceId, Sources};

#[derive(Serialize)]
struct Report<'a> {
    version: u32,
    diagnostics: Findings<'a>,
    summary: Summary,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    code: &'static str,
    severity: Severity,
    message: &'a str,
    message_zh: &'a str,
    message_en: &'a str,
    location: Option<Location<'a>>,
    help: Option<&'a str>,
    labels: Vec<Location<'a>>,
    related: Vec<JsonRelated<'a>>,
    /// What it is about, and the facts of each comparison it reports.
    subject: super::SubjectFacts,
}

#[derive(Serialize)]
struct JsonRelated<'a> {
    message: &'a str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    file: &'a str,
    /// 1-based line and column, the column in characters as a person counts them.
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    /// Byte offsets into the file.
    offset: usize,
    length: usize,
    label: &'a str,
    /// For a PDF or an OFD: the page (from 1) and the line on it as printed, running heads
    /// and feet not counted. `line` and the offsets then count in the text read from it
    /// (`planlint extract --format text`).
    #[serde(skip_serializing_if = "Option::is_none")]
    page: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    page_line: Option<usize>,
}

fn location<'a>(
    sources: &'a Sources,
    source: SourceId,
    label: &'a Label,
    lang: Lang,
) -> Location<'a> {
    let file = sources.get(source);
    let (line, column) = file.line_col(label.span.start);
    let (end_line, end_column) = file.line_col(label.span.end());
    let printed = file.printed_at(label.span.start);
    Location {
        file: file.shown_path(),
        line,
        column,
        end_line,
        end_column,
        offset: label.span.start,
        length: label.span.len,
        label: label.text.get(lang),
        page: printed.map(|(page, _, _)| page),
        page_line: printed.map(|(_, line, _)| line),
    }
}

/// The JSON document for a run, pretty-printed, written to `out` as it is made: a national
/// corpus's report is tens of megabytes, never held whole, and each finding's JSON form is
/// made as it is written.
pub fn write_json(
    mut out: impl std::io::Write,
    diagnostics: &[Diagnostic],
    summary: Summary,
    sources: &Sources,
    facts: FactsOf<'_>,
    lang: Lang,
) -> Result<(), serde_json::Error> {
    serde_json::to_writer_pretty(
        &mut out,
        &Report {
            version: 1,
            diagnostics: Findings {
                diagnostics,
                sources,
                facts,
                lang,
            },
            summary,
        },
    )?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
}

/// The findings, serialised one by one.
struct Findings<'a> {
    diagnostics: &'a [Diagnostic],
    sources: &'a Sources,
    facts: FactsOf<'a>,
    lang: Lang,
}

impl Serialize for Findings<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.diagnostics
                .iter()
                .map(|d| json_diagnostic(d, self.sources, self.facts, self.lang)),
        )
    }
}

fn json_diagnostic<'a>(
    d: &'a Diagnostic,
    sources: &'a Sources,
    facts: FactsOf<'_>,
    lang: Lang,
) -> JsonDiagnostic<'a> {
    JsonDiagnostic {
        code: d.code.as_str(),
        severity: d.severity,
        message: d.message.get(lang),
        message_zh: d.message.zh(),
        message_en: d.message.en(),
        location: match (d.source, &d.label) {
            (Some(s), Some(l)) => Some(location(sources, s, l, lang)),
            // A finding about a whole file (a link not followed, an orphan sidecar) still
            // names the file.
            (Some(s), None) => Some(Location {
                file: sources.get(s).shown_path(),
                line: 1,
                column: 1,
                end_line: 1,
                end_column: 1,
                offset: 0,
                length: 0,
                label: "",
                page: None,
                page_line: None,
            }),
            _ => None,
        },
        help: d.help.as_ref().map(|h| h.get(lang)),
        labels: match d.source {
            Some(s) => d
                .secondary
                .iter()
                .map(|l| location(sources, s, l, lang))
                .collect(),
            None => Vec::new(),
        },
        related: d
            .related
            .iter()
            .map(|r| JsonRelated {
                message: r.message.get(lang),
                location: location(sources, r.source, &r.label, lang),
            })
            .collect(),
        subject: d.subject_facts(facts),
    }
}

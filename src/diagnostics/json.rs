//! Machine output (`--format json`): one object with every finding in the stable order and the
//! summary. Its shape is documented in docs/ci.md and docs/schema/check.schema.json, and kept by
//! snapshot tests and a schema test; fields are only ever added.

use serde::Serialize;

use super::facts::FactsOf;
use super::{Diagnostic, Label, Severity, Summary};
use crate::i18n::Lang;
use crate::model::{SourceId, Sources};

/// The document: its findings filled in where the list goes, as they are made.
#[derive(Serialize)]
struct Report {
    version: u32,
    diagnostics: super::batched::ListGoesHere,
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
/// corpus's report is tens of megabytes, never held whole. Findings are made into JSON on every
/// core ([`super::batched`]), so the bytes are those of `serde_json::to_writer_pretty` over the
/// whole document (tested) at any thread count.
pub fn write_json(
    mut out: impl std::io::Write,
    diagnostics: &[Diagnostic],
    summary: Summary,
    sources: &Sources,
    facts: FactsOf<'_>,
    lang: Lang,
) -> Result<(), serde_json::Error> {
    let document = Report {
        version: 1,
        diagnostics: super::batched::ListGoesHere,
        summary,
    };
    super::batched::write_json_with_list(
        &mut out,
        &document,
        ("diagnostics", 1),
        diagnostics,
        |_, d| json_diagnostic(d, sources, facts, lang),
    )?;
    out.write_all(b"\n").map_err(serde_json::Error::io)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::ToolCode;
    use crate::i18n::Msg;
    use crate::model::Span;

    /// The whole document as `serde_json` prints it in one go: what `write_json` must equal.
    fn printed_whole(diagnostics: &[Diagnostic], summary: Summary, sources: &Sources) -> String {
        struct Findings<'a>(&'a [Diagnostic], &'a Sources);
        impl Serialize for Findings<'_> {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_seq(
                    self.0
                        .iter()
                        .map(|d| json_diagnostic(d, self.1, &no_facts, Lang::En)),
                )
            }
        }
        #[derive(Serialize)]
        struct Whole<'a> {
            version: u32,
            diagnostics: Findings<'a>,
            summary: Summary,
        }
        let whole = Whole {
            version: 1,
            diagnostics: Findings(diagnostics, sources),
            summary,
        };
        serde_json::to_string_pretty(&whole).unwrap() + "\n"
    }

    fn no_facts(_: crate::model::ComparisonId) -> super::super::facts::Facts {
        unreachable!("no finding here reports a comparison")
    }

    /// None, one, and more than a batch of findings (with labels, help, related places and
    /// text that JSON escapes), on one core and on several: the bytes of one `serde_json` print.
    #[test]
    fn written_in_batches_equals_printed_whole() {
        let mut sources = Sources::default();
        let text = "到2027年，数控化率超过75%。\n\"引号\" \\ 与\t制表符\n第三行";
        let source = sources.add("plans/a.txt".into(), text);
        let finding = |i: usize| {
            let at = Span::new(0, 7);
            let d = Diagnostic::new(
                ToolCode::EmptyCorpus,
                Msg::new(format!("第{i}条 \"x\"\n"), format!("finding {i} \\ \"x\"")),
            );
            match i % 3 {
                0 => d,
                1 => d.at(source, at, Msg::new("这里", "here")),
                _ => d
                    .at(source, Span::new(16, 3), Msg::new("", ""))
                    .with_help(Msg::new("帮助", "help"))
                    .with_related(source, at, Msg::new("上级", "parent"), Msg::new("a", "b")),
            }
        };
        for count in [0, 1, 2, 1025] {
            let diagnostics: Vec<Diagnostic> = (0..count).map(finding).collect();
            let summary = Summary::of(&diagnostics, 3);
            let whole = printed_whole(&diagnostics, summary, &sources);
            for threads in [1, 3] {
                let mut written = Vec::new();
                let summary = Summary::of(&diagnostics, 3);
                crate::diagnostics::batched::tests::on_threads(threads, || {
                    write_json(
                        &mut written,
                        &diagnostics,
                        summary,
                        &sources,
                        &no_facts,
                        Lang::En,
                    )
                })
                .unwrap();
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    whole,
                    "{count} findings"
                );
            }
        }
    }
}

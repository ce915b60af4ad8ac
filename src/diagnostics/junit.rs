//! JUnit XML (`--format junit`) for Jenkins and the other CI servers that read test reports:
//! one test suite, one test case per file checked, failing with the file's errors (their
//! messages in the failure's text); warnings and notes go to the case's `system-out`.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use super::{Diagnostic, Severity};
use crate::escape::xml;
use crate::i18n::Lang;
use crate::model::Sources;

/// Writes the report for `files` (the display paths of every file checked, so that a clean file
/// is a passing case) and the run's findings to `out`, its cases made on every core a batch at a
/// time ([`super::batched`]); a finding about the whole run is a case of its own.
pub fn write_junit(
    out: &mut impl std::io::Write,
    diagnostics: &[Diagnostic],
    files: &[String],
    sources: &Sources,
    lang: Lang,
) -> std::io::Result<()> {
    let whole_run = match lang {
        Lang::Zh => "（整次运行）",
        Lang::En => "(the run)",
    };
    let mut cases: BTreeMap<String, Vec<&Diagnostic>> =
        files.iter().map(|f| (f.clone(), Vec::new())).collect();
    for d in diagnostics {
        let file = d
            .source
            .map_or_else(|| whole_run.to_string(), |s| sources.get(s).display_path());
        cases.entry(file).or_default().push(d);
    }
    let failures = cases
        .values()
        .filter(|found| found.iter().any(|d| d.severity == Severity::Error))
        .count();
    write!(
        out,
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"planlint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\">\n<testsuite name=\"planlint\" tests=\"{}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">\n",
        cases.len(),
        cases.len()
    )?;
    let cases: Vec<(String, Vec<&Diagnostic>)> = cases.into_iter().collect();
    super::batched::write_texts_in_order(out, &cases, |(file, found)| {
        let mut text = String::new();
        case(&mut text, file, found, sources, lang);
        text
    })?;
    out.write_all(b"</testsuite>\n</testsuites>\n")
}

fn case(out: &mut String, file: &str, found: &[&Diagnostic], sources: &Sources, lang: Lang) {
    let _ = write!(
        out,
        "<testcase classname=\"planlint\" name=\"{}\">",
        xml(file)
    );
    let line = |d: &Diagnostic| {
        let at = d
            .source
            .zip(d.label.as_ref())
            .map_or(String::new(), |(s, l)| {
                let (line, col) = sources.get(s).line_col(l.span.start);
                format!(":{line}:{col}")
            });
        format!(
            "{file}{at}: {}[{}] {}",
            d.severity.en(),
            d.code.as_str(),
            d.message.get(lang)
        )
    };
    let errors: Vec<&&Diagnostic> = found
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .collect();
    if let Some(first) = errors.first() {
        let text: Vec<String> = errors.iter().map(|d| line(d)).collect();
        let _ = write!(
            out,
            "<failure type=\"{}\" message=\"{}\">{}</failure>",
            xml(first.code.as_str()),
            xml(&format!(
                "{} error(s): {}",
                errors.len(),
                first.message.get(lang)
            )),
            xml(&text.join("\n"))
        );
    }
    let others: Vec<String> = found
        .iter()
        .filter(|d| d.severity != Severity::Error)
        .map(|d| line(d))
        .collect();
    if !others.is_empty() {
        let _ = write!(out, "<system-out>{}</system-out>", xml(&others.join("\n")));
    }
    out.push_str("</testcase>\n");
}

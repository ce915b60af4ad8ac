//! Checkstyle XML (`--format checkstyle`), which Jenkins' warnings plugin, reviewdog and many
//! editors read: a `file` element per file with findings, an `error` element per finding with
//! its line, column, severity (`error`, `warning`, `info`), message and code as its source.

use std::collections::BTreeMap;
use std::fmt::Write;

use super::{Diagnostic, Severity};
use crate::escape::xml;
use crate::i18n::Lang;
use crate::model::Sources;

#[must_use]
pub fn to_checkstyle(diagnostics: &[Diagnostic], sources: &Sources, lang: Lang) -> String {
    let mut files: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        let file = d
            .source
            .map_or_else(|| ".".to_string(), |s| sources.get(s).display_path());
        files.entry(file).or_default().push(d);
    }
    let mut out =
        String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n");
    for (file, found) in &files {
        let _ = writeln!(out, "<file name=\"{}\">", xml(file));
        for d in found {
            let (line, column) = d
                .source
                .zip(d.label.as_ref())
                .map_or((1, 1), |(s, l)| sources.get(s).line_col(l.span.start));
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
                Severity::Note => "info",
            };
            let _ = writeln!(
                out,
                "<error line=\"{line}\" column=\"{column}\" severity=\"{severity}\" message=\"{}\" source=\"planlint.{}\"/>",
                xml(d.message.get(lang)),
                xml(d.code.as_str())
            );
        }
        out.push_str("</file>\n");
    }
    out.push_str("</checkstyle>\n");
    out
}

//! Checkstyle XML (`--format checkstyle`), which Jenkins' warnings plugin, reviewdog and many
//! editors read: a `file` element per file with findings, an `error` element per finding with
//! its line, column, severity (`error`, `warning`, `info`), message and code as its source.

use std::collections::BTreeMap;

use super::{Diagnostic, Severity};
use crate::escape::xml;
use crate::i18n::Lang;
use crate::model::Sources;

/// Writes the report to `out`: a file's findings made on every core a batch at a time
/// ([`super::batched`]), file by file.
pub fn write_checkstyle(
    out: &mut impl std::io::Write,
    diagnostics: &[Diagnostic],
    sources: &Sources,
    lang: Lang,
) -> std::io::Result<()> {
    let mut files: BTreeMap<String, Vec<&Diagnostic>> = BTreeMap::new();
    for d in diagnostics {
        let file = d
            .source
            .map_or_else(|| ".".to_string(), |s| sources.get(s).display_path());
        files.entry(file).or_default().push(d);
    }
    out.write_all(b"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n")?;
    for (file, found) in &files {
        writeln!(out, "<file name=\"{}\">", xml(file))?;
        super::batched::write_texts_in_order(out, found, |d| error(d, sources, lang))?;
        out.write_all(b"</file>\n")?;
    }
    out.write_all(b"</checkstyle>\n")
}

/// One finding's `error` element, with its line break.
fn error(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let (line, column) = d
        .source
        .zip(d.label.as_ref())
        .map_or((1, 1), |(s, l)| sources.get(s).line_col(l.span.start));
    let severity = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "info",
    };
    format!(
        "<error line=\"{line}\" column=\"{column}\" severity=\"{severity}\" message=\"{}\" source=\"planlint.{}\"/>\n",
        xml(d.message.get(lang)),
        xml(d.code.as_str())
    )
}

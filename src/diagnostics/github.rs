//! GitHub Actions workflow annotations (`--format github`): one `::error`/`::warning`/`::notice`
//! command per finding, then the summary. GitHub shows only the first 10 annotations of each
//! kind per step, so the summary says when more exist and where to see them all.

use super::terminal::safe_text;
use std::fmt::Write;

use super::{Diagnostic, Severity, Summary};
use crate::i18n::Lang;
use crate::model::Sources;

/// GitHub shows at most this many annotations of one kind per step.
const SHOWN_PER_KIND: usize = 10;

/// Writes the annotations to `out`, made on every core a batch at a time ([`super::batched`]),
/// then the summary.
pub fn write_github(
    out: &mut impl std::io::Write,
    diagnostics: &[Diagnostic],
    summary: Summary,
    sources: &Sources,
    lang: Lang,
) -> std::io::Result<()> {
    super::batched::write_texts_in_order(out, diagnostics, |d| annotation(d, sources, lang))?;
    let mut tail = String::new();
    summary_lines(&mut tail, summary, lang);
    out.write_all(tail.as_bytes())
}

/// One finding's workflow command, with its line break.
fn annotation(d: &Diagnostic, sources: &Sources, lang: Lang) -> String {
    let mut out = String::new();
    let command = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "notice",
    };
    let mut properties = Vec::new();
    if let Some(source) = d.source {
        let file = sources.get(source);
        properties.push(format!(
            "file={}",
            property(&safe_text(&file.display_path()))
        ));
        if let Some(label) = &d.label {
            let (line, col) = file.line_col(label.span.start);
            let (end_line, end_col) = file.line_col(label.span.end());
            properties.push(format!("line={line}"));
            properties.push(format!("endLine={end_line}"));
            if line == end_line {
                properties.push(format!("col={col}"));
                properties.push(format!("endColumn={end_col}"));
            }
        }
    }
    properties.push(format!(
        "title={}",
        property(&format!("planlint {}", d.code))
    ));
    // Plan text inside: control characters, bidi overrides and `##[` made visible first.
    let mut message = safe_text(d.message.get(lang));
    if let Some(help) = &d.help {
        message = format!("{message}\n{}", safe_text(help.get(lang)));
    }
    let _ = writeln!(
        out,
        "::{command} {}::{}",
        properties.join(","),
        data(&message)
    );
    out
}

/// The summary, and a word on the annotations GitHub does not show when there are more.
fn summary_lines(out: &mut String, summary: Summary, lang: Lang) {
    let line = summary.line(lang);
    let _ = writeln!(out, "{line}");
    if summary.errors > SHOWN_PER_KIND
        || summary.warnings > SHOWN_PER_KIND
        || summary.notes > SHOWN_PER_KIND
    {
        let more = match lang {
            Lang::Zh => format!(
                "GitHub 每个步骤每类只显示前 {SHOWN_PER_KIND} 条注释；完整列表请看本日志，或上传 --format sarif 的结果到代码扫描。"
            ),
            Lang::En => format!(
                "GitHub shows only the first {SHOWN_PER_KIND} annotations of each kind per step; see this log for all of them, or upload --format sarif to code scanning."
            ),
        };
        let _ = writeln!(out, "{more}");
    }
}

/// A workflow command's message: `%`, CR and LF escaped.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// A workflow command's property value: also `:` and `,` escaped.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

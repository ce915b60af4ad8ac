//! `planlint explain CODE`: a lint's documentation, from its declaration.

use serde::Serialize;

use super::{ExitStatus, ExplainArgs, ExplainFormat, report_failure, write_stdout};
use crate::diagnostics::Severity;
use crate::i18n::Lang;
use crate::lints::{self, Category, LintMeta};

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
#[error("{0}")]
#[diagnostic(
    code(planlint::cli::unknown_lint),
    help("`planlint explain --all` lists every lint / 列出全部规则")
)]
struct ExplainError(lints::UnknownLint);

#[derive(Serialize)]
struct Explanation {
    code: &'static str,
    category: Category,
    default_level: Severity,
    fix: bool,
    summary: Summary,
    docs: &'static str,
    declared_at: &'static str,
}

#[derive(Serialize)]
struct Summary {
    zh: &'static str,
    en: &'static str,
}

fn explanation(lint: &'static LintMeta) -> Explanation {
    Explanation {
        code: lint.code,
        category: lint.category,
        default_level: lint.default_severity,
        fix: false,
        summary: Summary {
            zh: lint.summary.0,
            en: lint.summary.1,
        },
        docs: lint.docs,
        declared_at: lint.declared_at,
    }
}

pub(super) fn run(args: &ExplainArgs) -> ExitStatus {
    let lints: Vec<&'static LintMeta> = if args.all {
        lints::ALL.to_vec()
    } else {
        let code = args.code.as_deref().unwrap_or_default();
        match lints::lookup(code) {
            Ok(lint) => vec![lint],
            Err(err) => {
                report_failure(&ExplainError(err));
                return ExitStatus::Failure;
            }
        }
    };
    let text = match args.format {
        ExplainFormat::Json => {
            let list: Vec<Explanation> = lints.iter().map(|l| explanation(l)).collect();
            let result = if args.all {
                serde_json::to_string_pretty(&list)
            } else {
                serde_json::to_string_pretty(&list[0])
            };
            match result {
                Ok(json) => json + "\n",
                Err(err) => {
                    eprintln!("planlint: {err}");
                    return ExitStatus::Failure;
                }
            }
        }
        ExplainFormat::Text if args.all => list_all(&lints, args.lang),
        ExplainFormat::Text => document(lints[0], args.lang),
    };
    match write_stdout(&text) {
        Ok(()) => ExitStatus::Clean,
        Err(err) => {
            eprintln!("planlint: {err}");
            ExitStatus::Failure
        }
    }
}

fn list_all(lints: &[&'static LintMeta], lang: Option<Lang>) -> String {
    let width = lints.iter().map(|l| l.code.len()).max().unwrap_or(0);
    let mut text = String::new();
    for lint in lints {
        let summary = match lang {
            Some(Lang::Zh) => lint.summary.0.to_string(),
            Some(Lang::En) => lint.summary.1.to_string(),
            None => format!("{} / {}", lint.summary.1, lint.summary.0),
        };
        text.push_str(&format!(
            "{:width$}  {:11}  {:7}  {summary}\n",
            lint.code,
            lint.category.name(),
            lint.default_severity.en(),
        ));
    }
    text
}

/// The full documentation: header, summary, then the doc sections. With a language, only the
/// sections in that language (headings are English with a Chinese twin).
fn document(lint: &'static LintMeta, lang: Option<Lang>) -> String {
    let mut text = format!(
        "# {} ({}, default: {})\n\n",
        lint.code,
        lint.category.name(),
        lint.default_severity.en()
    );
    match lang {
        Some(Lang::Zh) => text.push_str(lint.summary.0),
        Some(Lang::En) => text.push_str(lint.summary.1),
        None => text.push_str(&format!("{}\n{}", lint.summary.1, lint.summary.0)),
    }
    text.push_str("\n\nFix available / 可自动修复: no / 否\n\n");
    text.push_str(&sections(lint.docs, lang));
    text
}

/// Keeps the sections in `lang`: a heading containing CJK is Chinese, one without is English,
/// one with both (`## Example / 示例`) is shared.
fn sections(docs: &str, lang: Option<Lang>) -> String {
    let docs: String = docs
        .lines()
        .map(|l| l.strip_prefix(' ').unwrap_or(l))
        .collect::<Vec<_>>()
        .join("\n");
    let Some(lang) = lang else {
        return docs + "\n";
    };
    let mut out = String::new();
    let mut keep = true;
    for line in docs.lines() {
        if let Some(heading) = line.strip_prefix("## ") {
            let has_cjk = heading
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c));
            let has_latin = heading.chars().any(|c| c.is_ascii_alphabetic());
            keep = match lang {
                Lang::Zh => has_cjk,
                Lang::En => has_latin,
            };
        }
        if keep {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

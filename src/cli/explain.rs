//! `planlint explain CODE`: the documentation of a lint or of one of planlint's own codes, from
//! its declaration.

use serde::Serialize;

use super::{ExitStatus, ExplainArgs, ExplainFormat, report_failure};
use crate::code::{Category, Code, Severity};
use crate::i18n::Lang;
use crate::lints;

#[derive(Serialize)]
struct Explanation {
    code: &'static str,
    kind: &'static str,
    category: Category,
    default_level: Severity,
    fix: bool,
    nursery: bool,
    aliases: &'static [&'static str],
    summary: Summary,
    docs: &'static str,
    declared_at: &'static str,
}

#[derive(Serialize)]
struct Summary {
    zh: &'static str,
    en: &'static str,
}

fn explanation(code: Code) -> Explanation {
    let doc = code.doc();
    Explanation {
        code: doc.code,
        kind: if code.is_lint() { "lint" } else { "tool" },
        category: doc.category,
        default_level: doc.default_severity,
        fix: doc.fix,
        nursery: doc.nursery,
        aliases: doc.aliases,
        summary: Summary {
            zh: doc.summary.0,
            en: doc.summary.1,
        },
        docs: doc.docs,
        declared_at: doc.declared_at,
    }
}

pub(super) fn run(args: &ExplainArgs) -> ExitStatus {
    let codes: Vec<Code> = if args.all {
        lints::codes()
    } else {
        let code = args.code.as_deref().unwrap_or_default();
        match lints::lookup(code) {
            Ok(code) => vec![code],
            Err(err) => {
                report_failure(
                    &crate::error::Error::from(err),
                    args.lang.unwrap_or_else(Lang::from_env),
                );
                return ExitStatus::Failure;
            }
        }
    };
    let text = match args.format {
        ExplainFormat::Json => {
            let list: Vec<Explanation> = codes.iter().map(|c| explanation(*c)).collect();
            let result = if args.all {
                serde_json::to_string_pretty(&list)
            } else {
                serde_json::to_string_pretty(&list[0])
            };
            result.map(|json| json + "\n").map_err(|e| e.to_string())
        }
        ExplainFormat::Text if args.all => Ok(list_all(&codes, args.lang)),
        ExplainFormat::Text => Ok(document(codes[0], args.lang)),
    };
    super::emit(text, None, false, args.lang.unwrap_or_else(Lang::from_env))
}

/// One line per code: lints first, then planlint's own codes.
fn list_all(codes: &[Code], lang: Option<Lang>) -> String {
    let width = codes.iter().map(|c| c.as_str().len()).max().unwrap_or(0);
    let mut text = String::new();
    let (lints, tools): (Vec<Code>, Vec<Code>) = codes.iter().partition(|c| c.is_lint());
    for code in lints.iter().chain(&tools) {
        let doc = code.doc();
        let summary = match lang {
            Some(Lang::Zh) => doc.summary.0.to_string(),
            Some(Lang::En) => doc.summary.1.to_string(),
            None => format!("{} / {}", doc.summary.1, doc.summary.0),
        };
        let nursery = if doc.nursery { " (nursery)" } else { "" };
        text.push_str(&format!(
            "{:width$}  {:12}  {:7}  {summary}{nursery}\n",
            doc.code,
            doc.category.name(),
            doc.default_severity.en(),
        ));
    }
    text
}

/// The full documentation: header, summary, then the doc sections. With a language, only the
/// sections in that language (headings are English with a Chinese twin).
fn document(code: Code, lang: Option<Lang>) -> String {
    let doc = code.doc();
    let kind = if code.is_lint() {
        ""
    } else {
        "planlint's own code, "
    };
    let mut text = format!(
        "# {} ({kind}{}, default: {})\n\n",
        doc.code,
        doc.category.name(),
        doc.default_severity.en()
    );
    match lang {
        Some(Lang::Zh) => text.push_str(doc.summary.0),
        Some(Lang::En) => text.push_str(doc.summary.1),
        None => text.push_str(&format!("{}\n{}", doc.summary.1, doc.summary.0)),
    }
    let fix = if doc.fix { "yes / 是" } else { "no / 否" };
    text.push_str(&format!("\n\nFix available / 可自动修复: {fix}\n"));
    if doc.nursery {
        text.push_str(
            "Nursery / 试行: off unless enabled by name / 默认关闭，需按名称启用（如 --warn CODE）\n",
        );
    }
    text.push('\n');
    text.push_str(&sections(&doc.markdown(), lang));
    text
}

/// Keeps the sections in `lang`: a heading containing CJK is Chinese, one without is English,
/// one with both (`## Example / 示例`) is shared.
fn sections(docs: &str, lang: Option<Lang>) -> String {
    let Some(lang) = lang else {
        return format!("{docs}\n");
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

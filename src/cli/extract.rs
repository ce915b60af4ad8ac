//! `planlint extract FILE`: read a plan's text and print it in the plan-file format of `plans/`
//! (YAML), as JSON, or the text as read. Sentences skipped for want of confidence are reported
//! on stderr as notes.

use std::path::Path;

use super::{ExitStatus, ExtractArgs, ExtractFormat};
use crate::diagnostics::{Diagnostic, Summary};
use crate::ingest::text::{self, record::PlanRecord};
use crate::model::span::display_path;
use crate::model::{Sources, Span};
use crate::msg;

pub(super) fn run(args: &ExtractArgs) -> ExitStatus {
    let config_args = super::ConfigArgs {
        config: args.config.clone(),
        allow: Vec::new(),
        warn: Vec::new(),
        deny: Vec::new(),
    };
    let lang = match super::context::configuration(&config_args, args.lang) {
        Ok(config) => super::context::language(args.lang, &config),
        Err(status) => return status,
    };
    let mut sources = Sources::default();
    let document = match read(&args.file) {
        Ok(document) => document,
        Err((message, offset, prefix)) => {
            let source = sources.add(args.file.clone(), prefix);
            let d = Diagnostic::new(crate::code::ToolCode::UnreadablePlan, message).at(
                source,
                Span::new(offset, 0),
                msg!("此处", "here"),
            );
            eprint!(
                "{}",
                super::output::human(
                    &[d],
                    Summary::of(&[], 1),
                    &sources,
                    lang,
                    super::Color::Never,
                    false
                )
            );
            return ExitStatus::Failure;
        }
    };
    let rendered = match args.format {
        ExtractFormat::Text => Ok(document.text.to_string()),
        ExtractFormat::Yaml | ExtractFormat::Json => record(args, document, lang),
    };
    // The plan's own file is never the output, even with --force.
    let onto_input = args.out.output.as_deref().is_some_and(|out| {
        let same = |p: &Path| std::fs::canonicalize(p).ok();
        same(out).is_some() && same(out) == same(&args.file)
    });
    if onto_input {
        let path = display_path(&args.file);
        super::report_failure(&crate::error::Error::OntoInput { path }, lang);
        return ExitStatus::Failure;
    }
    super::emit(rendered, args.out.output.as_deref(), args.out.force, lang)
}

/// What is read from `document` in the plan-file format (YAML or JSON); the sentences skipped
/// for want of confidence go to stderr as notes.
fn record(
    args: &ExtractArgs,
    document: text::Document,
    lang: crate::i18n::Lang,
) -> Result<String, String> {
    let mut sources = Sources::default();
    let original = document.text;
    let printed = document.printed.map(std::sync::Arc::new);
    let source = sources.add_printed(args.file.clone(), &*original, printed);
    let extracted = text::extract(&original);
    let notes: Vec<Diagnostic> = extracted
        .skipped
        .iter()
        .map(|s| {
            Diagnostic::new(crate::code::ToolCode::UncertainTarget, s.reason.clone()).at(
                source,
                s.span,
                msg!("未作为目标读取", "not read as a target"),
            )
        })
        .collect();
    if !notes.is_empty() {
        let summary = Summary::of(&notes, 1);
        eprint!(
            "{}",
            super::output::human(&notes, summary, &sources, lang, super::Color::Never, true)
        );
    }
    let record = PlanRecord::new(&extracted, display_path(&args.file));
    if args.format == ExtractFormat::Json {
        serde_json::to_string_pretty(&record)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string())
    } else {
        serde_saphyr::to_string(&record).map_err(|e| e.to_string())
    }
}

/// The text of a plan file, or why not: message, byte offset, and the readable part of the file
/// to show around it.
fn read(path: &Path) -> Result<text::Document, (crate::i18n::Msg, usize, String)> {
    let bytes = crate::source::read_bytes(path).map_err(|e| (e.message, 0, String::new()))?;
    text::read_document(path, &bytes).map_err(|e| {
        let prefix = String::from_utf8_lossy(&bytes[..e.offset.min(bytes.len())]).into_owned();
        let offset = prefix.len();
        (e.message, offset, prefix)
    })
}

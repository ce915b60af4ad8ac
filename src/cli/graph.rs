//! `planlint graph`: the cascade as DOT, Mermaid, GraphML, JSON, SVG or a self-contained HTML
//! page; and `planlint trace`: one indicator down the cascade.

use super::context::RunContext;
use super::{ExitStatus, GraphArgs, GraphFormat, TraceArgs};
use crate::engine::Report;
use crate::export::{self, Cascade, With};
use crate::i18n::Lang;

/// The cascade in a format.
pub(crate) fn render(cascade: &Cascade, format: GraphFormat) -> Result<String, String> {
    match format {
        GraphFormat::Dot => Ok(export::dot::to_dot(cascade)),
        GraphFormat::Mermaid => export::mermaid::to_mermaid(cascade).map_err(|e| e.to_string()),
        GraphFormat::Graphml => Ok(export::graphml::to_graphml(cascade)),
        GraphFormat::Json => export::json::to_json(cascade).map_err(|e| e.to_string()),
        GraphFormat::Svg => Ok(export::svg::to_svg(cascade)),
        GraphFormat::Html => export::html::to_html(cascade).map_err(|e| e.to_string()),
        #[cfg(feature = "sqlite")]
        GraphFormat::Sqlite | GraphFormat::TargetsCsv | GraphFormat::ComparisonsCsv => {
            Err("tables are made from the report".to_string())
        }
    }
}

/// The run's context and report for `paths`, as `check` would read them.
fn checked(
    paths: &[std::path::PathBuf],
    run: &super::RunArgs,
) -> Result<(RunContext, Report), ExitStatus> {
    let context = RunContext::new(run)?;
    let input = super::InputArgs {
        paths: paths.to_vec(),
        corpus: Vec::new(),
        jurisdiction: None,
    };
    let report = context.check(&context.inputs(&input))?;
    Ok((context, report))
}

pub(super) fn run(args: &GraphArgs) -> ExitStatus {
    let (context, report) = match checked(&args.paths, &args.run) {
        Ok(checked) => checked,
        Err(status) => return status,
    };
    let lang = context.lang;
    let with = With {
        targets: args.with.contains(&super::GraphWith::Targets),
        agencies: args.with.contains(&super::GraphWith::Agencies),
    };
    #[cfg(feature = "sqlite")]
    if let Some(table) = match args.format {
        GraphFormat::TargetsCsv => Some(export::sqlite::Table::Targets),
        GraphFormat::ComparisonsCsv => Some(export::sqlite::Table::Comparisons),
        _ => None,
    } {
        let csv = export::sqlite::table_csv(&report, lang, table);
        let status = super::emit_bytes(csv, args.out.output.as_deref(), args.out.force, lang);
        return status_with_unread(status, &report, lang);
    }
    #[cfg(feature = "sqlite")]
    if args.format == GraphFormat::Sqlite {
        return sqlite(args, &report, lang);
    }
    let cascade = export::cascade(&report, with, lang);
    let status = super::emit(
        render(&cascade, args.format),
        args.out.output.as_deref(),
        args.out.force,
        lang,
    );
    status_with_unread(status, &report, lang)
}

/// `graph --format sqlite -o FILE`: a database is written to a file, never to a terminal.
#[cfg(feature = "sqlite")]
fn sqlite(args: &GraphArgs, report: &Report, lang: Lang) -> ExitStatus {
    let Some(out) = args.out.output.as_deref() else {
        super::report_failure(
            &crate::error::Error::Output(
                crate::msg!(
                    "--format sqlite 需要 -o 指明数据库文件",
                    "--format sqlite needs -o FILE for the database"
                )
                .get(lang)
                .to_string(),
            ),
            lang,
        );
        return ExitStatus::Failure;
    };
    let status = super::emit_bytes(
        export::sqlite::to_sqlite(report, lang),
        Some(out),
        args.out.force,
        lang,
    );
    status_with_unread(status, report, lang)
}

/// A picture or trace that leaves out what could not be read (a broken file, a plan with no
/// jurisdiction) says so on stderr and exits 1: an incomplete picture must not pass silently.
pub(super) fn status_with_unread(status: ExitStatus, report: &Report, lang: Lang) -> ExitStatus {
    if status != ExitStatus::Clean {
        return status;
    }
    let unread: Vec<crate::diagnostics::Diagnostic> = report
        .findings
        .iter()
        .filter(|d| {
            d.code.category() == crate::code::Category::Input
                && d.severity == crate::code::Severity::Error
        })
        .cloned()
        .collect();
    if unread.is_empty() {
        return status;
    }
    let summary = crate::diagnostics::Summary::of(&unread, report.corpus.files);
    let text = super::output::human(
        &unread,
        summary,
        &report.corpus.sources,
        lang,
        super::Color::Never,
        false,
    );
    let line = match lang {
        Lang::Zh => "以上文件或方案未能读取或归入辖区，未纳入输出\n",
        Lang::En => "what is above could not be read or placed, and is left out of the output\n",
    };
    eprint!("{text}{line}");
    ExitStatus::Findings
}

pub(super) fn trace(args: &TraceArgs) -> ExitStatus {
    let (context, report) = match checked(&args.paths, &args.run) {
        Ok(checked) => checked,
        Err(status) => return status,
    };
    let lang = context.lang;
    match export::trace::trace(&report, &args.indicator, lang) {
        Ok(text) => status_with_unread(super::emit(Ok(text), None, false, lang), &report, lang),
        Err(err) => {
            context.fail(&err);
            ExitStatus::Failure
        }
    }
}

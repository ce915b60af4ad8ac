//! `planlint compare`: a plan's targets beside those of the plans above it, with a verdict for
//! each indicator and year, as a terminal table, Markdown or CSV.

use clap::ValueEnum;

use super::ExitStatus;
use super::context::RunContext;
use crate::export::compare::{self, Table};
use crate::model::PlanId;
use crate::msg;

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    #[command(flatten)]
    pub input: super::InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    #[command(flatten)]
    pub out: super::OutputArgs,
    #[command(flatten)]
    pub run: super::RunArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CompareFormat {
    /// An aligned table for the terminal.
    Table,
    /// Markdown tables, one per plan.
    Markdown,
    /// CSV for spreadsheets, one row per indicator and year.
    Csv,
    /// JSON: each row's facts, verdict and standing (the `subject` facts of `check --format json`).
    Json,
    /// An offline review report: the plan's place in the cascade, the table, the findings and
    /// the text with each finding marked; one file, no script, no network.
    Html,
    /// A Word document with the tables (needs `-o`).
    Docx,
}

pub(super) fn run(args: &CompareArgs) -> ExitStatus {
    let context = match RunContext::new(&args.run) {
        Ok(context) => context,
        Err(status) => return status,
    };
    let lang = context.lang;
    let report = match context.check(&context.inputs(&args.input)) {
        Ok(report) => report,
        Err(status) => return status,
    };
    // The drafts, or a file inside a corpus; with a whole corpus, every plan.
    let drafts = &report.corpus.drafts;
    let plans: Vec<PlanId> = report
        .corpus
        .plans
        .iter()
        .enumerate()
        .filter(|(_, plan)| report.reports_on(plan.source))
        .map(|(i, _)| PlanId(i))
        .collect();
    // A draft that could not be read is never an empty table that passes: what was not read
    // is said on stderr and the run exits 1; with nothing read, no report or Word table is
    // written (the data formats still give their empty document, for scripts).
    let document = matches!(args.format, CompareFormat::Html | CompareFormat::Docx);
    if plans.is_empty() && !drafts.is_empty() && document {
        return super::graph::status_with_unread(ExitStatus::Clean, &report, lang)
            .max_with(ExitStatus::Findings);
    }
    let tables: Vec<Table> = plans
        .iter()
        .map(|&id| compare::table(&report, id, lang))
        .filter(|table| !table.rows.is_empty())
        .collect();
    if args.format == CompareFormat::Docx {
        let Some(out) = args.out.output.as_deref() else {
            let message = msg!(
                "--format docx 需要 -o 文件名（不向终端输出二进制内容）",
                "--format docx needs -o FILE (binary output is not written to the terminal)"
            );
            eprintln!("{}", message.get(lang));
            return ExitStatus::Failure;
        };
        let bytes = crate::export::docx::tables_document(&tables, lang)
            .map_err(|reason| reason.get(lang).to_string());
        return super::emit_bytes(bytes, Some(out), args.out.force, lang);
    }
    let text = match args.format {
        CompareFormat::Table => Ok(tables
            .iter()
            .map(|t| {
                let width = args
                    .out
                    .output
                    .is_none()
                    .then(super::output::terminal_width)
                    .flatten();
                crate::export::compare_text::to_text(t, lang, width)
            })
            .collect::<Vec<_>>()
            .join("\n")),
        CompareFormat::Markdown => Ok(tables
            .iter()
            .map(|t| compare::to_markdown(t, lang))
            .collect::<Vec<_>>()
            .join("\n")),
        CompareFormat::Csv => compare::to_csv(&tables, lang).map_err(|e| e.to_string()),
        CompareFormat::Json => compare::to_json(&report, &tables, lang).map_err(|e| e.to_string()),
        CompareFormat::Html => Ok(crate::export::report::to_html(&report, &plans, lang)),
        CompareFormat::Docx => unreachable!("written above"),
    };
    let status = super::emit(text, args.out.output.as_deref(), args.out.force, lang);
    super::graph::status_with_unread(status, &report, lang)
}

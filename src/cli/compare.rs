//! `planlint compare`: a plan's targets beside those of the plans above it, with a verdict for
//! each indicator and year, as a terminal table, Markdown or CSV.

use std::path::PathBuf;

use clap::ValueEnum;

use super::{ConfigArgs, ExitStatus};
use crate::engine::Inputs;
use crate::export::compare::{self, Table};
use crate::i18n::Lang;
use crate::model::PlanId;
use crate::msg;

#[derive(Debug, clap::Args)]
pub struct CompareArgs {
    /// The plans to compare (a draft with `--corpus`, or plans inside a corpus).
    pub paths: Vec<PathBuf>,
    /// Compare PATHS as drafts against this corpus (repeatable).
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
    /// The drafts' jurisdiction, when neither their folder nor their issuer says it.
    #[arg(long, value_name = "NAME", requires = "corpus")]
    pub jurisdiction: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = CompareFormat::Table)]
    pub format: CompareFormat,
    /// Write to this file instead of standard output (whole or not at all).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Language of the headings and verdicts (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Read the rule data from this folder instead of the bundled copy.
    #[arg(long, value_name = "DIR")]
    pub lints: Option<PathBuf>,
    /// Extract every text plan again instead of reading the extraction cache.
    #[arg(long)]
    pub no_cache: bool,
    #[command(flatten)]
    pub config: ConfigArgs,
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
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let inputs = Inputs {
        paths: args.paths.clone(),
        corpus: args.corpus.clone(),
        jurisdiction: args.jurisdiction.clone(),
        lints_dir: args.lints.clone(),
        cache: super::cache_wanted(args.no_cache),
        ..Inputs::default()
    };
    let report = match super::graph::checked(&args.config, &inputs, lang) {
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
        .filter(|(_, plan)| drafts.is_empty() || drafts.contains(&plan.source))
        .map(|(i, _)| PlanId(i))
        .collect();
    let tables: Vec<Table> = plans
        .iter()
        .map(|&id| compare::table(&report, id, lang))
        .filter(|table| !table.rows.is_empty())
        .collect();
    if args.format == CompareFormat::Docx {
        let Some(out) = args.output.as_deref() else {
            let message = msg!(
                "--format docx 需要 -o 文件名（不向终端输出二进制内容）",
                "--format docx needs -o FILE (binary output is not written to the terminal)"
            );
            eprintln!("{}", message.get(lang));
            return ExitStatus::Failure;
        };
        let bytes = crate::export::docx::tables_document(&tables, lang)
            .map_err(|reason| reason.get(lang).to_string());
        return super::emit_bytes(bytes, Some(out), args.force, lang);
    }
    let text = match args.format {
        CompareFormat::Table => Ok(tables
            .iter()
            .map(|t| compare::to_text(t, lang))
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
    super::emit(text, args.output.as_deref(), args.force, lang)
}

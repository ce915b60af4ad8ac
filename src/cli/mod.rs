//! The command line: `planlint check`, `planlint explain`. Parsing with clap, then each
//! subcommand in its own file; this file maps outcomes to exit codes.

mod annotate;
pub mod args;
mod changed;
mod check;
pub mod compare;
mod context;
mod explain;
mod extract;
mod graph;
mod output;
mod replay;
pub mod serve;
mod shell;

pub use args::{
    CheckArgs, Color, ConfigArgs, ConfigCommandArgs, ExplainArgs, ExplainFormat, ExtractArgs,
    ExtractFormat, Format, GraphArgs, GraphFormat, GraphWith, InputArgs, MinLevel, OutputArgs,
    RunArgs, TraceArgs,
};

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::i18n::Lang;

/// Lints Chinese policy plans against the plans they cascade from.
#[derive(Debug, Parser)]
#[command(name = "planlint", version, about, long_about = None)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a corpus of plans (default: `plans`) and report findings.
    Check(CheckArgs),
    /// Print the documentation of a lint or code.
    Explain(ExplainArgs),
    /// Read a plan's text (.txt, .md, .docx, .pdf, .ofd) and print it in the plan-file format.
    Extract(ExtractArgs),
    /// Export the cascade of plans as a graph (DOT, Mermaid, GraphML, JSON, SVG, HTML).
    Graph(GraphArgs),
    /// A plan's targets beside its parents' (上位方案目标对照表): table, Markdown or CSV.
    Compare(compare::CompareArgs),
    /// Follow one indicator down the cascade, marking where a child is weaker or later.
    Trace(TraceArgs),
    /// Print the effective configuration (planlint.yaml merged with the command line).
    Config(ConfigCommandArgs),
    /// Serve the review desk: upload a draft in a browser, read its review, browse the corpus;
    /// a JSON API for office systems.
    Serve(serve::ServeArgs),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell).
    Completions(shell::CompletionsArgs),
    /// Print the man page, or write every page into a folder with --out-dir.
    Man(shell::ManArgs),
}

/// How a run ended, as an exit code: 0 clean, 1 error-level findings, 2 usage or I/O failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Clean,
    Findings,
    Failure,
}

impl ExitStatus {
    /// The graver of two outcomes: a failure over findings over clean.
    #[must_use]
    pub fn max_with(self, other: ExitStatus) -> ExitStatus {
        let rank = |s: ExitStatus| match s {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failure => 2,
        };
        if rank(other) > rank(self) {
            other
        } else {
            self
        }
    }
}

impl From<ExitStatus> for ExitCode {
    fn from(status: ExitStatus) -> Self {
        match status {
            ExitStatus::Clean => ExitCode::SUCCESS,
            ExitStatus::Findings => ExitCode::from(1),
            ExitStatus::Failure => ExitCode::from(2),
        }
    }
}

/// Entry point of the binary.
#[must_use]
pub fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = if err.use_stderr() {
                ExitStatus::Failure
            } else {
                ExitStatus::Clean
            };
            let _ = err.print();
            return code.into();
        }
    };
    run(cli).into()
}

/// Runs a parsed command line.
#[must_use]
pub fn run(cli: Cli) -> ExitStatus {
    match cli.command {
        Command::Check(args) => check::run(&args),
        Command::Explain(args) => explain::run(&args),
        Command::Extract(args) => extract::run(&args),
        Command::Graph(args) => graph::run(&args),
        Command::Compare(args) => compare::run(&args),
        Command::Trace(args) => graph::trace(&args),
        Command::Config(args) => check::print_config(&args),
        Command::Serve(args) => serve::run(&args),
        Command::Completions(args) => shell::completions(&args),
        Command::Man(args) => shell::man(&args),
    }
}

/// Writes to stdout, treating a closed pipe (`planlint check | head`) as success.
fn write_stdout(text: impl AsRef<[u8]>) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    done_if_closed(out.write_all(text.as_ref()).and_then(|()| out.flush()))
}

/// A write to standard output whose reader stopped reading (a closed pipe) is done: the command
/// ends quietly, as `cat` does.
fn done_if_closed(written: std::io::Result<()>) -> std::io::Result<()> {
    match written {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        other => other,
    }
}

/// Writes a command's output to stdout, or whole to `output` (replacing an existing file only
/// with `force`); a failure to render or write is reported as an [`Error`] in `lang`.
fn emit(
    text: Result<String, String>,
    output: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
) -> ExitStatus {
    emit_bytes(text.map(String::into_bytes), output, force, lang)
}

/// Writes `bytes` to `output`, else to standard output.
fn emit_bytes(
    bytes: Result<Vec<u8>, String>,
    output: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
) -> ExitStatus {
    let written = bytes.map_err(Error::Output).and_then(|bytes| match output {
        Some(path) => {
            output::write_new_file(path, &bytes, force).map_err(|e| Error::write(path, e))
        }
        None => write_stdout(&bytes).map_err(|e| Error::Output(e.to_string())),
    });
    match written {
        Ok(()) => ExitStatus::Clean,
        Err(err) => {
            report_failure(&err, lang);
            ExitStatus::Failure
        }
    }
}

/// Reports a failure that is not a finding (usage, I/O) on stderr, in `lang`.
fn report_failure(error: &Error, lang: Lang) {
    let handler =
        miette::GraphicalReportHandler::new_themed(miette::GraphicalTheme::unicode_nocolor());
    let localized = error.in_lang(lang);
    let mut text = String::new();
    if handler.render_report(&mut text, &localized).is_err() {
        text = localized.to_string();
    }
    eprint!("{text}");
}

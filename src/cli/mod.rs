//! The command line: `planlint check`, `planlint explain`. Parsing with clap, then each
//! subcommand in its own file; this file maps outcomes to exit codes.

mod annotate;
mod check;
pub mod compare;
mod explain;
mod extract;
mod graph;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

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
    /// Read a plan's text (.txt, .md, .docx) and print it in the plan-file format.
    Extract(ExtractArgs),
    /// Export the cascade of plans as a graph (DOT, Mermaid, GraphML, JSON, SVG, HTML).
    Graph(GraphArgs),
    /// A plan's targets beside its parents' (上位方案目标对照表): table, Markdown or CSV.
    Compare(compare::CompareArgs),
    /// Follow one indicator down the cascade, marking where a child is weaker or later.
    Trace(TraceArgs),
    /// Print the effective configuration (planlint.yaml merged with the command line).
    Config(ConfigCommandArgs),
}

#[derive(Debug, clap::Args)]
pub struct GraphArgs {
    /// Files or folders to read (default: `include:` of planlint.yaml, else plans).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = GraphFormat::Dot)]
    pub format: GraphFormat,
    /// Add target and/or agency nodes (comma-separated).
    #[arg(long, value_enum, value_delimiter = ',')]
    pub with: Vec<GraphWith>,
    /// Write to this file instead of standard output; the file is written whole or not at all.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Read the rule data from this folder instead of the bundled copy.
    #[arg(long, value_name = "DIR")]
    pub lints: Option<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphFormat {
    /// Graphviz DOT (render with `dot -Tsvg` or `-Tpng`).
    Dot,
    /// A Mermaid flowchart (within Mermaid's default size limits).
    Mermaid,
    /// GraphML for Gephi, yEd, Cytoscape.
    Graphml,
    /// Node-link JSON.
    Json,
    /// A standalone SVG picture.
    Svg,
    /// One self-contained HTML page that works offline.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum GraphWith {
    Targets,
    Agencies,
}

#[derive(Debug, clap::Args)]
pub struct TraceArgs {
    /// The indicator: its id in lints/indicators.yaml, or a Chinese wording (数控化率).
    pub indicator: String,
    /// Files or folders to read (default: `include:` of planlint.yaml, else plans).
    pub paths: Vec<PathBuf>,
    /// Language of the marks (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Read the rule data from this folder instead of the bundled copy.
    #[arg(long, value_name = "DIR")]
    pub lints: Option<PathBuf>,
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The plan to read: a .txt, .md or .docx file (UTF-8, UTF-16 or GB18030 text).
    pub file: PathBuf,
    /// Output format: the YAML of `plans/`, or JSON (see README, "Extraction output").
    #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
    pub format: ExtractFormat,
    /// Write to this file instead of standard output; the file is written whole or not at all.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
    /// Language of messages (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Yaml,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct CheckArgs {
    /// Files or folders to check; folders are read recursively (default: `include:` of
    /// planlint.yaml, else plans).
    pub paths: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    /// Language of messages (default: from LC_ALL / LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Report only these codes (comma-separated; problems reading a file are always reported).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not report these codes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// Read the rule data (indicators.yaml, agency-abbreviations.yaml) from this folder
    /// instead of the bundled copy.
    #[arg(long, value_name = "DIR")]
    pub lints: Option<PathBuf>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Check PATHS as drafts against this corpus (repeatable): the drafts' parents are found in
    /// it, and only the drafts' findings are reported.
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
    /// The jurisdiction of the drafts (e.g. 安丘市), when neither their folder nor their issuer
    /// says it.
    #[arg(long, value_name = "NAME", requires = "corpus")]
    pub jurisdiction: Option<String>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Leave out the findings listed in this baseline file (default: `baseline:` of
    /// planlint.yaml, when the file exists).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Write the findings to a baseline file (default: `baseline:` of planlint.yaml, else
    /// planlint-baseline.json) instead of reporting them, and exit 0.
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<Option<PathBuf>>,
    /// Apply mechanical fixes (document numbers, cited titles; agency abbreviations with
    /// `fix-aliases: true`), then report what remains.
    #[arg(long)]
    pub fix: bool,
    /// Print the fixes as a unified diff instead of writing them; exits 1 when there are any.
    #[arg(long, conflicts_with = "fix")]
    pub diff: bool,
    /// Show errors only (the summary still counts every finding).
    #[arg(short, long, conflicts_with = "min_level")]
    pub quiet: bool,
    /// Show findings of this level and above (the summary still counts every finding).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_level: Option<MinLevel>,
    /// Also write a copy of the draft (.docx, .txt or .md) with a Word comment at each finding
    /// shown and the comparison table with the plans above as an appendix.
    #[arg(long, value_name = "OUT.docx", conflicts_with_all = ["fix", "diff", "write_baseline"])]
    pub annotate: Option<PathBuf>,
    /// Replace OUT.docx if it exists.
    #[arg(long, requires = "annotate")]
    pub force: bool,
    /// Extract every text plan again instead of reading the extraction cache (see README,
    /// "Speed and the cache").
    #[arg(long)]
    pub no_cache: bool,
}

/// The least serious findings shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum MinLevel {
    Error,
    Warning,
    Note,
}

impl MinLevel {
    /// Whether a finding of `severity` is shown.
    #[must_use]
    pub fn shows(self, severity: crate::code::Severity) -> bool {
        use crate::code::Severity;
        match self {
            MinLevel::Error => severity == Severity::Error,
            MinLevel::Warning => severity != Severity::Note,
            MinLevel::Note => true,
        }
    }
}

/// Where the configuration comes from, and the command line's changes to it.
#[derive(Debug, Clone, clap::Args)]
pub struct ConfigArgs {
    /// Read this configuration file instead of the planlint.yaml found from the current folder
    /// upward.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
    /// Do not report these lints or groups (comma-separated).
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub allow: Vec<String>,
    /// Report these lints or groups as warnings.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub warn: Vec<String>,
    /// Report these lints or groups as errors; `--deny warnings` makes every warning an error.
    #[arg(long, value_delimiter = ',', value_name = "CODES")]
    pub deny: Vec<String>,
}

#[derive(Debug, clap::Args)]
pub struct ConfigCommandArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExplainArgs {
    /// The code, e.g. `weaker-target` or `invalid-yaml`.
    #[arg(required_unless_present = "all")]
    pub code: Option<String>,
    /// List every code.
    #[arg(long, conflicts_with = "code")]
    pub all: bool,
    /// Print one language only (default: both).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ExplainFormat::Text)]
    pub format: ExplainFormat,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// miette diagnostics with the source lines they point at.
    Human,
    /// One JSON document (see README, "JSON output").
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow annotations, then the summary.
    Github,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExplainFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Color {
    Auto,
    Always,
    Never,
}

/// How a run ended, as an exit code: 0 clean, 1 error-level findings, 2 usage or I/O failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    Clean,
    Findings,
    Failure,
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
        Command::Config(args) => check::print_config(&args.config),
    }
}

/// Writes to stdout, treating a closed pipe (`planlint check | head`) as success.
fn write_stdout(text: impl AsRef<[u8]>) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_ref()).and_then(|()| out.flush()) {
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

/// Whether to use the extraction cache: not with `--no-cache`, nor with `PLANLINT_NO_CACHE`
/// set.
fn cache_wanted(no_cache: bool) -> bool {
    !no_cache && std::env::var_os("PLANLINT_NO_CACHE").is_none()
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

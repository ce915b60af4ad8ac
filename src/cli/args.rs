//! The command line's arguments. What several commands share is declared once, as a group
//! flattened into each (`#[command(flatten)]`): the run's language, configuration, rule data
//! and cache ([`RunArgs`]), the plans to read with their corpus ([`InputArgs`]), and where
//! output goes ([`OutputArgs`]).

use std::path::PathBuf;

use clap::ValueEnum;

use crate::i18n::Lang;

/// What every command that reads a corpus shares; [`super::context::RunContext`] is built from
/// it once.
#[derive(Debug, Clone, clap::Args)]
pub struct RunArgs {
    /// Language of messages and tables (default: `lang:` of planlint.yaml, else from LC_ALL /
    /// LC_MESSAGES / LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Read the rule data (indicators.yaml, agency-abbreviations.yaml) from this folder instead
    /// of the bundled copy.
    #[arg(long, value_name = "DIR")]
    pub lints: Option<PathBuf>,
    /// Extract every text plan again instead of reading the extraction cache (see
    /// docs/speed.md).
    #[arg(long)]
    pub no_cache: bool,
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

/// The plans to read: a corpus, or drafts checked against one.
#[derive(Debug, Clone, clap::Args)]
pub struct InputArgs {
    /// Files or folders to read; folders are read recursively (default: `include:` of
    /// planlint.yaml, else plans).
    pub paths: Vec<PathBuf>,
    /// Read PATHS as drafts against this corpus (repeatable): the drafts' parents are found in
    /// it, and only the drafts are reported.
    #[arg(long, value_name = "DIR")]
    pub corpus: Vec<PathBuf>,
    /// The drafts' jurisdiction (e.g. 安丘市, 山东省/潍坊市/安丘市 or 370784), when neither their
    /// folder nor their text says it.
    #[arg(long, value_name = "NAME", requires = "corpus")]
    pub jurisdiction: Option<String>,
}

/// Where a command's output goes.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Write to this file instead of standard output; the file is written whole or not at all.
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
    /// Replace OUT if it exists.
    #[arg(long, requires = "output")]
    pub force: bool,
}

#[derive(Debug, Clone, clap::Args)]
pub struct CheckArgs {
    #[command(flatten)]
    pub input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    pub format: Format,
    #[command(flatten)]
    pub run: RunArgs,
    /// Report only these codes (comma-separated; problems reading a file are always reported).
    #[arg(long, value_delimiter = ',')]
    pub select: Vec<String>,
    /// Do not report these codes (comma-separated).
    #[arg(long, value_delimiter = ',')]
    pub ignore: Vec<String>,
    /// When to colour human output.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub color: Color,
    /// Leave out the findings listed in this baseline file (default: `baseline:` of
    /// planlint.yaml, when the file exists).
    #[arg(long, value_name = "FILE", conflicts_with = "write_baseline")]
    pub baseline: Option<PathBuf>,
    /// Report every finding, the baseline's too (`--baseline /dev/null` does the same).
    #[arg(long, conflicts_with_all = ["baseline", "write_baseline"])]
    pub no_baseline: bool,
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
    /// Report only the plans a change since this git reference touches: the changed plans,
    /// the plans below them and those citing them, and the plans of a changed jurisdiction file.
    #[arg(long, value_name = "REF")]
    pub changed_since: Option<String>,
    /// Let --fix and --diff touch the corpus's plans too (issued texts and parent plans), not
    /// only the drafts checked against it with --corpus.
    #[arg(long)]
    pub fix_corpus: bool,
    /// Show errors only (the summary still counts every finding).
    #[arg(short, long, conflicts_with = "min_level")]
    pub quiet: bool,
    /// Show findings of this level and above (the summary still counts every finding).
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub min_level: Option<MinLevel>,
    /// Also write a reviewer's copy of the draft: OUT.docx (from any draft) with a Word comment
    /// at each finding shown and the comparison table with the plans above as an appendix, or
    /// OUT.pdf (from a PDF draft) with a highlight and its note on each finding's characters.
    #[arg(long, value_name = "OUT.docx|OUT.pdf", conflicts_with_all = ["fix", "diff", "write_baseline"])]
    pub annotate: Option<PathBuf>,
    /// The least level put as a comment in the Word copy: errors and warnings by default, notes
    /// staying in the terminal.
    #[arg(
        long,
        value_enum,
        value_name = "LEVEL",
        requires = "annotate",
        default_value = "warning"
    )]
    pub annotate_level: MinLevel,
    /// Replace the reviewer's copy if it exists.
    #[arg(long, requires = "annotate")]
    pub force: bool,
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
    #[command(flatten)]
    pub out: OutputArgs,
    #[command(flatten)]
    pub run: RunArgs,
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
    /// A SQLite database of the knowledge graph (jurisdictions, plans, targets, citations,
    /// agencies, comparisons, findings) for SQL; needs -o (docs/graph.md).
    #[cfg(feature = "sqlite")]
    Sqlite,
    /// The targets table as CSV for spreadsheets (UTF-8 with a byte-order mark).
    #[cfg(feature = "sqlite")]
    TargetsCsv,
    /// The comparisons table (every 对照表 row with its verdict) as CSV for spreadsheets.
    #[cfg(feature = "sqlite")]
    ComparisonsCsv,
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
    #[command(flatten)]
    pub run: RunArgs,
}

#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The plan to read: a .txt or .md (UTF-8, UTF-16 or GB18030), .docx, .pdf or .ofd file.
    pub file: PathBuf,
    /// Output format: the YAML of `plans/`, JSON (see docs/extraction.md), or the text read.
    #[arg(long, value_enum, default_value_t = ExtractFormat::Yaml)]
    pub format: ExtractFormat,
    #[command(flatten)]
    pub out: OutputArgs,
    /// Language of messages (default: `lang:` of planlint.yaml, else from LC_ALL / LC_MESSAGES /
    /// LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
    /// Read this configuration file (for its `lang:`) instead of the planlint.yaml found from
    /// the current folder upward.
    #[arg(long, value_name = "FILE")]
    pub config: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExtractFormat {
    Yaml,
    Json,
    /// The text as planlint reads it: a .docx's paragraphs, a PDF's or an OFD's printed lines
    /// in reading order without running heads and feet.
    Text,
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

#[derive(Debug, clap::Args)]
pub struct ConfigCommandArgs {
    #[command(flatten)]
    pub config: ConfigArgs,
    /// Language of messages (default: `lang:` of planlint.yaml, else from LC_ALL / LC_MESSAGES /
    /// LANG).
    #[arg(long, value_enum)]
    pub lang: Option<Lang>,
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
    /// One JSON document (docs/schema/check.schema.json).
    Json,
    /// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
    Sarif,
    /// GitHub Actions workflow annotations, then the summary.
    Github,
    /// GitLab Code Quality JSON, for the merge-request widget (docs/schema/gitlab-code-quality.schema.json).
    Gitlab,
    /// JUnit XML, for Jenkins and other CI servers: a test case per file, failing on its errors.
    Junit,
    /// Checkstyle XML, for Jenkins' warnings plugin, reviewdog and editors.
    Checkstyle,
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

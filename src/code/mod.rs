//! What a finding is: its [`Code`], either a lint's or one of planlint's own ([`ToolCode`]: a
//! file that cannot be read, a broken configuration, an unjustified suppression), each with its
//! category, default severity and documentation. Every place that takes a code from a user
//! (`explain`, `--select`, `--allow`, `planlint.yaml`, `allow:` entries) and every output that
//! lists codes (SARIF rules) goes through one table, `lints::codes()`.

mod tool;
mod tool_docs;

use std::fmt;

use serde::{Deserialize, Serialize};

pub use tool::ToolCode;

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Error,
    Warning,
    Note,
}

impl Severity {
    #[must_use]
    pub fn zh(self) -> &'static str {
        match self {
            Severity::Error => "错误",
            Severity::Warning => "警告",
            Severity::Note => "提示",
        }
    }

    #[must_use]
    pub fn en(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Note => "note",
        }
    }
}

/// Groups of codes, for documentation, selection and `groups:` in planlint.yaml.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Category {
    /// A plan contradicts the plans above it or itself.
    Correctness,
    /// Citations and document numbers.
    Citations,
    /// Lead and responsible agencies.
    Agencies,
    /// The indicator catalogue.
    Catalogue,
    /// A file, or the configuration, that cannot be read as it should.
    Input,
    /// What reading a plan's text left out or could not apply.
    Extraction,
    /// `allow:` entries in plans.
    Suppressions,
}

impl Category {
    /// Every category, in the order documentation lists them.
    pub const ALL: [Category; 7] = [
        Category::Correctness,
        Category::Citations,
        Category::Agencies,
        Category::Catalogue,
        Category::Input,
        Category::Extraction,
        Category::Suppressions,
    ];

    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Citations => "citations",
            Category::Agencies => "agencies",
            Category::Catalogue => "catalogue",
            Category::Input => "input",
            Category::Extraction => "extraction",
            Category::Suppressions => "suppressions",
        }
    }

    /// A category by its name in planlint.yaml or on the command line.
    #[must_use]
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.name() == name)
    }
}

/// Everything said about one code, declared next to what reports it.
#[derive(Debug)]
pub struct CodeDoc {
    /// kebab-case, names the problem: `weaker-target`.
    pub code: &'static str,
    pub category: Category,
    pub default_severity: Severity,
    /// One line, (Chinese, English).
    pub summary: (&'static str, &'static str),
    /// The documentation: What it does / 检查内容, Why is this bad? / 为什么有问题, Example /
    /// 示例, How to fix / 修改方法, in Markdown.
    pub docs: &'static str,
    /// The file that declares it.
    pub declared_at: &'static str,
    /// `check --fix` can repair some of its findings.
    pub fix: bool,
    /// Former codes that still select it (a renamed lint keeps its users' configuration).
    pub aliases: &'static [&'static str],
    /// New and still settling: off unless enabled by name (raising its group leaves it off).
    pub nursery: bool,
}

impl CodeDoc {
    /// The documentation as Markdown, without the space doc comments leave at each line's start.
    #[must_use]
    pub fn markdown(&self) -> String {
        self.docs
            .lines()
            .map(|l| l.strip_prefix(' ').unwrap_or(l))
            .collect::<Vec<_>>()
            .join("\n")
            .trim()
            .to_string()
    }
}

/// The code of a finding: a lint's, or planlint's own.
#[derive(Debug, Clone, Copy)]
pub enum Code {
    Lint(&'static CodeDoc),
    Tool(ToolCode),
}

impl Code {
    #[must_use]
    pub fn doc(self) -> &'static CodeDoc {
        match self {
            Code::Lint(doc) => doc,
            Code::Tool(tool) => tool.doc(),
        }
    }

    /// `weaker-target`, `invalid-yaml`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        self.doc().code
    }

    #[must_use]
    pub fn category(self) -> Category {
        self.doc().category
    }

    #[must_use]
    pub fn default_severity(self) -> Severity {
        self.doc().default_severity
    }

    #[must_use]
    pub fn is_lint(self) -> bool {
        matches!(self, Code::Lint(_))
    }
}

impl From<ToolCode> for Code {
    fn from(tool: ToolCode) -> Self {
        Code::Tool(tool)
    }
}

impl PartialEq for Code {
    fn eq(&self, other: &Self) -> bool {
        self.as_str() == other.as_str()
    }
}

impl Eq for Code {}

impl PartialOrd for Code {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Code {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl std::hash::Hash for Code {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.as_str().hash(state);
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// A code given by a user that names nothing planlint reports.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown code `{code}`{}", did_you_mean.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
pub struct UnknownCode {
    pub code: String,
    pub did_you_mean: Option<&'static str>,
}

impl UnknownCode {
    /// The nearest known code, by edit distance or containment. A code whose length is more
    /// than 3 from a known one's is at least that far from it: the distance is not computed,
    /// so a huge unknown code costs the time to read it, not its length times every code's.
    #[must_use]
    pub fn new(code: &str, known: impl Iterator<Item = Code>) -> Self {
        let chars = code.chars().count();
        let contained = |known: &str| code.len() > 3 && known.contains(code);
        let did_you_mean = known
            .map(Code::as_str)
            .filter(|known| known.chars().count().abs_diff(chars) <= 3 || contained(known))
            .map(|known| (strsim::levenshtein(code, known), known))
            .filter(|(distance, known)| *distance <= 3 || contained(known))
            .min()
            .map(|(_, c)| c);
        Self {
            code: code.to_string(),
            did_you_mean,
        }
    }
}

//! The lints (code; the rule *data* lives in the top-level `lints/` folder). Each rule is one
//! file under `rules/` declaring its code, category, default severity and documentation with
//! [`declare_lint!`](crate::declare_lint), plus a `check` function that returns findings as data.
//! `rules/mod.rs` is the registry.

mod context;
pub mod rules;
pub mod suppressions;

use serde::Serialize;

pub use context::LintContext;
pub use rules::ALL;

use crate::diagnostics::{Diagnostic, Severity};
use crate::graph::KnowledgeGraph;
use crate::ingest::Corpus;

/// Groups of lints, for documentation and selection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
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
}

impl Category {
    #[must_use]
    pub fn name(self) -> &'static str {
        match self {
            Category::Correctness => "correctness",
            Category::Citations => "citations",
            Category::Agencies => "agencies",
            Category::Catalogue => "catalogue",
        }
    }
}

/// Everything known about one lint, declared next to its code.
#[derive(Debug)]
pub struct LintMeta {
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
    pub check: fn(&LintContext<'_>, &mut Vec<Diagnostic>),
}

impl LintMeta {
    /// A finding of this lint at its default severity.
    #[must_use]
    pub fn diagnostic(&'static self, message: crate::i18n::Msg) -> Diagnostic {
        Diagnostic::new(self.code, self.default_severity, message)
    }
}

/// Declares a lint: its doc comment is its documentation (`planlint explain CODE` prints it).
#[macro_export]
macro_rules! declare_lint {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            code: $code:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: ($zh:literal, $en:literal),
            check: $check:path $(,)?
        }
    ) => {
        $vis static $name: $crate::lints::LintMeta = $crate::lints::LintMeta {
            code: $code,
            category: $crate::lints::Category::$category,
            default_severity: $crate::diagnostics::Severity::$severity,
            summary: ($zh, $en),
            docs: concat!($($doc, "\n"),*),
            declared_at: file!(),
            check: $check,
        };
    };
}

/// A code given by a user that names no lint.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown lint `{code}`{}", did_you_mean.map(|s| format!("; did you mean `{s}`?")).unwrap_or_default())]
pub struct UnknownLint {
    pub code: String,
    pub did_you_mean: Option<&'static str>,
}

/// Parses a lint code given by a user, once, at the edge.
pub fn lookup(code: &str) -> Result<&'static LintMeta, UnknownLint> {
    ALL.iter()
        .copied()
        .find(|l| l.code == code)
        .ok_or_else(|| UnknownLint {
            code: code.to_string(),
            did_you_mean: ALL
                .iter()
                .map(|l| (strsim::levenshtein(code, l.code), l.code))
                .filter(|(distance, known)| {
                    *distance <= 3 || (code.len() > 3 && known.contains(code))
                })
                .min()
                .map(|(_, c)| c),
        })
}

/// Runs the lints in `selected` (all when `None`) over the corpus, with default thresholds.
#[must_use]
pub fn run(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    selected: Option<&[&'static LintMeta]>,
) -> Vec<Diagnostic> {
    run_with(
        corpus,
        graph,
        selected,
        crate::config::Thresholds::default(),
    )
}

/// Runs the lints in `selected` (all when `None`) with the thresholds of a configuration.
#[must_use]
pub fn run_with(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    selected: Option<&[&'static LintMeta]>,
    thresholds: crate::config::Thresholds,
) -> Vec<Diagnostic> {
    let context = LintContext::new(corpus, graph, thresholds);
    let mut diagnostics = Vec::new();
    for lint in ALL {
        if selected.is_some_and(|s| !s.iter().any(|l| std::ptr::eq(*l, *lint))) {
            continue;
        }
        (lint.check)(&context, &mut diagnostics);
    }
    diagnostics
}

//! The lints (code; the rule *data* lives in the top-level `lints/` folder). Each rule is one
//! file under `rules/` declaring its code, category, default severity and documentation with
//! [`declare_lint!`](crate::declare_lint), plus a `check` function that returns findings as data.
//! `rules/mod.rs` is the registry: one `register_lints!` line per lint.

mod context;
pub mod rules;
pub mod suppressions;

pub use context::LintContext;
pub use rules::ALL;

pub use crate::code::Category;
use crate::code::{Code, CodeDoc, ToolCode, UnknownCode};
use crate::diagnostics::Diagnostic;

/// A lint: its documentation and its check.
#[derive(Debug)]
pub struct LintMeta {
    pub doc: CodeDoc,
    pub check: fn(&LintContext<'_>, &mut Vec<Diagnostic>),
}

impl LintMeta {
    /// The lint's code.
    #[must_use]
    pub fn code(&'static self) -> Code {
        Code::Lint(&self.doc)
    }

    /// A finding of this lint at its default severity.
    #[must_use]
    pub fn diagnostic(&'static self, message: crate::i18n::Msg) -> Diagnostic {
        Diagnostic::new(self.code(), message)
    }
}

/// Declares a lint: its doc comment is its documentation (`planlint explain CODE` prints it).
/// `fix: true` says `check --fix` can repair it; `aliases` keeps former codes working;
/// `nursery: true` keeps a new lint off until it is enabled by name.
#[macro_export]
macro_rules! declare_lint {
    (
        $(#[doc = $doc:literal])*
        $vis:vis static $name:ident = {
            code: $code:literal,
            category: $category:ident,
            severity: $severity:ident,
            summary: ($zh:literal, $en:literal),
            $(fix: $fix:literal,)?
            $(aliases: [$($alias:literal),* $(,)?],)?
            $(nursery: $nursery:literal,)?
            check: $check:path $(,)?
        }
    ) => {
        $vis static $name: $crate::lints::LintMeta = $crate::lints::LintMeta {
            doc: $crate::code::CodeDoc {
                code: $code,
                category: $crate::code::Category::$category,
                default_severity: $crate::code::Severity::$severity,
                summary: ($zh, $en),
                docs: concat!($($doc, "\n"),*),
                declared_at: file!(),
                fix: false $(|| $fix)?,
                aliases: &[$($($alias),*)?],
                nursery: false $(|| $nursery)?,
            },
            check: $check,
        };
    };
}

/// Registers the lints: `register_lints! { module::STATIC, … }` declares each module and lists
/// each lint in [`ALL`].
#[macro_export]
macro_rules! register_lints {
    ($($module:ident :: $lint:ident),* $(,)?) => {
        $(pub(crate) mod $module;)*

        /// Every lint planlint has, in the order of their codes.
        pub static ALL: &[&$crate::lints::LintMeta] = &[$(&$module::$lint),*];
    };
}

/// Every code planlint can report, lints and its own, in the order of their codes.
#[must_use]
pub fn codes() -> Vec<Code> {
    let mut all: Vec<Code> = ALL
        .iter()
        .map(|l| l.code())
        .chain(ToolCode::ALL.into_iter().map(Code::Tool))
        .collect();
    all.sort();
    all
}

/// Parses a code given by a user, once, at the edge: a lint's or a tool code, or a lint's
/// former name.
pub fn lookup(code: &str) -> Result<Code, UnknownCode> {
    known(code).ok_or_else(|| UnknownCode::new(code, codes().into_iter()))
}

/// The code a user's name stands for, if any, with no suggestion for a name that is unknown.
#[must_use]
pub fn known(code: &str) -> Option<Code> {
    codes()
        .into_iter()
        .find(|c| c.as_str() == code || c.doc().aliases.contains(&code))
}

/// The lint behind a code, if it is a lint's.
#[must_use]
pub fn lint(code: Code) -> Option<&'static LintMeta> {
    ALL.iter().copied().find(|l| l.doc.code == code.as_str())
}

/// The lint that reports a verdict, when the verdict is a finding at all.
#[must_use]
pub fn reporting(row: &crate::comparison::Comparison) -> Option<&'static LintMeta> {
    use crate::comparison::Verdict;
    use rules::{looser_bound, omitted_target, qualitative_target, weaker_target};
    // A plan issued before its parent could not take it up: the row is for information.
    if row.predates_parent {
        return None;
    }
    match row.verdict {
        Verdict::Weaker => Some(&weaker_target::WEAKER_TARGET),
        Verdict::LooserBound => Some(&looser_bound::LOOSER_BOUND),
        Verdict::Omitted => Some(&omitted_target::OMITTED_TARGET),
        Verdict::QualitativeOnly => Some(&qualitative_target::QUALITATIVE_TARGET),
        _ => None,
    }
}

/// Numbers the lints read, tuned in planlint.yaml.
pub use crate::comparison::Thresholds;

/// Runs the lints in `selected` over the corpus, adding their findings to `out`.
pub fn run(
    corpus: &crate::ingest::Corpus,
    graph: &crate::graph::KnowledgeGraph,
    comparisons: &crate::comparison::Comparisons,
    selected: &[&'static LintMeta],
    reported: Option<Vec<bool>>,
    out: &mut Vec<Diagnostic>,
) {
    use rayon::prelude::*;
    let context = LintContext::new(corpus, graph, comparisons, reported);
    // Each lint on a core of its own; their findings are put back in the registry's order, so
    // the output is the same at any thread count.
    let found: Vec<Vec<Diagnostic>> = selected
        .par_iter()
        .map(|lint| {
            let mut diagnostics = Vec::new();
            (lint.check)(&context, &mut diagnostics);
            // A list grown by doubling holds up to twice what it found; all of them are held
            // at once below, beside the run's list they move into.
            diagnostics.shrink_to_fit();
            diagnostics
        })
        .collect();
    // Moved, not cloned (`concat` would clone every finding), into `out` at once: a national
    // corpus's findings are tens of megabytes, and each copy of them is held beside the last.
    out.reserve(found.iter().map(Vec::len).sum());
    for mut of_one in found {
        out.append(&mut of_one);
    }
}

//! A finding's mechanical fix, as data: the edits and whether plain `--fix` may apply them.
//! `crate::fix` applies them to files.

use crate::model::{SourceId, Span};

/// One replacement.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edit {
    pub source: SourceId,
    pub span: Span,
    pub replacement: String,
}

/// Whether a fix is applied by plain `--fix`, or only when the repository opts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applicability {
    /// Restores what the text plainly means (a document number's form, a cited title).
    Safe,
    /// Changes wording a plan's authors may have chosen (an abbreviation to the official
    /// name): applied only with `fix-aliases: true` in planlint.yaml.
    OptIn,
}

/// The edits that fix one finding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fix {
    pub edits: Vec<Edit>,
    pub applicability: Applicability,
}

//! Findings as data: what a lint or the ingester reports, in both languages, with the spans it
//! underlines. Renderers (`render` for people, `json` for machines) turn them into text; rules
//! never render.

pub mod baseline;
pub mod batched;
pub mod checkstyle;
mod columns;
pub mod facts;
pub mod fix;
pub mod github;
pub mod gitlab;
mod identity;
pub mod json;
pub mod junit;
mod order;
pub mod render;
pub mod sarif;
mod snippet;
pub mod terminal;

use serde::Serialize;

mod subject;

pub use identity::{Fingerprint, fingerprint, stamp_fingerprints};
pub use order::{reading_order, sort};
pub use subject::{Candidate, Subject, SubjectFacts};

use crate::code::Code;
use crate::i18n::Msg;
use crate::model::{ComparisonId, Located, SourceId, Span};

pub use crate::code::Severity;

/// A place in a file with a caption.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub span: Span,
    pub text: Msg,
}

/// A second place, possibly in another file (the parent's sentence), shown under the finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Related {
    pub source: SourceId,
    pub message: Msg,
    pub label: Label,
}

/// One finding.
#[derive(Debug, Clone, PartialEq)]
pub struct Diagnostic {
    /// The lint's code (`weaker-target`) or planlint's own (`invalid-yaml`).
    pub code: Code,
    pub severity: Severity,
    pub message: Msg,
    /// The file it is in; `None` for a finding about the whole run (an empty corpus).
    pub source: Option<SourceId>,
    /// The primary label; its span is what the finding is sorted by.
    pub label: Option<Label>,
    /// More places in the same file.
    pub secondary: Vec<Label>,
    /// For the maintainer of the plan repository, in the terminal and CI: may name planlint's
    /// files, keys and flags.
    pub help: Option<Msg>,
    pub related: Vec<Related>,
    /// What few findings carry (see [`Extras`]); `None` when it has none of it.
    extras: Option<Box<Extras>>,
    /// What the finding is about: exports and later stages read it instead of re-deriving it.
    pub subject: Subject,
    /// The comparisons (rows of a 对照表) whose verdict the finding reports.
    pub comparisons: Vec<ComparisonId>,
    /// Stable identity for baselines and SARIF, stamped by the engine (see [`fingerprint`]).
    pub fingerprint: Fingerprint,
}

/// What few findings carry, kept apart from the rest of the finding: each field inline would
/// be paid by every finding of a national corpus.
#[derive(Debug, Clone, PartialEq, Default)]
struct Extras {
    /// For the reviewer of a draft, in the Word comment: what to change in the draft, never
    /// planlint's internals. `None` when `help` already says only that.
    reviewer_help: Option<Msg>,
    /// A mechanical fix `check --fix` can apply.
    fix: Option<fix::Fix>,
    /// The places to choose from, when the finding is that a plan's place is open; the message
    /// lists the same places in words.
    candidates: Vec<Candidate>,
}

impl Diagnostic {
    #[must_use]
    pub fn new(code: impl Into<Code>, message: Msg) -> Self {
        let code = code.into();
        Self {
            code,
            severity: code.default_severity(),
            message,
            source: None,
            label: None,
            secondary: Vec::new(),
            help: None,
            related: Vec::new(),
            extras: None,
            subject: Subject::File,
            comparisons: Vec::new(),
            fingerprint: Fingerprint::default(),
        }
    }

    /// What the reviewer of a draft should change, when `help` speaks to the repository's
    /// maintainer.
    #[must_use]
    pub fn reviewer_help(&self) -> Option<&Msg> {
        self.extras.as_ref()?.reviewer_help.as_ref()
    }

    /// The mechanical fix `check --fix` can apply, if any.
    #[must_use]
    pub fn fix(&self) -> Option<&fix::Fix> {
        self.extras.as_ref()?.fix.as_ref()
    }

    /// The places the finding offers to choose from.
    #[must_use]
    pub fn candidates(&self) -> &[Candidate] {
        self.extras.as_ref().map_or(&[], |e| &e.candidates)
    }

    fn extras_mut(&mut self) -> &mut Extras {
        self.extras.get_or_insert_with(Box::default)
    }

    /// Says what the finding is about.
    #[must_use]
    pub fn about(mut self, subject: Subject) -> Self {
        self.subject = subject;
        self
    }

    /// What the finding is about, with the facts of the comparisons it reports, for JSON and
    /// SARIF.
    #[must_use]
    pub fn subject_facts(&self, facts: facts::FactsOf<'_>) -> SubjectFacts {
        SubjectFacts {
            kind: self.subject.kind(),
            comparisons: self.comparisons.iter().map(|&id| facts(id)).collect(),
        }
    }

    /// Says which comparisons' verdicts the finding reports.
    #[must_use]
    pub fn reporting(mut self, comparisons: impl IntoIterator<Item = ComparisonId>) -> Self {
        self.comparisons.extend(comparisons);
        self
    }

    /// Points the finding at `span` of `source`, captioned `text`.
    #[must_use]
    pub fn at(mut self, source: SourceId, span: Span, text: Msg) -> Self {
        self.source = Some(source);
        self.label = Some(Label { span, text });
        self
    }

    /// Points the finding at a located value.
    #[must_use]
    pub fn at_value<T>(self, value: &Located<T>, text: Msg) -> Self {
        self.at(value.source, value.span, text)
    }

    /// Names a file without a place in it.
    #[must_use]
    pub fn in_file(mut self, source: SourceId) -> Self {
        self.source = Some(source);
        self
    }

    #[must_use]
    pub fn with_secondary(mut self, span: Span, text: Msg) -> Self {
        self.secondary.push(Label { span, text });
        self
    }

    #[must_use]
    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = Some(help);
        self
    }

    /// The places the finding offers to choose from.
    #[must_use]
    pub fn offering(mut self, candidates: Vec<Candidate>) -> Self {
        self.extras_mut().candidates = candidates;
        self
    }

    /// What the reviewer of a draft should change, when `help` speaks to the repository's
    /// maintainer (names plans/, a sidecar, a YAML key or a flag).
    #[must_use]
    pub fn with_reviewer_help(mut self, help: Msg) -> Self {
        self.extras_mut().reviewer_help = Some(help);
        self
    }

    /// Keeps at most `most` secondary and related places, saying in the help how many more there
    /// are: a finding that lists every mention of a name in a national corpus would take as long
    /// to render as to read.
    pub fn cap(&mut self, most: usize) {
        let left_out =
            self.secondary.len().saturating_sub(most) + self.related.len().saturating_sub(most);
        if left_out == 0 {
            return;
        }
        self.secondary.truncate(most);
        self.related.truncate(most);
        let more = crate::msg!(
            "另有 {left_out} 处未列出",
            "{left_out} more places not shown"
        );
        self.help = Some(match self.help.take() {
            Some(help) => {
                let (help_zh, help_en, more_zh, more_en) =
                    (help.zh(), help.en(), more.zh(), more.en());
                crate::msg!("{help_zh}（{more_zh}）", "{help_en} ({more_en})")
            }
            None => more,
        });
    }

    /// Reports the finding at `severity` rather than its code's default (a finding the lint
    /// can only half trust); planlint.yaml and the command line still set the code's level.
    #[must_use]
    pub fn with_severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    /// Attaches a mechanical fix: each place replaced by its new text.
    #[must_use]
    pub fn with_fix(mut self, edits: Vec<fix::Edit>, applicability: fix::Applicability) -> Self {
        self.extras_mut().fix = Some(fix::Fix {
            edits,
            applicability,
        });
        self
    }

    #[must_use]
    pub fn with_related(mut self, source: SourceId, span: Span, message: Msg, label: Msg) -> Self {
        self.related.push(Related {
            source,
            message,
            label: Label { span, text: label },
        });
        self
    }

    /// The order every output uses: file, position, code, then message, so output does not
    /// depend on the order rules or threads ran in.
    #[must_use]
    pub fn sort_key(&self) -> (Option<SourceId>, usize, &'static str, &str) {
        (
            self.source,
            self.label.as_ref().map_or(0, |l| l.span.start),
            self.code.as_str(),
            self.message.en(),
        )
    }
}

/// Counts by severity, for the summary line and the exit code.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub errors: usize,
    pub warnings: usize,
    pub notes: usize,
    pub files: usize,
    /// Findings the baseline left out: counted, never silently gone.
    pub hidden_by_baseline: usize,
}

impl Summary {
    #[must_use]
    pub fn of(diagnostics: &[Diagnostic], files: usize) -> Self {
        let count = |s| diagnostics.iter().filter(|d| d.severity == s).count();
        Self {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            notes: count(Severity::Note),
            files,
            hidden_by_baseline: 0,
        }
    }

    #[must_use]
    pub fn line(&self, lang: crate::i18n::Lang) -> String {
        let Self {
            errors,
            warnings,
            notes,
            files,
            hidden_by_baseline: hidden,
        } = *self;
        let counts = match lang {
            crate::i18n::Lang::Zh => {
                format!(
                    "共 {errors} 个错误、{warnings} 个警告、{notes} 个提示（检查了 {files} 个文件）"
                )
            }
            crate::i18n::Lang::En => format!(
                "{errors} {}, {warnings} {}, {notes} {} ({files} {} checked)",
                plural(errors, "error", "errors"),
                plural(warnings, "warning", "warnings"),
                plural(notes, "note", "notes"),
                plural(files, "file", "files"),
            ),
        };
        match (lang, hidden) {
            (_, 0) => counts,
            (crate::i18n::Lang::Zh, _) => {
                format!("{counts}；另有 {hidden} 个已知问题被基线隐藏（--no-baseline 全部显示）")
            }
            (crate::i18n::Lang::En, _) => format!(
                "{counts}; {hidden} known {} hidden by the baseline (--no-baseline shows them)",
                plural(hidden, "finding", "findings")
            ),
        }
    }
}

fn plural(n: usize, one: &'static str, many: &'static str) -> &'static str {
    if n == 1 { one } else { many }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::code::ToolCode;

    #[test]
    fn a_finding_lists_at_most_so_many_places_and_counts_the_rest() {
        let mut d = Diagnostic::new(ToolCode::IoError, crate::msg!("甲", "a"));
        for i in 0..60 {
            d = d.with_related(
                SourceId(0),
                Span::new(i, 1),
                crate::msg!("乙", "b"),
                crate::msg!("丙", "c"),
            );
        }
        d.cap(50);
        assert_eq!(d.related.len(), 50);
        assert_eq!(
            d.help.as_ref().map(|h| h.en()),
            Some("10 more places not shown")
        );
    }
}

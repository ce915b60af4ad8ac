//! What the target reader hands back for one block of text.

use super::qualitative;
use crate::i18n::Msg;
use crate::model::{Change, Comparator, Deadline, Direction, Quantity, Span, TargetForm};

/// A target found in the text.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Found {
    pub indicator: String,
    pub indicator_span: Span,
    pub deadline: Deadline,
    pub comparator: Comparator,
    pub quantity: Quantity,
    /// The value and unit as a plan file writes them (`1.8` + `万辆`, `0.8` + `ratio`).
    pub value: f64,
    pub unit: String,
    /// The bound and value as the sentence words them (`达到70%`).
    pub written: Option<String>,
    pub baseline: Option<u16>,
    pub form: TargetForm,
    /// Which way it improves, from its wording and the sentence's words.
    pub better: Direction,
    /// A change from its baseline (增长, 下降), when stated as one.
    pub change: Option<Change>,
    pub quote: String,
    pub quote_span: Span,
}

/// A clause that looked like a target but could not be read with confidence.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub(crate) struct Skipped {
    pub span: Span,
    pub reason: Msg,
}

/// What one block of text holds: targets, goals without a figure, and clauses left out.
#[derive(Debug, Default)]
pub(crate) struct Read {
    pub found: Vec<Found>,
    pub qualitative: Vec<qualitative::Found>,
    pub skipped: Vec<Skipped>,
}

//! A finding's facts as data: for each comparison it reports, the indicator, the year, this
//! plan's value and bound, the parent plan's and the verdict with its arithmetic. JSON and SARIF
//! carry them (`subject`), so a CI script or a dashboard reads the facts instead of parsing a
//! message. They are made as a report is written (`engine::Report::facts`, from the run's
//! comparisons), never held by the finding: a national run holds tens of thousands at once.

use serde::Serialize;

use crate::i18n::Msg;
use crate::model::{Comparator, TargetForm};

/// The facts of a comparison of the run, by its id: what a JSON or SARIF writer is given (on
/// every core: JSON's findings are written on all of them).
pub type FactsOf<'a> = &'a (dyn Fn(crate::model::ComparisonId) -> Facts + Sync);

/// One comparison's facts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Facts {
    /// The indicator as the 对照表 names it.
    pub indicator: String,
    /// The catalogue entry, when the catalogue names the indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub indicator_id: Option<String>,
    /// `2027`, or `annual` / `unstated`.
    pub deadline: String,
    /// This plan's target, when it states one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Value>,
    /// The parent plan's target it is compared with.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub parent: Option<ParentFacts>,
    /// How the parent's target was matched: `catalogue` (an entry names both) or `wording`
    /// (their normalised wordings agree); absent without a parent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub aligned_by: Option<&'static str>,
    /// `weaker`, `looser-bound`, `equal`, `stricter`, `omitted`, `qualitative-only`,
    /// `not-applicable`, `beyond-period`, `not-comparable`, `no-parent`.
    pub verdict: &'static str,
    /// The plan was issued before the parent: the row is for information.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub predates_parent: bool,
    /// Why a pair is not comparable: `part-of-whole`, `other-unit`, `other-footing`,
    /// `level-against-change`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<&'static str>,
    /// The approximate tolerance that made a shortfall equal.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tolerance: Option<f64>,
    /// How the two figures were put on one footing (annual growth compounded), in both languages.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub arithmetic: Option<Msg>,
}

/// A target's figure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Value {
    /// In base units (1.8万辆 → 18000).
    pub value: f64,
    /// `%`, `ratio`, or the counting unit (`辆`, `元`).
    pub unit: String,
    pub bound: Comparator,
    /// The baseline year of a change (较2023年增长).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub baseline: Option<u16>,
    pub form: TargetForm,
    /// The target as a person reads it, in both languages.
    pub text: Msg,
}

/// The parent's side of a comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParentFacts {
    /// How findings name the plan: `鲁政发〔2024〕3号（山东省）`.
    pub plan: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub doc_number: Option<String>,
    pub jurisdiction: String,
    pub value: Value,
}

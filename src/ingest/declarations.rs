//! What a plan says about the checks themselves, in its plan file or sidecar: `allow:` entries
//! (findings accepted, with reasons) and `not_applicable:` entries (parent indicators it does not
//! take up, with reasons).

use crate::model::SourceId;
use crate::source::yaml::located;

/// `allow:` entries as the model holds them.
pub(crate) fn suppressions(
    source: SourceId,
    entries: Vec<super::schema::AllowEntry>,
) -> Vec<crate::model::plan::Suppression> {
    entries
        .into_iter()
        .map(|e| crate::model::plan::Suppression {
            lint: located(source, e.lint, |t| t),
            item: e.item.map(|i| located(source, i, |t| t)),
            reason: e.reason.map(|r| located(source, r, |t| t)),
        })
        .collect()
}

/// `not_applicable:` entries as the model holds them.
pub(crate) fn not_applicable(
    source: SourceId,
    entries: Vec<super::schema::NotApplicableEntry>,
) -> Vec<crate::model::plan::NotApplicable> {
    entries
        .into_iter()
        .map(|e| crate::model::plan::NotApplicable {
            indicator: located(source, e.indicator, |t| t),
            reason: located(source, e.reason, |t| t),
        })
        .collect()
}

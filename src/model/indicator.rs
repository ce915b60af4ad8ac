//! Indicators: what a target measures. The catalogue (`lints/indicators.yaml`, loaded by
//! `catalogue`) names them; these are the types it is made of.

use std::fmt;

use serde::{Deserialize, Serialize};

/// A catalogue id, e.g. `nc-machining-rate`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct IndicatorId(pub String);

impl fmt::Display for IndicatorId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Which way is better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Higher,
    Lower,
}

/// Whether a value means the same at every level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// A rate, a share, growth against a baseline or a ratio: a county's 75% and its
    /// province's 75% mean the same, so they compare directly.
    Relative,
    /// A count or an amount that scales with the jurisdiction: a district's 3万辆 is part of its
    /// city's 5万辆, so child and parent values do not compare.
    Absolute,
}

/// What two targets must share to be about the same indicator: the catalogue entry, or for an
/// indicator the catalogue does not name, the same normalised wording (`model::wording`).
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum IndicatorKey {
    Catalogued(IndicatorId),
    Wording(String),
}

impl IndicatorKey {
    /// The key of a target: its catalogue entry, else its wording.
    #[must_use]
    pub fn of(target: &super::Target) -> Self {
        match &target.indicator_id {
            Some(id) => IndicatorKey::Catalogued(id.clone()),
            None if target.wording.is_empty() => IndicatorKey::Wording(
                super::wording::Abbreviations::default().normalise(&target.indicator.value),
            ),
            None => IndicatorKey::Wording(target.wording.clone()),
        }
    }
}

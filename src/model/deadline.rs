//! When a target is due: a year (到2025年, 到2026年底), every year (每年), or not stated.

use std::fmt;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Deadline {
    Year(u16),
    Annual,
    Unstated,
}

impl Deadline {
    #[must_use]
    pub fn year(self) -> Option<u16> {
        match self {
            Deadline::Year(year) => Some(year),
            _ => None,
        }
    }
}

impl fmt::Display for Deadline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Deadline::Year(year) => write!(f, "{year}"),
            Deadline::Annual => f.write_str("annual"),
            Deadline::Unstated => f.write_str("-"),
        }
    }
}

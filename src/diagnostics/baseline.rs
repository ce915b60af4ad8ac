//! A baseline: the findings a repository had when it adopted planlint, so that CI fails only on
//! new ones. `planlint check --write-baseline` writes it; `check` then leaves out every finding
//! it lists. Findings are matched by code, file and fingerprint (the text they point at and what
//! they are about, never the message), so lines added above a finding, or a reworded message,
//! do not make it new.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Diagnostic;
use crate::model::Sources;

/// The default file name, beside the configuration.
pub const DEFAULT_FILE: &str = "planlint-baseline.json";

/// The format's version: 2 fingerprints without the message.
pub const VERSION: u32 = 2;

#[derive(Debug, Serialize, Deserialize)]
pub struct Baseline {
    pub version: u32,
    pub findings: Vec<Entry>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    pub code: String,
    pub file: String,
    pub fingerprint: String,
    /// For people reading the file; not matched.
    #[serde(default)]
    pub message: String,
}

impl Entry {
    fn key(&self) -> (&str, &str, &str) {
        (&self.code, &self.file, &self.fingerprint)
    }
}

fn entry(d: &Diagnostic, sources: &Sources) -> Entry {
    Entry {
        code: d.code.as_str().to_string(),
        file: d
            .source
            .map(|s| sources.get(s).display_path())
            .unwrap_or_default(),
        fingerprint: d.fingerprint.clone(),
        message: d.message.en.clone(),
    }
}

/// The key a finding is matched by; its file is part of its fingerprint.
fn key(d: &Diagnostic) -> (String, String) {
    (d.code.as_str().to_string(), d.fingerprint.clone())
}

impl Baseline {
    /// The baseline of a run's findings (fingerprinted by the engine), sorted.
    #[must_use]
    pub fn of(findings: &[Diagnostic], sources: &Sources) -> Self {
        let mut findings: Vec<Entry> = findings.iter().map(|d| entry(d, sources)).collect();
        findings.sort_by(|a, b| a.key().cmp(&b.key()).then(a.message.cmp(&b.message)));
        Self {
            version: VERSION,
            findings,
        }
    }

    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self).map(|s| s + "\n")
    }

    /// Reads a baseline; one of another version cannot be matched and is refused.
    pub fn parse(text: &str) -> Result<Self, String> {
        let baseline: Self = serde_json::from_str(text).map_err(|e| e.to_string())?;
        if baseline.version != VERSION {
            return Err(format!(
                "baseline version {} is not {VERSION}, the version this planlint writes",
                baseline.version
            ));
        }
        Ok(baseline)
    }

    /// Leaves out the findings the baseline lists (each entry covers one finding); returns how
    /// many entries matched nothing, which are fixed.
    pub fn filter(&self, findings: &mut Vec<Diagnostic>) -> usize {
        let mut remaining: HashMap<(String, String), usize> = HashMap::new();
        for e in &self.findings {
            *remaining
                .entry((e.code.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        findings.retain(|d| match remaining.get_mut(&key(d)) {
            Some(n) if *n > 0 => {
                *n -= 1;
                false
            }
            _ => true,
        });
        remaining.values().sum()
    }
}

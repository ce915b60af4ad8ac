//! A baseline: the findings a repository had when it adopted planlint, so that CI fails only on
//! new ones. `planlint check --write-baseline` writes it; `check` then leaves out every finding
//! it lists. Findings are matched by code, file and a fingerprint of the text they point at, so
//! lines added above a finding do not make it new.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

use super::Diagnostic;
use crate::model::Sources;

/// The default file name, beside the configuration.
pub const DEFAULT_FILE: &str = "planlint-baseline.json";

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
        code: d.code.to_string(),
        file: d
            .source
            .map(|s| sources.get(s).display_path())
            .unwrap_or_default(),
        fingerprint: super::fingerprint(sources, d),
        message: d.message.en.clone(),
    }
}

impl Baseline {
    /// The baseline of a run's findings, sorted.
    #[must_use]
    pub fn of(findings: &[Diagnostic], sources: &Sources) -> Self {
        let mut findings: Vec<Entry> = findings.iter().map(|d| entry(d, sources)).collect();
        findings.sort_by(|a, b| a.key().cmp(&b.key()).then(a.message.cmp(&b.message)));
        Self {
            version: 1,
            findings,
        }
    }

    pub fn to_json(&self) -> serde_json::Result<String> {
        serde_json::to_string_pretty(self).map(|s| s + "\n")
    }

    pub fn parse(text: &str) -> serde_json::Result<Self> {
        serde_json::from_str(text)
    }

    /// Leaves out the findings the baseline lists (each entry covers one finding); returns how
    /// many entries matched nothing, which are fixed.
    pub fn filter(&self, findings: &mut Vec<Diagnostic>, sources: &Sources) -> usize {
        let mut remaining: HashMap<(String, String, String), usize> = HashMap::new();
        for e in &self.findings {
            *remaining
                .entry((e.code.clone(), e.file.clone(), e.fingerprint.clone()))
                .or_default() += 1;
        }
        findings.retain(|d| {
            let e = entry(d, sources);
            match remaining.get_mut(&(e.code, e.file, e.fingerprint)) {
                Some(n) if *n > 0 => {
                    *n -= 1;
                    false
                }
                _ => true,
            }
        });
        remaining.values().sum()
    }
}

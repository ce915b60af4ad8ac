//! A baseline: the findings a repository had when it adopted planlint, so that CI fails only on
//! new ones. `planlint check --write-baseline` writes it; `check` then leaves out every finding
//! it lists. Findings are matched by code, file and fingerprint (the text they point at and what
//! they are about, never the message), so lines added above a finding, or a reworded message,
//! do not make it new.

use std::collections::HashMap;
use std::path::PathBuf;

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
        fingerprint: d.fingerprint.to_string(),
        message: d.message.en().to_string(),
    }
}

/// The key a finding is matched by; its file is part of its fingerprint.
fn key(d: &Diagnostic) -> (String, String) {
    (d.code.as_str().to_string(), d.fingerprint.to_string())
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

    /// An empty baseline: what `--baseline /dev/null` and an empty file read as.
    #[must_use]
    pub fn empty() -> Self {
        Self {
            version: VERSION,
            findings: Vec::new(),
        }
    }

    /// Takes out the findings the baseline lists (each entry covers one finding) and returns
    /// them, with how many entries matched nothing, which are fixed.
    pub fn filter(&self, findings: &mut Vec<Diagnostic>) -> (Vec<Diagnostic>, usize) {
        self.filter_counting(findings, &|_| true)
    }

    /// [`Baseline::filter`], counting as fixed only the entries of the files `counted` names
    /// (by the path the entry gives).
    fn filter_counting(
        &self,
        findings: &mut Vec<Diagnostic>,
        counted: &dyn Fn(&str) -> bool,
    ) -> (Vec<Diagnostic>, usize) {
        let mut remaining: HashMap<(String, String), Vec<&str>> = HashMap::new();
        for e in &self.findings {
            remaining
                .entry((e.code.clone(), e.fingerprint.clone()))
                .or_default()
                .push(&e.file);
        }
        let (hidden, kept): (Vec<Diagnostic>, Vec<Diagnostic>) =
            std::mem::take(findings).into_iter().partition(|d| {
                remaining
                    .get_mut(&key(d))
                    .and_then(|files| files.pop())
                    .is_some()
            });
        *findings = kept;
        let gone = remaining
            .values()
            .flatten()
            .filter(|file| counted(file))
            .count();
        (hidden, gone)
    }
}

/// Whether a run leaves out the findings of a baseline.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub enum BaselineUse {
    /// Report every finding (writing a baseline, fixing, `--no-baseline`).
    Off,
    /// The configuration's `baseline:`, when the file exists.
    #[default]
    FromConfig,
    /// This file, which must exist (`/dev/null` or an empty file: nothing in it).
    File(PathBuf),
}

/// What a baseline did to a run's findings.
#[derive(Debug, Default)]
pub struct Applied {
    /// The findings it left out.
    pub hidden: Vec<Diagnostic>,
    /// How many of its entries matched no finding any more, and its path.
    pub gone: Option<(usize, PathBuf)>,
}

/// Reads the baseline at `path` from `text` (`None` for the null device): an empty one is a
/// baseline with nothing in it.
pub fn read(text: Option<&str>) -> Result<Baseline, String> {
    match text {
        Some(text) if !text.trim().is_empty() => Baseline::parse(text),
        _ => Ok(Baseline::empty()),
    }
}

impl Baseline {
    /// Takes out of `findings` those it lists. An entry that matched nothing is counted as
    /// fixed only when the run reports on its file (`reported`, by the path the entry gives):
    /// a run that checks a draft or a folder lints those files alone, and says nothing of the
    /// findings of the others.
    pub fn apply(
        &self,
        findings: &mut Vec<Diagnostic>,
        path: PathBuf,
        reported: &dyn Fn(&str) -> bool,
    ) -> Applied {
        let (hidden, gone) = self.filter_counting(findings, reported);
        Applied {
            hidden,
            gone: Some((gone, path)),
        }
    }
}

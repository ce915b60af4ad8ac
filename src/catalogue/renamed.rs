//! Agency names abolished or renamed in the reorganisations (`lints/renamed-agencies.yaml`), with
//! their successors by level: `dangling-agency` says a 工信委 was abolished and names the
//! 工业和信息化局 instead of only "not in the registry".

use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use super::RegistryLevel;
use crate::model::text::fold;

/// One abolished body.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Renamed {
    pub id: String,
    /// Its names, without the jurisdiction's prefix.
    pub old: Vec<String>,
    /// The reorganisation, as the research words it (2018-2019).
    pub reform: String,
    #[serde(default)]
    pub successor: BTreeMap<String, String>,
    /// The reform's last year: a plan issued by then may still use the old name.
    #[serde(default)]
    pub until: Option<u16>,
    /// Old name → places where it is still the official name.
    #[serde(default)]
    pub still_current_in: BTreeMap<String, Vec<String>>,
    #[expect(dead_code, reason = "provenance for readers of the file")]
    src: Vec<String>,
}

impl Renamed {
    /// The successor at a level, if the research names one.
    #[must_use]
    pub fn successor(&self, level: RegistryLevel) -> Option<&str> {
        let key = level.names().1;
        self.successor.get(key).map(String::as_str)
    }

    /// Whether `old` is still the official name in a place called by one of `places`.
    #[must_use]
    pub fn still_current(&self, old: &str, places: &[&str]) -> bool {
        self.still_current_in.get(old).is_some_and(|listed| {
            listed
                .iter()
                .any(|p| places.iter().any(|name| p.starts_with(name)))
        })
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RenamedFile {
    renamed: Vec<Renamed>,
}

/// The abolished names, by folded name.
#[derive(Debug, Clone, Default)]
pub struct RenamedAgencies {
    entries: Vec<Renamed>,
    by_old: HashMap<String, (usize, String)>,
}

impl RenamedAgencies {
    pub(crate) fn new(file: RenamedFile) -> Self {
        let mut by_old = HashMap::new();
        for (i, entry) in file.renamed.iter().enumerate() {
            for old in &entry.old {
                by_old.entry(fold(old)).or_insert((i, old.clone()));
            }
        }
        Self {
            entries: file.renamed,
            by_old,
        }
    }

    /// The abolished body a written name ends with (市工信委 → 工信委), with the old name as
    /// the research writes it and the prefix the plan wrote before it.
    #[must_use]
    pub fn find<'a>(&'a self, folded: &'a str) -> Option<(&'a Renamed, &'a str, &'a str)> {
        folded.char_indices().map(|(at, _)| at).find_map(|at| {
            let (prefix, rest) = folded.split_at(at);
            let (i, old) = self.by_old.get(rest)?;
            (prefix.chars().count() <= 12).then(|| (&self.entries[*i], old.as_str(), prefix))
        })
    }
}

//! `jurisdiction.yaml` turned into a [`Jurisdiction`] with its agency registry.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use super::schema::JurisdictionFile;
use crate::model::jurisdiction::{AgencyRegistry, RegistryEntry};
use crate::model::{Jurisdiction, JurisdictionId, Level, Located, SourceId, Span};
use crate::source::yaml::span_of;

/// A `jurisdiction.yaml` as parsed, holding what [`convert`] reads of it: the form the cache
/// keeps (`ingest::cache`), so that an unchanged file is not parsed again.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub(crate) struct Declared {
    pub name: String,
    /// Where the name is written: findings about the jurisdiction underline it.
    pub name_span: Span,
    pub aliases: Vec<String>,
    pub level: Level,
    pub code: Option<String>,
    pub self_prefix: Option<String>,
    pub doc_prefixes: Vec<String>,
    pub issuers: Vec<String>,
    pub agencies: Vec<RegistryEntry>,
    pub collectives: Vec<String>,
}

impl From<JurisdictionFile> for Declared {
    fn from(file: JurisdictionFile) -> Self {
        Self {
            name_span: span_of(&file.name),
            name: file.name.value,
            aliases: file.aliases,
            level: file.level.value,
            code: file.code.map(|c| c.value.0),
            self_prefix: file.self_prefix,
            doc_prefixes: file.doc_prefixes,
            issuers: file.issuers,
            agencies: file
                .agencies
                .into_iter()
                .map(|a| RegistryEntry {
                    name: a.name,
                    kind: a.kind,
                    aliases: a.aliases,
                })
                .collect(),
            collectives: file.collectives,
        }
    }
}

pub(crate) fn convert(
    source: SourceId,
    dir: PathBuf,
    file: Declared,
    parent: Option<JurisdictionId>,
    registries: &mut Registries<'_>,
) -> Jurisdiction {
    let name = Located::new(file.name, source, file.name_span);
    let issuers = if file.issuers.is_empty() {
        vec![default_issuer(&name.value, file.level)]
    } else {
        file.issuers
    };
    Jurisdiction {
        source,
        dir,
        name,
        aliases: file.aliases,
        level: file.level,
        code: file.code,
        parent,
        self_prefix: file.self_prefix,
        doc_prefixes: file.doc_prefixes,
        issuers,
        registry: registries.get(file.agencies, file.collectives),
        default_registry: None,
        standard: None,
    }
}

/// The registries of a run's jurisdiction files, each held once however many files list it:
/// counties of one province often list the same bodies, and a national corpus has thousands of
/// files.
pub(crate) struct Registries<'a> {
    standard_aliases: &'a HashMap<String, Vec<String>>,
    normative: &'a HashSet<String>,
    /// By the entries and collective terms as the files give them: a registry holds them
    /// normalised (各镇（中心） as 各镇(中心)), so it cannot be compared with the next file's.
    made: foldhash::HashMap<(Vec<RegistryEntry>, Vec<String>), Arc<AgencyRegistry>>,
}

impl<'a> Registries<'a> {
    pub(crate) fn new(
        standard_aliases: &'a HashMap<String, Vec<String>>,
        normative: &'a HashSet<String>,
    ) -> Self {
        Self {
            standard_aliases,
            normative,
            made: foldhash::HashMap::default(),
        }
    }

    /// The registry of these entries and collective terms: one made before, or a new one.
    fn get(
        &mut self,
        entries: Vec<RegistryEntry>,
        collectives: Vec<String>,
    ) -> Arc<AgencyRegistry> {
        let given = (entries, collectives);
        if let Some(made) = self.made.get(&given) {
            return Arc::clone(made);
        }
        let registry = Arc::new(AgencyRegistry::new(
            given.0.clone(),
            given.1.clone(),
            self.standard_aliases,
            self.normative,
        ));
        self.made.insert(given, Arc::clone(&registry));
        registry
    }
}

/// A government issues its plans as 人民政府 unless the file says otherwise (国务院, 管委会).
fn default_issuer(name: &str, level: crate::model::Level) -> String {
    match level {
        crate::model::Level::National => "国务院".to_string(),
        _ => format!("{name}人民政府"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::AgencyKind;

    fn entry(name: &str) -> RegistryEntry {
        RegistryEntry {
            name: name.to_string(),
            kind: AgencyKind::default(),
            aliases: Vec::new(),
        }
    }

    #[test]
    fn identical_registries_are_held_once_and_different_ones_apart() {
        let (aliases, normative) = (HashMap::new(), HashSet::new());
        let mut registries = Registries::new(&aliases, &normative);
        let first = registries.get(vec![entry("发展和改革局")], vec!["各镇街".into()]);
        let same = registries.get(vec![entry("发展和改革局")], vec!["各镇街".into()]);
        let other_entry = registries.get(vec![entry("工业和信息化局")], vec!["各镇街".into()]);
        let other_terms = registries.get(vec![entry("发展和改革局")], Vec::new());
        assert!(Arc::ptr_eq(&first, &same));
        assert!(!Arc::ptr_eq(&first, &other_entry));
        assert!(!Arc::ptr_eq(&first, &other_terms));
        assert_eq!(other_entry.entries[0].name, "工业和信息化局");
    }

    /// A registry keeps its collective terms normalised; the next file's are compared as the
    /// file gives them, so a term with full-width brackets does not make a registry per file.
    #[test]
    fn registries_with_terms_that_are_normalised_are_held_once() {
        let (aliases, normative) = (HashMap::new(), HashSet::new());
        let mut registries = Registries::new(&aliases, &normative);
        let terms = || vec!["各镇（中心）".to_string()];
        let first = registries.get(vec![entry("发展和改革局")], terms());
        let same = registries.get(vec![entry("发展和改革局")], terms());
        assert!(Arc::ptr_eq(&first, &same));
        assert_eq!(registries.made.len(), 1);
    }
}

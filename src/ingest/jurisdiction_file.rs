//! `jurisdiction.yaml` turned into a [`Jurisdiction`] with its agency registry.

use std::collections::HashMap;
use std::path::PathBuf;

use super::schema::JurisdictionFile;
use crate::model::jurisdiction::{AgencyRegistry, RegistryEntry};
use crate::model::{Jurisdiction, JurisdictionId, SourceId};
use crate::source::yaml::located;

pub(crate) fn convert(
    source: SourceId,
    dir: PathBuf,
    file: JurisdictionFile,
    parent: Option<JurisdictionId>,
    standard_aliases: &HashMap<String, Vec<String>>,
    normative: &std::collections::HashSet<String>,
) -> Jurisdiction {
    let entries = file
        .agencies
        .into_iter()
        .map(|a| RegistryEntry {
            name: a.name,
            kind: a.kind,
            aliases: a.aliases,
        })
        .collect();
    let name = located(source, file.name, |n| n);
    let issuers = if file.issuers.is_empty() {
        vec![default_issuer(&name.value, file.level.value)]
    } else {
        file.issuers
    };
    Jurisdiction {
        source,
        dir,
        name,
        aliases: file.aliases,
        level: file.level.value,
        code: file.code.map(|c| c.value.0),
        parent,
        self_prefix: file.self_prefix,
        doc_prefixes: file.doc_prefixes,
        issuers,
        registry: std::sync::Arc::new(AgencyRegistry::new(
            entries,
            file.collectives,
            standard_aliases,
            normative,
        )),
        default_registry: None,
        standard: None,
    }
}

/// A government issues its plans as 人民政府 unless the file says otherwise (国务院, 管委会).
fn default_issuer(name: &str, level: crate::model::Level) -> String {
    match level {
        crate::model::Level::National => "国务院".to_string(),
        _ => format!("{name}人民政府"),
    }
}

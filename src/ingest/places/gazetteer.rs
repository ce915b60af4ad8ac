//! The gazetteer's divisions joined to the jurisdictions the corpus's files declare. A file that
//! is a division (by its `code:`, else by its name under its parents) keeps all it says and gains
//! the division's code, short names and place; every other division becomes a jurisdiction of its
//! own, with no registry, so a plan from anywhere has a place and parents.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;

use crate::catalogue::{Catalogue, RegistryLevel};
use crate::gazetteer::{self, Division, Gazetteer};
use crate::model::jurisdiction::AgencyRegistry;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId, Level, Located, Sources, Span};

/// Adds the divisions to `jurisdictions`, each with its level's default registry; returns the
/// jurisdiction of each division.
pub(crate) fn merge(
    jurisdictions: &mut Vec<Jurisdiction>,
    sources: &mut Sources,
    table: &Gazetteer,
    catalogue: &Catalogue,
) -> Vec<JurisdictionId> {
    let defaults = Defaults::new(catalogue);
    let matched = match_files(jurisdictions, table);
    // A hand-written registry falls back on its level's default for standard bodies.
    for (i, j) in jurisdictions.iter_mut().enumerate() {
        let division = matched
            .iter()
            .find_map(|(d, id)| (id.0 == i).then(|| &table.divisions[*d]));
        let level = division.map_or_else(|| level_of(j), registry_level);
        j.standard = level.and_then(|l| defaults.registries.get(&l)).cloned();
    }
    let source = sources.add(PathBuf::from(gazetteer::AREAS_FILE), "");
    let national = Some(national(jurisdictions, source, &defaults));
    let mut ids: Vec<JurisdictionId> = Vec::with_capacity(table.divisions.len());
    for (index, division) in table.divisions.iter().enumerate() {
        // Parents come before children in the table, so a parent's id is known.
        let parent = division.parent.map(|p| ids[p]).or(national);
        let id = match matched.get(&index) {
            Some(&file) => {
                let j = &mut jurisdictions[file.0];
                enrich(j, division, parent);
                // A file that lists no agencies takes its level's default registry.
                if j.registry.is_empty()
                    && let Some(level) = registry_level(division)
                    && let Some(default) = defaults.registries.get(&level)
                {
                    j.registry = Arc::clone(default);
                    j.default_registry = Some(level);
                    j.standard = None;
                }
                file
            }
            None => {
                jurisdictions.push(from_division(division, parent, source, &defaults));
                JurisdictionId(jurisdictions.len() - 1)
            }
        };
        ids.push(id);
    }
    ids
}

/// The national jurisdiction: the one a file declares, else the State Council's as every
/// corpus knows it, so that a folder of plans from anywhere finds the national plan they answer.
fn national(
    jurisdictions: &mut Vec<Jurisdiction>,
    source: crate::model::SourceId,
    defaults: &Defaults,
) -> JurisdictionId {
    if let Some(declared) = jurisdictions
        .iter()
        .position(|j| j.level == Level::National)
    {
        return JurisdictionId(declared);
    }
    let strings = |list: &[&str]| list.iter().map(|s| (*s).to_string()).collect::<Vec<_>>();
    jurisdictions.push(Jurisdiction {
        source,
        dir: PathBuf::new(),
        name: Located::new("中华人民共和国".to_string(), source, Span::default()),
        aliases: strings(&["国务院", "全国", "中国"]),
        level: Level::National,
        code: None,
        parent: None,
        self_prefix: None,
        doc_prefixes: strings(&["国发", "国办发", "国办函", "国函"]),
        issuers: strings(&["国务院", "国务院办公厅"]),
        // No default registry is bundled for the ministries: their names are not checked.
        registry: Arc::clone(&defaults.empty),
        default_registry: None,
        standard: None,
    });
    JurisdictionId(jurisdictions.len() - 1)
}

/// Which division each file declares: its code when it gives one, else the division of its
/// level with one of its names, inside its parent's division when the parent is known.
fn match_files(
    jurisdictions: &[Jurisdiction],
    table: &Gazetteer,
) -> HashMap<usize, JurisdictionId> {
    let mut by_name: HashMap<(String, Level), Vec<usize>> = HashMap::new();
    for (index, division) in table.divisions.iter().enumerate() {
        let names = std::iter::once(division.name.clone()).chain(gazetteer::short_names(division));
        for name in names {
            by_name
                .entry((fold(&name), division.level))
                .or_default()
                .push(index);
        }
    }
    let mut division_of: Vec<Option<usize>> = vec![None; jurisdictions.len()];
    // Files are in parent-first order, so a parent's division is decided first.
    for (i, j) in jurisdictions.iter().enumerate() {
        division_of[i] = match &j.code {
            Some(code) => table.index(code),
            None => {
                let within = j
                    .parent
                    .and_then(|p| division_of.get(p.0).copied().flatten());
                let mut candidates: Vec<usize> = j
                    .names()
                    .flat_map(|n| table.named(&fold(n), j.level))
                    .copied()
                    .filter(|d| within.is_none_or(|w| table.chain(*d).contains(&w)))
                    .collect();
                candidates.sort_unstable();
                candidates.dedup();
                (candidates.len() == 1).then(|| candidates[0])
            }
        };
    }
    let mut matched = HashMap::new();
    for (i, division) in division_of.into_iter().enumerate() {
        if let Some(d) = division {
            matched.entry(d).or_insert(JurisdictionId(i));
        }
    }
    matched
}

/// A file's jurisdiction gains the division's code, short names and, when its folder has none,
/// its parent.
fn enrich(jurisdiction: &mut Jurisdiction, division: &Division, parent: Option<JurisdictionId>) {
    jurisdiction
        .code
        .get_or_insert_with(|| division.code.clone());
    for short in &division.short_names {
        if !jurisdiction.names().any(|n| n == short) {
            jurisdiction.aliases.push(short.clone());
        }
    }
    if jurisdiction.parent.is_none() {
        jurisdiction.parent = parent;
    }
}

/// A division no file declares: its names, prefixes and issuer, and no registry.
fn from_division(
    division: &Division,
    parent: Option<JurisdictionId>,
    source: crate::model::SourceId,
    defaults: &Defaults,
) -> Jurisdiction {
    let level = registry_level(division);
    let registry = level
        .and_then(|l| defaults.registries.get(&l))
        .map_or_else(|| Arc::clone(&defaults.empty), Arc::clone);
    let self_prefix = ["省", "市", "区", "县", "旗", "州", "盟"]
        .into_iter()
        .find(|w| division.name.ends_with(w))
        .map(String::from);
    Jurisdiction {
        source,
        dir: PathBuf::new(),
        name: Located::new(division.name.clone(), source, Span::default()),
        aliases: division.short_names.clone(),
        level: division.level,
        code: Some(division.code.clone()),
        parent,
        self_prefix,
        doc_prefixes: division.doc_prefixes.clone(),
        issuers: vec![format!("{}人民政府", division.name)],
        registry,
        default_registry: level,
        standard: None,
    }
}

/// The default registry level of a jurisdiction the gazetteer does not have (a zone's file).
fn level_of(jurisdiction: &Jurisdiction) -> Option<RegistryLevel> {
    match jurisdiction.level {
        Level::National => None,
        Level::Provincial => Some(RegistryLevel::Provincial),
        Level::Municipal => Some(RegistryLevel::Prefecture),
        Level::County => Some(RegistryLevel::County),
    }
}

/// The default registry a division takes: none for a functional zone, whose 管委会 sets its own.
fn registry_level(division: &Division) -> Option<RegistryLevel> {
    const MUNICIPALITIES: [&str; 4] = ["110000", "120000", "310000", "500000"];
    match division.level {
        _ if division.zone => None,
        Level::Provincial if MUNICIPALITIES.contains(&division.code.as_str()) => {
            Some(RegistryLevel::Municipality)
        }
        Level::Provincial => Some(RegistryLevel::Provincial),
        Level::Municipal => Some(RegistryLevel::Prefecture),
        Level::County => Some(RegistryLevel::County),
        Level::National => None,
    }
}

/// Each level's default registry, built once per run and shared by every jurisdiction of it.
struct Defaults {
    registries: HashMap<RegistryLevel, Arc<AgencyRegistry>>,
    empty: Arc<AgencyRegistry>,
}

impl Defaults {
    fn new(catalogue: &Catalogue) -> Self {
        let registries = [
            RegistryLevel::Provincial,
            RegistryLevel::Municipality,
            RegistryLevel::Prefecture,
            RegistryLevel::County,
        ]
        .into_iter()
        .filter_map(|level| {
            let default = catalogue.registries.get(level)?;
            let registry = AgencyRegistry::new(
                default.entries.clone(),
                default.collectives.clone(),
                &catalogue.abbreviations,
                &catalogue.normative,
            );
            Some((level, Arc::new(registry)))
        })
        .collect();
        Self {
            registries,
            empty: Arc::new(AgencyRegistry::default()),
        }
    }
}

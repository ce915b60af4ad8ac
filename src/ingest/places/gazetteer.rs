//! The gazetteer's divisions joined to the jurisdictions the corpus's files declare. A file that
//! is a division (by its `code:`, else by its name under its parents) keeps all it says and gains
//! the division's code, short names and place; every other division becomes a jurisdiction of its
//! own, with no registry, so a plan from anywhere has a place and parents.

use std::collections::HashMap;
use std::path::PathBuf;

use crate::gazetteer::{self, Division, Gazetteer};
use crate::model::jurisdiction::AgencyRegistry;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId, Level, Located, Sources, Span};

/// Adds the divisions to `jurisdictions`; returns the jurisdiction of each division.
pub(crate) fn merge(
    jurisdictions: &mut Vec<Jurisdiction>,
    sources: &mut Sources,
    table: &Gazetteer,
) -> Vec<JurisdictionId> {
    let matched = match_files(jurisdictions, table);
    let national = jurisdictions
        .iter()
        .position(|j| j.level == Level::National)
        .map(JurisdictionId);
    let source = sources.add(PathBuf::from(gazetteer::AREAS_FILE), "");
    let mut ids: Vec<JurisdictionId> = Vec::with_capacity(table.divisions.len());
    for (index, division) in table.divisions.iter().enumerate() {
        // Parents come before children in the table, so a parent's id is known.
        let parent = division.parent.map(|p| ids[p]).or(national);
        let id = match matched.get(&index) {
            Some(&file) => {
                enrich(&mut jurisdictions[file.0], division, parent);
                file
            }
            None => {
                jurisdictions.push(from_division(division, parent, source));
                JurisdictionId(jurisdictions.len() - 1)
            }
        };
        ids.push(id);
    }
    ids
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
) -> Jurisdiction {
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
        registry: AgencyRegistry::default(),
    }
}

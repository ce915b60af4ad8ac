//! Where a plan belongs. The corpus's jurisdictions (its files joined with the gazetteer) are
//! indexed once per run by name, issuer, 文号 prefix and code; a name may belong to several places
//! (鼓楼区), so lookups return every candidate and the caller decides with more evidence, or says
//! that it cannot.

pub(crate) mod evidence;
pub(crate) mod gazetteer;
mod hint;
pub(crate) mod place;
mod unplaced;
pub(crate) mod zones;

use std::collections::HashMap;

use crate::diagnostics::Diagnostic;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId, SourceId};
use crate::msg;

pub(crate) use hint::{HintProblem, pick, resolve_hint};

/// The jurisdictions by every key a plan may name them by.
#[derive(Debug, Default)]
pub(crate) struct Places {
    names: HashMap<String, Vec<JurisdictionId>>,
    issuers: HashMap<String, Vec<JurisdictionId>>,
    prefixes: HashMap<String, Vec<JurisdictionId>>,
    codes: HashMap<String, JurisdictionId>,
}

impl Places {
    pub(crate) fn new(jurisdictions: &[Jurisdiction]) -> Self {
        let mut places = Places::default();
        for (i, j) in jurisdictions.iter().enumerate() {
            let id = JurisdictionId(i);
            for name in j.names() {
                push(&mut places.names, fold(name), id);
            }
            for issuer in &j.issuers {
                push(&mut places.issuers, fold(issuer), id);
            }
            for prefix in &j.doc_prefixes {
                push(&mut places.prefixes, prefix.clone(), id);
            }
            if let Some(code) = &j.code {
                places.codes.entry(code.clone()).or_insert(id);
            }
        }
        places
    }

    /// Every jurisdiction called `name` (official name, alias or short name).
    pub(crate) fn named(&self, name: &str) -> &[JurisdictionId] {
        self.names.get(&fold(name)).map_or(&[], Vec::as_slice)
    }

    /// The longest name of a place that `text` starts with (`诸城市推进…` → `诸城市`).
    pub(crate) fn leading_name(&self, text: &str) -> Option<String> {
        let folded = fold(text);
        let ends: Vec<usize> = folded
            .char_indices()
            .map(|(i, c)| i + c.len_utf8())
            .take(12)
            .collect();
        ends.iter()
            .rev()
            .map(|&end| &folded[..end])
            .find(|prefix| prefix.chars().count() >= 2 && self.names.contains_key(*prefix))
            .map(str::to_string)
    }

    /// Every jurisdiction whose government issues under `issuer` (平度市人民政府), or whose name
    /// the issuer is made of (平度市 + 人民政府).
    pub(crate) fn issued_by(
        &self,
        jurisdictions: &[Jurisdiction],
        issuer: &str,
    ) -> Vec<JurisdictionId> {
        let issuer = fold(issuer);
        if let Some(listed) = self.issuers.get(&issuer) {
            return listed.clone();
        }
        let Some(name) = ISSUER_SUFFIXES.iter().find_map(|s| issuer.strip_suffix(s)) else {
            return Vec::new();
        };
        let named = self.named(name);
        if named.is_empty() {
            self.qualified(jurisdictions, name)
        } else {
            named.to_vec()
        }
    }

    /// A name written after a name of a place above it (济南市历下区, 青岛市平度市): the places
    /// called by the end whose ancestors are called by the start.
    fn qualified(&self, jurisdictions: &[Jurisdiction], name: &str) -> Vec<JurisdictionId> {
        let mut found = Vec::new();
        for (at, _) in name.char_indices().skip(2) {
            let (above, own) = name.split_at(at);
            let above_ids = self.named(above);
            if above_ids.is_empty() || own.chars().count() < 2 {
                continue;
            }
            for id in self.named(own) {
                let chain = crate::model::jurisdiction::jurisdiction_chain(jurisdictions, *id);
                if chain.iter().skip(1).any(|a| above_ids.contains(a)) && !found.contains(id) {
                    found.push(*id);
                }
            }
        }
        found
    }

    /// Every jurisdiction issuing under a 文号 prefix (安政发).
    pub(crate) fn with_prefix(&self, prefix: &str) -> &[JurisdictionId] {
        self.prefixes.get(prefix).map_or(&[], Vec::as_slice)
    }

    /// The jurisdiction with a six-digit code.
    pub(crate) fn coded(&self, code: &str) -> Option<JurisdictionId> {
        self.codes.get(code).copied()
    }

    /// Every name the index knows, for a did-you-mean.
    pub(crate) fn all_names(&self) -> impl Iterator<Item = &str> {
        self.names.keys().map(String::as_str)
    }
}

/// How a government names itself after its jurisdiction's name.
const ISSUER_SUFFIXES: [&str; 5] = [
    "人民政府办公室",
    "人民政府办公厅",
    "人民政府",
    "管理委员会",
    "管委会",
];

fn push(map: &mut HashMap<String, Vec<JurisdictionId>>, key: String, id: JurisdictionId) {
    // A jurisdiction's keys are pushed together, so a repeat can only be the last one.
    let ids = map.entry(key).or_default();
    if ids.last() != Some(&id) {
        ids.push(id);
    }
}

/// How a jurisdiction is shown when a place is named or ambiguous: `平度市 (370283), 青岛市,
/// 山东省`.
#[must_use]
pub(crate) fn describe(jurisdictions: &[Jurisdiction], id: JurisdictionId) -> String {
    let chain = crate::model::jurisdiction::jurisdiction_chain(jurisdictions, id);
    let mut parts: Vec<String> = Vec::new();
    for (i, j) in chain.iter().map(|j| &jurisdictions[j.0]).enumerate() {
        // The country is named only when it is the place itself.
        if j.level == crate::model::Level::National && i > 0 {
            continue;
        }
        match (&j.code, i) {
            (Some(code), 0) => parts.push(format!("{} ({code})", j.name.value)),
            _ => parts.push(j.name.value.clone()),
        }
    }
    parts.join(", ")
}

/// What `--jurisdiction` takes to name exactly `id`: its code, else its path below the
/// country (`山东省/潍坊市/高新区`).
pub(crate) fn hint(jurisdictions: &[Jurisdiction], id: JurisdictionId) -> String {
    let place = &jurisdictions[id.0];
    if let Some(code) = &place.code {
        return code.clone();
    }
    let mut chain: Vec<&str> = crate::model::jurisdiction::jurisdiction_chain(jurisdictions, id)
        .iter()
        .map(|j| &jurisdictions[j.0])
        .filter(|j| j.level != crate::model::Level::National)
        .map(|j| j.name.value.as_str())
        .collect();
    chain.reverse();
    chain.join("/")
}

/// Finds the jurisdiction a plan belongs to.
pub(crate) struct JurisdictionLookup<'a> {
    pub jurisdictions: &'a [Jurisdiction],
    /// The jurisdictions by name, issuer, prefix and code, built once per run.
    pub places: &'a Places,
    /// The jurisdiction of the folder the file is in.
    pub folder: Option<JurisdictionId>,
}

impl JurisdictionLookup<'_> {
    /// The jurisdiction a file names (a name, short name, path or code); among places of the
    /// same name, the one under the file's folder.
    pub(crate) fn by_name(&self, name: &str) -> Result<JurisdictionId, HintProblem> {
        match resolve_hint(self.places, self.jurisdictions, name) {
            Err(HintProblem::Ambiguous { candidates }) => {
                let under_folder: Vec<JurisdictionId> = candidates
                    .iter()
                    .copied()
                    .filter(|id| {
                        self.folder.is_some_and(|f| {
                            crate::model::jurisdiction::jurisdiction_chain(self.jurisdictions, *id)
                                .contains(&f)
                        })
                    })
                    .collect();
                pick(self.jurisdictions, under_folder)
                    .map_err(|_| HintProblem::Ambiguous { candidates })
            }
            other => other,
        }
    }
}

/// A plan names a jurisdiction no jurisdiction file declares.
pub(crate) fn unknown_jurisdiction(
    name: &str,
    source: SourceId,
    span: crate::model::Span,
) -> Diagnostic {
    Diagnostic::new(
        crate::code::ToolCode::UnknownJurisdiction,
        msg!(
            "没有名为“{name}”的辖区（2023年区划表与辖区文件中均无）",
            "no jurisdiction is called `{name}` (neither in the 2023 gazetteer nor in a jurisdiction file)"
        ),
    )
    .at(source, span, msg!("未知辖区", "unknown jurisdiction"))
}

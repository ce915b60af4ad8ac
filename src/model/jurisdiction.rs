//! Jurisdictions (国家, 省, 市, 县/区/功能区) and their agency registries, as the jurisdiction files
//! under `plans/` declare them.

use std::collections::HashMap;
use std::path::PathBuf;

use super::agency::AgencyKind;
use super::level::Level;
use super::span::{Located, SourceId};
use super::text::fold;

/// Index of a jurisdiction in the corpus.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct JurisdictionId(pub usize);

#[derive(Debug)]
pub struct Jurisdiction {
    pub source: SourceId,
    /// The folder the jurisdiction file is in; plans below it belong to it.
    pub dir: PathBuf,
    pub name: Located<String>,
    /// Other names: the short form (安丘), the full form of a zone (聊城高新技术产业开发区).
    pub aliases: Vec<String>,
    pub level: Level,
    /// GB/T 2260 code; functional zones have none.
    pub code: Option<String>,
    pub parent: Option<JurisdictionId>,
    /// How its own plans prefix its bodies: 市 (市工信局), 区, 县, 省.
    pub self_prefix: Option<String>,
    /// 发文字号 prefixes its government issues under (安政发, 安政字…).
    pub doc_prefixes: Vec<String>,
    /// Names of the bodies that issue its plans (安丘市人民政府).
    pub issuers: Vec<String>,
    /// Shared: every jurisdiction without a registry of its own shares its level's default.
    pub registry: std::sync::Arc<AgencyRegistry>,
    /// Set when the registry is its level's default, not one written for it.
    pub default_registry: Option<super::level::RegistryLevel>,
    /// For a registry written by hand, its level's default: a standard body the hand-written
    /// list lacks (卫生健康局) is not dangling.
    pub standard: Option<std::sync::Arc<AgencyRegistry>>,
}

impl Jurisdiction {
    /// Every name it is known by, the official one first.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(self.name.value.as_str()).chain(self.aliases.iter().map(String::as_str))
    }
}

/// One body in a registry.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
pub struct RegistryEntry {
    /// The official name without the jurisdiction's prefix (工业和信息化局), or a full name for
    /// a body of another level (潍坊市生态环境局安丘分局).
    pub name: String,
    pub kind: AgencyKind,
    pub aliases: Vec<String>,
}

/// How a name matched a registry entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RegistryMatch {
    Official(usize),
    /// A 规范简称, as official as the full name (发展改革委).
    Normative(usize),
    Alias(usize),
}

impl RegistryMatch {
    #[must_use]
    pub fn entry(self) -> usize {
        match self {
            RegistryMatch::Official(i) | RegistryMatch::Normative(i) | RegistryMatch::Alias(i) => i,
        }
    }
}

/// The bodies of one jurisdiction, indexed by folded name.
#[derive(Debug, Default)]
pub struct AgencyRegistry {
    pub entries: Vec<RegistryEntry>,
    pub collectives: Vec<String>,
    index: HashMap<String, RegistryMatch>,
}

impl AgencyRegistry {
    /// Builds the index. `standard_aliases` gives the abbreviations that hold everywhere
    /// (工信局 for 工业和信息化局) so each registry lists only its official names; those in
    /// `normative` (folded) are 规范简称 and match as such.
    #[must_use]
    pub fn new(
        entries: Vec<RegistryEntry>,
        collectives: Vec<String>,
        standard_aliases: &HashMap<String, Vec<String>>,
        normative: &std::collections::HashSet<String>,
    ) -> Self {
        let mut index = HashMap::new();
        for (i, entry) in entries.iter().enumerate() {
            index.insert(fold(&entry.name), RegistryMatch::Official(i));
        }
        for (i, entry) in entries.iter().enumerate() {
            let standard = standard_aliases
                .get(&fold(&entry.name))
                .into_iter()
                .flatten();
            for alias in entry.aliases.iter().chain(standard) {
                let folded = fold(alias);
                let found = if normative.contains(&folded) {
                    RegistryMatch::Normative(i)
                } else {
                    RegistryMatch::Alias(i)
                };
                index.entry(folded).or_insert(found);
            }
        }
        let collectives = collectives.iter().map(|c| fold(c)).collect();
        Self {
            entries,
            collectives,
            index,
        }
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    #[must_use]
    pub fn lookup(&self, folded: &str) -> Option<RegistryMatch> {
        self.index.get(folded).copied()
    }

    /// Every name the index knows, with its entry (official names and aliases).
    pub fn known_names(&self) -> impl Iterator<Item = (&str, RegistryMatch)> {
        self.index.iter().map(|(name, m)| (name.as_str(), *m))
    }
}

/// A jurisdiction and its ancestors, nearest first.
#[must_use]
pub fn jurisdiction_chain(
    jurisdictions: &[Jurisdiction],
    start: JurisdictionId,
) -> Vec<JurisdictionId> {
    let mut chain = Vec::new();
    let mut next = Some(start);
    while let Some(id) = next {
        if chain.contains(&id) {
            break;
        }
        chain.push(id);
        next = jurisdictions[id.0].parent;
    }
    chain
}

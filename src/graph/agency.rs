//! Resolving an agency name as written in a plan against the registries: the plan's own
//! jurisdiction first (市/区/县 prefixes mean "of this jurisdiction"), then the levels above it,
//! whose bodies a plan may only name when they are vertically managed.

use super::standard_names;
use crate::model::jurisdiction::RegistryMatch;
use crate::model::text::{char_distance, fold, is_subsequence};
use crate::model::{AgencyKind, AgencyName, Collective, Jurisdiction, JurisdictionId};

/// The resolutions of one plan's agency mentions: each name once (a plan names one body in many
/// tasks: 377,000 mentions of far fewer names on the grown national corpus), and for each
/// mention, in `Plan::agency_mentions` order, which of them it is.
#[derive(Debug, Default)]
pub struct PlanAgencies {
    names: Vec<AgencyResolution>,
    of_mention: Vec<u32>,
}

impl PlanAgencies {
    /// The resolutions of `plan`'s agency mentions in `corpus`, each name once (a body leads
    /// many tasks).
    pub(super) fn of(corpus: &crate::ingest::Corpus, plan: &crate::model::Plan) -> Self {
        let resolver = AgencyResolver {
            jurisdictions: &corpus.jurisdictions,
        };
        Self::resolve(
            plan.agency_mentions().map(|(_, _, name)| &name.value),
            |name| resolver.resolve(name, plan.jurisdiction),
        )
    }

    /// Resolves the names of `mentions`, each once, with `resolve`.
    pub(super) fn resolve<'p>(
        mentions: impl Iterator<Item = &'p crate::model::AgencyName>,
        mut resolve: impl FnMut(&crate::model::AgencyName) -> AgencyResolution,
    ) -> Self {
        let mut out = Self::default();
        let mut known: foldhash::HashMap<&str, u32> = foldhash::HashMap::default();
        for name in mentions {
            let index = *known.entry(&name.folded).or_insert_with(|| {
                out.names.push(resolve(name));
                u32::try_from(out.names.len() - 1).unwrap_or(u32::MAX)
            });
            out.of_mention.push(index);
        }
        out
    }

    /// Each mention's resolution, in `Plan::agency_mentions` order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &AgencyResolution> + '_ {
        self.of_mention.iter().map(|&i| &self.names[i as usize])
    }
}

/// What a written name refers to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgencyResolution {
    /// A body of the plan's jurisdiction (or one its registry allows, such as a vertically
    /// managed branch). `alias` when written as an abbreviation.
    Registered {
        jurisdiction: JurisdictionId,
        entry: usize,
        alias: bool,
    },
    /// A collective term (各镇街, 有关部门): valid, and no single body.
    Collective,
    /// A body of another level's registry.
    OtherLevel {
        jurisdiction: JurisdictionId,
        entry: usize,
    },
    /// Nothing by that name; `suggestion` is the closest official name, if any is close.
    /// Shared: a plan names one body in many tasks, and each mention holds its resolution.
    Unknown {
        suggestion: Option<std::sync::Arc<Suggestion>>,
    },
    /// The jurisdiction has no registry, so the name cannot be checked.
    Unchecked,
    /// Not listed in a default registry, but a real body by its form: merged functions
    /// (科技和工业信息化局) or a body of another level stationed here (…生态环境局平度分局).
    Standard,
}

/// A did-you-mean.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Suggestion {
    /// The name as the plan would write it (with its prefix).
    pub name: String,
    pub entry: usize,
    /// Whether the written name is an abbreviation of it (every character in order), rather
    /// than merely close in spelling: then both names mean the same body.
    pub abbreviation: bool,
}

/// Resolves names against the corpus's jurisdictions.
pub struct AgencyResolver<'a> {
    pub jurisdictions: &'a [Jurisdiction],
}

impl AgencyResolver<'_> {
    #[must_use]
    pub fn resolve(&self, name: &AgencyName, home: JurisdictionId) -> AgencyResolution {
        let folded: &str = &name.folded;
        let jurisdiction = &self.jurisdictions[home.0];
        if Collective::is_collective(folded)
            || jurisdiction
                .registry
                .collectives
                .iter()
                .any(|c| c == folded)
        {
            return AgencyResolution::Collective;
        }
        if jurisdiction.registry.is_empty() {
            return AgencyResolution::Unchecked;
        }
        let own_prefixes = prefixes(jurisdiction, true);
        for core in cores(folded, &own_prefixes) {
            if let Some(found) = jurisdiction.registry.lookup(&core) {
                return AgencyResolution::Registered {
                    jurisdiction: home,
                    entry: found.entry(),
                    alias: matches!(found, RegistryMatch::Alias(_)),
                };
            }
        }
        if let Some(other) = self.other_level(folded, jurisdiction) {
            return other;
        }
        // A standard body of this level that a hand-written registry lacks is no error.
        if let Some(standard) = &jurisdiction.standard
            && cores(folded, &own_prefixes)
                .iter()
                .any(|c| standard.lookup(c).is_some())
        {
            return AgencyResolution::Standard;
        }
        // A default registry lists the usual bodies; real ones of other forms pass.
        if jurisdiction.default_registry.is_some()
            && (standard_names::is_stationed(folded)
                || cores(folded, &own_prefixes)
                    .iter()
                    .any(|c| standard_names::is_composite(c)))
        {
            return AgencyResolution::Standard;
        }
        AgencyResolution::Unknown {
            suggestion: suggest(folded, jurisdiction, &own_prefixes).map(std::sync::Arc::new),
        }
    }

    fn other_level(&self, folded: &str, home: &Jurisdiction) -> Option<AgencyResolution> {
        let mut next = home.parent;
        while let Some(id) = next {
            let ancestor = &self.jurisdictions[id.0];
            let mut prefixes = prefixes(ancestor, false);
            // A prefix word is only evidence of another level when this jurisdiction does not
            // use the same word for itself (安丘 and 潍坊 both write 市).
            if let Some(p) = &ancestor.self_prefix
                && home.self_prefix.as_deref() != Some(p.as_str())
            {
                prefixes.push(fold(p));
            }
            let bare = ancestor.self_prefix.is_none();
            for core in cores(folded, &prefixes)
                .into_iter()
                .filter(|c| bare || c != folded)
            {
                if let Some(found) = ancestor.registry.lookup(&core) {
                    return Some(AgencyResolution::OtherLevel {
                        jurisdiction: id,
                        entry: found.entry(),
                    });
                }
            }
            next = ancestor.parent;
        }
        None
    }

    /// A body of `home` whose official name the written name abbreviates (财政部 → 财政管理部 in
    /// a zone): what a name resolved to another level may have meant.
    #[must_use]
    pub fn local_reading(&self, name: &AgencyName, home: JurisdictionId) -> Option<Suggestion> {
        let jurisdiction = &self.jurisdictions[home.0];
        suggest(&name.folded, jurisdiction, &prefixes(jurisdiction, true))
            .filter(|s| s.abbreviation)
    }

    /// Whether the body a resolution names may act at any level (vertically managed).
    #[must_use]
    pub fn is_vertical(&self, jurisdiction: JurisdictionId, entry: usize) -> bool {
        self.jurisdictions[jurisdiction.0].registry.entries[entry].kind == AgencyKind::Vertical
    }
}

/// The forms a jurisdiction's own names take as prefixes: 安丘市, 安丘, and (if `with_self`)
/// its self prefix 市.
fn prefixes(jurisdiction: &Jurisdiction, with_self: bool) -> Vec<String> {
    let mut list: Vec<String> = jurisdiction.names().map(fold).collect();
    if with_self {
        list.extend(jurisdiction.self_prefix.as_deref().map(fold));
    }
    list.sort_by_key(|p| std::cmp::Reverse(p.chars().count()));
    list
}

/// The name itself and the name with each matching prefix removed.
fn cores(folded: &str, prefixes: &[String]) -> Vec<String> {
    let mut cores = vec![folded.to_string()];
    for prefix in prefixes {
        if let Some(rest) = folded.strip_prefix(prefix.as_str())
            && !rest.is_empty()
        {
            cores.push(rest.to_string());
        }
    }
    cores
}

fn suggest(
    folded: &str,
    jurisdiction: &Jurisdiction,
    own_prefixes: &[String],
) -> Option<Suggestion> {
    let (written_prefix, core) = own_prefixes
        .iter()
        .find_map(|p| {
            folded
                .strip_prefix(p.as_str())
                .map(|rest| (p.clone(), rest.to_string()))
        })
        .unwrap_or_default();
    let core = if core.is_empty() {
        folded.to_string()
    } else {
        core
    };
    let last = core.chars().last();
    let mut best: Option<(usize, bool, usize, String)> = None;
    for (i, entry) in jurisdiction.registry.entries.iter().enumerate() {
        let official = fold(&entry.name);
        let abbreviation = is_subsequence(&core, &official) && official.chars().last() == last;
        let distance = char_distance(&core, &official);
        let close = distance <= (core.chars().count() / 3).max(1);
        if !(abbreviation || close) {
            continue;
        }
        let rank = (usize::from(!abbreviation), distance);
        if best
            .as_ref()
            .is_none_or(|(d, a, _, _)| rank < (usize::from(!*a), *d))
        {
            best = Some((distance, abbreviation, i, official));
        }
    }
    best.map(|(_, abbreviation, entry, official)| Suggestion {
        name: format!("{written_prefix}{official}"),
        entry,
        abbreviation,
    })
}

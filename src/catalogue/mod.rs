//! Rule data from `lints/` (not code — the code is `src/lints/`): the indicator catalogue, the
//! standard agency abbreviations and the default agency registries by level. The bundled copies
//! are compiled in so `planlint` works in any plan repository; `--lints DIR` reads another folder
//! instead, and `catalogue:` in planlint.yaml lays a repository's own folders over them.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use crate::diagnostics::Diagnostic;
use crate::model::text::fold;
use crate::model::{Direction, IndicatorId, IndicatorKind, Sources, Unit};

const INDICATORS_FILE: &str = "indicators.yaml";
const ABBREVIATIONS_FILE: &str = "agency-abbreviations.yaml";
const BUNDLED_INDICATORS: &str = include_str!("../../lints/indicators.yaml");
const BUNDLED_ABBREVIATIONS: &str = include_str!("../../lints/agency-abbreviations.yaml");
const REGISTRIES_FILE: &str = "registries.yaml";
const BUNDLED_REGISTRIES: &str = include_str!("../../lints/registries.yaml");

const RENAMED_FILE: &str = "renamed-agencies.yaml";
const BUNDLED_RENAMED: &str = include_str!("../../lints/renamed-agencies.yaml");

mod layers;
mod registries;
mod renamed;

pub use registries::{DefaultRegistries, DefaultRegistry, RegistryLevel};
pub use renamed::{Renamed, RenamedAgencies};

/// What a catalogued indicator is measured in, so that a count is never linked to a rate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Measure {
    Percent,
    Ratio,
    Count,
    /// Only qualitative targets (基本淘汰, 全部完成更新改造) name it.
    Qualitative,
}

impl Measure {
    fn fits(self, unit: &Unit) -> bool {
        matches!(
            (self, unit),
            (Measure::Percent, Unit::Percent)
                | (Measure::Ratio, Unit::Ratio)
                | (Measure::Count, Unit::Count(_))
        )
    }
}

/// One catalogue entry.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: IndicatorId,
    /// The canonical Chinese name.
    pub name: String,
    /// Wordings seen in plans; a target links to the entry whose wording it contains (the
    /// longest such wording wins).
    pub wordings: Vec<String>,
    pub direction: Direction,
    pub kind: IndicatorKind,
    pub measure: Measure,
    /// The counting unit its figures are in (`辆`), so that a figure written without one
    /// (`达到2.8万`) can still be read.
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct IndicatorsFile {
    indicators: Vec<Indicator>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct AbbreviationsFile {
    /// Official name (without jurisdiction prefix) → standard abbreviations.
    abbreviations: std::collections::BTreeMap<String, Vec<String>>,
    /// The abbreviations that are 规范简称, the form official documents themselves use
    /// (发展改革委, 市场监管局): they resolve like the official name and are never flagged.
    #[serde(default)]
    normative: Vec<String>,
}

/// The loaded rule data.
#[derive(Debug, Default)]
pub struct Catalogue {
    pub indicators: Vec<Indicator>,
    /// Folded official name → its abbreviations.
    pub abbreviations: HashMap<String, Vec<String>>,
    /// Folded 规范简称: abbreviations as official as the full name.
    pub normative: std::collections::HashSet<String>,
    /// Every entry's folded wordings, for linking.
    wordings: WordingIndex,
    /// Entry index by id: the first entry with each id, as a scan would find it.
    by_id: HashMap<IndicatorId, usize>,
    /// The default agency registries by level, for jurisdictions with no registry of their own.
    pub registries: DefaultRegistries,
    /// Agency names abolished in the reorganisations, with their successors.
    pub renamed: RenamedAgencies,
}

impl Catalogue {
    /// Loads the bundled catalogue, or the one in `dir`, with each of `layers` laid over it.
    /// Problems become diagnostics and the part that failed is left empty.
    pub fn load(
        dir: Option<&Path>,
        layers: &[PathBuf],
        sources: &mut Sources,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let indicators_text = read(
            dir,
            INDICATORS_FILE,
            BUNDLED_INDICATORS,
            sources,
            diagnostics,
        );
        let abbreviations_text = read(
            dir,
            ABBREVIATIONS_FILE,
            BUNDLED_ABBREVIATIONS,
            sources,
            diagnostics,
        );
        let base = dir.map_or_else(|| PathBuf::from("lints"), Path::to_path_buf);
        let mut catalogue = Catalogue::default();
        if let Some(text) = indicators_text {
            let id = sources.add(base.join(INDICATORS_FILE), text.as_str());
            match crate::source::yaml::parse::<IndicatorsFile>(id, &text) {
                Ok(file) => catalogue.indicators = file.indicators,
                Err(d) => diagnostics.push(*d),
            }
        }
        if let Some(text) = abbreviations_text {
            let id = sources.add(base.join(ABBREVIATIONS_FILE), text.as_str());
            match crate::source::yaml::parse::<AbbreviationsFile>(id, &text) {
                Ok(file) => {
                    catalogue.abbreviations = file
                        .abbreviations
                        .into_iter()
                        .map(|(official, short)| (fold(&official), short))
                        .collect();
                    catalogue.normative = file.normative.iter().map(|n| fold(n)).collect();
                }
                Err(d) => diagnostics.push(*d),
            }
        }
        catalogue.registries = optional(
            dir,
            REGISTRIES_FILE,
            BUNDLED_REGISTRIES,
            sources,
            diagnostics,
        )
        .map(registries::RegistriesFile::into_registries)
        .unwrap_or_default();
        catalogue.renamed = optional(dir, RENAMED_FILE, BUNDLED_RENAMED, sources, diagnostics)
            .map(RenamedAgencies::new)
            .unwrap_or_default();
        for layer in layers {
            catalogue.add_layer(layer, sources, diagnostics);
        }
        catalogue.index();
        catalogue
    }

    fn index(&mut self) {
        self.by_id = HashMap::new();
        for (i, indicator) in self.indicators.iter().enumerate() {
            self.by_id.entry(indicator.id.clone()).or_insert(i);
        }
        self.wordings = WordingIndex::new(
            self.indicators
                .iter()
                .enumerate()
                .flat_map(|(i, ind)| {
                    std::iter::once(&ind.name)
                        .chain(&ind.wordings)
                        .map(move |w| (fold(w), i))
                })
                .collect(),
        );
    }

    /// The catalogue entry a target's wording and unit link to.
    #[must_use]
    pub fn link(&self, wording: &str, unit: &Unit) -> Option<&Indicator> {
        self.longest_wording(wording, |indicator| indicator.measure.fits(unit))
    }

    /// The entry for a wording whatever its unit: for qualitative targets, which have none.
    #[must_use]
    pub fn link_wording(&self, wording: &str) -> Option<&Indicator> {
        self.longest_wording(wording, |_| true)
    }

    /// The entry, among those `accept`s, whose wording `wording` contains, the longest wording
    /// winning (the earlier entry on a tie).
    fn longest_wording(
        &self,
        wording: &str,
        accept: impl Fn(&Indicator) -> bool,
    ) -> Option<&Indicator> {
        let folded = fold(wording);
        self.wordings
            .contained_in(&folded)
            .filter(|(_, i)| accept(&self.indicators[*i]))
            .max_by_key(|(w, i)| (w.chars().count(), std::cmp::Reverse(*i)))
            .map(|(_, i)| &self.indicators[*i])
    }

    /// Every entry a wording's words contain, in the order [`Catalogue::link`] prefers them
    /// (the longest wording first, the earlier entry on a tie): found once for a wording that
    /// many targets share, then [`Catalogue::link_among`] picks by each target's unit.
    #[must_use]
    pub fn candidates(&self, wording: &str) -> Candidates {
        let mut found: Vec<(usize, usize)> = self
            .wordings
            .contained_in(&fold(wording))
            .map(|(w, i)| (w.chars().count(), *i))
            .collect();
        found.sort_by_key(|&(length, i)| (std::cmp::Reverse(length), i));
        Candidates(found.into_iter().map(|(_, i)| i).collect())
    }

    /// What [`Catalogue::link`] gives for a wording with these `candidates` and `unit`.
    #[must_use]
    pub fn link_among(&self, candidates: &Candidates, unit: &Unit) -> Option<&Indicator> {
        candidates
            .0
            .iter()
            .map(|&i| &self.indicators[i])
            .find(|indicator| indicator.measure.fits(unit))
    }

    #[must_use]
    pub fn get(&self, id: &IndicatorId) -> Option<&Indicator> {
        self.by_id.get(id).and_then(|&i| self.indicators.get(i))
    }

    /// Looks an indicator up by id or by a Chinese wording.
    #[must_use]
    pub fn find(&self, query: &str) -> Option<&Indicator> {
        let folded = fold(query);
        self.indicators
            .iter()
            .find(|i| i.id.0 == query)
            .or_else(|| self.link_wording(query))
            // A short query (数控化率) names the entry whose name or wording contains it.
            .or_else(|| {
                self.indicators.iter().find(|i| {
                    !folded.is_empty()
                        && (fold(&i.name).contains(&folded)
                            || i.wordings.iter().any(|w| fold(w).contains(&folded)))
                })
            })
    }
}

/// The catalogue's folded wordings with one automaton over them all, so a target's wording is
/// searched once for every entry rather than once per entry.
#[derive(Debug, Default)]
struct WordingIndex {
    /// (folded wording, entry index).
    wordings: Vec<(String, usize)>,
    /// Over the wordings that are not empty; pattern `k` is `wordings[patterns[k]]`.
    matcher: Option<aho_corasick::AhoCorasick>,
    patterns: Vec<usize>,
}

impl WordingIndex {
    fn new(wordings: Vec<(String, usize)>) -> Self {
        // An empty wording (a name that folds to nothing) is in every text: no pattern, and
        // `contained_in` always offers it.
        let patterns: Vec<usize> = (0..wordings.len())
            .filter(|&k| !wordings[k].0.is_empty())
            .collect();
        let matcher = aho_corasick::AhoCorasick::new(patterns.iter().map(|&k| &wordings[k].0)).ok();
        Self {
            wordings,
            matcher,
            patterns,
        }
    }

    /// The wordings `text` contains, each with its entry, in no particular order and perhaps
    /// more than once.
    fn contained_in<'a>(
        &'a self,
        text: &'a str,
    ) -> Box<dyn Iterator<Item = &'a (String, usize)> + 'a> {
        let Some(matcher) = &self.matcher else {
            // Only when the automaton could not be built (too large): one search per wording.
            return Box::new(
                self.wordings
                    .iter()
                    .filter(move |(w, _)| text.contains(w.as_str())),
            );
        };
        let found = matcher
            .find_overlapping_iter(text)
            .filter_map(|m| self.patterns.get(m.pattern().as_usize()))
            .filter_map(|&k| self.wordings.get(k));
        let empty = self.wordings.iter().filter(|(w, _)| w.is_empty());
        Box::new(found.chain(empty))
    }
}

fn read(
    dir: Option<&Path>,
    name: &str,
    bundled: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<String> {
    let Some(dir) = dir else {
        return Some(bundled.to_string());
    };
    let path = dir.join(name);
    crate::source::read_text(&path)
        .map_err(|problem| diagnostics.push(problem.into_diagnostic(sources, &path)))
        .ok()
}

/// A rule file added after `--lints` folders existed: `DIR/NAME` when the folder has it (a
/// folder made before still works), else the bundled copy.
fn optional<T: serde::de::DeserializeOwned>(
    dir: Option<&Path>,
    name: &str,
    bundled: &str,
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<T> {
    let own = dir
        .map(|d| d.join(name))
        .filter(|p| crate::source::observe::is_file(p));
    let (path, text) = match own {
        Some(path) => match crate::source::read_text(&path) {
            Ok(text) => (path, text),
            Err(problem) => {
                diagnostics.push(problem.into_diagnostic(sources, &path));
                return None;
            }
        },
        None => (PathBuf::from("lints").join(name), bundled.to_string()),
    };
    let id = sources.add(path, text.as_str());
    crate::source::yaml::parse::<T>(id, &text)
        .map_err(|d| diagnostics.push(*d))
        .ok()
}

/// The catalogue entries a wording can link to, best first ([`Catalogue::candidates`]).
#[derive(Debug, Clone, Default)]
pub struct Candidates(Vec<usize>);

#[cfg(test)]
mod tests;

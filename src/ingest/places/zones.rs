//! Functional zones known only by name: `成都高新区`, `苏州工业园区`, `重庆两江新区`, `XX经开区`.
//! The 2023 division table gives codes to a few zones and none to most; a name made of a place
//! and a zone word is a zone under that place, whatever the table says. Such zones are added
//! once per run, from the names the plans' texts and `--jurisdiction` give, before any plan is
//! placed, so that every lookup knows them.

use std::path::PathBuf;
use std::sync::Arc;

use super::Places;
use crate::model::jurisdiction::AgencyRegistry;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId, Level, Located, Sources, Span};

/// The words a zone's name ends with, the long form before its short one.
const ZONE_WORDS: [(&str, &str); 9] = [
    ("高新技术产业开发区", "高新区"),
    ("经济技术开发区", "经开区"),
    ("自由贸易试验区", "自贸区"),
    ("综合保税区", "综保区"),
    ("工业园区", "工业园区"),
    ("示范区", "示范区"),
    ("开发区", "开发区"),
    ("高新区", "高新区"),
    ("经开区", "经开区"),
];

/// `新区` names a zone too (两江新区, 滨海新区), but only after a name of its own.
const NEW_AREA: &str = "新区";

/// Verbs a title puts after a place, which a zone's own name never holds.
const VERBS: [&str; 8] = [
    "推动", "推进", "加快", "实施", "建设", "打造", "促进", "支持",
];

/// What a zone's government signs as, after its name.
const ZONE_ISSUERS: [&str; 4] = ["管理委员会", "管委会", "党工委", "管委会办公室"];

/// Where the zones known only by name are said to come from.
const ZONES_BY_NAME: &str = "lints/gazetteer/zones-by-name";

/// Whether `text` starts with the name of a zone this run made from the texts' names (not one
/// of the division table or of a jurisdiction file).
pub(crate) fn names_a_zone_made_by_name(
    jurisdictions: &[Jurisdiction],
    sources: &Sources,
    text: &str,
) -> bool {
    let text = fold(text);
    jurisdictions
        .iter()
        .filter(|j| sources.get(j.source).path == std::path::Path::new(ZONES_BY_NAME))
        .flat_map(Jurisdiction::names)
        .any(|name| text.starts_with(&fold(name)))
}

/// Adds a jurisdiction for each zone that `names` name and that is not known yet; returns how
/// many were added.
pub(crate) fn add_named<'a>(
    jurisdictions: &mut Vec<Jurisdiction>,
    sources: &mut Sources,
    names: impl IntoIterator<Item = &'a str>,
) -> usize {
    use rayon::prelude::*;
    let mut zones: Vec<(String, Vec<String>, JurisdictionId)> = Vec::new();
    {
        let places = Places::new(jurisdictions);
        let names: Vec<&str> = names.into_iter().collect();
        // Every text of a national corpus gives names: each is looked at on every core, and the
        // zones are taken in the names' order (the first spelling names the zone).
        let found: Vec<Option<(String, Vec<String>, JurisdictionId)>> = names
            .par_iter()
            .map(|name| zone_in(&places, jurisdictions, name))
            .collect();
        for (zone, aliases, parent) in found.into_iter().flatten() {
            if places.named(&zone).is_empty() && !zones.iter().any(|(z, _, _)| *z == zone) {
                zones.push((zone, aliases, parent));
            }
        }
    }
    if zones.is_empty() {
        return 0;
    }
    let source = sources.add(PathBuf::from(ZONES_BY_NAME), "");
    let added = zones.len();
    for (zone, aliases, parent) in zones {
        jurisdictions.push(zone_jurisdiction(zone, aliases, parent, source));
    }
    added
}

/// The zone a name (an issuer, a title's opening, a place a text works in) starts with: its
/// name, its other names, and the place it is under. `成都高新区管委会` → 成都高新区 (成都高新技术
/// 产业开发区, 成都市高新区…) under 成都市.
fn zone_in(
    places: &Places,
    jurisdictions: &[Jurisdiction],
    text: &str,
) -> Option<(String, Vec<String>, JurisdictionId)> {
    let text = fold(text);
    let place = places.leading_name(&text)?;
    let (own, word, other) = zone_word(&text[place.len()..])?;
    // 西安 is 西安市 and 辽源's 西安区: a zone is a city's (or a province-level municipality's).
    let candidates = places.named(&place);
    let cities: Vec<JurisdictionId> = candidates
        .iter()
        .copied()
        .filter(|id| {
            matches!(
                jurisdictions[id.0].level,
                Level::Municipal | Level::Provincial
            )
        })
        .collect();
    let parent = match (candidates, cities.as_slice()) {
        ([one], _) | (_, [one]) => *one,
        _ => return None,
    };
    if jurisdictions[parent.0].level == Level::National {
        return None;
    }
    let name = format!("{place}{own}{word}");
    // The zone is also called by the place's other names, and by the other form of its word.
    let mut aliases: Vec<String> = Vec::new();
    for place_name in jurisdictions[parent.0].names().map(fold) {
        for w in std::iter::once(word).chain(other) {
            let alias = format!("{place_name}{own}{w}");
            if alias != name && !aliases.contains(&alias) {
                aliases.push(alias);
            }
        }
    }
    Some((name, aliases, parent))
}

/// After a place's name, the zone word it goes straight on with (高新区, 工业园区…), or a name
/// of two to four characters and 新区 (两江新区): (that name, the word, the word's other form).
fn zone_word(rest: &str) -> Option<(&str, &'static str, Option<&'static str>)> {
    for (long, short) in ZONE_WORDS {
        for (word, other) in [(long, short), (short, long)] {
            if rest.starts_with(word) {
                return Some(("", word, (word != other).then_some(other)));
            }
        }
    }
    let at = rest.find(NEW_AREA)?;
    let own = &rest[..at];
    // Not 推动高新区: a zone word after other words, or a verb in the name.
    let named = (2..=4).contains(&own.chars().count())
        && own.chars().all(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
        && !own.ends_with('高')
        && !VERBS.iter().any(|v| own.contains(v));
    named.then_some((own, NEW_AREA, None))
}

fn zone_jurisdiction(
    name: String,
    aliases: Vec<String>,
    parent: JurisdictionId,
    source: crate::model::SourceId,
) -> Jurisdiction {
    let issuers = ZONE_ISSUERS
        .iter()
        .flat_map(|suffix| {
            std::iter::once(&name)
                .chain(&aliases)
                .map(move |n| format!("{n}{suffix}"))
        })
        .collect();
    Jurisdiction {
        source,
        dir: PathBuf::new(),
        name: Located::new(name, source, Span::default()),
        aliases,
        level: Level::County,
        code: None,
        parent: Some(parent),
        self_prefix: Some("区".to_string()),
        doc_prefixes: Vec::new(),
        issuers,
        // A zone's 管委会 sets up its own bodies: none are checked without its file.
        registry: Arc::new(AgencyRegistry::default()),
        default_registry: None,
        standard: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> (Vec<Jurisdiction>, Sources) {
        let mut jurisdictions = Vec::new();
        let mut sources = Sources::default();
        let catalogue = crate::catalogue::Catalogue::default();
        super::super::gazetteer::merge(
            &mut jurisdictions,
            &mut sources,
            &crate::gazetteer::BUNDLED,
            &catalogue,
        );
        (jurisdictions, sources)
    }

    fn placed(name: &str) -> Option<(String, String)> {
        let (mut jurisdictions, mut sources) = corpus();
        add_named(&mut jurisdictions, &mut sources, [name]);
        let places = Places::new(&jurisdictions);
        let issuer = places.issued_by(&jurisdictions, name);
        let found = match issuer.as_slice() {
            [one] => *one,
            _ => *places.named(name).first()?,
        };
        let zone = &jurisdictions[found.0];
        let parent = &jurisdictions[zone.parent?.0];
        Some((zone.name.value.clone(), parent.name.value.clone()))
    }

    #[test]
    fn a_place_and_a_zone_word_make_a_zone_under_the_place() {
        for (text, zone, parent) in [
            ("成都高新区", "成都高新区", "成都市"),
            (
                "成都高新技术产业开发区管理委员会",
                "成都高新技术产业开发区",
                "成都市",
            ),
            ("西安经开区", "西安经开区", "西安市"),
            ("苏州工业园区", "苏州工业园区", "苏州市"),
            ("重庆两江新区", "重庆两江新区", "重庆市"),
        ] {
            assert_eq!(placed(text), Some((zone.into(), parent.into())), "{text}");
        }
    }

    #[test]
    fn a_zone_word_alone_or_far_from_the_place_is_no_zone() {
        let (mut jurisdictions, mut sources) = corpus();
        let added = add_named(
            &mut jurisdictions,
            &mut sources,
            ["高新区", "成都市推动高新区发展", "四川省"],
        );
        assert_eq!(added, 0);
    }
}

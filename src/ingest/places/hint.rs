//! A jurisdiction named by a person (`--jurisdiction`, a sidecar's `jurisdiction:`): an official
//! or short name (平度市, 平度), a path (山东省/青岛市/平度市) or a code (370283).

use super::Places;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId};

/// Why a named jurisdiction cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HintProblem {
    /// Nothing by that name; the nearest known name, if one is close.
    Unknown { did_you_mean: Option<String> },
    /// Several places by that name.
    Ambiguous { candidates: Vec<JurisdictionId> },
}

/// The jurisdiction a person named.
pub(crate) fn resolve_hint(
    places: &Places,
    jurisdictions: &[Jurisdiction],
    hint: &str,
) -> Result<JurisdictionId, HintProblem> {
    let hint = hint.trim();
    if hint.len() == 6 && hint.bytes().all(|b| b.is_ascii_digit()) {
        return places
            .coded(hint)
            .ok_or(HintProblem::Unknown { did_you_mean: None });
    }
    let parts: Vec<&str> = hint
        .split(['/', '／'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    let Some((last, above)) = parts.split_last() else {
        return Err(HintProblem::Unknown { did_you_mean: None });
    };
    let candidates: Vec<JurisdictionId> = places
        .named(last)
        .iter()
        .copied()
        .filter(|id| within(jurisdictions, *id, above))
        .collect();
    pick(jurisdictions, candidates).map_err(|problem| match problem {
        HintProblem::Unknown { .. } => HintProblem::Unknown {
            did_you_mean: nearest(places, jurisdictions, last),
        },
        ambiguous => ambiguous,
    })
}

/// The one candidate, preferring a jurisdiction the corpus declares in a folder over the
/// gazetteer's entry of the same name.
pub(crate) fn pick(
    jurisdictions: &[Jurisdiction],
    mut candidates: Vec<JurisdictionId>,
) -> Result<JurisdictionId, HintProblem> {
    if candidates.len() > 1 {
        let declared: Vec<JurisdictionId> = candidates
            .iter()
            .copied()
            .filter(|id| !jurisdictions[id.0].dir.as_os_str().is_empty())
            .collect();
        if declared.len() == 1 {
            return Ok(declared[0]);
        }
    }
    candidates.sort();
    candidates.dedup();
    match candidates.as_slice() {
        [] => Err(HintProblem::Unknown { did_you_mean: None }),
        [one] => Ok(*one),
        _ => Err(HintProblem::Ambiguous { candidates }),
    }
}

/// Whether each name of `above` is a jurisdiction over `id`.
fn within(jurisdictions: &[Jurisdiction], id: JurisdictionId, above: &[&str]) -> bool {
    let chain = jurisdiction_chain(jurisdictions, id);
    above.iter().all(|name| {
        let name = fold(name);
        chain
            .iter()
            .skip(1)
            .any(|a| jurisdictions[a.0].names().any(|n| fold(n) == name))
    })
}

/// Level words a person may get wrong (平度县 for 平度市, 蓬莱县 for 蓬莱区).
const LEVEL_WORDS: [&str; 7] = ["自治县", "县", "市", "区", "旗", "州", "省"];

/// The known name nearest to `name`, when it is close: first a place with the same stem under
/// another level word (平度县 → 平度市, not 平乐县), then a name within two edits (one for short
/// names), the same level word before another.
fn nearest(places: &Places, jurisdictions: &[Jurisdiction], name: &str) -> Option<String> {
    let name = fold(name);
    let stem = LEVEL_WORDS
        .iter()
        .find_map(|w| name.strip_suffix(w))
        .filter(|s| s.chars().count() >= 2);
    if let Some(stem) = stem {
        let mut same: Vec<&str> = places
            .named(stem)
            .iter()
            .map(|id| jurisdictions[id.0].name.value.as_str())
            .filter(|official| *official != name)
            .collect();
        same.sort_unstable();
        same.dedup();
        if !same.is_empty() {
            return Some(same.join("、"));
        }
    }
    let allowed = if name.chars().count() <= 3 { 1 } else { 2 };
    let last = name.chars().last();
    places
        .all_names()
        .map(|known| {
            let other_level = known.chars().last() != last;
            (strsim::levenshtein(&name, known), other_level, known)
        })
        .filter(|(distance, _, _)| *distance <= allowed)
        .min()
        .map(|(_, _, known)| known.to_string())
}

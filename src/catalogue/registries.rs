//! Default agency registries by level (`lints/registries.yaml`): the bodies a province, a
//! 直辖市, a prefecture or a county has after the 2018–2019 and 2023 reorganisations, with their
//! official variants and short forms, for a jurisdiction with no registry of its own.

use std::collections::BTreeMap;

use serde::Deserialize;

use crate::model::AgencyKind;
use crate::model::jurisdiction::RegistryEntry;
pub use crate::model::level::RegistryLevel;

/// One level's default bodies.
#[derive(Debug, Clone, Default)]
pub struct DefaultRegistry {
    pub entries: Vec<RegistryEntry>,
    pub collectives: Vec<String>,
}

/// The default registries of every level.
#[derive(Debug, Clone, Default)]
pub struct DefaultRegistries {
    levels: BTreeMap<RegistryLevel, DefaultRegistry>,
}

impl DefaultRegistries {
    #[must_use]
    pub fn get(&self, level: RegistryLevel) -> Option<&DefaultRegistry> {
        self.levels.get(&level)
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RegistriesFile {
    levels: LevelsFile,
    /// Source keys → where the research found them, for people.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "provenance for readers of the file; accepted so it is not an unknown key"
    )]
    sources: BTreeMap<String, Option<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelsFile {
    provincial: LevelFile,
    municipality: LevelFile,
    prefecture: LevelFile,
    county: LevelFile,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct LevelFile {
    bodies: Vec<BodyFile>,
    #[serde(default)]
    collectives: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct BodyFile {
    name: String,
    #[serde(default)]
    aliases: Vec<String>,
    /// The main name of the function it is another official name for.
    #[serde(default)]
    #[expect(
        dead_code,
        reason = "documentation for readers of the file; every variant is its own entry"
    )]
    variant_of: Option<String>,
    #[serde(default)]
    kind: AgencyKind,
    /// Where the research attests it; required so every default body has a provenance.
    #[expect(dead_code, reason = "provenance for readers of the file")]
    src: Vec<String>,
}

impl RegistriesFile {
    pub(crate) fn into_registries(self) -> DefaultRegistries {
        let level = |file: LevelFile| DefaultRegistry {
            entries: file
                .bodies
                .into_iter()
                .map(|b| RegistryEntry {
                    name: b.name,
                    kind: b.kind,
                    aliases: b.aliases,
                })
                .collect(),
            collectives: file.collectives,
        };
        let LevelsFile {
            provincial,
            municipality,
            prefecture,
            county,
        } = self.levels;
        DefaultRegistries {
            levels: BTreeMap::from([
                (RegistryLevel::Provincial, level(provincial)),
                (RegistryLevel::Municipality, level(municipality)),
                (RegistryLevel::Prefecture, level(prefecture)),
                (RegistryLevel::County, level(county)),
            ]),
        }
    }
}

//! Every province, prefecture and county of China (the 2023 statistical division codes, vendored
//! in `lints/gazetteer/`), with the names plans call them by. Loaded once per process; the corpus
//! merges it with the jurisdiction files of `plans/`, so a plan from a jurisdiction with no folder
//! still has its place and its parents.

mod names;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;

use crate::model::Level;

pub use names::{doc_prefixes, short_names};

const PROVINCES: &str = include_str!("../../lints/gazetteer/provinces.csv");
const CITIES: &str = include_str!("../../lints/gazetteer/cities.csv");
const AREAS: &str = include_str!("../../lints/gazetteer/areas.csv");

/// Where the bundled table lives, for diagnostics that point into it.
pub const AREAS_FILE: &str = "lints/gazetteer/areas.csv";

/// One division.
#[derive(Debug, Clone)]
pub struct Division {
    /// The six-digit GB/T 2260 code (山东省 370000, 青岛市 370200, 平度市 370283).
    pub code: String,
    /// The official full name.
    pub name: String,
    pub level: Level,
    /// Index of the division above it; `None` for a province.
    pub parent: Option<usize>,
    /// A functional zone (a 7x county code): 济宁高新技术产业开发区.
    pub zone: bool,
    /// The names plans also use (平度), derived once.
    pub short_names: Vec<String>,
    /// The 文号 prefixes its government probably issues under, derived once.
    pub doc_prefixes: Vec<String>,
}

/// The divisions, parents before children, indexed by code.
#[derive(Debug, Default)]
pub struct Gazetteer {
    pub divisions: Vec<Division>,
    by_code: HashMap<String, usize>,
    /// (folded official or short name, level) → divisions.
    by_name: HashMap<(String, Level), Vec<usize>>,
    /// Division → the divisions directly below it that are not functional zones.
    children: HashMap<usize, Vec<usize>>,
}

#[derive(Debug, Deserialize)]
struct ProvinceRow {
    code: String,
    name: String,
}

#[derive(Debug, Deserialize)]
struct CityRow {
    code: String,
    name: String,
    #[serde(rename = "provinceCode")]
    province: String,
}

#[derive(Debug, Deserialize)]
struct AreaRow {
    code: String,
    name: String,
    #[serde(rename = "cityCode")]
    city: String,
    #[serde(rename = "provinceCode")]
    province: String,
}

/// The bundled table, parsed on first use.
pub static BUNDLED: LazyLock<Gazetteer> = LazyLock::new(|| {
    // The bundled files are checked by the unit tests; a broken one leaves an empty table.
    Gazetteer::parse(PROVINCES, CITIES, AREAS).unwrap_or_default()
});

impl Gazetteer {
    /// Reads the three tables.
    pub fn parse(provinces: &str, cities: &str, areas: &str) -> Result<Self, csv::Error> {
        let mut gazetteer = Gazetteer::default();
        for row in rows::<ProvinceRow>(provinces) {
            let row = row?;
            gazetteer.add(
                format!("{}0000", row.code),
                row.name,
                Level::Provincial,
                None,
            );
        }
        for row in rows::<CityRow>(cities) {
            let row = row?;
            if is_pseudo_prefecture(&row.name) {
                continue;
            }
            let parent = gazetteer.index(&format!("{}0000", row.province));
            gazetteer.add(
                format!("{}00", row.code),
                row.name,
                Level::Municipal,
                parent,
            );
        }
        for row in rows::<AreaRow>(areas) {
            let row = row?;
            // A city without counties (东莞市, 中山市) is listed again as its own area under the
            // same code: it is one place, the city.
            if gazetteer.index(&row.code).is_some() {
                continue;
            }
            // A county of a pseudo-prefecture belongs to its province.
            let parent = gazetteer
                .index(&format!("{}00", row.city))
                .or_else(|| gazetteer.index(&format!("{}0000", row.province)));
            gazetteer.add(row.code, row.name, Level::County, parent);
        }
        for (index, division) in gazetteer.divisions.iter().enumerate() {
            for name in std::iter::once(&division.name).chain(&division.short_names) {
                gazetteer
                    .by_name
                    .entry((crate::model::text::fold(name), division.level))
                    .or_default()
                    .push(index);
            }
            if let (Some(parent), false) = (division.parent, division.zone) {
                gazetteer.children.entry(parent).or_default().push(index);
            }
        }
        Ok(gazetteer)
    }

    /// The divisions of `level` called `folded` (official or short name, folded).
    #[must_use]
    pub fn named(&self, folded: &str, level: Level) -> &[usize] {
        self.by_name
            .get(&(folded.to_string(), level))
            .map_or(&[], Vec::as_slice)
    }

    fn add(&mut self, code: String, name: String, level: Level, parent: Option<usize>) {
        let zone = level == Level::County && code.as_bytes().get(4) == Some(&b'7');
        self.by_code.insert(code.clone(), self.divisions.len());
        let mut division = Division {
            code,
            name,
            level,
            parent,
            zone,
            short_names: Vec::new(),
            doc_prefixes: Vec::new(),
        };
        division.short_names = short_names(&division);
        division.doc_prefixes = doc_prefixes(&division);
        self.divisions.push(division);
    }

    /// The division with a six-digit code.
    #[must_use]
    pub fn index(&self, code: &str) -> Option<usize> {
        self.by_code.get(code).copied()
    }

    /// The divisions directly below `index`, functional zones left out: the jurisdictions whose
    /// plans together make up its own.
    #[must_use]
    pub fn children(&self, index: usize) -> &[usize] {
        self.children.get(&index).map_or(&[], Vec::as_slice)
    }

    /// A division and its ancestors, nearest first.
    #[must_use]
    pub fn chain(&self, mut index: usize) -> Vec<usize> {
        let mut chain = vec![index];
        while let Some(parent) = self.divisions.get(index).and_then(|d| d.parent) {
            chain.push(parent);
            index = parent;
        }
        chain
    }
}

fn rows<'a, T: serde::de::DeserializeOwned + 'a>(
    text: &'a str,
) -> impl Iterator<Item = csv::Result<T>> + 'a {
    csv::Reader::from_reader(text.as_bytes()).into_deserialize()
}

/// `市辖区` and `县` of a 直辖市, and `省直辖县级行政区划`: groupings, not jurisdictions.
fn is_pseudo_prefecture(name: &str) -> bool {
    matches!(name, "市辖区" | "县") || name.ends_with("直辖县级行政区划")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_city_has_its_counties_below_it_and_not_its_zones() {
        let liaocheng = BUNDLED.index("371500").unwrap();
        let names: Vec<&str> = BUNDLED
            .children(liaocheng)
            .iter()
            .map(|i| BUNDLED.divisions[*i].name.as_str())
            .collect();
        assert_eq!(names.len(), 8, "{names:?}");
        assert!(names.contains(&"临清市"));
        assert!(names.iter().all(|n| !n.contains("开发区")), "{names:?}");
    }

    fn division(code: &str) -> &'static Division {
        &BUNDLED.divisions[BUNDLED.index(code).unwrap()]
    }

    fn chain_names(code: &str) -> Vec<&'static str> {
        BUNDLED
            .chain(BUNDLED.index(code).unwrap())
            .into_iter()
            .map(|i| BUNDLED.divisions[i].name.as_str())
            .collect()
    }

    #[test]
    fn the_bundled_table_is_complete() {
        let count = |level| {
            BUNDLED
                .divisions
                .iter()
                .filter(|d| d.level == level)
                .count()
        };
        assert_eq!(count(Level::Provincial), 31);
        assert_eq!(count(Level::Municipal), 333);
        // 2,978 areas, less the three cities without counties the table lists again as their own
        // area (东莞市, 中山市, 儋州市).
        assert_eq!(count(Level::County), 2975);
    }

    #[test]
    fn counties_hang_under_their_prefecture_and_province() {
        assert_eq!(chain_names("370283"), ["平度市", "青岛市", "山东省"]);
        assert_eq!(division("370283").level, Level::County);
    }

    #[test]
    fn municipalities_and_province_administered_counties_skip_the_pseudo_level() {
        assert_eq!(chain_names("110101"), ["东城区", "北京市"]);
        assert_eq!(chain_names("500229"), ["城口县", "重庆市"]);
        assert_eq!(chain_names("419001"), ["济源市", "河南省"]);
    }

    #[test]
    fn a_city_without_counties_is_one_division() {
        let named = |name: &str| {
            BUNDLED.named(name, Level::County).len() + BUNDLED.named(name, Level::Municipal).len()
        };
        assert_eq!(named("中山市"), 1);
        assert_eq!(named("东莞市"), 1);
        assert_eq!(division("442000").level, Level::Municipal);
    }

    #[test]
    fn functional_zones_are_marked() {
        assert!(division("370871").zone);
        assert!(!division("370283").zone);
    }
}

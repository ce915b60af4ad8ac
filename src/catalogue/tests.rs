//! The catalogue's links.

use super::{Catalogue, Unit};

/// A wording's candidates, found once, link each unit to the entry a search of its own
/// gives: every wording of the bundled catalogue, with words around it and two wordings
/// run together (where a longer wording must win), against every kind of unit.
#[test]
fn candidates_link_as_a_search_does() {
    let mut sources = crate::model::Sources::default();
    let catalogue = Catalogue::load(None, &[], &mut sources, &mut Vec::new());
    let wordings: Vec<&str> = catalogue
        .indicators
        .iter()
        .flat_map(|i| i.wordings.iter().map(String::as_str))
        .collect();
    assert!(wordings.len() > 10, "the bundled catalogue is read");
    let units = [
        Unit::Percent,
        Unit::Ratio,
        Unit::Count(String::new()),
        Unit::Count("辆".into()),
        Unit::Count("元".into()),
        Unit::Count("吨标准煤".into()),
    ];
    let pairs = wordings.windows(2).map(|w| format!("{}和{}", w[0], w[1]));
    let texts = wordings
        .iter()
        .map(|w| format!("全市{w}达到"))
        .chain(pairs)
        .chain(["与目录无关的词".to_string(), String::new()]);
    for text in texts {
        let candidates = catalogue.candidates(&text);
        for unit in &units {
            let searched = catalogue.link(&text, unit).map(|i| &i.id);
            let among = catalogue.link_among(&candidates, unit).map(|i| &i.id);
            assert_eq!(searched, among, "{text} {unit:?}");
        }
    }
}

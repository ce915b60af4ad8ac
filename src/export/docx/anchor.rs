//! Comment ranges placed in `word/document.xml`: a finding's span of the extracted text becomes
//! a `w:commentRangeStart` before its first character and a `w:commentRangeEnd` (with the run
//! holding the `w:commentReference`) after its last. A boundary inside a run splits the run in
//! two, the second half taking a copy of the run's properties, so that the range covers
//! exactly the characters underlined; every byte of the document outside those insertions is
//! kept as it was.

use std::collections::BTreeMap;
use std::fmt::Write;
use std::ops::Range;

use crate::ingest::text::docx::DocxMap;

/// Where a boundary goes in the XML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// Between two elements.
    At(usize),
    /// Inside the text of run `run`, which is split there.
    Split { at: usize, run: usize },
}

impl Place {
    fn offset(self) -> usize {
        match self {
            Place::At(at) | Place::Split { at, .. } => at,
        }
    }
}

/// What is inserted at one place: ranges ending there, then ranges beginning there.
#[derive(Default)]
struct Insertion {
    split: Option<usize>,
    ends: String,
    starts: String,
}

/// `xml` with a comment range for each `(span of the text, comment id)`, and `appendix` (body
/// content) added at the end of the body.
pub(super) fn anchored(
    xml: &str,
    map: &DocxMap,
    ranges: &[(Range<usize>, u32)],
    appendix: &str,
) -> String {
    let mut insertions: BTreeMap<usize, Insertion> = BTreeMap::new();
    for (span, id) in ranges {
        let Some((start, end)) = places(map, span.clone()) else {
            continue;
        };
        let _ = write!(
            insertion_at(&mut insertions, start).starts,
            "<w:commentRangeStart w:id=\"{id}\"/>"
        );
        let _ = write!(
            insertion_at(&mut insertions, end).ends,
            "<w:commentRangeEnd w:id=\"{id}\"/><w:r><w:commentReference w:id=\"{id}\"/></w:r>"
        );
    }
    if let Some(end) = map.body_end
        && !appendix.is_empty()
    {
        insertions.entry(end).or_default().starts.push_str(appendix);
    }
    let mut out = String::with_capacity(xml.len() + insertions.len() * 160);
    let mut copied = 0;
    for (at, insertion) in insertions {
        out.push_str(&xml[copied..at]);
        copied = at;
        match insertion.split {
            Some(run) => {
                out.push_str("</w:t></w:r>");
                out.push_str(&insertion.ends);
                out.push_str(&insertion.starts);
                out.push_str("<w:r>");
                if let Some(props) = &map.runs[run].props {
                    out.push_str(&xml[props.clone()]);
                }
                out.push_str("<w:t xml:space=\"preserve\">");
            }
            None => {
                out.push_str(&insertion.ends);
                out.push_str(&insertion.starts);
            }
        }
    }
    out.push_str(&xml[copied..]);
    out
}

fn insertion_at(insertions: &mut BTreeMap<usize, Insertion>, place: Place) -> &mut Insertion {
    let insertion = insertions.entry(place.offset()).or_default();
    if let Place::Split { run, .. } = place {
        insertion.split = Some(run);
    }
    insertion
}

/// The places of a span's two ends; a span covering no text read from the document (empty, or
/// on a joining character) is widened to its line.
fn places(map: &DocxMap, span: Range<usize>) -> Option<(Place, Place)> {
    let covers = |span: &Range<usize>| {
        let first = map.pieces.partition_point(|p| p.text.end <= span.start);
        map.pieces
            .get(first)
            .is_some_and(|p| p.text.start < span.end)
    };
    let span = if covers(&span) {
        span
    } else {
        let text = &map.text;
        let start = text[..span.start.min(text.len())]
            .rfind('\n')
            .map_or(0, |i| i + 1);
        let end = text[span.end.min(text.len())..]
            .find('\n')
            .map_or(text.len(), |i| span.end + i);
        let line = start..end;
        if !covers(&line) {
            return None;
        }
        line
    };
    let (start, end) = (start_place(map, span.start)?, end_place(map, span.end)?);
    (start.offset() <= end.offset()).then_some((start, end))
}

/// Where a range beginning at text offset `p` begins.
fn start_place(map: &DocxMap, p: usize) -> Option<Place> {
    let i = map.pieces.partition_point(|piece| piece.text.end <= p);
    let piece = map.pieces.get(i)?;
    if let Some(run) = piece.run {
        if p > piece.text.start && piece.exact {
            let at = piece.xml.start + (p - piece.text.start);
            return Some(Place::Split { at, run });
        }
        if map.runs[run].pieces.start == i {
            return Some(Place::At(map.runs[run].xml.start));
        }
        return Some(Place::Split {
            at: piece.xml.start,
            run,
        });
    }
    Some(Place::At(
        map.paragraphs.get(piece.paragraph)?.content.start,
    ))
}

/// Where a range ending at text offset `p` ends.
fn end_place(map: &DocxMap, p: usize) -> Option<Place> {
    let i = map
        .pieces
        .partition_point(|piece| piece.text.start < p)
        .checked_sub(1)?;
    let piece = &map.pieces[i];
    if let Some(run) = piece.run {
        if p < piece.text.end && piece.exact {
            let at = piece.xml.start + (p - piece.text.start);
            return Some(Place::Split { at, run });
        }
        if map.runs[run].pieces.end == i + 1 {
            return Some(Place::At(map.runs[run].xml.end));
        }
        return Some(Place::Split {
            at: piece.xml.end,
            run,
        });
    }
    Some(Place::At(map.paragraphs.get(piece.paragraph)?.content.end))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::docx::walk;

    const DOC: &str = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:pPr><w:jc w:val="both"/></w:pPr><w:r><w:rPr><w:b/></w:rPr><w:t>到2027年，</w:t></w:r><w:r><w:t>回收量增长30%&amp;以上</w:t></w:r></w:p><w:sectPr/></w:body></w:document>"#;

    fn annotate(span: Range<usize>) -> String {
        let map = walk(DOC).unwrap();
        anchored(DOC, &map, &[(span, 7)], "")
    }

    #[test]
    fn a_range_inside_a_run_splits_it_keeping_its_properties() {
        let text = walk(DOC).unwrap().text;
        let start = text.find("年").unwrap();
        let end = text.find("增长").unwrap();
        let out = annotate(start..end);
        assert!(
            out.contains(r#"<w:t>到2027</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">年，</w:t></w:r><w:r><w:t>回收量</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve">增长"#),
            "{out}"
        );
        // Outside the insertions, nothing changed.
        let removed = out
            .replace(r#"</w:t></w:r><w:commentRangeStart w:id="7"/><w:r><w:rPr><w:b/></w:rPr><w:t xml:space="preserve">"#, "")
            .replace(r#"</w:t></w:r><w:commentRangeEnd w:id="7"/><w:r><w:commentReference w:id="7"/></w:r><w:r><w:t xml:space="preserve">"#, "");
        assert_eq!(removed, DOC);
    }

    #[test]
    fn a_range_on_whole_runs_goes_between_them() {
        let text = walk(DOC).unwrap().text;
        let out = annotate(0..text.trim_end().len());
        assert!(
            out.contains(r#"</w:pPr><w:commentRangeStart w:id="7"/><w:r><w:rPr><w:b/>"#),
            "{out}"
        );
        assert!(
            out.contains(r#"以上</w:t></w:r><w:commentRangeEnd w:id="7"/>"#),
            "{out}"
        );
    }

    #[test]
    fn a_boundary_on_a_character_reference_stays_outside_it() {
        let text = walk(DOC).unwrap().text;
        let amp = text.find('&').unwrap();
        let out = annotate(amp..amp + 1);
        assert!(out.contains(r#"<w:commentRangeStart w:id="7"/><w:r><w:t xml:space="preserve">&amp;</w:t></w:r><w:commentRangeEnd"#), "{out}");
    }

    #[test]
    fn an_appendix_goes_before_the_section_properties() {
        let map = walk(DOC).unwrap();
        let out = anchored(DOC, &map, &[], "<w:p/>");
        assert!(
            out.ends_with("<w:p/><w:sectPr/></w:body></w:document>"),
            "{out}"
        );
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(256))]

        /// Whatever the text and the spans, the comment marks change no character of the text
        /// and each range has one start and one end.
        #[test]
        fn comment_marks_never_change_the_text(
            chars in proptest::collection::vec(
                proptest::sample::select(&['到', '年', '，', '&', '<', '\t', '\n', '\r', 'a', ' ', '\u{1}'][..]),
                0..120,
            ),
            bounds in proptest::collection::vec((0usize..200, 0usize..40), 0..6),
        ) {
            let text: String = chars.into_iter().collect();
            let xml = super::super::plain::document(&super::super::plain::paragraphs(&text));
            let map = walk(&xml).unwrap();
            let boundaries: Vec<usize> = (0..=map.text.len())
                .filter(|i| map.text.is_char_boundary(*i))
                .collect();
            let ranges: Vec<(Range<usize>, u32)> = bounds
                .iter()
                .enumerate()
                .map(|(id, (first, len))| {
                    let first = first % boundaries.len();
                    let last = (first + len).min(boundaries.len() - 1);
                    (boundaries[first]..boundaries[last], u32::try_from(id).unwrap())
                })
                .collect();
            let annotated = anchored(&xml, &map, &ranges, "");
            let reread = walk(&annotated).unwrap();
            proptest::prop_assert_eq!(&reread.text, &map.text);
            for (_, id) in &ranges {
                let starts = annotated.matches(&format!("<w:commentRangeStart w:id=\"{id}\"/>")).count();
                let ends = annotated.matches(&format!("<w:commentRangeEnd w:id=\"{id}\"/>")).count();
                proptest::prop_assert_eq!(starts, ends);
                proptest::prop_assert!(starts <= 1);
            }
        }
    }
}

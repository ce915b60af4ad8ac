//! `check DRAFT.ofd --annotate OUT.ofd`: the reviewer's OFD, read back as a zip of XML. Its
//! annotation part (GB/T 33190 §15) holds one highlight per finding by planlint with the
//! finding as its note, each box over the characters the finding underlines; every other part
//! is the draft's, byte for byte.

use std::collections::BTreeMap;
use std::io::Read as _;
use std::path::Path;

use crate::fixed_layout::{annotated, draft_text, text_read};
use crate::producers::{Block, ofd, ofd_pages};
use crate::support::planlint;

/// The builder's character size and the first baseline and left edge of a page's lines (mm):
/// [`crate::ofd_builder`] prints line `i` of a page at `35 + 7.5 i`, from x = 25.
const SIZE: f64 = 4.2;

fn parts(path: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut entry = zip.by_index(i).unwrap();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            (entry.name().unwrap().to_string(), bytes)
        })
        .collect()
}

fn text(parts: &BTreeMap<String, Vec<u8>>, name: &str) -> String {
    String::from_utf8(parts[name].clone()).unwrap()
}

/// The values of attribute `name` and the text of the elements `<ofd:tag …>text</ofd:tag>`.
fn between<'a>(xml: &'a str, open: &str, close: &str) -> Vec<&'a str> {
    xml.split(open)
        .skip(1)
        .filter_map(|rest| rest.split_once(close).map(|(inside, _)| inside))
        .collect()
}

fn numbers(text: &str) -> Vec<f64> {
    text.split_whitespace()
        .map(|n| n.parse().unwrap())
        .collect()
}

#[test]
fn the_reviewers_ofd_highlights_each_finding_in_its_annotation_part() {
    let dir = tempfile::tempdir().unwrap();
    let draft_text = std::fs::read_to_string(draft_text(dir.path())).unwrap();
    let pages = ofd_pages(&draft_text, 30);
    let draft = dir.path().join("draft.ofd");
    std::fs::write(&draft, ofd(&pages, Some("临清市人民政府文件"))).unwrap();
    let copy = dir.path().join("reviewed.ofd");
    let shown = annotated(&draft, &copy);

    let before = parts(&draft);
    let after = parts(&copy);
    // Every part of the draft but its document is there unchanged.
    for (name, bytes) in &before {
        if name != "Doc_0/Document.xml" {
            assert_eq!(&after[name], bytes, "{name}");
        }
    }
    let document = text(&after, "Doc_0/Document.xml");
    assert!(document.contains("<ofd:Annotations>Annots/Annotations.xml</ofd:Annotations>"));
    let annots: Vec<(usize, String)> = annots_of(&after)
        .into_iter()
        .map(|(page_id, annot)| (page_id - 10, annot))
        .collect();
    assert_eq!(annots.len(), shown.len(), "one annotation per finding");
    // MaxUnitID covers the IDs added.
    let max: u64 = between(&document, "<ofd:MaxUnitID>", "</ofd:MaxUnitID>")[0]
        .parse()
        .unwrap();
    assert!(max > 100_000);

    let read = text_read(&draft);
    for finding in &shown {
        let code = finding["code"].as_str().unwrap();
        let (page, annot) = annots
            .iter()
            .find(|(_, annot)| annot.contains(&format!("[{code}]")))
            .unwrap_or_else(|| panic!("no annotation notes {code}"));
        assert!(
            annot.contains("Type=\"Highlight\" Creator=\"planlint\" LastModDate=\"2024-12-06\"")
        );
        assert_eq!(
            *page as u64 + 1,
            finding["location"]["page"].as_u64().unwrap()
        );
        // The characters under the highlight's boxes, by where the builder printed them, are
        // what the finding underlines.
        let origin = numbers(between(annot, "<ofd:Appearance Boundary=\"", "\"")[0]);
        let mut under = String::new();
        for boundary in between(annot, "<ofd:PathObject ID=\"", "</ofd:PathObject>") {
            let [x, y, w, _] = numbers(between(boundary, "Boundary=\"", "\"")[0])[..] else {
                panic!("{boundary}");
            };
            let (left, top) = (origin[0] + x, origin[1] + y);
            let slot = ((top + 0.88 * SIZE - 35.0) / 7.5).round() as usize;
            let Block::Line(line) = &pages[*page][slot] else {
                panic!("slot {slot} is no line");
            };
            let chars: Vec<char> = line.chars().collect();
            let from = ((left - 25.0) / SIZE).round() as usize;
            let to = ((left + w - 25.0) / SIZE).round() as usize;
            under.extend(&chars[from..to.min(chars.len())]);
        }
        let (start, length) = (
            finding["location"]["offset"].as_u64().unwrap() as usize,
            finding["location"]["length"].as_u64().unwrap() as usize,
        );
        let underlined: String = read[start..start + length].split_whitespace().collect();
        let under: String = under.split_whitespace().collect();
        assert_eq!(under, underlined, "{code}");
    }
}

/// Every `Annot` of an annotated OFD, by the index its document names: page ID and XML.
fn annots_of(parts: &BTreeMap<String, Vec<u8>>) -> Vec<(usize, String)> {
    let index = text(parts, "Doc_0/Annots/Annotations.xml");
    let mut annots = Vec::new();
    for entry in between(&index, "<ofd:Page ", "</ofd:Page>") {
        let page_id: usize = between(entry, "PageID=\"", "\"")[0].parse().unwrap();
        let location = between(entry, "<ofd:FileLoc>", "</ofd:FileLoc>")[0];
        let file = text(parts, &format!("Doc_0/Annots/{location}"));
        for annot in between(&file, "<ofd:Annot ", "</ofd:Annot>") {
            annots.push((page_id, annot.to_string()));
        }
    }
    annots
}

/// A reviewed OFD reviewed again keeps the first review's annotations and adds the second's
/// in the same index and page files, every object ID unique.
#[test]
fn annotating_an_annotated_ofd_keeps_its_annotations() {
    let dir = tempfile::tempdir().unwrap();
    let draft_text = std::fs::read_to_string(draft_text(dir.path())).unwrap();
    let draft = dir.path().join("draft.ofd");
    std::fs::write(&draft, ofd(&ofd_pages(&draft_text, 30), None)).unwrap();
    let once = dir.path().join("once.ofd");
    let shown = annotated(&draft, &once);
    let twice = dir.path().join("twice.ofd");
    annotated(&once, &twice);
    let (first, second) = (annots_of(&parts(&once)), annots_of(&parts(&twice)));
    assert_eq!(first.len(), shown.len());
    assert_eq!(second.len(), 2 * shown.len());
    for annot in &first {
        assert!(second.contains(annot), "{annot:?} was lost");
    }
    let document = text(&parts(&twice), "Doc_0/Document.xml");
    assert_eq!(document.matches("<ofd:Annotations>").count(), 1);
    let ids: Vec<&str> = second
        .iter()
        .flat_map(|(_, annot)| between(annot, "ID=\"", "\""))
        .collect();
    let unique: std::collections::BTreeSet<&str> = ids.iter().copied().collect();
    assert_eq!(unique.len(), ids.len(), "object IDs repeat");
}

#[test]
fn an_annotated_ofd_is_written_from_an_ofd_draft_only() {
    let dir = tempfile::tempdir().unwrap();
    let draft = draft_text(dir.path());
    let copy = dir.path().join("reviewed.ofd");
    let out = planlint()
        .args(["check", "--corpus", "plans", "--annotate"])
        .arg(&copy)
        .arg(&draft)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(!copy.exists());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("OFD"), "{stderr}");
}

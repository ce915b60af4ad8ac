//! `check DRAFT.ofd --annotate OUT.ofd`: the OFD given back with a highlight annotation over
//! each finding's characters in its annotation part (GB/T 33190 §15): the document names an
//! annotation index (`Annotations`), which lists per page a `PageAnnot` file of `Annot`
//! elements, each `Type="Highlight"` by `Creator="planlint"`, its note the finding as a Word
//! comment would say it (`Remark`), its appearance a translucent box per printed line. Pages'
//! content is not touched; annotations the document already has are kept and added to.

use std::collections::BTreeMap;

use crate::diagnostics::Diagnostic;
use crate::escape::xml as escape;
use crate::i18n::{Lang, Msg};
use crate::ingest::text::fixed::ofd::{Archive, Document, folder_of, resolve};
use crate::model::printed::union;
use crate::model::{SourceId, Sources};

/// The OFD `bytes` with a highlight on each of `findings` (in `source`, read from it).
pub fn annotate(
    bytes: &[u8],
    sources: &Sources,
    source: SourceId,
    findings: &[&Diagnostic],
    lang: Lang,
) -> Result<Vec<u8>, Msg> {
    let printed = super::pdf::printed(sources, source, "OFD")?;
    let mut archive = Archive::open(bytes)?;
    let document = Document::read(&mut archive)?;
    let page_ids = document.page_ids();
    let ns = Namespace::of(&document.xml);
    let mut ids = Ids::after(&document.xml, &ns);
    let mut by_page: BTreeMap<String, String> = BTreeMap::new();
    for finding in findings {
        let note = crate::export::docx::comment::paragraphs(finding, sources, lang).join("\n");
        for (page, boxes) in super::pdf::marked(printed, finding) {
            let Some(Some(page_id)) = page_ids.get(page as usize) else {
                continue;
            };
            let annot = highlight(&ns, &mut ids, &boxes, &note, finding);
            by_page.entry(page_id.clone()).or_default().push_str(&annot);
        }
    }
    let mut parts = Parts::new(&mut archive, &document, &ns)?;
    for (page_id, annots) in &by_page {
        parts.add(&mut archive, &ns, page_id, annots)?;
    }
    let mut replaced = parts.pages;
    replaced.insert(document.part.clone(), ids.written(&parts.document_xml, &ns));
    replaced.insert(parts.index_part, parts.index_xml);
    super::repack::rewrite(&mut archive.zip, replaced, "OFD")
}

/// The prefix the document gives OFD's elements (`ofd:` as a rule), and its declaration for
/// the parts written here.
struct Namespace {
    prefix: String,
}

impl Namespace {
    fn of(document_xml: &str) -> Self {
        let prefix = document_xml
            .find("Document")
            .and_then(|end| {
                let start = document_xml[..end].rfind('<')? + 1;
                Some(document_xml[start..end].to_string())
            })
            .filter(|p| p.is_empty() || (p.ends_with(':') && !p.contains(['/', ' ', '?', '!'])))
            .unwrap_or_else(|| "ofd:".to_string());
        Self { prefix }
    }

    fn declaration(&self) -> String {
        let name = self.prefix.trim_end_matches(':');
        let attribute = if name.is_empty() {
            "xmlns".to_string()
        } else {
            format!("xmlns:{name}")
        };
        format!("{attribute}=\"http://www.ofdspec.org/2016\"")
    }

    fn tag(&self, local: &str) -> String {
        format!("{}{local}", self.prefix)
    }
}

/// Object IDs for what is added: past the document's `MaxUnitID`, which is raised to cover
/// them.
struct Ids {
    next: u64,
}

impl Ids {
    fn after(document_xml: &str, ns: &Namespace) -> Self {
        let max = element_text(document_xml, &ns.tag("MaxUnitID"))
            .and_then(|(_, text)| text.trim().parse::<u64>().ok());
        Self {
            next: max.unwrap_or(1_000_000).saturating_add(1),
        }
    }

    fn take(&mut self) -> u64 {
        let id = self.next;
        self.next = self.next.saturating_add(1);
        id
    }

    /// The document with its `MaxUnitID`, when it has one, raised past the IDs taken.
    fn written(&self, document_xml: &str, ns: &Namespace) -> String {
        let mut out = document_xml.to_string();
        if let Some((range, _)) = element_text(document_xml, &ns.tag("MaxUnitID")) {
            out.replace_range(range, &(self.next - 1).to_string());
        }
        out
    }
}

/// The byte range and the text of the first element `<tag>…</tag>`.
fn element_text(xml: &str, tag: &str) -> Option<(std::ops::Range<usize>, String)> {
    let open = format!("<{tag}>");
    let start = xml.find(&open)? + open.len();
    let end = start + xml[start..].find(&format!("</{tag}>"))?;
    Some((start..end, xml[start..end].to_string()))
}

/// One highlight: its note, and a filled box per printed line, translucent over the text.
fn highlight(
    ns: &Namespace,
    ids: &mut Ids,
    boxes: &[[f32; 4]],
    note: &str,
    finding: &Diagnostic,
) -> String {
    let [x0, y0, x1, y1] = boxes.iter().copied().reduce(union).unwrap_or_default();
    let [r, g, b] = super::pdf::colour(finding.severity).map(|c| (c * 255.0).round() as u8);
    let mut paths = String::new();
    for &[left, top, right, bottom] in boxes {
        let (x, y, w, h) = (left - x0, top - y0, right - left, bottom - top);
        paths.push_str(&format!(
            "<{p}PathObject ID=\"{id}\" Boundary=\"{x} {y} {w} {h}\" Stroke=\"false\" Fill=\"true\">\
             <{p}FillColor Value=\"{r} {g} {b}\" Alpha=\"96\"/>\
             <{p}AbbreviatedData>M 0 0 L {w} 0 L {w} {h} L 0 {h} C</{p}AbbreviatedData></{p}PathObject>",
            p = ns.prefix,
            id = ids.take(),
        ));
    }
    format!(
        "<{p}Annot ID=\"{id}\" Type=\"Highlight\" Creator=\"planlint\" LastModDate=\"{date}\">\
         <{p}Remark>{note}</{p}Remark>\
         <{p}Appearance Boundary=\"{x0} {y0} {w} {h}\">{paths}</{p}Appearance></{p}Annot>",
        p = ns.prefix,
        id = ids.take(),
        date = today(),
        note = escape(note),
        w = x1 - x0,
        h = y1 - y0,
    )
}

/// The date written on each annotation (`LastModDate`): today, or the day of
/// `SOURCE_DATE_EPOCH` when it is set, so that a build or a test can make the copy
/// byte-for-byte reproducible.
fn today() -> String {
    let seconds = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<u64>().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_secs())
        });
    civil_date(seconds / 86_400)
}

/// `YYYY-MM-DD` of the day `days` after 1970-01-01 (the proleptic Gregorian calendar).
fn civil_date(days: u64) -> String {
    // Howard Hinnant's days-to-civil, for days on or after the epoch.
    let z = days + 719_468;
    let era = z / 146_097;
    let day_of_era = z - era * 146_097;
    let year_of_era =
        (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + u64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}

/// The annotation parts as they are to be written, by part name: the document (naming the
/// index), the index, and each page's annotations.
struct Parts {
    document_xml: String,
    index_part: String,
    index_xml: String,
    pages: BTreeMap<String, String>,
}

impl Parts {
    /// The document's annotation index, or a new one, named in the document where GB/T 33190
    /// orders it (after `Bookmarks`, before `CustomTags`, `Attachments`, `Extensions`).
    fn new(archive: &mut Archive<'_>, document: &Document, ns: &Namespace) -> Result<Self, Msg> {
        let base = folder_of(&document.part);
        let tag = ns.tag("Annotations");
        let mut document_xml = document.xml.clone();
        let (index_part, index_xml) = match element_text(&document.xml, &tag) {
            Some((_, location)) => {
                let part = resolve(&base, &location);
                let xml = archive.part(&part)?.unwrap_or_else(|| empty_index(ns));
                (part, xml)
            }
            None => {
                let location = unused(archive, &base, "Annots", "Annotations.xml");
                let at = ["CustomTags", "Attachments", "Extensions"]
                    .iter()
                    .find_map(|local| document_xml.find(&format!("<{}", ns.tag(local))))
                    .or_else(|| document_xml.rfind(&format!("</{}", ns.tag("Document"))))
                    .unwrap_or(document_xml.len());
                document_xml.insert_str(at, &format!("<{tag}>{location}</{tag}>"));
                (resolve(&base, &location), empty_index(ns))
            }
        };
        Ok(Self {
            document_xml,
            index_part,
            index_xml,
            pages: BTreeMap::new(),
        })
    }

    /// Adds `annots` to page `page_id`'s annotation file, made and indexed if it has none.
    fn add(
        &mut self,
        archive: &mut Archive<'_>,
        ns: &Namespace,
        page_id: &str,
        annots: &str,
    ) -> Result<(), Msg> {
        let base = folder_of(&self.index_part);
        let entry = format!("PageID=\"{}\"", escape(page_id));
        let listed = self.index_xml.find(&entry).and_then(|at| {
            element_text(&self.index_xml[at..], &ns.tag("FileLoc")).map(|(_, loc)| loc)
        });
        let part = match listed {
            Some(location) => resolve(&base, &location),
            None => {
                let folder = format!(
                    "Page_{}",
                    page_id.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
                );
                let location = unused(archive, &base, &folder, "Annotation.xml");
                let page = format!(
                    "<{p}Page {entry}><{p}FileLoc>{location}</{p}FileLoc></{p}Page>",
                    p = ns.prefix
                );
                let close = format!("</{}", ns.tag("Annotations"));
                let at = self.index_xml.rfind(&close).unwrap_or(self.index_xml.len());
                self.index_xml.insert_str(at, &page);
                resolve(&base, &location)
            }
        };
        let xml = match self.pages.remove(&part) {
            Some(xml) => xml,
            None => archive.part(&part)?.unwrap_or_else(|| {
                format!(
                    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><{p}PageAnnot {}></{p}PageAnnot>",
                    ns.declaration(),
                    p = ns.prefix
                )
            }),
        };
        let close = format!("</{}", ns.tag("PageAnnot"));
        let mut xml = xml;
        let at = xml.rfind(&close).unwrap_or(xml.len());
        xml.insert_str(at, annots);
        self.pages.insert(part, xml);
        Ok(())
    }
}

fn empty_index(ns: &Namespace) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><{p}Annotations {}></{p}Annotations>",
        ns.declaration(),
        p = ns.prefix
    )
}

/// `folder/name` under `base`, or `folder_2/name`, … : a location no part of the package
/// has yet.
fn unused(archive: &Archive<'_>, base: &str, folder: &str, name: &str) -> String {
    (1..)
        .map(|n| {
            if n == 1 {
                format!("{folder}/{name}")
            } else {
                format!("{folder}_{n}/{name}")
            }
        })
        .find(|location| !archive.has(&resolve(base, location)))
        .unwrap_or_else(|| format!("{folder}/{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_are_civil_dates() {
        assert_eq!(civil_date(0), "1970-01-01");
        assert_eq!(civil_date(19_782), "2024-02-29");
        assert_eq!(civil_date(20_793), "2026-12-06");
    }

    #[test]
    fn the_prefix_is_the_documents_own() {
        assert_eq!(
            Namespace::of("<?xml?><ofd:Document xmlns:ofd=\"x\">").prefix,
            "ofd:"
        );
        assert_eq!(Namespace::of("<Document xmlns=\"x\">").prefix, "");
        assert_eq!(Namespace::of("junk").prefix, "ofd:");
    }
}

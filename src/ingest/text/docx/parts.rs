//! Which part of a .docx is its document, found the way Word finds it: the package's
//! relationships (`_rels/.rels`) name the main part (`…/officeDocument`); without them, the
//! content types' override for the main document's type; only then `word/document.xml`. A
//! decoy `word/document.xml` beside the part Word shows is so never what is checked.

use quick_xml::events::Event;

use super::read_part;
use crate::i18n::Msg;
use crate::msg;

/// The part a package holds its document in when nothing says otherwise.
pub(crate) const DEFAULT_MAIN: &str = "word/document.xml";
/// The package relationships part.
const PACKAGE_RELS: &str = "_rels/.rels";
const CONTENT_TYPES: &str = "[Content_Types].xml";
/// The relationship type of the main part, transitional and strict.
const OFFICE_DOCUMENT: [&str; 2] = [
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
    "http://purl.oclc.org/ooxml/officeDocument/relationships/officeDocument",
];
const MAIN_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
/// The package parts read to find the main part are small; a larger one is refused.
const MAX_PACKAGE_PART: u64 = 1024 * 1024;

/// The archive path of the main document part.
pub(crate) fn main_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Result<String, Msg> {
    if let Some(rels) = small_part(archive, PACKAGE_RELS)? {
        return target_of_main(&rels).ok_or_else(|| {
            msg!(
                ".docx 的 _rels/.rels 没有指明正文部分（Word 无法打开该文件）",
                "the .docx's _rels/.rels names no main document part (Word cannot open it)"
            )
        });
    }
    if let Some(types) = small_part(archive, CONTENT_TYPES)?
        && let Some(part) = override_of_main(&types)
    {
        return Ok(part);
    }
    Ok(DEFAULT_MAIN.to_string())
}

fn small_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, Msg> {
    let Some(bytes) = read_part(archive, name, MAX_PACKAGE_PART, ".docx")? else {
        return Ok(None);
    };
    Ok(Some(String::from_utf8_lossy(&bytes).into_owned()))
}

/// The attributes of every element named `local` in `xml` (any prefix), by local name, in
/// order; an unreadable XML gives what was read before the fault.
pub(crate) fn elements(xml: &str, local: &str) -> Vec<Vec<(String, String)>> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut found = Vec::new();
    while let Ok(event) = reader.read_event() {
        match event {
            Event::Start(e) | Event::Empty(e) if e.local_name().as_ref() == local => {
                let attributes = e
                    .attributes()
                    .flatten()
                    .filter_map(|a| {
                        let key = a.key.local_name().as_ref().to_string();
                        let value = a
                            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
                            .ok()?
                            .into_owned();
                        Some((key, value))
                    })
                    .collect();
                found.push(attributes);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    found
}

/// The value of the attribute with local name `name`.
pub(crate) fn attribute<'a>(attributes: &'a [(String, String)], name: &str) -> Option<&'a str> {
    attributes
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, value)| value.as_str())
}

/// The internal target of the package's `officeDocument` relationship, as an archive path.
fn target_of_main(rels: &str) -> Option<String> {
    elements(rels, "Relationship")
        .iter()
        .filter(|a| attribute(a, "Type").is_some_and(|t| OFFICE_DOCUMENT.contains(&t)))
        .filter(|a| attribute(a, "TargetMode") != Some("External"))
        .find_map(|a| archive_path(attribute(a, "Target")?))
}

/// The part name the content types give the main document.
fn override_of_main(types: &str) -> Option<String> {
    elements(types, "Override")
        .iter()
        .filter(|a| attribute(a, "ContentType") == Some(MAIN_CONTENT_TYPE))
        .find_map(|a| archive_path(attribute(a, "PartName")?))
}

/// A package-relative part name as an archive path (`/word/document.xml` and
/// `./word/document.xml` are `word/document.xml`); a name that climbs out (`..`) is none.
fn archive_path(target: &str) -> Option<String> {
    let mut parts = Vec::new();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => return None,
            part => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_main_part_is_the_relationships_target() {
        let rels = format!(
            "<Relationships><Relationship Id=\"a\" Type=\"{}\" Target=\"/word/real.xml\"/></Relationships>",
            OFFICE_DOCUMENT[0]
        );
        assert_eq!(target_of_main(&rels).as_deref(), Some("word/real.xml"));
        let outside = rels.replace("/word/real.xml", "../etc/passwd");
        assert_eq!(target_of_main(&outside), None);
        let external = rels.replace("/>", " TargetMode=\"External\"/>");
        assert_eq!(target_of_main(&external), None);
        let types = format!(
            "<Types><Override PartName=\"/word/other.xml\" ContentType=\"{MAIN_CONTENT_TYPE}\"/></Types>"
        );
        assert_eq!(override_of_main(&types).as_deref(), Some("word/other.xml"));
    }
}

//! The annotated package: every part of the draft copied as it was stored (compressed bytes
//! and all), except the document, the comments part, the document's relationships and the
//! content types, which gain what comments need and keep everything they had.
//!
//! Word and WPS find comments through a relationship of type `…/comments` from the document to
//! its comments part, and need an `Override` for that part's content type; an existing
//! comments part (a colleague's 批注) is kept, ours appended after its own.

use super::{MAIN_NS, OFFICE_REL, RELS_CONTENT_TYPE, RELS_NS, xml};
use crate::i18n::Msg;
use crate::ingest::text::docx::{self, attribute, elements};
use crate::msg;

pub(super) const DOCUMENT: &str = docx::DEFAULT_MAIN;
pub(super) const DOCUMENT_RELS: &str = "word/_rels/document.xml.rels";
pub(super) const CONTENT_TYPES_PART: &str = "[Content_Types].xml";
const COMMENTS_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml";

/// The parts of a draft that comments touch, read from its package.
pub(super) struct Parts {
    pub document: String,
    /// The comments part's path in the archive and its XML, when the draft has one.
    pub comments: Option<(String, String)>,
    pub relationships: Option<String>,
    pub content_types: String,
}

fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, Msg> {
    let Some(bytes) = docx::read_part(archive, name, docx::MAX_DOCUMENT_BYTES, ".docx")? else {
        return Ok(None);
    };
    String::from_utf8(bytes).map(Some).map_err(|_| {
        msg!(
            ".docx 的部件 {name} 不是 UTF-8 编码的 XML",
            "the .docx part {name} is not UTF-8 XML"
        )
    })
}

/// Reads the parts of a copy the annotator wrote, as [`read`] does a draft's, without refusing
/// the comments planlint signed.
pub(super) fn read_written(bytes: &[u8]) -> Result<Parts, Msg> {
    read_parts(bytes, false)
}

/// Reads the parts comments touch; refuses a package Word would not open (no content types)
/// and one in Strict Open XML, whose namespaces differ.
pub(super) fn read(bytes: &[u8]) -> Result<Parts, Msg> {
    read_parts(bytes, true)
}

fn read_parts(bytes: &[u8], draft: bool) -> Result<Parts, Msg> {
    let mut archive = docx::open(bytes)?;
    // Every entry is copied into the reviewer's file: one that would unpack outside its folder
    // (zip slip) is never passed on.
    let names: Vec<String> = archive
        .file_names()
        .map(|name| {
            name.map(|n| n.into_owned())
                .unwrap_or_else(|_| "..".to_string())
        })
        .collect();
    if let Some(name) = names.iter().find(|name| unsafe_entry(name)) {
        let name = crate::diagnostics::terminal::safe_text(name);
        return Err(msg!(
            ".docx 中的条目名 {name} 指向包外，未生成批注版",
            "the .docx holds an entry named {name}, which points outside the package; no annotated copy is made"
        ));
    }
    // The copy is written where Word reads the document; a package that keeps it elsewhere
    // is read and checked, but not annotated.
    if docx::main_part(&mut archive)? != DOCUMENT {
        return Err(msg!(
            "该 .docx 的正文不在 word/document.xml：请在 Word 或 WPS 中另存为“Word 文档 (.docx)”后再生成批注版",
            "this .docx keeps its document outside word/document.xml: save it as “Word Document (.docx)” to get an annotated copy"
        ));
    }
    let document = docx::document_part(&mut archive)?;
    if docx::root_namespace(&document).as_deref() != Some(MAIN_NS) {
        return Err(msg!(
            "该 .docx 不是 Word 常规格式（可能是“严格 Open XML”）：请在 Word 或 WPS 中另存为“Word 文档 (.docx)”后再试",
            "this .docx is not in Word's usual (transitional) format, perhaps Strict Open XML: save it as “Word Document (.docx)” and try again"
        ));
    }
    let content_types = read_part(&mut archive, CONTENT_TYPES_PART)?.ok_or_else(|| {
        msg!(
            ".docx 中缺少 [Content_Types].xml",
            "the .docx has no [Content_Types].xml"
        )
    })?;
    let relationships = read_part(&mut archive, DOCUMENT_RELS)?;
    let comments = match relationships.as_deref().and_then(comments_target) {
        Some(path) => read_part(&mut archive, &path)?.map(|xml| (path, xml)),
        None => None,
    };
    if draft {
        refuse_what_cannot_be_annotated(&document, comments.as_ref().map(|(_, xml)| xml.as_str()))?;
    }
    Ok(Parts {
        document,
        comments,
        relationships,
        content_types,
    })
}

/// A draft whose comment marks would not be Word's (the prefix `w` bound to another
/// namespace somewhere), or which already holds comments signed by planlint (an annotated copy,
/// or a planted "no problem found"), is not annotated.
fn refuse_what_cannot_be_annotated(document: &str, comments: Option<&str>) -> Result<(), Msg> {
    if !xml::prefix_w_is_word(document) || comments.is_some_and(|c| !xml::prefix_w_is_word(c)) {
        return Err(msg!(
            "该 .docx 的 XML 将前缀 w 绑定到其他命名空间，批注无法可靠标注：请在 Word 或 WPS 中另存后再试",
            "this .docx binds the prefix w to another namespace, so comments cannot be placed reliably: save it again in Word or WPS and try again"
        ));
    }
    if comments.is_some_and(xml::signed_by_planlint) {
        return Err(msg!(
            "草案中已有署名 planlint 的批注（已是批注版，或为伪造的批注）：请对原始草案生成批注版",
            "the draft already holds comments signed planlint (an annotated copy, or planted ones): annotate the original draft"
        ));
    }
    Ok(())
}

/// An entry name that is absolute, climbs out (`..`) or uses a backslash.
fn unsafe_entry(name: &str) -> bool {
    name.starts_with('/') || name.contains('\\') || name.split('/').any(|part| part == "..")
}

/// The archive path of the document's comments part, from its relationships.
fn comments_target(relationships: &str) -> Option<String> {
    let comments_type = format!("{OFFICE_REL}/comments");
    let target = elements(relationships, "Relationship")
        .into_iter()
        .find(|a| attribute(a, "Type") == Some(comments_type.as_str()))
        .and_then(|a| attribute(&a, "Target").map(str::to_string))?;
    let path = match target.strip_prefix('/') {
        Some(absolute) => absolute.to_string(),
        None => format!("word/{target}"),
    };
    // A target that climbs out of the package is none.
    (!path.split('/').any(|part| part == "..")).then_some(path)
}

/// The comments part with `comments` (whole `w:comment` elements) added; its path, and whether
/// it is new.
pub(super) fn with_comments(parts: &Parts, comments: &str) -> (String, String, bool) {
    if let Some((path, xml)) = &parts.comments
        && let Some(close) = xml::root_end(xml)
    {
        let mut merged = xml.clone();
        merged.insert_str(close, comments);
        return (path.clone(), merged, false);
    }
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:comments xmlns:w=\"{MAIN_NS}\">{comments}</w:comments>"
    );
    (free_name(parts), xml, true)
}

/// `word/comments.xml`, or `word/comments1.xml`… when that name is taken by a part the
/// document does not relate to as its comments.
fn free_name(parts: &Parts) -> String {
    let names = xml::values(&parts.content_types, "Override", "PartName");
    let targets = parts
        .relationships
        .as_deref()
        .map(|r| xml::values(r, "Relationship", "Target"))
        .unwrap_or_default();
    let taken = |name: &str| {
        let relative = name.trim_start_matches("word/");
        names.iter().any(|n| n.trim_start_matches('/') == name)
            || targets
                .iter()
                .any(|t| t == relative || t.trim_start_matches('/') == name)
    };
    std::iter::once("word/comments.xml".to_string())
        .chain((1..).map(|n| format!("word/comments{n}.xml")))
        .find(|name| !taken(name))
        .unwrap_or_default()
}

/// The document's relationships with one to the comments part, when it has none.
pub(super) fn relationships(parts: &Parts, comments_path: &str) -> Option<String> {
    if parts.comments.is_some() {
        return None;
    }
    let target = comments_path.trim_start_matches("word/");
    let existing = parts.relationships.clone().unwrap_or_else(|| {
        format!("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{RELS_NS}\"></Relationships>")
    });
    let ids = xml::values(&existing, "Relationship", "Id");
    let id = (1..)
        .map(|n| format!("rIdPlanlint{n}"))
        .find(|id| !ids.contains(id))
        .unwrap_or_default();
    let close = xml::root_end(&existing)?;
    let mut out = existing;
    out.insert_str(
        close,
        &format!("<Relationship Id=\"{id}\" Type=\"{OFFICE_REL}/comments\" Target=\"{target}\"/>"),
    );
    Some(out)
}

/// The content types with the comments part's (and the relationships' default) declared.
pub(super) fn content_types(parts: &Parts, comments_path: &str) -> Option<String> {
    let mut add = String::new();
    let extensions = xml::values(&parts.content_types, "Default", "Extension");
    let names = xml::values(&parts.content_types, "Override", "PartName");
    if !extensions.iter().any(|e| e.eq_ignore_ascii_case("rels")) {
        add.push_str(&format!(
            "<Default Extension=\"rels\" ContentType=\"{RELS_CONTENT_TYPE}\"/>"
        ));
    }
    if !names
        .iter()
        .any(|n| n.trim_start_matches('/') == comments_path)
    {
        add.push_str(&format!(
            "<Override PartName=\"/{comments_path}\" ContentType=\"{COMMENTS_CONTENT_TYPE}\"/>"
        ));
    }
    if add.is_empty() {
        return None;
    }
    let close = xml::root_end(&parts.content_types)?;
    let mut out = parts.content_types.clone();
    out.insert_str(close, &add);
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_comments_part_is_found_through_the_relationship() {
        let rels = format!(
            "<Relationships><Relationship Id=\"rId9\" Type=\"{OFFICE_REL}/comments\" Target=\"comments.xml\"/></Relationships>"
        );
        assert_eq!(comments_target(&rels).as_deref(), Some("word/comments.xml"));
        let rels = rels.replace("comments.xml", "/word/notes.xml");
        assert_eq!(comments_target(&rels).as_deref(), Some("word/notes.xml"));
    }
}

//! The reviewer's copy of a draft: the .docx given back with a Word comment (批注) at each
//! finding, anchored on the exact characters the finding underlines, and the comparison table
//! with the plans above as an appendix (上位方案目标对照表). A text draft becomes a plain .docx
//! first. Apart from the comment ranges, the appendix and the parts comments need, the draft's
//! package is copied byte for byte: styles, tables, headers, earlier comments and tracked
//! changes stay as they were.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::ops::Range;

use crate::diagnostics::Diagnostic;
use crate::engine::Report;
use crate::export::compare::Table;
use crate::i18n::{Lang, Msg};
use crate::ingest::text::docx::{self, DocxMap};
use crate::model::SourceId;
use crate::msg;

mod anchor;
pub(crate) mod comment;
mod package;
mod plain;
mod table;
mod xml;

/// WordprocessingML's namespace (transitional, as Word and WPS write it).
const MAIN_NS: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const RELS_NS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const OFFICE_REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CONTENT_TYPES: &str = "http://schemas.openxmlformats.org/package/2006/content-types";
const RELS_CONTENT_TYPE: &str = "application/vnd.openxmlformats-package.relationships+xml";

/// A draft to annotate.
pub struct Draft<'a> {
    pub report: &'a Report,
    pub source: SourceId,
    /// The draft's bytes when it is a .docx; a text draft is laid out anew.
    pub docx: Option<&'a [u8]>,
    /// The findings to comment on, in document order.
    pub findings: &'a [&'a Diagnostic],
    /// The comparison tables for the appendix (none: no appendix).
    pub tables: &'a [Table],
    pub lang: Lang,
}

/// The annotated .docx.
pub fn annotate(draft: &Draft) -> Result<Vec<u8>, Msg> {
    let source = draft.report.corpus.sources.get(draft.source);
    let bytes: Cow<[u8]> = match draft.docx {
        Some(bytes) => Cow::Borrowed(bytes),
        None => Cow::Owned(plain::package(&plain::document(&plain::paragraphs(
            &source.text,
        )))?),
    };
    let parts = package::read(&bytes)?;
    let map = docx::walk(&parts.document)?;
    if draft.docx.is_some() && map.text != *source.text {
        return Err(msg!(
            "草案在检查期间被修改，请重新运行",
            "the draft changed while it was checked; run again"
        ));
    }
    let comments: Vec<(Option<Range<usize>>, Vec<String>)> = draft
        .findings
        .iter()
        .map(|finding| {
            (
                anchor_span(&map, finding),
                comment::paragraphs(finding, &draft.report.corpus.sources, draft.lang),
            )
        })
        .collect();
    let appendix = table::appendix(draft.tables, draft.lang);
    commented(&bytes, &parts, &map, &comments, &appendix)
}

/// The package `bytes` (its `parts`, its document walked into `map`) with a comment of
/// `paragraphs` on each span and `appendix` at the end of its body, read back before it is
/// given out.
fn commented(
    bytes: &[u8],
    parts: &package::Parts,
    map: &DocxMap,
    comments: &[(Option<Range<usize>>, Vec<String>)],
    appendix: &str,
) -> Result<Vec<u8>, Msg> {
    let first_id = next_comment_id(parts);
    let mut ranges = Vec::new();
    let mut elements = String::new();
    // Comments added to the draft's own part declare their namespace: its prefix may differ.
    let namespace = parts.comments.as_ref().map(|_| MAIN_NS);
    for (n, (span, paragraphs)) in comments.iter().enumerate() {
        // Word keeps annotation ids in 32 bits; a draft whose ids already reach the top has no
        // room for more.
        let id = u32::try_from(n)
            .ok()
            .and_then(|n| first_id.checked_add(n))
            .ok_or_else(|| {
                msg!(
                    "草案中的批注编号已用尽（w:id 接近 4294967295）",
                    "the draft's annotation ids are used up (w:id near 4294967295)"
                )
            })?;
        let Some(span) = span else {
            continue;
        };
        ranges.push((span.clone(), id));
        elements.push_str(&comment::element(id, paragraphs, namespace));
    }
    let document = anchor::anchored(&parts.document, map, &ranges, appendix);
    let mut replaced = BTreeMap::from([(package::DOCUMENT.to_string(), document)]);
    if !ranges.is_empty() {
        let (path, comments, _) = package::with_comments(parts, &elements);
        if let Some(rels) = package::relationships(parts, &path) {
            replaced.insert(package::DOCUMENT_RELS.to_string(), rels);
        }
        if let Some(types) = package::content_types(parts, &path) {
            replaced.insert(package::CONTENT_TYPES_PART.to_string(), types);
        }
        replaced.insert(path, comments);
    }
    let written = crate::export::repack::rewrite(&mut docx::open(bytes)?, replaced, ".docx")?;
    let ids: Vec<u32> = ranges.iter().map(|(_, id)| *id).collect();
    read_back(&written, &map.text, &ids)?;
    Ok(written)
}

/// The annotator on any bytes (the fuzz target's entry): a comment on a few spans of the
/// document's text and a small appendix; whatever it returns, it never panics.
pub(crate) fn annotate_bytes(bytes: &[u8]) -> Result<Vec<u8>, Msg> {
    let parts = package::read(bytes)?;
    let map = docx::walk(&parts.document)?;
    let len = map.text.len();
    let boundary = |at: usize| {
        (0..=at)
            .rev()
            .find(|&i| map.text.is_char_boundary(i))
            .unwrap_or(0)
    };
    let comments: Vec<(Option<Range<usize>>, Vec<String>)> =
        [0..len, boundary(len / 3)..boundary(len / 2)]
            .into_iter()
            .map(|span| (Some(span), vec!["<&>\"'".to_string()]))
            .collect();
    commented(bytes, &parts, &map, &comments, "<w:p/>")
}

/// Reads the written copy as Word would and refuses it unless its text begins with the draft's
/// (the appendix follows) and each finding's comment is there, signed planlint, with its range
/// in the document.
fn read_back(written: &[u8], text: &str, ids: &[u32]) -> Result<(), Msg> {
    let refused = || {
        msg!(
            "批注版读回时与预期不符（正文被改变或有批注缺失），未写出",
            "the annotated copy does not read back as it should (its text changed or a comment is missing); not written"
        )
    };
    let parts = package::read_written(written).map_err(|_| refused())?;
    // The appendix follows the draft's own text.
    if !docx::walk(&parts.document)
        .map_err(|_| refused())?
        .text
        .starts_with(text)
    {
        return Err(refused());
    }
    let id_set = |xml: &str, local: &str| -> std::collections::HashSet<String> {
        xml::values(xml, local, "id").into_iter().collect()
    };
    let starts = id_set(&parts.document, "commentRangeStart");
    let signed: std::collections::HashSet<String> = parts
        .comments
        .as_ref()
        .map(|(_, c)| {
            docx::elements(c, "comment")
                .iter()
                .filter(|a| docx::attribute(a, "author") == Some("planlint"))
                .filter_map(|a| docx::attribute(a, "id").map(str::to_string))
                .collect()
        })
        .unwrap_or_default();
    let every = ids.iter().all(|id| {
        let id = id.to_string();
        starts.contains(&id) && signed.contains(&id)
    });
    if every { Ok(()) } else { Err(refused()) }
}

/// The text of a .docx's document before and after a comment range is placed on each span
/// (the fuzz target's check: comment marks never change the text, whatever the document).
pub(crate) fn text_around_comments(
    bytes: &[u8],
    spans: &[Range<usize>],
) -> Result<(String, String), Msg> {
    let document = docx::document_xml(bytes)?;
    let map = docx::walk(&document)?;
    let ranges: Vec<(Range<usize>, u32)> = spans.iter().cloned().zip(0..).collect();
    let annotated = anchor::anchored(&document, &map, &ranges, "");
    let after = docx::walk(&annotated)?.text;
    Ok((map.text, after))
}

/// A .docx holding only the comparison tables.
pub fn tables_document(tables: &[Table], lang: Lang) -> Result<Vec<u8>, Msg> {
    let body = table::appendix(tables, lang);
    // No page break before the only content.
    let body = body.replacen("<w:p><w:r><w:br w:type=\"page\"/></w:r></w:p>", "", 1);
    plain::package(&plain::document(&body))
}

/// The characters a finding's comment covers: its label's span, else (a finding about the
/// whole file) the first line with text. `None` when the document has no text at all.
fn anchor_span(map: &DocxMap, finding: &Diagnostic) -> Option<Range<usize>> {
    finding
        .label
        .as_ref()
        .map(|label| label.span.start..label.span.end())
        .filter(|span| span.end <= map.text.len())
        .or_else(|| map.pieces.first().map(|p| p.text.clone()))
}

/// One more than the largest `w:id` in the document and its comments: comment ids must not
/// repeat, and Word is happiest when they do not meet other annotations' ids either.
fn next_comment_id(parts: &package::Parts) -> u32 {
    let max = xml::max_id(&parts.document)
        .into_iter()
        .chain(parts.comments.as_ref().and_then(|(_, c)| xml::max_id(c)))
        .max();
    max.map_or(0, |m| m.saturating_add(1))
}

/// Plan or planlint text inside `w:t`.
fn xml_text(text: &str) -> String {
    crate::export::escape::xml(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comment_ids_start_past_every_id_in_the_draft() {
        let parts = package::Parts {
            document: r#"<w:ins w:id="9001"/><w:bookmarkStart w:id="12"/><w:x w:id="junk"/>"#
                .into(),
            comments: Some((
                "word/comments.xml".into(),
                r#"<w:comment w:id="9500"/>"#.into(),
            )),
            relationships: None,
            content_types: String::new(),
        };
        assert_eq!(next_comment_id(&parts), 9501);
    }
}

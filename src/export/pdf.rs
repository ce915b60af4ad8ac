//! `check DRAFT.pdf --annotate OUT.pdf`: the PDF given back with a highlight annotation over
//! each finding's characters, its note the finding as a Word comment would say it, by author
//! planlint. The pages' content is not touched: annotations are added to each page's
//! `/Annots`, each with its own appearance, so any viewer shows them.

use lopdf::{Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::{Lang, Msg};
use crate::model::printed::{Printed, union};
use crate::model::{SourceId, Sources};
use crate::msg;

/// The PDF `bytes` with a highlight on each of `findings` (in `source`, read from it).
pub fn annotate(
    bytes: &[u8],
    sources: &Sources,
    source: SourceId,
    findings: &[&Diagnostic],
    lang: Lang,
) -> Result<Vec<u8>, Msg> {
    let printed = printed(sources, source, "PDF")?;
    let mut document = crate::ingest::text::fixed::pdf::load(bytes)?;
    let pages: Vec<ObjectId> = document.get_pages().into_values().collect();
    for (n, finding) in findings.iter().enumerate() {
        let note = crate::export::docx::comment::paragraphs(finding, sources, lang).join("\n");
        for (page, quads) in marked(printed, finding) {
            let Some(&page_id) = pages.get(page as usize) else {
                continue;
            };
            let annotation = highlight(&mut document, page_id, &quads, &note, finding.severity, n);
            let id = document.add_object(annotation);
            attach(&mut document, page_id, id)?;
        }
    }
    let mut out = Vec::new();
    document
        .save_to(&mut out)
        .map_err(|err| msg!("无法写出 PDF：{err}", "cannot write the PDF: {err}"))?;
    Ok(out)
}

/// Where the draft's text was printed, which an annotated copy of the document (`name`: PDF,
/// OFD) needs.
pub(crate) fn printed<'s>(
    sources: &'s Sources,
    source: SourceId,
    name: &str,
) -> Result<&'s Printed, Msg> {
    sources.get(source).printed().map(AsRef::as_ref).ok_or_else(|| {
        msg!(
            "草案不是从 {name} 读取的，不能写出 {name} 批注版；请改用 .docx",
            "the draft was not read from a {name}, so no annotated {name} can be written; write a .docx instead"
        )
    })
}

/// The rectangles a finding marks, by page: one per printed line of its characters.
pub(crate) fn marked(printed: &Printed, finding: &Diagnostic) -> Vec<(u32, Vec<[f32; 4]>)> {
    let (start, end) = finding
        .label
        .as_ref()
        .map_or((0, 0), |label| (label.span.start, label.span.end()));
    printed.marks(start, end)
}

/// A highlight's colour by the finding's level: red for an error, yellow for a warning, blue
/// for a note.
pub(crate) fn colour(severity: Severity) -> [f32; 3] {
    match severity {
        Severity::Error => [1.0, 0.55, 0.55],
        Severity::Warning => [1.0, 0.9, 0.3],
        _ => [0.6, 0.8, 1.0],
    }
}

/// A PDF text string: UTF-16BE with its byte order mark, as every viewer reads one.
fn text_string(text: &str) -> Object {
    let mut bytes = vec![0xFE, 0xFF];
    bytes.extend(text.encode_utf16().flat_map(u16::to_be_bytes));
    Object::String(bytes, StringFormat::Hexadecimal)
}

fn reals(values: impl IntoIterator<Item = f32>) -> Object {
    Object::Array(values.into_iter().map(Object::Real).collect())
}

/// The highlight annotation with its note and its appearance: the quads filled in the
/// colour, multiplied over the page so the text stays legible.
fn highlight(
    document: &mut Document,
    page: ObjectId,
    quads: &[[f32; 4]],
    note: &str,
    severity: Severity,
    n: usize,
) -> Dictionary {
    let rect = quads.iter().copied().reduce(union).unwrap_or_default();
    let [r, g, b] = colour(severity);
    let mut drawing = format!("/GS0 gs {r} {g} {b} rg\n");
    let mut points = Vec::new();
    for &[x0, y0, x1, y1] in quads {
        drawing.push_str(&format!("{x0} {y0} {} {} re f\n", x1 - x0, y1 - y0));
        // Top left, top right, bottom left, bottom right: the order viewers read.
        points.extend([x0, y1, x1, y1, x0, y0, x1, y0]);
    }
    let mut graphics_state = Dictionary::new();
    graphics_state.set("Type", Object::Name(b"ExtGState".to_vec()));
    graphics_state.set("BM", Object::Name(b"Multiply".to_vec()));
    let mut states = Dictionary::new();
    states.set("GS0", graphics_state);
    let mut resources = Dictionary::new();
    resources.set("ExtGState", states);
    let mut form = Dictionary::new();
    form.set("Type", Object::Name(b"XObject".to_vec()));
    form.set("Subtype", Object::Name(b"Form".to_vec()));
    form.set("BBox", reals(rect));
    form.set("Resources", resources);
    let appearance = document.add_object(Stream::new(form, drawing.into_bytes()));
    let mut states = Dictionary::new();
    states.set("N", Object::Reference(appearance));
    let mut annotation = Dictionary::new();
    annotation.set("Type", Object::Name(b"Annot".to_vec()));
    annotation.set("Subtype", Object::Name(b"Highlight".to_vec()));
    annotation.set("Rect", reals(rect));
    annotation.set("QuadPoints", reals(points));
    annotation.set("C", reals([r, g, b]));
    annotation.set("Contents", text_string(note));
    annotation.set("T", text_string("planlint"));
    annotation.set("NM", text_string(&format!("planlint-{}", n + 1)));
    // Printed with the page.
    annotation.set("F", Object::Integer(4));
    annotation.set("P", Object::Reference(page));
    annotation.set("AP", states);
    annotation
}

/// Adds annotation `id` to the page's `/Annots`, an array there or referenced.
fn attach(document: &mut Document, page: ObjectId, id: ObjectId) -> Result<(), Msg> {
    let failed = |err: lopdf::Error| {
        msg!(
            "无法在 PDF 页面上添加批注：{err}",
            "cannot add an annotation to the PDF page: {err}"
        )
    };
    let existing = document
        .get_dictionary(page)
        .map_err(failed)?
        .get(b"Annots")
        .ok()
        .cloned();
    match existing {
        Some(Object::Reference(list))
            if document
                .get_object(list)
                .is_ok_and(|o| o.as_array().is_ok()) =>
        {
            if let Ok(Object::Array(items)) = document.get_object_mut(list) {
                items.push(Object::Reference(id));
            }
        }
        Some(Object::Array(mut items)) => {
            items.push(Object::Reference(id));
            document
                .get_dictionary_mut(page)
                .map_err(failed)?
                .set("Annots", items);
        }
        _ => {
            document
                .get_dictionary_mut(page)
                .map_err(failed)?
                .set("Annots", vec![Object::Reference(id)]);
        }
    }
    Ok(())
}

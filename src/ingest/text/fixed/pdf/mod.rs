//! PDF: the file is parsed by lopdf (objects, streams, encryption, damaged cross-references);
//! each page's content is then interpreted here ([`content`]) for the characters it draws and
//! where, their codes decoded by the page's fonts ([`fonts`]).
//!
//! Every limit below exists because a PDF is untrusted input: a stream that inflates to
//! gigabytes, a form that draws itself, a page tree that loops.

mod cmap;
mod content;
mod fonts;

use lopdf::{Document, Object, ObjectId};

use super::Page;
use crate::i18n::Msg;
use crate::msg;

/// A page's content inflates to at most this.
const MAX_CONTENT: usize = 32 * 1024 * 1024;
/// Any stream inflates to at most this while the file loads.
const MAX_STREAM: usize = 64 * 1024 * 1024;
/// More pages than this is no plan.
const MAX_PAGES: usize = 5_000;

/// The pages of a PDF, each with its characters.
pub(crate) fn pages(bytes: &[u8]) -> Result<Vec<Page>, Msg> {
    let document = load(bytes)?;
    let pages = document.get_pages();
    if pages.len() > MAX_PAGES {
        let count = pages.len();
        return Err(msg!(
            "PDF 页数过多（{count} 页，上限 {MAX_PAGES} 页）",
            "the PDF has too many pages ({count}, the limit is {MAX_PAGES})"
        ));
    }
    let mut reader = content::Interpreter::new(&document);
    Ok(pages.values().map(|&id| reader.read_page(id)).collect())
}

/// The parsed file: an encrypted one is opened with the empty password, as every viewer does,
/// and refused when it needs another.
pub(crate) fn load(bytes: &[u8]) -> Result<Document, Msg> {
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        ..lopdf::LoadOptions::default()
    };
    let document = Document::load_mem_with_options(bytes, options).map_err(|err| {
        if matches!(
            err,
            lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword
        ) {
            encrypted()
        } else {
            msg!(
                "无法读取该 PDF 文件（{err}）：文件可能已损坏；请用原始文档（.docx）检查",
                "cannot read the PDF ({err}): the file may be damaged; check the original (.docx)"
            )
        }
    })?;
    if document.is_encrypted() {
        return Err(encrypted());
    }
    Ok(document)
}

fn encrypted() -> Msg {
    msg!(
        "PDF 文件已加密，需要密码才能打开：请提供未加密的版本（或原始的 .docx）",
        "the PDF is encrypted and needs a password to open: provide an unencrypted copy (or the original .docx)"
    )
}

/// The page's box: its lower-left corner and its top (`MediaBox`, inherited from the page
/// tree), by which y is turned to run down the page.
pub(crate) fn media_box(document: &Document, page: ObjectId) -> [f32; 4] {
    let mut node = document.get_dictionary(page).ok();
    // The page tree is climbed a bounded number of levels: a tree that loops ends.
    for _ in 0..32 {
        let Some(dictionary) = node else { break };
        if let Ok(values) = dictionary.get(b"MediaBox")
            && let [x0, y0, x1, y1] = numbers(document, values)[..]
        {
            return [x0.min(x1), y0.min(y1), x0.max(x1), y0.max(y1)];
        }
        node = dictionary
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|id| document.get_dictionary(id))
            .ok();
    }
    [0.0, 0.0, 612.0, 792.0]
}

/// The numbers of an array, direct or referenced (`/MediaBox`, a form's `/Matrix`).
pub(crate) fn numbers(document: &Document, array: &Object) -> Vec<f32> {
    document
        .dereference(array)
        .ok()
        .and_then(|(_, o)| o.as_array().ok())
        .map(|values| values.iter().filter_map(|v| number(document, v)).collect())
        .unwrap_or_default()
}

/// A number, direct or referenced, finite.
pub(crate) fn number(document: &Document, object: &Object) -> Option<f32> {
    let (_, object) = document.dereference(object).ok()?;
    let value = match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => return None,
    };
    value.is_finite().then_some(value)
}

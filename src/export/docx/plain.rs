//! A plain .docx written from scratch: a text draft's lines as paragraphs (tabs kept as Word
//! tabs), or an empty body for a comparison table alone. The package has only the parts Word,
//! WPS and LibreOffice need: content types, relationships, the document and its styles (a
//! Chinese default font, A4 pages).

use std::fmt::Write;
use std::io::Write as _;

use super::{CONTENT_TYPES, MAIN_NS, OFFICE_REL, RELS_CONTENT_TYPE, RELS_NS};
use crate::i18n::Msg;
use crate::msg;

const DOCUMENT_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const STYLES_CONTENT_TYPE: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

/// Body content for the lines of `text`, each byte of it at the same offset in the text a
/// .docx reader takes back: a character XML cannot hold (a C0 control, a carriage return) is
/// written as a space and U+FFFE/U+FFFF as U+FFFD, neither changing a byte offset.
pub(super) fn paragraphs(text: &str) -> String {
    let mut body = String::with_capacity(text.len() * 2);
    for line in text.split_terminator('\n') {
        body.push_str("<w:p>");
        if !line.is_empty() {
            body.push_str("<w:r>");
            for (i, cell) in line.split('\t').enumerate() {
                if i > 0 {
                    body.push_str("<w:tab/>");
                }
                let _ = write!(
                    body,
                    "<w:t xml:space=\"preserve\">{}</w:t>",
                    same_length(cell)
                );
            }
            body.push_str("</w:r>");
        }
        body.push_str("</w:p>");
    }
    body
}

/// XML text with each character XML cannot hold replaced by one of the same UTF-8 length.
fn same_length(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\u{fffe}' | '\u{ffff}' => out.push('\u{fffd}'),
            c if c.is_ascii_control() && c != '\t' => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A whole `word/document.xml` around `body`.
pub(super) fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"{MAIN_NS}\"><w:body>{body}<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" w:right=\"1440\" w:bottom=\"1440\" w:left=\"1440\" w:header=\"851\" w:footer=\"992\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>"
    )
}

/// The package of a new document.
pub(super) fn package(document: &str) -> Result<Vec<u8>, Msg> {
    let content_types = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"{CONTENT_TYPES}\"><Default Extension=\"rels\" ContentType=\"{RELS_CONTENT_TYPE}\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"{DOCUMENT_CONTENT_TYPE}\"/><Override PartName=\"/word/styles.xml\" ContentType=\"{STYLES_CONTENT_TYPE}\"/></Types>"
    );
    let package_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{RELS_NS}\"><Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/officeDocument\" Target=\"word/document.xml\"/></Relationships>"
    );
    let document_rels = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"{RELS_NS}\"><Relationship Id=\"rId1\" Type=\"{OFFICE_REL}/styles\" Target=\"styles.xml\"/></Relationships>"
    );
    let styles = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{MAIN_NS}\"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"宋体\" w:cs=\"Times New Roman\"/><w:sz w:val=\"24\"/><w:lang w:val=\"en-US\" w:eastAsia=\"zh-CN\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"360\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style></w:styles>"
    );
    let parts = [
        ("[Content_Types].xml", content_types.as_str()),
        ("_rels/.rels", package_rels.as_str()),
        ("word/document.xml", document),
        ("word/_rels/document.xml.rels", document_rels.as_str()),
        ("word/styles.xml", styles.as_str()),
    ];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, text) in parts {
        zip.start_file(name, crate::export::repack::options(None))
            .and_then(|()| zip.write_all(text.as_bytes()).map_err(Into::into))
            .map_err(|err| msg!("无法写出 .docx：{err}", "cannot write the .docx: {err}"))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(|err| msg!("无法写出 .docx：{err}", "cannot write the .docx: {err}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::docx::walk;

    #[test]
    fn a_text_reads_back_at_the_same_offsets() {
        let text = "标题\r\n\n到2027年，A&B<C>\t市工信局\u{7}\u{fffe}\n末行";
        let map = walk(&document(&paragraphs(text))).unwrap();
        assert_eq!(map.text.len(), text.len() + 1);
        assert_eq!(
            map.text,
            "标题 \n\n到2027年，A&B<C>\t市工信局 \u{fffd}\n末行\n"
        );
    }
}

//! .docx → text: `word/document.xml` read from the archive, paragraphs one per line and table rows
//! as tab-separated cells, in document order, so that the text pipeline reads a Word draft like
//! a text file. Deleted revisions (`w:delText`) and field codes (`w:instrText`) are not text.
//!
//! A .docx is a zip archive a user controls: the number of entries and the inflated size of the
//! document part are bounded, and the inflated bytes are counted as they are read rather than
//! trusted from the archive's header (a zip bomb lies there).

use std::io::Read;

use crate::i18n::Msg;
use crate::msg;

mod map;
pub(crate) mod markup;
pub(crate) mod parts;
mod skip;
mod walk;

pub(crate) use map::DocxMap;
pub(crate) use markup::{Concealed, HiddenText, holds_figures, root_namespace};
pub(crate) use parts::{DEFAULT_MAIN, attribute, elements, main_part};
pub(crate) use walk::walk;

/// At most this many entries in the archive.
const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes of inflated `word/document.xml`.
pub(crate) const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the text of a .docx.
pub(crate) fn text(bytes: &[u8]) -> Result<String, Msg> {
    walk(&document_xml(bytes)?).map(|map| map.text)
}

/// Reads the main document part out of a .docx, within the bounds above.
pub(crate) fn document_xml(bytes: &[u8]) -> Result<String, Msg> {
    document_part(&mut open(bytes)?)
}

/// Reads the main document part (the one Word shows: [`main_part`]) out of an opened archive.
pub(crate) fn document_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
) -> Result<String, Msg> {
    let name = main_part(archive)?;
    let part = archive.by_name(&name).map_err(|_| {
        msg!(
            ".docx 中没有正文部分 {name}",
            "the .docx has no document part ({name})"
        )
    })?;
    let xml = read_bounded(part, MAX_DOCUMENT_BYTES).map_err(|err| match err {
        Bounded::TooLarge => {
            let limit = MAX_DOCUMENT_BYTES / 1024 / 1024;
            msg!(
                ".docx 正文解压后超过 {limit} MiB，疑为压缩炸弹，未读取",
                "the .docx document part inflates past {limit} MiB (a zip bomb?); not read"
            )
        }
        Bounded::Io(err) => msg!(
            "无法解压 .docx 的正文：{err}",
            "cannot inflate the .docx document part: {err}"
        ),
    })?;
    String::from_utf8(xml).map_err(|_| {
        msg!(
            ".docx 的正文不是 UTF-8 编码的 XML",
            "the .docx document part is not UTF-8 XML"
        )
    })
}

/// Opens a .docx's archive, refusing one with more entries than [`MAX_ENTRIES`].
pub(crate) fn open(bytes: &[u8]) -> Result<zip::ZipArchive<std::io::Cursor<&[u8]>>, Msg> {
    let archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|err| {
        msg!(
            "不是有效的 .docx（zip）文件：{err}",
            "not a valid .docx (zip) file: {err}"
        )
    })?;
    let entries = archive.len();
    if entries > MAX_ENTRIES {
        return Err(msg!(
            ".docx 中的条目过多（{entries} 个，上限 {MAX_ENTRIES} 个）",
            "the .docx holds too many entries ({entries}, the limit is {MAX_ENTRIES})"
        ));
    }
    Ok(archive)
}

/// Inflates the part `name` (at most `limit` bytes), if the package has it.
pub(crate) fn read_part(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    name: &str,
    limit: u64,
    format: &str,
) -> Result<Option<Vec<u8>>, Msg> {
    let Ok(part) = archive.by_name(name) else {
        return Ok(None);
    };
    read_bounded(part, limit)
        .map(Some)
        .map_err(|err| match err {
            Bounded::TooLarge => msg!(
                "{format} 的部件 {name} 解压后过大，未读取",
                "the {format} part {name} inflates too large; not read"
            ),
            Bounded::Io(err) => msg!(
                "无法解压 {format} 的部件 {name}：{err}",
                "cannot inflate the {format} part {name}: {err}"
            ),
        })
}

/// Why a part could not be read.
pub(crate) enum Bounded {
    TooLarge,
    Io(std::io::Error),
}

/// Inflates a part, counting the bytes as they come rather than trusting the archive's header.
pub(crate) fn read_bounded(part: impl Read, limit: u64) -> Result<Vec<u8>, Bounded> {
    let mut bytes = Vec::new();
    let read = part
        .take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(Bounded::Io)?;
    if read as u64 > limit {
        return Err(Bounded::TooLarge);
    }
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_tabs_and_revisions() {
        let xml = r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>
            <w:p><w:r><w:t>到2025年，</w:t></w:r><w:r><w:t xml:space="preserve">比值达到0.8&#58;1</w:t></w:r></w:p>
            <w:p><w:r><w:delText>删除</w:delText><w:instrText> PAGE </w:instrText><w:t>A&amp;B</w:t><w:tab/><w:t>C</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市工信局</w:t></w:r></w:p><w:p><w:r><w:t>市发改局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        assert_eq!(
            walk(xml).unwrap().text,
            "到2025年，比值达到0.8:1\nA&B\tC\n1\t市工信局；市发改局\n"
        );
    }

    #[test]
    fn white_text_is_hidden_only_on_the_white_page() {
        let white = r#"<w:rPr><w:color w:val="FFFFFF"/></w:rPr>"#;
        let shaded =
            r#"<w:rPr><w:color w:val="FFFFFF"/><w:shd w:val="clear" w:fill="1F4E79"/></w:rPr>"#;
        let doc = |body: &str| {
            format!(
                r#"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>{body}</w:body></w:document>"#
            )
        };
        let run = |props: &str| format!("<w:r>{props}<w:t>2027年75%</w:t></w:r>");
        let hidden = |body: &str| walk(&doc(body)).unwrap().hidden.len();
        assert_eq!(hidden(&format!("<w:p>{}</w:p>", run(white))), 1);
        assert_eq!(hidden(&format!("<w:p>{}</w:p>", run(shaded))), 0);
        let cell = format!(
            "<w:tbl><w:tr><w:tc><w:p>{}</w:p></w:tc></w:tr></w:tbl>",
            run(white)
        );
        assert_eq!(
            hidden(&cell),
            0,
            "a table's heading, white on its shaded cell"
        );
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        assert!(text(b"not a zip at all").is_err());
    }
}

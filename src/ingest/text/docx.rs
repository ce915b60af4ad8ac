//! .docx → text: `word/document.xml` read from the archive, paragraphs one per line and table rows
//! as tab-separated cells, in document order, so that the text pipeline reads a Word draft like
//! a text file. Deleted revisions (`w:delText`) and field codes (`w:instrText`) are not text.
//!
//! A .docx is a zip archive a user controls: the number of entries and the inflated size of the
//! document part are bounded, and the inflated bytes are counted as they are read rather than
//! trusted from the archive's header (a zip bomb lies there).

use std::io::Read;

use quick_xml::events::Event;

use crate::i18n::Msg;
use crate::msg;

/// At most this many entries in the archive.
const MAX_ENTRIES: usize = 10_000;
/// At most this many bytes of inflated `word/document.xml`.
const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// Reads the text of a .docx.
pub(crate) fn text(bytes: &[u8]) -> Result<String, Msg> {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).map_err(|err| {
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
    let part = archive.by_name("word/document.xml").map_err(|_| {
        msg!(
            ".docx 中没有正文部分 word/document.xml",
            "the .docx has no document part (word/document.xml)"
        )
    })?;
    let mut xml = Vec::new();
    let read = part
        .take(MAX_DOCUMENT_BYTES + 1)
        .read_to_end(&mut xml)
        .map_err(|err| {
            msg!(
                "无法解压 .docx 的正文：{err}",
                "cannot inflate the .docx document part: {err}"
            )
        })?;
    if read as u64 > MAX_DOCUMENT_BYTES {
        let limit = MAX_DOCUMENT_BYTES / 1024 / 1024;
        return Err(msg!(
            ".docx 正文解压后超过 {limit} MiB，疑为压缩炸弹，未读取",
            "the .docx document part inflates past {limit} MiB (a zip bomb?); not read"
        ));
    }
    let xml = String::from_utf8(xml).map_err(|_| {
        msg!(
            ".docx 的正文不是 UTF-8 编码的 XML",
            "the .docx document part is not UTF-8 XML"
        )
    })?;
    document_text(&xml)
}

/// Walks `w:document`: `w:p` ends a line, `w:tab` is a tab, `w:tc` ends a cell, `w:tr` a row.
fn document_text(xml: &str) -> Result<String, Msg> {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut line = String::new();
    let mut in_text = false;
    let mut table_depth = 0usize;
    let mut cell = String::new();
    let mut row: Vec<String> = Vec::new();
    loop {
        let event = reader.read_event().map_err(|err| {
            let at = reader.buffer_position();
            msg!(
                ".docx 正文的 XML 有误（字节 {at}）：{err}",
                "the .docx document XML is malformed (byte {at}): {err}"
            )
        })?;
        match event {
            Event::Start(e) => match e.local_name().as_ref() {
                "t" => in_text = true,
                "tbl" => table_depth += 1,
                _ => {}
            },
            Event::Empty(e) => match e.local_name().as_ref() {
                "tab" => line.push('\t'),
                "br" | "cr" => line.push(if table_depth > 0 { ' ' } else { '\n' }),
                _ => {}
            },
            Event::Text(e) if in_text => line.push_str(&e.xml10_content()),
            Event::GeneralRef(r) if in_text => {
                if let Ok(Some(c)) = r.resolve_char_ref() {
                    line.push(c);
                } else {
                    line.push_str(match &*r {
                        "amp" => "&",
                        "lt" => "<",
                        "gt" => ">",
                        "quot" => "\"",
                        "apos" => "'",
                        _ => "",
                    });
                }
            }
            Event::End(e) => match e.local_name().as_ref() {
                "t" => in_text = false,
                "p" if table_depth > 0 => {
                    // Paragraphs of one cell are separate items (one agency per line).
                    if !cell.is_empty()
                        && !line.trim().is_empty()
                        && !cell.ends_with(['。', '；', '，', '、'])
                    {
                        cell.push('；');
                    }
                    cell.push_str(line.trim());
                    line.clear();
                }
                "p" => {
                    out.push_str(&line);
                    out.push('\n');
                    line.clear();
                }
                "tc" if table_depth == 1 => {
                    row.push(std::mem::take(&mut cell).replace('\t', " "));
                }
                "tr" if table_depth == 1 => {
                    out.push_str(&row.join("\t"));
                    out.push('\n');
                    row.clear();
                }
                "tbl" => table_depth = table_depth.saturating_sub(1),
                _ => {}
            },
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paragraphs_tables_tabs_and_revisions() {
        let xml = r#"<w:document xmlns:w="x"><w:body>
            <w:p><w:r><w:t>到2025年，</w:t></w:r><w:r><w:t xml:space="preserve">比值达到0.8&#58;1</w:t></w:r></w:p>
            <w:p><w:r><w:delText>删除</w:delText><w:instrText> PAGE </w:instrText><w:t>A&amp;B</w:t><w:tab/><w:t>C</w:t></w:r></w:p>
            <w:tbl><w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>市工信局</w:t></w:r></w:p><w:p><w:r><w:t>市发改局</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
            </w:body></w:document>"#;
        assert_eq!(
            document_text(xml).unwrap(),
            "到2025年，比值达到0.8:1\nA&B\tC\n1\t市工信局；市发改局\n"
        );
    }

    #[test]
    fn refuses_what_is_not_a_docx() {
        assert!(text(b"not a zip at all").is_err());
    }
}

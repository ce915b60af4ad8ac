//! A zip package (a .docx, an OFD) written back with some of its parts replaced: the
//! reviewer's copy keeps every other part as it was stored, compressed bytes and all.

use std::collections::BTreeMap;
use std::io::Write as _;

use crate::i18n::Msg;
use crate::msg;

/// How a part is stored: deflated, with the time it had (a fixed time for a new part, so that
/// the same input gives the same bytes).
pub(crate) fn options(time: Option<zip::DateTime>) -> zip::write::SimpleFileOptions {
    zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(time.unwrap_or_default())
}

/// The package of `archive` (a `format`: .docx, OFD) with `replaced` parts written anew
/// (keeping their place and time) and every other part copied as stored; parts not in the
/// package are added at the end.
pub(crate) fn rewrite(
    archive: &mut zip::ZipArchive<std::io::Cursor<&[u8]>>,
    mut replaced: BTreeMap<String, String>,
    format: &str,
) -> Result<Vec<u8>, Msg> {
    let failed = |err: zip::result::ZipError| {
        msg!(
            "无法写出 {format}：{err}",
            "cannot write the {format}: {err}"
        )
    };
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for index in 0..archive.len() {
        let entry = archive.by_index_raw(index).map_err(failed)?;
        let name = entry.name().map_err(failed)?.into_owned();
        if let Some(text) = replaced.remove(&name) {
            let time = entry.last_modified();
            drop(entry);
            zip.start_file(name, options(time)).map_err(failed)?;
            zip.write_all(text.as_bytes())
                .map_err(|err| failed(err.into()))?;
        } else {
            zip.raw_copy_file(entry).map_err(failed)?;
        }
    }
    for (name, text) in replaced {
        zip.start_file(name, options(None)).map_err(failed)?;
        zip.write_all(text.as_bytes())
            .map_err(|err| failed(err.into()))?;
    }
    zip.finish()
        .map(std::io::Cursor::into_inner)
        .map_err(failed)
}

//! Reading a file at the edge: its bytes within the size limit, UTF-8 text, and YAML with spans
//! ([`yaml`]). Shared by ingestion, the configuration and the rule data, so every file planlint
//! reads is refused the same way, with a located diagnostic.

pub mod observe;
pub mod yaml;

use std::path::{Path, PathBuf};

use crate::code::ToolCode;
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::span::display_path;
use crate::model::{Sources, Span};
use crate::msg;

/// Files larger than this are refused: the largest real plan is well under 1 MiB, and a file of
/// tens of megabytes is a mistake (a binary, a dump) that should not stall a run.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;
/// The limit for a document that carries its fonts and pictures (.docx, .pdf, .ofd): a plan
/// printed to PDF with its fonts embedded is ten megabytes or more.
pub const MAX_DOCUMENT_BYTES: u64 = 64 * 1024 * 1024;

/// A path's extension in lower case (`Draft.PDF` → `pdf`), by which its kind is told.
#[must_use]
pub fn extension(path: &Path) -> Option<String> {
    path.extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
}

/// The size limit of the file at `path`, by its kind.
fn limit_for(path: &Path) -> u64 {
    match extension(path).as_deref() {
        Some("docx" | "pdf" | "ofd") => MAX_DOCUMENT_BYTES,
        _ => MAX_FILE_BYTES,
    }
}

/// Why a file could not be read.
#[derive(Debug, Clone)]
pub struct Unreadable {
    pub code: ToolCode,
    pub message: Msg,
    /// Where in the file reading stopped, for an encoding problem.
    pub offset: Option<usize>,
    /// The text before that place, so the diagnostic can show it.
    pub readable_prefix: String,
}

impl Unreadable {
    fn whole(code: ToolCode, message: Msg) -> Self {
        Self {
            code,
            message,
            offset: None,
            readable_prefix: String::new(),
        }
    }

    /// The problem as a diagnostic on `path`, which is registered in `sources`.
    #[must_use]
    pub fn into_diagnostic(self, sources: &mut Sources, path: &Path) -> Diagnostic {
        let source = sources.add(path.to_path_buf(), self.readable_prefix);
        let diagnostic = Diagnostic::new(self.code, self.message);
        match self.offset {
            Some(offset) => diagnostic
                .at(source, Span::new(offset, 0), msg!("此处", "here"))
                .with_help(msg!("请将文件另存为 UTF-8 编码", "save the file as UTF-8")),
            None => diagnostic.in_file(source),
        }
    }
}

/// A file's bytes, within the size limit.
pub fn read_bytes(path: &Path) -> Result<Vec<u8>, Unreadable> {
    let shown = display_path(path);
    // Noted before it is read: a run is replayed only while what it read keeps this stamp.
    let meta = observe::metadata(path);
    let max = limit_for(path);
    if meta.as_ref().is_some_and(|m| !m.is_file()) {
        // A pipe would block, a device like /dev/zero never ends.
        return Err(Unreadable::whole(
            ToolCode::IoError,
            msg!(
                "{shown} 不是普通文件（管道或设备），未读取",
                "{shown} is not a regular file (a pipe or a device); not read"
            ),
        ));
    }
    let size = meta.as_ref().map_or(0, std::fs::Metadata::len);
    if size > max {
        let (size, limit) = (size / 1024 / 1024, max / 1024 / 1024);
        return Err(Unreadable::whole(
            ToolCode::FileTooLarge,
            msg!(
                "文件过大（{size} MiB，上限 {limit} MiB），未读取",
                "file too large ({size} MiB, the limit is {limit} MiB); not read"
            ),
        ));
    }
    // Bounded even if the file grows while it is read. Room for the whole file and the byte
    // past its end: read in one call and its end found in the next, where a growing buffer
    // would take a dozen reads and as many copies.
    let mut bytes = Vec::with_capacity(usize::try_from(size.saturating_add(1)).unwrap_or(0));
    std::fs::File::open(path)
        .and_then(|file| {
            std::io::Read::read_to_end(&mut std::io::Read::take(file, max + 1), &mut bytes)
        })
        .map_err(|err| {
            Unreadable::whole(
                ToolCode::IoError,
                msg!("无法读取 {shown}：{err}", "cannot read {shown}: {err}"),
            )
        })?;
    if bytes.len() as u64 > max {
        let limit = max / 1024 / 1024;
        return Err(Unreadable::whole(
            ToolCode::FileTooLarge,
            msg!(
                "文件在读取时超过上限 {limit} MiB，未读取",
                "the file grew past the limit of {limit} MiB while it was read; not read"
            ),
        ));
    }
    Ok(bytes)
}

/// The real path of a file (links, `.` and `..` resolved), or the path as given when it cannot
/// be resolved (it is gone, or a folder on the way cannot be read).
#[must_use]
pub fn real_path(path: &Path) -> PathBuf {
    std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

/// The bytes as UTF-8 text: `std::str::from_utf8`, checked with SIMD first (a plan's text is
/// mostly three-byte characters, which the standard library checks a few times slower); when
/// the bytes are not UTF-8, the standard library's error says where.
pub fn utf8(bytes: &[u8]) -> Result<&str, std::str::Utf8Error> {
    match simdutf8::basic::from_utf8(bytes) {
        Ok(text) => Ok(text),
        Err(_) => std::str::from_utf8(bytes),
    }
}

/// A file as UTF-8 text, within the size limit.
pub fn read_text(path: &Path) -> Result<String, Unreadable> {
    decode_utf8(&read_bytes(path)?)
}

/// YAML files are UTF-8 (a BOM is allowed). Anything else is named as well as it can be: a
/// UTF-16 BOM, or GBK/GB18030 bytes at the first invalid offset.
pub fn decode_utf8(bytes: &[u8]) -> Result<String, Unreadable> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Unreadable {
            offset: Some(0),
            ..Unreadable::whole(
                ToolCode::InvalidEncoding,
                msg!(
                    "文件为 UTF-16 编码，不是 UTF-8",
                    "the file is UTF-16, not UTF-8"
                ),
            )
        });
    }
    match utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let offset = err.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            Err(Unreadable {
                code: ToolCode::InvalidEncoding,
                message: msg!(
                    "文件不是有效的 UTF-8（第 {line} 行，字节 {offset}；可能是 GBK/GB18030 编码）",
                    "the file is not valid UTF-8 (line {line}, byte {offset}; GBK/GB18030 perhaps)"
                ),
                offset: Some(offset),
                readable_prefix: prefix,
            })
        }
    }
}

#[cfg(test)]
mod tests {
    /// The SIMD check accepts and rejects what the standard library's does, and reports the
    /// same place: valid text of every width, a character cut short at the end, bytes that are
    /// never UTF-8 (GBK) at the start, the middle and past SIMD's first block.
    #[test]
    fn utf8_agrees_with_the_standard_library() {
        let plan = "到2027年，规模以上工业企业数控化率超过75%。".repeat(20);
        let gbk = [0xB5, 0xBD, 0x32, 0x30];
        let cases: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"ascii only".to_vec(),
            plan.as_bytes().to_vec(),
            "𠀋 four-byte ü two-byte".as_bytes().to_vec(),
            plan.as_bytes()[..plan.len() - 1].to_vec(),
            gbk.to_vec(),
            [plan.as_bytes(), &gbk].concat(),
            [&plan.as_bytes()[..100], &gbk, plan.as_bytes()].concat(),
        ];
        for bytes in &cases {
            assert_eq!(super::utf8(bytes), std::str::from_utf8(bytes), "{bytes:?}");
        }
    }
}

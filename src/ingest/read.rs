//! Reading one file: its bytes within the size limit, then UTF-8 text; every problem becomes a
//! located diagnostic and the file is left out.

use std::path::Path;

use super::{Corpus, MAX_FILE_BYTES};
use crate::diagnostics::Diagnostic;
use crate::model::span::display_path;
use crate::model::{SourceId, Span};
use crate::msg;

/// Reads a file's bytes within the size limit; problems become diagnostics.
pub(super) fn read_bytes(corpus: &mut Corpus, path: &Path) -> Option<Vec<u8>> {
    let shown = display_path(path);
    if let Ok(meta) = std::fs::metadata(path)
        && meta.len() > MAX_FILE_BYTES
    {
        let (size, limit) = (meta.len() / 1024 / 1024, MAX_FILE_BYTES / 1024 / 1024);
        let source = corpus.sources.add(path.to_path_buf(), "");
        corpus.diagnostics.push(
            Diagnostic::new(
                crate::code::ToolCode::FileTooLarge,
                msg!(
                    "文件过大（{size} MiB，上限 {limit} MiB），未读取",
                    "file too large ({size} MiB, the limit is {limit} MiB); not read"
                ),
            )
            .in_file(source),
        );
        return None;
    }
    match std::fs::read(path) {
        Ok(bytes) => Some(bytes),
        Err(err) => {
            let source = corpus.sources.add(path.to_path_buf(), "");
            corpus.diagnostics.push(
                Diagnostic::new(
                    crate::code::ToolCode::IoError,
                    msg!("无法读取 {shown}：{err}", "cannot read {shown}: {err}"),
                )
                .in_file(source),
            );
            None
        }
    }
}

/// Reads a file as UTF-8 text and registers it; problems become diagnostics.
pub(super) fn read_source(
    corpus: &mut Corpus,
    path: &Path,
) -> Option<(SourceId, std::sync::Arc<str>)> {
    let bytes = read_bytes(corpus, path)?;
    match decode_utf8(&bytes) {
        Ok(text) => {
            let text: std::sync::Arc<str> = text.into();
            let source = corpus
                .sources
                .add(path.to_path_buf(), std::sync::Arc::clone(&text));
            Some((source, text))
        }
        Err(problem) => {
            let source = corpus
                .sources
                .add(path.to_path_buf(), problem.readable_prefix);
            corpus.diagnostics.push(
                Diagnostic::new(crate::code::ToolCode::InvalidEncoding, problem.message)
                    .at(source, Span::new(problem.offset, 0), msg!("此处", "here"))
                    .with_help(msg!("请将文件另存为 UTF-8 编码", "save the file as UTF-8")),
            );
            None
        }
    }
}

pub(super) struct EncodingProblem {
    message: crate::i18n::Msg,
    offset: usize,
    readable_prefix: String,
}

/// Plan and jurisdiction files are UTF-8 (a BOM is allowed). Anything else is named as well as
/// it can be: a UTF-16 BOM, or GBK/GB18030 bytes at the first invalid offset.
pub(super) fn decode_utf8(bytes: &[u8]) -> Result<String, EncodingProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(EncodingProblem {
            message: msg!(
                "文件为 UTF-16 编码，不是 UTF-8",
                "the file is UTF-16, not UTF-8"
            ),
            offset: 0,
            readable_prefix: String::new(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let offset = err.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            Err(EncodingProblem {
                message: msg!(
                    "文件不是有效的 UTF-8（第 {line} 行，字节 {offset}；可能是 GBK/GB18030 编码）",
                    "the file is not valid UTF-8 (line {line}, byte {offset}; GBK/GB18030 perhaps)"
                ),
                offset,
                readable_prefix: prefix,
            })
        }
    }
}

//! Reading one file of the corpus through [`crate::source`]: a problem becomes a located
//! diagnostic in the corpus and the file is left out.

use std::path::Path;
use std::sync::Arc;

use super::Corpus;
use crate::diagnostics::Diagnostic;
use crate::model::{SourceId, Span};
use crate::msg;
use crate::source::Unreadable;

/// Records that `path` could not be read.
pub(super) fn report(corpus: &mut Corpus, path: &Path, problem: Unreadable) {
    let diagnostic = problem.into_diagnostic(&mut corpus.sources, path);
    corpus.diagnostics.push(diagnostic);
}

/// A file's text read ahead, registered in the corpus's sources (or its problem reported).
pub(super) fn register(
    corpus: &mut Corpus,
    path: &Path,
    read: Result<String, Unreadable>,
) -> Option<(SourceId, Arc<str>)> {
    match read {
        Ok(text) => {
            let text: Arc<str> = text.into();
            let id = corpus.sources.add(path.to_path_buf(), Arc::clone(&text));
            Some((id, text))
        }
        Err(problem) => {
            report(corpus, path, problem);
            None
        }
    }
}

/// A text plan whose bytes do not decode: reported where decoding stopped, with the text
/// before that place (none for a .docx, whose bytes are not its text).
pub(super) fn undecodable(
    corpus: &mut Corpus,
    path: &Path,
    bytes: &[u8],
    problem: super::text::Unreadable,
) {
    let binary = path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("docx"))
        || super::text::fixed_layout(path, bytes).is_some();
    let readable = if binary {
        String::new()
    } else {
        String::from_utf8_lossy(&bytes[..problem.offset.min(bytes.len())]).into_owned()
    };
    let offset = readable.len();
    let source = corpus.sources.add(path.to_path_buf(), readable);
    corpus.diagnostics.push(
        Diagnostic::new(crate::code::ToolCode::UnreadablePlan, problem.message)
            .at(source, Span::new(offset, 0), msg!("此处", "here"))
            .with_help(msg!(
                "方案文本应为 UTF-8、UTF-16 或 GB18030 编码的 .txt/.md，或 .docx",
                "a plan's text is a .txt/.md in UTF-8, UTF-16 or GB18030, or a .docx"
            )),
    );
}

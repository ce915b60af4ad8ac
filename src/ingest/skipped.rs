//! Files a corpus holds but does not check, reported at their paths: a sidecar with no text
//! beside it, a text with nothing of a plan, a link that is not followed, a pipe or device, a
//! folder that cannot be read.

use std::path::Path;

use super::Corpus;
use super::discover;
use crate::diagnostics::Diagnostic;
use crate::msg;

pub(super) fn orphan_sidecar(corpus: &mut Corpus, path: &Path) {
    let source = corpus.sources.add(path.to_path_buf(), "");
    corpus.diagnostics.push(
        Diagnostic::new(
            crate::code::ToolCode::OrphanSidecar,
            msg!(
                "旁注文件没有对应的方案文本（同名的 .txt、.md 或 .docx）",
                "a sidecar with no plan text beside it (a .txt, .md or .docx of the same name)"
            ),
        )
        .in_file(source),
    );
}

/// A .txt, .md or .docx in a corpus folder with no title, issuer, 文号 or target: a note left
/// beside the plans, skipped with a note rather than checked as a plan nothing places.
pub(super) fn not_a_plan(corpus: &mut Corpus, source: crate::model::SourceId) {
    corpus.diagnostics.push(
        Diagnostic::new(
            crate::code::ToolCode::NotAPlan,
            msg!(
                "该文件没有方案的任何要素（标题、发文机关、文号或目标），未作为方案检查",
                "nothing of a plan in this file (no title, issuer, 文号 or target): not checked as a plan"
            ),
        )
        .in_file(source),
    );
}

/// A file or folder found but not read: reported at its path, never dropped silently.
pub(super) fn skipped_file(corpus: &mut Corpus, path: &Path, why: &discover::Skip) {
    use discover::Skip;
    let source = corpus.sources.add(path.to_path_buf(), "");
    let (code, message) = match why {
        Skip::Link => (
            crate::code::ToolCode::SkippedFile,
            msg!(
                "符号链接，未跟随（语料库只读取库内的文件）",
                "a symbolic link, not followed (a corpus reads only the files inside it)"
            ),
        ),
        Skip::NotRegular => (
            crate::code::ToolCode::SkippedFile,
            msg!(
                "不是普通文件（管道、套接字或设备），未读取",
                "not a regular file (a pipe, socket or device), not read"
            ),
        ),
        Skip::Unreadable(reason) => (
            crate::code::ToolCode::IoError,
            msg!("无法读取：{reason}", "cannot be read: {reason}"),
        ),
    };
    corpus
        .diagnostics
        .push(Diagnostic::new(code, message).in_file(source));
}

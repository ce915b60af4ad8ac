//! `check DRAFT --annotate OUT.docx`: the draft given back with a Word comment at each finding
//! shown and the comparison table as its appendix; `check DRAFT.pdf --annotate OUT.pdf`: the
//! PDF with a highlight and its note on each finding. Written whole or not at all, never over
//! an existing file (the draft itself included) unless `--force`.

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::engine::Report;
use crate::error::Error;
use crate::export::compare;
use crate::export::docx::{self, Draft};
use crate::i18n::Lang;
use crate::ingest::text::fixed::Kind;
use crate::model::SourceId;
use crate::msg;

/// Writes the annotated copy of the one draft in `paths`.
pub(super) fn write(
    paths: &[PathBuf],
    out: &Path,
    force: bool,
    report: &Report,
    shown: &[Diagnostic],
    lang: Lang,
) -> Result<(), Error> {
    let failed = |reason| Error::Annotate {
        path: crate::model::span::display_path(out),
        reason,
    };
    let [draft_path] = paths else {
        return Err(failed(msg!(
            "--annotate 只接受一份草案（一个 .docx、.pdf、.ofd、.txt 或 .md 文件）",
            "--annotate takes exactly one draft (a .docx, .pdf, .ofd, .txt or .md file)"
        )));
    };
    let source = source_of(report, draft_path).ok_or_else(|| {
        failed(msg!(
            "草案未被读取为方案文本（支持 .docx、.pdf、.ofd、.txt、.md）",
            "the draft was not read as a plan's text (.docx, .pdf, .ofd, .txt and .md are)"
        ))
    })?;
    if same_file(draft_path, out) && !force {
        return Err(Error::OntoInput {
            path: crate::model::span::display_path(out),
        });
    }
    let wanted = copy_kind(out);
    let read = |path| crate::source::read_bytes(path).map_err(|e| failed(e.message));
    // A draft that was not read as a plan (unreadable, nothing placed it) gets no copy: a copy
    // without its findings would pass for a clean review.
    let Some(plan) = report.corpus.plan_of(source) else {
        return Err(failed(msg!(
            "草案未能读取为方案（见上方的错误），不生成批注版",
            "the draft could not be read as a plan (see the errors above); no annotated copy is written"
        )));
    };
    let findings: Vec<&Diagnostic> = shown.iter().filter(|d| d.source == Some(source)).collect();
    let annotated = match wanted {
        CopyKind::Fixed(kind) => {
            let bytes = read(draft_path)?;
            if crate::ingest::text::fixed_layout(draft_path, &bytes) != Some(kind) {
                let name = kind.name();
                return Err(failed(msg!(
                    "{name} 批注版只能从 {name} 草案写出；其他草案请用 --annotate 输出.docx",
                    "an annotated {name} is written from a {name} draft only; for this draft use --annotate OUT.docx"
                )));
            }
            let sources = &report.corpus.sources;
            match kind {
                Kind::Pdf => crate::export::pdf::annotate(&bytes, sources, source, &findings, lang),
                Kind::Ofd => crate::export::ofd::annotate(&bytes, sources, source, &findings, lang),
            }
        }
        CopyKind::Docx => {
            let is_docx = draft_path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("docx"));
            let bytes = if is_docx { Some(read(draft_path)?) } else { None };
            let tables = vec![compare::table(report, plan, lang)];
            docx::annotate(&Draft {
                report,
                source,
                docx: bytes.as_deref(),
                findings: &findings,
                tables: &tables,
                lang,
            })
        }
    }
    .map_err(failed)?;
    super::output::write_new_file(out, &annotated, force).map_err(|e| Error::write(out, e))
}

/// The kinds of reviewer's copy.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CopyKind {
    Docx,
    /// The draft's own PDF or OFD, annotated.
    Fixed(Kind),
}

/// The copy `out` asks for, by its extension: .pdf or .ofd for a draft of that format, else
/// .docx.
fn copy_kind(out: &Path) -> CopyKind {
    match crate::source::extension(out).as_deref() {
        Some("pdf") => CopyKind::Fixed(Kind::Pdf),
        Some("ofd") => CopyKind::Fixed(Kind::Ofd),
        _ => CopyKind::Docx,
    }
}

/// The source read from `path`.
fn source_of(report: &Report, path: &Path) -> Option<SourceId> {
    let name = path.file_name()?;
    let wanted = std::fs::canonicalize(path).ok()?;
    report
        .corpus
        .sources
        .iter()
        .filter(|(_, file)| file.path.file_name() == Some(name))
        .find(|(_, file)| {
            let root = report.corpus.sources.root().unwrap_or(Path::new("."));
            [file.path.clone(), root.join(&file.path)]
                .iter()
                .any(|p| std::fs::canonicalize(p).is_ok_and(|p| p == wanted))
        })
        .map(|(id, _)| id)
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
        (Ok(a), Ok(b)) => a == b,
        _ => false,
    }
}

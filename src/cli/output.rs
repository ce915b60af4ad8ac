//! What the commands print and write: findings for people, and files written whole or not at
//! all.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Color;
use crate::diagnostics::render::{HumanRenderer, RenderOptions};
use crate::diagnostics::{Diagnostic, Summary};
use crate::error::{NodeKind, NotRegularTarget};
use crate::i18n::Lang;
use crate::model::Sources;

/// Findings as miette diagnostics, then the summary line when asked.
pub(super) fn human(
    findings: &[Diagnostic],
    summary: Summary,
    sources: &Sources,
    lang: Lang,
    color: Color,
    with_summary: bool,
) -> String {
    let mut out = Vec::new();
    let shown = Shown {
        summary,
        sources,
        lang,
        color,
        with_summary,
    };
    // Writing to memory fails only if memory does.
    let _ = write_human(&mut out, findings, &shown);
    String::from_utf8_lossy(&out).into_owned()
}

/// How [`write_human`] shows findings.
pub(super) struct Shown<'a> {
    pub summary: Summary,
    pub sources: &'a Sources,
    pub lang: Lang,
    pub color: Color,
    /// Whether the summary line ends the output.
    pub with_summary: bool,
}

/// Writes the findings as miette diagnostics to `out`, rendered on every core a batch at a time
/// and written in order (a national corpus's report is tens of megabytes), then the summary
/// line when asked.
pub(super) fn write_human(
    out: &mut impl Write,
    findings: &[Diagnostic],
    shown: &Shown<'_>,
) -> std::io::Result<()> {
    let lang = shown.lang;
    let color = match shown.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let width = output_width();
    let renderer = HumanRenderer::new(shown.sources, RenderOptions { lang, color, width });
    let ordered = crate::diagnostics::reading_order(findings);
    crate::diagnostics::batched::write_texts_in_order(out, &ordered, |finding| {
        let mut text = String::new();
        if renderer.render(finding, &mut text).is_err() {
            text.push_str(finding.message.get(lang));
        }
        text.push('\n');
        // Each finding ends a line: guarded finding by finding as the whole output would be.
        no_workflow_commands(&text)
    })?;
    if shown.with_summary {
        let line = shown.summary.line(lang) + "\n";
        out.write_all(no_workflow_commands(&line).as_bytes())?;
    }
    Ok(())
}

/// The output with no line that a CI runner would take for a command: plan text wrapped by the
/// renderer can bring `::error::…` to the start of a line (after its indent), and GitHub
/// Actions runs such a line; its first colon becomes `∶`, which reads the same.
fn no_workflow_commands(text: &str) -> String {
    if !text.contains("::") {
        return text.to_string();
    }
    let mut out = String::with_capacity(text.len());
    for line in text.split_inclusive('\n') {
        let indent = line.len() - line.trim_start().len();
        if line[indent..].starts_with("::") {
            out.push_str(&line[..indent]);
            out.push('∶');
            out.push_str(&line[indent + 1..]);
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Writes `bytes` to `out` whole or not at all: into a temporary file with an unpredictable name
/// in the same folder (created exclusively, so a planted link is never followed), then renamed
/// into place. An existing file is replaced only with `force`, keeping its permissions; anything
/// else at `out` (a link, a pipe, a device, a folder) is refused before anything is written,
/// even with `force`, rather than replaced by a plain file (`--annotate /dev/null --force` run
/// as root would otherwise turn the system's `/dev/null` into one).
pub(super) fn write_new_file(out: &Path, bytes: &[u8], force: bool) -> std::io::Result<()> {
    let existing = std::fs::symlink_metadata(out).ok();
    if let Some(kind) = existing.as_ref().and_then(not_regular) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidInput,
            NotRegularTarget(kind),
        ));
    }
    if !force && existing.is_some() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the file exists; use --force to replace it",
        ));
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".planlint-").suffix(".tmp");
    // A new file gets the permissions any new file gets (0666 less the umask), not the
    // owner-only mode of a temporary file.
    #[cfg(unix)]
    if existing.is_none() {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(&dir)?;
    temp.write_all(bytes)?;
    if let Some(meta) = &existing {
        temp.as_file().set_permissions(meta.permissions())?;
        keep_owner(temp.as_file(), meta)?;
    }
    temp.as_file().sync_all()?;
    if force {
        temp.persist(out).map_err(|e| e.error)?;
    } else {
        // Fails when `out` appeared meanwhile: never overwrite unasked.
        temp.persist_noclobber(out).map_err(|e| e.error)?;
    }
    Ok(())
}

/// A replaced file keeps its owner and group: a fix run by root (or by a member of the file's
/// group) must not hand another user's file to itself. Only an owner that differs is set, so an
/// ordinary run, which may not give files away, never tries.
#[cfg(unix)]
fn keep_owner(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let now = file.metadata()?;
    if now.uid() == original.uid() && now.gid() == original.gid() {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid()))
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// What is at an output path when it is not a regular file (`meta` not followed through a link).
pub(super) fn not_regular(meta: &std::fs::Metadata) -> Option<NodeKind> {
    let kind = meta.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_symlink() {
        return Some(NodeKind::Link);
    }
    if kind.is_dir() {
        return Some(NodeKind::Folder);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some(NodeKind::Pipe);
        }
        if kind.is_socket() {
            return Some(NodeKind::Socket);
        }
    }
    Some(NodeKind::Device)
}

/// The width to lay findings out in: `COLUMNS` when set, else the terminal's, else 100.
fn output_width() -> usize {
    terminal_width().unwrap_or(100)
}

/// The width the output is read at: `COLUMNS`, else the terminal's; `None` when the output is
/// not a terminal and `COLUMNS` is not set (a file, a pipe).
pub(super) fn terminal_width() -> Option<usize> {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .filter(|w| *w > 0)
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(terminal_size::Width(w), _)| usize::from(w))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_line_starts_a_workflow_command() {
        let text = "  help: see\n        ::error::pwned\n::warning x\nok :: fine\n";
        let safe = no_workflow_commands(text);
        assert!(
            safe.lines().all(|l| !l.trim_start().starts_with("::")),
            "{safe}"
        );
        assert!(safe.contains("ok :: fine"));
    }
}

//! What the commands print and write: findings for people, and files written whole or not at
//! all.

use std::io::{IsTerminal, Write};
use std::path::Path;

use super::Color;
use crate::diagnostics::render::{HumanRenderer, RenderOptions};
use crate::diagnostics::{Diagnostic, Summary};
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
    let color = match color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none(),
    };
    let width = output_width();
    let renderer = HumanRenderer::new(sources, RenderOptions { lang, color, width });
    let mut text = String::new();
    // Errors first, then warnings, then notes, each in file order: what fails the run is on
    // the first screen.
    let mut ordered: Vec<&Diagnostic> = findings.iter().collect();
    ordered.sort_by_key(|d| d.severity);
    for finding in ordered {
        if renderer.render(finding, &mut text).is_err() {
            text.push_str(finding.message.get(lang));
        }
        text.push('\n');
    }
    if with_summary {
        text.push_str(&summary.line(lang));
        text.push('\n');
    }
    text
}

/// Writes `text` to `out` atomically: into a temporary file beside it, then moved into place. An
/// existing file is replaced only with `force`; without it the move fails rather than clobber.
pub(super) fn write_new_file(out: &Path, text: &str, force: bool) -> std::io::Result<()> {
    if !force && out.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the file exists; use --force to replace it",
        ));
    }
    let dir = match out.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let name = out
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let temp = dir.join(format!(".{name}.planlint-{}.tmp", std::process::id()));
    let result = (|| {
        let mut file = std::fs::File::create(&temp)?;
        file.write_all(text.as_bytes())?;
        file.sync_all()?;
        if force {
            std::fs::rename(&temp, out)
        } else {
            // A hard link fails when `out` appeared meanwhile: never overwrite unasked.
            std::fs::hard_link(&temp, out).and_then(|()| std::fs::remove_file(&temp))
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&temp);
    }
    result
}

/// The width to lay findings out in: `COLUMNS` when set, else the terminal's, else 100.
fn output_width() -> usize {
    std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse().ok())
        .or_else(|| {
            std::io::stdout()
                .is_terminal()
                .then(terminal_size::terminal_size)
                .flatten()
                .map(|(terminal_size::Width(w), _)| usize::from(w))
        })
        .unwrap_or(100)
}

//! `planlint extract FILE`: read a plan's text and print it in the plan-file format of `plans/`
//! (YAML), or as JSON. Sentences skipped for want of confidence are reported on stderr as notes.

use std::io::Write;
use std::path::Path;

use super::{ExitStatus, ExtractArgs, ExtractFormat};
use crate::diagnostics::{Diagnostic, Summary};
use crate::i18n::Lang;
use crate::ingest::MAX_FILE_BYTES;
use crate::ingest::text::{self, record::PlanRecord};
use crate::model::span::display_path;
use crate::model::{Sources, Span};
use crate::msg;

pub(super) fn run(args: &ExtractArgs) -> ExitStatus {
    let lang = args.lang.unwrap_or_else(Lang::from_env);
    let shown = display_path(&args.file);
    let mut sources = Sources::default();
    let original = match read(&args.file) {
        Ok(text) => text,
        Err((message, offset, prefix)) => {
            let source = sources.add(args.file.clone(), prefix);
            let d = Diagnostic::new(crate::code::ToolCode::UnreadablePlan, message).at(
                source,
                Span::new(offset, 0),
                msg!("此处", "here"),
            );
            eprint!(
                "{}",
                super::check::human(
                    &[d],
                    Summary::of(&[], 1),
                    &sources,
                    lang,
                    super::Color::Never,
                    false
                )
            );
            return ExitStatus::Failure;
        }
    };
    let source = sources.add(args.file.clone(), original.as_str());
    let extracted = text::extract(&original);
    let notes: Vec<Diagnostic> = extracted
        .skipped
        .iter()
        .map(|s| {
            Diagnostic::new(crate::code::ToolCode::UncertainTarget, s.reason.clone()).at(
                source,
                s.span,
                msg!("未作为目标读取", "not read as a target"),
            )
        })
        .collect();
    if !notes.is_empty() {
        let summary = Summary::of(&notes, 1);
        eprint!(
            "{}",
            super::check::human(&notes, summary, &sources, lang, super::Color::Never, true)
        );
    }
    let record = PlanRecord::new(&extracted, shown.clone());
    let rendered = match args.format {
        ExtractFormat::Yaml => serde_saphyr::to_string(&record).map_err(|e| e.to_string()),
        ExtractFormat::Json => serde_json::to_string_pretty(&record)
            .map(|s| s + "\n")
            .map_err(|e| e.to_string()),
    };
    super::emit(rendered, args.output.as_deref(), args.force)
}

/// The text of a plan file, or why not: message, byte offset, and the readable part of the file
/// to show around it.
fn read(path: &Path) -> Result<String, (crate::i18n::Msg, usize, String)> {
    let shown = display_path(path);
    let size = std::fs::metadata(path).map(|m| m.len()).map_err(|err| {
        (
            msg!("无法读取 {shown}：{err}", "cannot read {shown}: {err}"),
            0,
            String::new(),
        )
    })?;
    if size > MAX_FILE_BYTES {
        let (size, limit) = (size / 1024 / 1024, MAX_FILE_BYTES / 1024 / 1024);
        return Err((
            msg!(
                "文件过大（{size} MiB，上限 {limit} MiB），未读取",
                "file too large ({size} MiB, the limit is {limit} MiB); not read"
            ),
            0,
            String::new(),
        ));
    }
    let bytes = std::fs::read(path).map_err(|err| {
        (
            msg!("无法读取 {shown}：{err}", "cannot read {shown}: {err}"),
            0,
            String::new(),
        )
    })?;
    text::read_bytes(path, &bytes).map_err(|e| {
        let prefix = String::from_utf8_lossy(&bytes[..e.offset.min(bytes.len())]).into_owned();
        let offset = prefix.len();
        (e.message, offset, prefix)
    })
}

/// Writes `text` to `out` atomically: into a temporary file beside it, then moved into place. An
/// existing file is replaced only with `force`; without it the move fails rather than clobber.
pub(super) fn write_new_file(out: &Path, text: &str, force: bool) -> std::io::Result<()> {
    if !force && out.exists() {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "the file exists; use --force to replace it / 文件已存在，使用 --force 覆盖",
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

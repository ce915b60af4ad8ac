//! YAML parsing with serde-saphyr, its spans turned into ours and its errors into located
//! diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::Spanned;

use crate::diagnostics::Diagnostic;
use crate::model::{Located, SourceId, Span};
use crate::msg;

/// The byte span of a parsed node.
pub(crate) fn span_of<T>(node: &Spanned<T>) -> Span {
    let span = node.referenced.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(start), Some(len)) => Span::new(to_usize(start), to_usize(len)),
        _ => Span::default(),
    }
}

fn to_usize(n: u64) -> usize {
    usize::try_from(n).unwrap_or(usize::MAX)
}

/// A parsed node as a model value with its place.
pub(crate) fn located<T, U>(
    source: SourceId,
    node: Spanned<T>,
    f: impl FnOnce(T) -> U,
) -> Located<U> {
    let span = span_of(&node);
    Located::new(f(node.value), source, span)
}

/// Parses `text` as a `T`, or explains why not at the place it failed.
pub(crate) fn parse<T: DeserializeOwned>(
    source: SourceId,
    text: &str,
) -> Result<T, Box<Diagnostic>> {
    if text.trim().is_empty() {
        return Err(Box::new(
            Diagnostic::new(
                crate::code::ToolCode::InvalidYaml,
                msg!("文件为空", "the file is empty"),
            )
            .at(source, Span::default(), msg!("此处", "here"))
            .with_help(msg!(
                "写入方案内容，或删除该文件",
                "write the plan into it, or delete the file"
            )),
        ));
    }
    let options = serde_saphyr::options! {};
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|err| Box::new(to_diagnostic(source, text, &err)))
}

fn to_diagnostic(source: SourceId, text: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let plain = err.without_snippet();
    let detail = strip_location_suffix(&plain.to_string());
    let span = plain
        .location()
        .map(|loc| {
            let s = loc.span();
            let start = s.byte_offset().map_or(0, to_usize).min(text.len());
            let len = s.byte_len().map_or(0, to_usize);
            Span::new(start, len.min(text.len() - start))
        })
        .unwrap_or_default();
    Diagnostic::new(
        crate::code::ToolCode::InvalidYaml,
        msg!(
            "无法读取该文件：{detail}",
            "cannot read this file: {detail}"
        ),
    )
    .at(source, span, msg!("此处", "here"))
    .with_help(msg!(
        "修正此处后重新运行；该文件的其余内容未被检查，其他文件照常检查",
        "fix this and run again; the rest of this file was not checked, other files were"
    ))
}

/// serde-saphyr ends plain messages with ` at line L column C`; the label already shows where.
fn strip_location_suffix(message: &str) -> String {
    let trimmed = message.trim();
    match trimmed.rfind(" at line ") {
        Some(i) if trimmed[i..].contains("column") => trimmed[..i].to_string(),
        _ => trimmed.to_string(),
    }
}

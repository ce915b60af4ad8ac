//! planlint's one error type for failures that are not findings: a path that does not exist, a
//! code that names nothing, a baseline that cannot be read, an output that cannot be written.
//! Each ends the run with exit code 2 and is printed on stderr in Chinese and English.

use crate::code::UnknownCode;

#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum Error {
    #[error("{path}: no such file or folder / 文件或文件夹不存在")]
    #[diagnostic(code(planlint::not_found))]
    NotFound { path: String },

    #[error("{0} / 未知的规则代码")]
    #[diagnostic(
        code(planlint::unknown_code),
        help("`planlint explain --all` lists every code / 列出全部规则代码")
    )]
    UnknownCode(UnknownCode),

    #[error("{path}: {reason} / 基线文件无法读取")]
    #[diagnostic(
        code(planlint::baseline),
        help(
            "write a new one with `planlint check --write-baseline` / 用 --write-baseline 重新生成"
        )
    )]
    Baseline { path: String, reason: String },

    #[error("{path}: {cause}")]
    #[diagnostic(code(planlint::write))]
    Write {
        path: String,
        /// Shown in the message itself, not as a separate cause.
        cause: std::io::Error,
    },

    #[error("{0}")]
    #[diagnostic(code(planlint::output))]
    Output(String),
}

impl From<UnknownCode> for Error {
    fn from(err: UnknownCode) -> Self {
        Self::UnknownCode(err)
    }
}

impl Error {
    /// A file that could not be written, named as output prints paths.
    #[must_use]
    pub fn write(path: &std::path::Path, cause: std::io::Error) -> Self {
        Self::Write {
            path: crate::model::span::display_path(path),
            cause,
        }
    }
}

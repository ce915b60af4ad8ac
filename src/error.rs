//! planlint's one error type for failures that are not findings: a path that does not exist, a
//! code or indicator that names nothing, a baseline that cannot be read, an output that cannot be
//! written. Each ends the run with exit code 2 and is printed on stderr in the run's language,
//! like a finding.

use std::fmt;

use crate::code::UnknownCode;
use crate::i18n::{Lang, Msg};
use crate::msg;

#[derive(Debug)]
pub enum Error {
    /// A path given to read does not exist.
    NotFound { path: String },
    /// A path given on the command line that is neither a regular file nor a folder (a pipe,
    /// `/dev/stdin`, a device): refused rather than checked as empty.
    NotRegular { path: String },
    /// A code given by a user names nothing planlint reports.
    UnknownCode(UnknownCode),
    /// `trace` was asked for an indicator the catalogue does not have.
    UnknownIndicator(String),
    /// The baseline file cannot be read or is of another version.
    Baseline { path: String, reason: String },
    /// An output file exists and `--force` was not given.
    Exists { path: String },
    /// An output path names a link, a pipe, a device or a folder: never replaced, even with
    /// `--force`.
    NotRegularOutput { path: String, kind: NodeKind },
    /// An output file cannot be written.
    Write { path: String, cause: std::io::Error },
    /// Output could not be rendered or written to standard output.
    Output(String),
    /// `--changed-since REF`: git could not list the changed files.
    ChangedFiles { reference: String, reason: String },
    /// `-o` names the file being read.
    OntoInput { path: String },
    /// `--lints DIR` holds rule data that cannot be read.
    RuleData { dir: String, reason: String },
    /// A `catalogue:` folder of planlint.yaml holds rule data that cannot be used.
    CatalogueFolder { dir: String, reason: String },
    /// `--jurisdiction` names no place.
    UnknownJurisdiction {
        name: String,
        did_you_mean: Option<String>,
    },
    /// The annotated copy of a draft cannot be made.
    Annotate { path: String, reason: Msg },
    /// `--jurisdiction` names several places.
    AmbiguousJurisdiction {
        name: String,
        candidates: Vec<String>,
    },
    /// The review service cannot start (an address taken, a token too short, a corpus that
    /// cannot be copied or watched).
    Serve(Msg),
}

/// What an output path names when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NodeKind {
    Link,
    Folder,
    Pipe,
    Socket,
    Device,
}

impl NodeKind {
    /// The kind, in Chinese and in English.
    #[must_use]
    pub fn words(self) -> (&'static str, &'static str) {
        match self {
            NodeKind::Link => ("符号链接", "symbolic link"),
            NodeKind::Folder => ("文件夹", "folder"),
            NodeKind::Pipe => ("管道（FIFO）", "pipe (FIFO)"),
            NodeKind::Socket => ("套接字", "socket"),
            NodeKind::Device => ("设备文件", "device"),
        }
    }
}

/// The cause of a refused write, carried inside an `io::Error` from the writer to
/// [`Error::write`].
#[derive(Debug)]
pub struct NotRegularTarget(pub NodeKind);

impl fmt::Display for NotRegularTarget {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "a {}, not a regular file", self.0.words().1)
    }
}

impl std::error::Error for NotRegularTarget {}

impl From<UnknownCode> for Error {
    fn from(err: UnknownCode) -> Self {
        Self::UnknownCode(err)
    }
}

impl Error {
    /// A file that could not be written, named as output prints paths.
    #[must_use]
    pub fn write(path: &std::path::Path, cause: std::io::Error) -> Self {
        let path = crate::model::span::display_path(path);
        let refused = cause
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<NotRegularTarget>());
        if let Some(NotRegularTarget(kind)) = refused {
            Self::NotRegularOutput { path, kind: *kind }
        } else if cause.kind() == std::io::ErrorKind::AlreadyExists {
            Self::Exists { path }
        } else {
            Self::Write { path, cause }
        }
    }

    /// The diagnostic code miette prints above the message.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Error::NotFound { .. } => "planlint::not_found",
            Error::NotRegular { .. } => "planlint::not_regular",
            Error::UnknownCode(_) => "planlint::unknown_code",
            Error::UnknownIndicator(_) => "planlint::unknown_indicator",
            Error::Baseline { .. } => "planlint::baseline",
            Error::Exists { .. } => "planlint::exists",
            Error::NotRegularOutput { .. } => "planlint::not_regular_output",
            Error::Write { .. } => "planlint::write",
            Error::Output(_) => "planlint::output",
            Error::ChangedFiles { .. } => "planlint::changed_files",
            Error::OntoInput { .. } => "planlint::onto_input",
            Error::UnknownJurisdiction { .. } => "planlint::unknown_jurisdiction",
            Error::RuleData { .. } => "planlint::rule_data",
            Error::CatalogueFolder { .. } => "planlint::catalogue_folder",
            Error::AmbiguousJurisdiction { .. } => "planlint::ambiguous_jurisdiction",
            Error::Annotate { .. } => "planlint::annotate",
            Error::Serve(_) => "planlint::serve",
        }
    }

    /// What went wrong, in both languages.
    #[must_use]
    pub fn message(&self) -> Msg {
        match self {
            Error::NotFound { path } => msg!(
                "{path}：文件或文件夹不存在",
                "{path}: no such file or folder"
            ),
            Error::NotRegular { path } => msg!(
                "{path}：不是普通文件或文件夹（管道、设备）；请将送审稿保存为文件后再检查",
                "{path}: not a regular file or folder (a pipe or a device); save the draft as a file and check that"
            ),
            Error::UnknownCode(UnknownCode { code, did_you_mean }) => match did_you_mean {
                Some(known) => msg!(
                    "未知的规则代码“{code}”；是否应为“{known}”？",
                    "unknown code `{code}`; did you mean `{known}`?"
                ),
                None => msg!("未知的规则代码“{code}”", "unknown code `{code}`"),
            },
            Error::UnknownIndicator(query) => msg!(
                "指标目录中没有与“{query}”匹配的指标",
                "no catalogued indicator matches `{query}`"
            ),
            Error::Baseline { path, reason } => {
                msg!("{path}：基线文件无法读取：{reason}", "{path}: {reason}")
            }
            Error::Exists { path } => msg!(
                "{path}：文件已存在，使用 --force 覆盖",
                "{path}: the file exists; use --force to replace it"
            ),
            Error::NotRegularOutput { path, kind } => {
                let (zh, en) = kind.words();
                msg!(
                    "{path}：是{zh}，不是普通文件；即使使用 --force 也不会替换它",
                    "{path}: a {en}, not a regular file; it is never replaced, even with --force"
                )
            }
            Error::Write { path, cause } => msg!("{path}：无法写入：{cause}", "{path}: {cause}"),
            Error::OntoInput { path } => msg!(
                "{path}：这是正在读取的文件，请输出到另一个文件",
                "{path} is the file being read; write the output to another file"
            ),
            Error::Annotate { path, reason } => {
                let (zh, en) = (reason.zh(), reason.en());
                msg!(
                    "{path}：无法生成带批注的文档：{zh}",
                    "{path}: cannot make the annotated document: {en}"
                )
            }
            Error::Output(reason) => {
                msg!("无法输出：{reason}", "cannot write the output: {reason}")
            }
            Error::Serve(reason) => reason.clone(),
            Error::ChangedFiles { reference, reason } => msg!(
                "无法用 git 列出自 {reference} 以来改动的文件：{reason}",
                "git cannot list the files changed since {reference}: {reason}"
            ),
            Error::RuleData { dir, reason } => msg!(
                "--lints {dir}：规则数据无法读取：{reason}",
                "--lints {dir}: the rule data cannot be read: {reason}"
            ),
            Error::CatalogueFolder { dir, reason } => msg!(
                "planlint.yaml 的 catalogue 文件夹 {dir} 无法使用：{reason}",
                "the catalogue folder {dir} of planlint.yaml cannot be used: {reason}"
            ),
            Error::UnknownJurisdiction { name, did_you_mean } => match did_you_mean {
                Some(known) => msg!(
                    "没有名为“{name}”的辖区；是否应为“{known}”？",
                    "no jurisdiction is called `{name}`; did you mean `{known}`?"
                ),
                None => msg!(
                    "没有名为“{name}”的辖区",
                    "no jurisdiction is called `{name}`"
                ),
            },
            Error::AmbiguousJurisdiction { name, candidates } => {
                let list = candidates.join("; ");
                msg!(
                    "“{name}”可指多个辖区：{list}",
                    "`{name}` names several jurisdictions: {list}"
                )
            }
        }
    }

    /// What to do about it, where there is something to say.
    #[must_use]
    pub fn help(&self) -> Option<Msg> {
        match self {
            Error::UnknownCode(_) => Some(msg!(
                "`planlint explain --all` 列出全部规则代码",
                "`planlint explain --all` lists every code"
            )),
            Error::UnknownIndicator(_) => Some(msg!(
                "使用指标目录中的编号或表述（如 `key-process-nc-rate`、数控化率），或语料库中方案使用的指标措辞（如 新一代智能终端、智能体等应用普及率）",
                "give a catalogue id or wording (`key-process-nc-rate`, 数控化率), or an indicator as a plan of the corpus words it (新一代智能终端、智能体等应用普及率)"
            )),
            Error::UnknownJurisdiction { .. } | Error::AmbiguousJurisdiction { .. } => Some(msg!(
                "可写名称或简称（平度市、平度）、路径（山东省/青岛市/平度市）或区划代码（370283）",
                "give a name or short name (平度市, 平度), a path (山东省/青岛市/平度市) or a code (370283)"
            )),
            Error::RuleData { .. } => Some(msg!(
                "该文件夹应包含 indicators.yaml 和 agency-abbreviations.yaml（可选 registries.yaml、renamed-agencies.yaml）",
                "the folder needs indicators.yaml and agency-abbreviations.yaml (registries.yaml and renamed-agencies.yaml are optional)"
            )),
            Error::CatalogueFolder { .. } => Some(msg!(
                "该文件夹可含 indicators.yaml、agency-abbreviations.yaml 或两者，叠加在内置目录之上（见 docs/adding-a-campaign.md）",
                "the folder holds indicators.yaml, agency-abbreviations.yaml or both, laid over the bundled catalogue (see docs/adding-a-campaign.md)"
            )),
            Error::NotRegularOutput { .. } => Some(msg!(
                "请输出到普通文件（新文件名或已有的普通文件）",
                "write to a regular file (a new name, or an existing regular file)"
            )),
            Error::Baseline { .. } => Some(msg!(
                "用 `planlint check --write-baseline` 重新生成",
                "write a new one with `planlint check --write-baseline`"
            )),
            _ => None,
        }
    }

    /// The error as a miette diagnostic in `lang`.
    #[must_use]
    pub fn in_lang(&self, lang: Lang) -> Localized {
        Localized {
            code: self.code(),
            message: self.message().get(lang).to_string(),
            help: self.help().map(|h| h.get(lang).to_string()),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.message().en())
    }
}

impl std::error::Error for Error {}

/// An [`Error`] in one language, as miette renders it.
#[derive(Debug)]
pub struct Localized {
    code: &'static str,
    message: String,
    help: Option<String>,
}

impl fmt::Display for Localized {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Localized {}

impl miette::Diagnostic for Localized {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.code))
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.help
            .as_ref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }
}

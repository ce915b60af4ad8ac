//! `planlint.yaml`: per-lint and per-group levels, thresholds, paths to include and exclude, the
//! default language. Found upward from the current folder (or given with `--config`), merged with
//! the command line's `--allow`, `--warn` and `--deny`, and printed by `planlint config`.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

mod file;
mod print;

use crate::code::{Category, Code, CodeDoc};
use crate::diagnostics::{Diagnostic, Severity};
use crate::i18n::Lang;
use crate::lints::{ALL, LintMeta};
use crate::model::Sources;
use crate::msg;

/// The configuration file's name.
pub const FILE_NAME: &str = crate::ingest::CONFIG_FILE;

/// How a lint is treated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LintLevel {
    /// Not reported.
    Allow,
    /// Reported as a note (does not fail the run).
    Note,
    /// Reported as a warning.
    Warn,
    /// Reported as an error (fails the run).
    Deny,
}

impl LintLevel {
    fn severity(self) -> Option<Severity> {
        match self {
            LintLevel::Allow => None,
            LintLevel::Note => Some(Severity::Note),
            LintLevel::Warn => Some(Severity::Warning),
            LintLevel::Deny => Some(Severity::Error),
        }
    }
}

pub use crate::lints::Thresholds;

/// Where a lint's level comes from, for `planlint config`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Origin {
    Default,
    Group,
    Lint,
    CommandLine,
}

/// The effective configuration of a run.
#[derive(Debug, Clone, Serialize)]
pub struct Config {
    /// The file read, if any.
    pub file: Option<PathBuf>,
    pub lang: Option<Lang>,
    /// Paths checked when none are given on the command line.
    pub include: Vec<PathBuf>,
    /// Glob patterns of files not read, relative to the configuration file's folder.
    pub exclude: Vec<String>,
    pub thresholds: Thresholds,
    /// The baseline file, if the repository keeps one.
    pub baseline: Option<PathBuf>,
    /// `catalogue:` folders of the repository's own indicators and agency abbreviations, laid
    /// over the bundled rule data in order.
    pub catalogue: Vec<PathBuf>,
    /// Every lint's level and where it was set.
    pub lints: BTreeMap<Code, (LintLevel, Origin)>,
    /// `--deny warnings`: every warning, lint or not, fails the run.
    pub deny_warnings: bool,
    /// `--fix` also replaces agency abbreviations by official names.
    pub fix_aliases: bool,
    #[serde(skip)]
    base: PathBuf,
    #[serde(skip)]
    exclude_set: Option<globset::GlobSet>,
}

/// Command-line overrides, applied after the file: `--allow`, `--warn`, `--deny` take lint codes
/// or group names; `--deny warnings` denies every warning.
#[derive(Debug, Default, Clone)]
pub struct Overrides {
    pub allow: Vec<String>,
    pub warn: Vec<String>,
    pub deny: Vec<String>,
}

/// A configuration that cannot be used: the diagnostics say where and why.
#[derive(Debug)]
pub struct ConfigError {
    pub sources: Sources,
    pub diagnostics: Vec<Diagnostic>,
}

/// A code's level when nothing sets it: its default severity, or off for a nursery lint.
fn default_level(doc: &CodeDoc) -> LintLevel {
    if doc.nursery {
        return LintLevel::Allow;
    }
    LintLevel::of(doc.default_severity)
}

impl LintLevel {
    /// The level that reports at `severity`.
    #[must_use]
    pub fn of(severity: Severity) -> Self {
        match severity {
            Severity::Error => LintLevel::Deny,
            Severity::Warning => LintLevel::Warn,
            Severity::Note => LintLevel::Note,
        }
    }
}

impl Config {
    /// The configuration with no file: every lint at its default level.
    #[must_use]
    pub fn defaults() -> Self {
        Self {
            file: None,
            lang: None,
            include: vec![PathBuf::from("plans")],
            exclude: Vec::new(),
            thresholds: Thresholds::default(),
            baseline: None,
            catalogue: Vec::new(),
            lints: crate::lints::codes()
                .into_iter()
                .map(|c| (c, (default_level(c.doc()), Origin::Default)))
                .collect(),
            deny_warnings: false,
            fix_aliases: false,
            base: PathBuf::from("."),
            exclude_set: None,
        }
    }

    /// Finds `planlint.yaml` in the current folder or above.
    #[must_use]
    pub fn discover() -> Option<PathBuf> {
        let mut dir = std::env::current_dir().ok()?;
        loop {
            let candidate = dir.join(FILE_NAME);
            if crate::source::observe::is_file(&candidate) {
                return Some(candidate);
            }
            if !dir.pop() {
                return None;
            }
        }
    }

    /// Reads `path` (or the defaults when `None`) and applies `overrides`.
    pub fn load(path: Option<&Path>, overrides: &Overrides) -> Result<Self, ConfigError> {
        let mut config = Self::defaults();
        let mut sources = Sources::default();
        let mut diagnostics = Vec::new();
        if let Some(path) = path {
            config.read_file(path, &mut sources, &mut diagnostics);
        }
        config.apply_overrides(overrides, &mut diagnostics);
        if diagnostics.is_empty() {
            Ok(config)
        } else {
            Err(ConfigError {
                sources,
                diagnostics,
            })
        }
    }

    /// Sets every code of a group; a nursery lint is only ever turned on by name, so raising a
    /// group leaves it off (allowing the group still covers it).
    fn set_group(&mut self, category: Category, level: LintLevel, origin: Origin) {
        for code in crate::lints::codes()
            .into_iter()
            .filter(|c| c.category() == category)
            .filter(|c| !c.doc().nursery || level == LintLevel::Allow)
        {
            self.lints.insert(code, (level, origin));
        }
    }

    fn apply_overrides(&mut self, overrides: &Overrides, diagnostics: &mut Vec<Diagnostic>) {
        for (names, level) in [
            (&overrides.allow, LintLevel::Allow),
            (&overrides.warn, LintLevel::Warn),
            (&overrides.deny, LintLevel::Deny),
        ] {
            for name in names.iter().map(|n| n.trim()) {
                if level == LintLevel::Deny && name == "warnings" {
                    self.deny_warnings = true;
                } else if let Some(c) = Category::parse(name) {
                    self.set_group(c, level, Origin::CommandLine);
                } else {
                    match crate::lints::lookup(name) {
                        Ok(code) => {
                            self.lints.insert(code, (level, Origin::CommandLine));
                        }
                        Err(err) => diagnostics.push(Diagnostic::new(
                            crate::code::ToolCode::InvalidConfig,
                            {
                                let err = err.to_string();
                                msg!("命令行：{err}", "command line: {err}")
                            },
                        )),
                    }
                }
            }
        }
    }

    /// Whether a discovered file is excluded.
    #[must_use]
    pub fn excludes(&self, path: &Path) -> bool {
        let Some(set) = &self.exclude_set else {
            return false;
        };
        let relative = path.strip_prefix(&self.base).unwrap_or(path);
        let relative = relative.strip_prefix(".").unwrap_or(relative);
        set.is_match(relative) || set.is_match(path)
    }

    /// Applies the levels to a run's findings: allowed lints are dropped, the rest take their
    /// configured severity; with `--deny warnings` every warning becomes an error.
    pub fn apply(&self, findings: &mut Vec<Diagnostic>) {
        findings.retain_mut(|d| {
            if let Some((level, origin)) = self.lints.get(&d.code) {
                match level.severity() {
                    None => return false,
                    Some(severity) if *origin != Origin::Default => d.severity = severity,
                    Some(_) => {}
                }
            }
            if self.deny_warnings && d.severity == Severity::Warning {
                d.severity = Severity::Error;
            }
            true
        });
    }

    /// The lints that run at all.
    #[must_use]
    pub fn enabled(&self) -> Vec<&'static LintMeta> {
        ALL.iter()
            .copied()
            .filter(|l| self.is_enabled(l.code()))
            .collect()
    }

    /// Turns on a nursery lint the user named (in `--select`), at its default severity, unless
    /// the configuration set its level.
    pub fn enable_nursery(&mut self, code: Code) {
        let doc = code.doc();
        let untouched = self
            .lints
            .get(&code)
            .is_none_or(|(_, origin)| *origin == Origin::Default);
        if doc.nursery && untouched {
            let level = LintLevel::of(doc.default_severity);
            self.lints.insert(code, (level, Origin::CommandLine));
        }
    }

    /// The project root output paths are relative to: the configuration file's folder, or the
    /// working directory when there is no file.
    #[must_use]
    pub fn root(&self) -> PathBuf {
        self.file
            .as_deref()
            .and_then(Path::parent)
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf)
    }

    /// Whether findings of `code` are reported at all.
    #[must_use]
    pub fn is_enabled(&self, code: Code) -> bool {
        self.lints
            .get(&code)
            .is_none_or(|(level, _)| *level != LintLevel::Allow)
    }
}

fn all_groups() -> String {
    Category::ALL.map(Category::name).join(", ")
}

fn invalid(
    source: crate::model::SourceId,
    span: crate::model::Span,
    message: crate::i18n::Msg,
) -> Diagnostic {
    Diagnostic::new(crate::code::ToolCode::InvalidConfig, message).at(
        source,
        span,
        msg!("此处", "here"),
    )
}

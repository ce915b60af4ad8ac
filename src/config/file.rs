//! Reading planlint.yaml: the file as written, then merged into a [`Config`]; every mistake is
//! an `invalid-config` finding at its place.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Config, LintLevel, Origin, all_groups, invalid};
use crate::code::{Category, Code};
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::model::Sources;
use crate::msg;
use crate::source::yaml::span_of;

/// The file as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ConfigFile {
    #[serde(default)]
    lang: Option<Lang>,
    #[serde(default)]
    include: Vec<String>,
    #[serde(default)]
    exclude: Vec<Spanned<String>>,
    #[serde(default)]
    groups: BTreeMap<String, Spanned<LintLevel>>,
    #[serde(default)]
    lints: BTreeMap<String, Spanned<LintLevel>>,
    #[serde(default)]
    thresholds: ThresholdsFile,
    #[serde(default)]
    baseline: Option<String>,
    /// Folders of the repository's own rule data, laid over the bundled catalogue.
    #[serde(default)]
    catalogue: Vec<String>,
    /// Let `--fix` replace agency abbreviations by official names.
    #[serde(default, rename = "fix-aliases")]
    fix_aliases: bool,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct ThresholdsFile {
    #[serde(default)]
    approximate_tolerance: Option<serde_saphyr::Spanned<f64>>,
}

/// The longest `exclude:` pattern read.
const MAX_PATTERN_CHARS: usize = 1024;

impl Config {
    pub(super) fn read_file(
        &mut self,
        path: &Path,
        sources: &mut Sources,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        // Read like every other file (size limit, UTF-8), reported as a broken configuration.
        let text = match crate::source::read_text(path) {
            Ok(text) => text,
            Err(problem) => {
                let mut d = problem.into_diagnostic(sources, path);
                d.code = Code::Tool(crate::code::ToolCode::InvalidConfig);
                diagnostics.push(d);
                return;
            }
        };
        self.read_text(path, &text, sources, diagnostics);
    }

    /// Applies the configuration `text`, read from `path`.
    pub(crate) fn read_text(
        &mut self,
        path: &Path,
        text: &str,
        sources: &mut Sources,
        diagnostics: &mut Vec<Diagnostic>,
    ) {
        let source = sources.add(path.to_path_buf(), text);
        let file = match crate::source::yaml::parse::<ConfigFile>(source, text) {
            Ok(file) => file,
            Err(d) => {
                let mut d = *d;
                d.code = Code::Tool(crate::code::ToolCode::InvalidConfig);
                diagnostics.push(d);
                return;
            }
        };
        self.file = Some(path.to_path_buf());
        self.base = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map_or_else(|| PathBuf::from("."), Path::to_path_buf);
        self.lang = file.lang;
        if !file.include.is_empty() {
            self.include = file.include.iter().map(|p| self.base.join(p)).collect();
        }
        self.baseline = file.baseline.map(|b| self.base.join(b));
        self.catalogue = file.catalogue.iter().map(|c| self.base.join(c)).collect();
        self.fix_aliases = file.fix_aliases;
        if let Some(t) = &file.thresholds.approximate_tolerance {
            if (0.0..=1.0).contains(&t.value) {
                self.thresholds.approximate_tolerance = t.value;
            } else {
                // NaN and infinities included: `.nan` would silence every comparison.
                let written = t.value;
                diagnostics.push(invalid(
                    source,
                    span_of(t),
                    msg!(
                        "approximate-tolerance 应为 0 到 1 之间的数（如 0.05），而不是 {written}",
                        "approximate-tolerance must be a number from 0 to 1 (such as 0.05), not {written}"
                    ),
                ));
            }
        }
        let mut builder = globset::GlobSetBuilder::new();
        for pattern in &file.exclude {
            // A path pattern is a path: a huge one would only cost memory to compile.
            if pattern.value.chars().count() > MAX_PATTERN_CHARS {
                diagnostics.push(invalid(
                    source,
                    span_of(pattern),
                    msg!(
                        "路径模式过长（上限 {MAX_PATTERN_CHARS} 个字符）",
                        "path pattern too long (the limit is {MAX_PATTERN_CHARS} characters)"
                    ),
                ));
                continue;
            }
            match globset::Glob::new(&pattern.value) {
                Ok(glob) => {
                    builder.add(glob);
                    self.exclude.push(pattern.value.clone());
                }
                Err(err) => diagnostics.push(invalid(source, span_of(pattern), {
                    let written = &pattern.value;
                    msg!(
                        "无效的路径模式“{written}”：{err}",
                        "invalid path pattern `{written}`: {err}"
                    )
                })),
            }
        }
        self.exclude_set = builder.build().ok();
        let mut unknown = Unknown::default();
        for (name, level) in &file.groups {
            match Category::parse(name) {
                Some(c) => self.set_group(c, level.value, Origin::Group),
                None => unknown.found(span_of(level), diagnostics, |span| {
                    let groups = all_groups();
                    invalid(
                        source,
                        span,
                        msg!(
                            "未知的规则组“{name}”（可用：{groups}）",
                            "unknown lint group `{name}` (groups: {groups})"
                        ),
                    )
                }),
            }
        }
        for (code, level) in &file.lints {
            match crate::lints::known(code) {
                Some(code) => {
                    self.lints.insert(code, (level.value, Origin::Lint));
                }
                None => unknown.found(span_of(level), diagnostics, |span| {
                    // The suggestion is worked out only for the names reported.
                    let err = crate::lints::lookup(code)
                        .map_or_else(|e| e.to_string(), |_| String::new());
                    invalid(source, span, msg!("{err}", "{err}"))
                }),
            }
        }
        if let Some(at) = unknown.first_unlisted {
            let more = unknown.count - MAX_UNKNOWN;
            diagnostics.push(invalid(
                source,
                at,
                msg!(
                    "另有 {more} 个未知的规则或规则组未逐一列出（每个文件列出前 {MAX_UNKNOWN} 个）",
                    "{more} more unknown codes and groups are not listed (the first {MAX_UNKNOWN} of a file are)"
                ),
            ));
        }
    }
}

/// The unknown codes and groups of a file reported one by one, each with its suggestion; the
/// rest are counted in one more finding, so that a file of thousands costs no more than this.
const MAX_UNKNOWN: usize = 50;

/// The unknown codes and groups met in a file.
#[derive(Default)]
struct Unknown {
    count: usize,
    /// Where the first one not reported on its own is.
    first_unlisted: Option<crate::model::Span>,
}

impl Unknown {
    /// Reports one more unknown name at `span` with `finding`, while fewer than
    /// [`MAX_UNKNOWN`] have been.
    fn found(
        &mut self,
        span: crate::model::Span,
        diagnostics: &mut Vec<Diagnostic>,
        finding: impl FnOnce(crate::model::Span) -> Diagnostic,
    ) {
        self.count += 1;
        if self.count <= MAX_UNKNOWN {
            diagnostics.push(finding(span));
        } else if self.first_unlisted.is_none() {
            self.first_unlisted = Some(span);
        }
    }
}

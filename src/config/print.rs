//! `planlint config`: the effective configuration as YAML, each lint's level with where it was
//! set.

use super::{Config, LintLevel, Origin};
use crate::i18n::Lang;

impl Config {
    /// The effective configuration as YAML, for `planlint config`.
    #[must_use]
    pub fn to_yaml(&self) -> String {
        let mut out = String::new();
        let file = self.file.as_deref().map_or_else(
            || "none (defaults)".to_string(),
            crate::model::span::display_path,
        );
        out.push_str(&format!("# configuration file: {file}\n"));
        let lang = self.lang.map_or(
            "null # from LC_ALL / LC_MESSAGES / LANG, else zh",
            |l| match l {
                Lang::Zh => "zh",
                Lang::En => "en",
            },
        );
        out.push_str(&format!("lang: {lang}\n"));
        let quote = |s: &str| serde_json::to_string(s).unwrap_or_default();
        out.push_str("include:\n");
        for p in &self.include {
            out.push_str(&format!(
                "  - {}\n",
                quote(&crate::model::span::display_path(p))
            ));
        }
        out.push_str(if self.exclude.is_empty() {
            "exclude: []\n"
        } else {
            "exclude:\n"
        });
        for p in &self.exclude {
            out.push_str(&format!("  - {}\n", quote(p)));
        }
        match &self.baseline {
            Some(b) => out.push_str(&format!(
                "baseline: {}\n",
                quote(&crate::model::span::display_path(b))
            )),
            None => out.push_str("baseline: null\n"),
        }
        out.push_str(if self.catalogue.is_empty() {
            "catalogue: []\n"
        } else {
            "catalogue:\n"
        });
        for p in &self.catalogue {
            out.push_str(&format!(
                "  - {}\n",
                quote(&crate::model::span::display_path(p))
            ));
        }
        out.push_str(&format!(
            "thresholds:\n  approximate-tolerance: {}\n",
            self.thresholds.approximate_tolerance
        ));
        out.push_str(&format!("deny-warnings: {}\n", self.deny_warnings));
        out.push_str(&format!("fix-aliases: {}\n", self.fix_aliases));
        out.push_str("lints:\n");
        for (code, (level, origin)) in &self.lints {
            let level = match level {
                LintLevel::Allow => "allow",
                LintLevel::Note => "note",
                LintLevel::Warn => "warn",
                LintLevel::Deny => "deny",
            };
            let origin = match origin {
                Origin::Default => "default",
                Origin::Group => "group in the file",
                Origin::Lint => "the file",
                Origin::CommandLine => "command line",
            };
            out.push_str(&format!("  {code}: {level} # {origin}\n"));
        }
        out
    }
}

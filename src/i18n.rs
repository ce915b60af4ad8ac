//! User-facing text comes in Chinese and English; a [`Msg`] carries both and the renderer picks
//! one with [`Lang`], so rules never decide the language.

use serde::Serialize;

/// The language diagnostics are printed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, serde::Deserialize, clap::ValueEnum)]
#[serde(rename_all = "kebab-case")]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    /// Picks the language from the locale variables (`LC_ALL`, `LC_MESSAGES`, `LANG`, in the
    /// order POSIX gives them precedence): a `zh` locale gives Chinese, another language
    /// English. A locale that names no language (unset, `C`, `C.UTF-8`, `POSIX`, as on most CI
    /// machines and containers) gives Chinese, the language of the plans.
    #[must_use]
    pub fn from_env() -> Self {
        for var in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            let Ok(value) = std::env::var(var) else {
                continue;
            };
            let value = value.to_ascii_lowercase();
            let no_language =
                value.is_empty() || value == "c" || value.starts_with("c.") || value == "posix";
            if no_language {
                continue;
            }
            return if value.starts_with("zh") {
                Lang::Zh
            } else {
                Lang::En
            };
        }
        Lang::Zh
    }
}

/// One message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Msg {
    pub zh: String,
    pub en: String,
}

impl Msg {
    #[must_use]
    pub fn new(zh: impl Into<String>, en: impl Into<String>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.zh,
            Lang::En => &self.en,
        }
    }
}

/// Builds a [`Msg`] from two format strings that share the caller's variables.
#[macro_export]
macro_rules! msg {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::i18n::Msg::new(format!($zh), format!($en))
    };
}

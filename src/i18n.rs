//! User-facing text comes in Chinese and English; a [`Msg`] carries both and the renderer picks
//! one with [`Lang`], so rules never decide the language.

use std::borrow::Cow;

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

/// One message in both languages. A fixed message borrows its text from the binary: a run of
/// the national corpus holds tens of thousands of findings, most of whose labels and helps
/// are fixed words.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize)]
pub struct Msg {
    pub zh: Cow<'static, str>,
    pub en: Cow<'static, str>,
}

impl Msg {
    #[must_use]
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self {
            zh: zh.into(),
            en: en.into(),
        }
    }

    /// What `msg!` builds: a message without variables is borrowed, one with them formatted.
    #[must_use]
    pub fn of_args(zh: std::fmt::Arguments<'_>, en: std::fmt::Arguments<'_>) -> Self {
        let text = |args: std::fmt::Arguments<'_>| match args.as_str() {
            Some(fixed) => Cow::Borrowed(fixed),
            None => Cow::Owned(exact(args)),
        };
        Self {
            zh: text(zh),
            en: text(en),
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

/// `args` formatted into a string of exactly its length. A string formatted in place grows by
/// doubling and holds on average a third more than its text; a national corpus's findings hold
/// a quarter of a million of them.
fn exact(args: std::fmt::Arguments<'_>) -> String {
    use std::fmt::Write;
    /// Longer than any message; a longer one is formatted into a scratch that is not kept.
    const KEPT: usize = 64 * 1024;
    thread_local! {
        static SCRATCH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
    }
    SCRATCH.with(|scratch| {
        // Taken, not borrowed: a value formatted into a message may format a message itself.
        let mut text = scratch.take();
        text.clear();
        // Only a value's `Display` fails, and `to_string` would panic on it; the text so far
        // is kept.
        let _ = text.write_fmt(args);
        let exact = String::from(text.as_str());
        if text.capacity() <= KEPT {
            scratch.replace(text);
        }
        exact
    })
}

/// Builds a [`Msg`] from two format strings that share the caller's variables.
#[macro_export]
macro_rules! msg {
    ($zh:literal, $en:literal $(,)?) => {
        $crate::i18n::Msg::of_args(format_args!($zh), format_args!($en))
    };
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    #[test]
    fn a_fixed_message_is_borrowed_and_one_with_variables_formatted() {
        let fixed = crate::msg!("没有数值", "no figure");
        assert!(matches!(fixed.zh, Cow::Borrowed("没有数值")));
        assert!(matches!(fixed.en, Cow::Borrowed("no figure")));
        let year = 2027;
        let formatted = crate::msg!("{year}年", "due {year}");
        assert_eq!((&*formatted.zh, &*formatted.en), ("2027年", "due 2027"));
    }
}

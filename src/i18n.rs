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

/// One message in both languages, in 24 bytes: a finding holds four or more, and a national
/// corpus tens of thousands of findings. A fixed message borrows its words from the binary (most
/// labels and helps are fixed words); one with variables holds both languages in one string of
/// exactly their length.
#[derive(Clone)]
pub struct Msg(Text);

#[derive(Clone)]
enum Text {
    /// Written in the binary: (Chinese, English).
    Fixed(&'static (&'static str, &'static str)),
    /// The Chinese then the English, split at the byte offset given.
    Formatted(Box<str>, u32),
}

impl Msg {
    /// A message of any two texts.
    #[must_use]
    pub fn new(zh: impl Into<Cow<'static, str>>, en: impl Into<Cow<'static, str>>) -> Self {
        Self::of_args(format_args!("{}", zh.into()), format_args!("{}", en.into()))
    }

    /// A message written in the binary: what `msg!` builds of two literals without variables.
    #[must_use]
    pub const fn fixed(words: &'static (&'static str, &'static str)) -> Self {
        Self(Text::Fixed(words))
    }

    /// What `msg!` builds of two format strings with variables: both formatted, into one
    /// string of exactly their length (a string formatted in place grows by doubling and holds
    /// on average a third more than its text).
    #[must_use]
    pub fn of_args(zh: std::fmt::Arguments<'_>, en: std::fmt::Arguments<'_>) -> Self {
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
            // Only a value's `Display` fails (`to_string` would panic on it); the text so far
            // is kept.
            let _ = text.write_fmt(zh);
            // No text planlint reads comes near 4 GiB (files are read up to 64 MiB).
            let split = u32::try_from(text.len()).unwrap_or(u32::MAX);
            let _ = text.write_fmt(en);
            let joined = Box::from(text.as_str());
            if text.capacity() <= KEPT {
                scratch.replace(text);
            }
            Self(Text::Formatted(joined, split))
        })
    }

    /// The Chinese text.
    #[must_use]
    pub fn zh(&self) -> &str {
        match &self.0 {
            Text::Fixed((zh, _)) => zh,
            Text::Formatted(text, split) => text.get(..*split as usize).unwrap_or(text),
        }
    }

    /// The English text.
    #[must_use]
    pub fn en(&self) -> &str {
        match &self.0 {
            Text::Fixed((_, en)) => en,
            Text::Formatted(text, split) => text.get(*split as usize..).unwrap_or_default(),
        }
    }

    /// The text in `lang`.
    #[must_use]
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => self.zh(),
            Lang::En => self.en(),
        }
    }
}

impl PartialEq for Msg {
    fn eq(&self, other: &Self) -> bool {
        self.zh() == other.zh() && self.en() == other.en()
    }
}

impl Eq for Msg {}

impl std::fmt::Debug for Msg {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Msg")
            .field("zh", &self.zh())
            .field("en", &self.en())
            .finish()
    }
}

/// A message as data (the extraction cache keeps the notes on a text): `{zh, en}`.
#[derive(Serialize, serde::Deserialize)]
struct Written<'a> {
    #[serde(borrow)]
    zh: Cow<'a, str>,
    #[serde(borrow)]
    en: Cow<'a, str>,
}

impl Serialize for Msg {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        Written {
            zh: Cow::Borrowed(self.zh()),
            en: Cow::Borrowed(self.en()),
        }
        .serialize(serializer)
    }
}

impl<'de> serde::Deserialize<'de> for Msg {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let Written { zh, en } = Written::deserialize(deserializer)?;
        Ok(Self::of_args(format_args!("{zh}"), format_args!("{en}")))
    }
}

/// Whether a format string is its own text (no `{`, no `}`): `msg!` borrows such a pair from
/// the binary instead of formatting it.
#[doc(hidden)]
#[must_use]
pub const fn plain(format: &str) -> bool {
    let bytes = format.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'{' || bytes[i] == b'}' {
            return false;
        }
        i += 1;
    }
    true
}

/// Builds a [`Msg`] from two format strings that share the caller's variables.
#[macro_export]
macro_rules! msg {
    ($zh:literal, $en:literal $(,)?) => {
        if const { $crate::i18n::plain($zh) && $crate::i18n::plain($en) } {
            $crate::i18n::Msg::fixed(&($zh, $en))
        } else {
            $crate::i18n::Msg::of_args(format_args!($zh), format_args!($en))
        }
    };
}

#[cfg(test)]
mod tests {
    use super::{Msg, Text};

    #[test]
    fn a_fixed_message_is_borrowed_and_one_with_variables_formatted() {
        let fixed = crate::msg!("没有数值", "no figure");
        assert!(matches!(fixed.0, Text::Fixed(("没有数值", "no figure"))));
        let year = 2027;
        let formatted = crate::msg!("{year}年", "due {year}");
        assert!(matches!(formatted.0, Text::Formatted(..)));
        assert_eq!((formatted.zh(), formatted.en()), ("2027年", "due 2027"));
        // Braces written twice are one brace of the text.
        let braces = crate::msg!("{{甲}}", "{{a}}");
        assert_eq!((braces.zh(), braces.en()), ("{甲}", "{a}"));
        assert_eq!(std::mem::size_of::<Msg>(), 24);
        assert_eq!(std::mem::size_of::<Option<Msg>>(), 24);
    }

    #[test]
    fn a_message_formatted_inside_a_message_keeps_both() {
        struct Nested;
        impl std::fmt::Display for Nested {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                let n = 7;
                f.write_str(crate::msg!("内{n}", "in {n}").en())
            }
        }
        let outer = crate::msg!("外{Nested}", "out {Nested}");
        assert_eq!((outer.zh(), outer.en()), ("外in 7", "out in 7"));
    }

    #[test]
    fn a_message_is_written_and_read_as_its_two_texts() {
        let year = 2027;
        for msg in [
            crate::msg!("甲", "a"),
            crate::msg!("{year}年", "due {year}"),
        ] {
            let json = serde_json::to_string(&msg).unwrap_or_default();
            let back: Option<Msg> = serde_json::from_str(&json).ok();
            assert_eq!(back.as_ref(), Some(&msg), "{json}");
        }
        let fixed = crate::msg!("甲", "a");
        assert_eq!(
            serde_json::to_string(&fixed).unwrap_or_default(),
            r#"{"zh":"甲","en":"a"}"#
        );
        assert_eq!(Msg::new("甲", String::from("a")), fixed);
    }
}

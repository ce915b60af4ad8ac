//! Plan text made safe to print. A plan repository takes pull requests, so what a plan says is
//! untrusted where the human output is read: a terminal obeys escape sequences (window title,
//! clipboard, clearing the screen), bidi overrides reorder what a reviewer sees, and a CI runner
//! takes `::command::` at a line's start and `##[command]` anywhere as workflow commands.

/// A message, label or file name for the terminal: control characters (line breaks included, so
/// nothing plan-made starts a line) and bidi controls shown as visible symbols, and `##[` broken.
#[must_use]
pub fn safe_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\r' => out.push('⏎'),
            '\t' => out.push(' '),
            c if c.is_control() || is_bidi_control(c) => out.push('�'),
            c => out.push(c),
        }
    }
    out.replace("##[", "# [")
}

/// A source text for the snippets, with the same byte length so that every span still points at
/// the same place: control characters other than line breaks and tabs become spaces (C0) or `¿`
/// (C1, two bytes), bidi controls `�` (three bytes), and `##[` becomes `# [`. A text with none
/// of them (most plans) is borrowed, not copied: the human report of a national corpus shows a
/// snippet of nearly every file.
#[must_use]
pub fn safe_source(text: &str) -> std::borrow::Cow<'_, str> {
    let unsafe_char = |c: char| c != '\n' && c != '\t' && (c.is_control() || is_bidi_control(c));
    if !text.contains(unsafe_char) && !text.contains("##[") {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            c if c.is_control() && c.len_utf8() == 1 => out.push(' '),
            c if c.is_control() => out.push('¿'),
            c if is_bidi_control(c) => out.push('�'),
            c => out.push(c),
        }
    }
    std::borrow::Cow::Owned(out.replace("##[", "# ["))
}

/// Characters that reorder text on screen (U+202A–202E, U+2066–2069) or hide it (U+200E/F).
pub(crate) fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_commands_are_shown_not_obeyed() {
        let hostile = "标题\u{1b}]0;pwned\u{7}\n::error::x ##[warning]y \u{202e}abc";
        let safe = safe_text(hostile);
        assert!(
            !safe.contains(['\u{1b}', '\u{7}', '\n', '\u{202e}']),
            "{safe}"
        );
        assert!(!safe.contains("##["), "{safe}");
        assert_eq!(safe_source(hostile).len(), hostile.len());
        let source = safe_source(hostile);
        assert!(!source.contains(['\u{1b}', '\u{7}', '\u{202e}']) && !source.contains("##["));
        assert_eq!(safe_source("a\u{85}b\r\n").len(), "a\u{85}b\r\n".len());
        // A text with nothing to make safe is the text itself.
        let plain = "到2027年，数控化率超过75%\n\t（一）";
        assert!(matches!(safe_source(plain), std::borrow::Cow::Borrowed(p) if p == plain));
        assert!(matches!(safe_source("##[x"), std::borrow::Cow::Owned(s) if s == "# [x"));
    }
}

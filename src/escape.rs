//! One escaping function per output format. Plan text is untrusted (plan repositories take pull
//! requests): every plan-derived string goes through the function of the format it is written
//! into, so that it stays text there — never markup, a directive or a script.

/// Control characters no XML document may hold (C0 other than tab and line breaks, U+FFFE,
/// U+FFFF) and NUL, which ends a DOT string: shown as U+FFFD.
fn without_controls(text: &str, keep_line_breaks: bool) -> String {
    text.chars()
        .map(|c| match c {
            '\n' | '\r' | '\t' if keep_line_breaks => c,
            '\u{fffe}' | '\u{ffff}' => '\u{fffd}',
            c if c.is_control() => '\u{fffd}',
            c => c,
        })
        .collect()
}

/// A value inside a URL (RFC 3986): every byte but the unreserved ones (letters, digits,
/// `-._~`) percent-encoded, Chinese names included; `/` kept when `path` (a path's separators).
#[must_use]
pub fn url(text: &str, path: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~".contains(&byte) || (path && byte == b'/') {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Text and attribute values in XML (SVG, GraphML).
#[must_use]
pub fn xml(text: &str) -> String {
    without_controls(text, true)
        .replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// A DOT double-quoted string.
#[must_use]
pub fn dot(text: &str) -> String {
    without_controls(&text.replace('\n', "\u{0}n"), false)
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace("\u{fffd}n", "\\n")
}

/// A Mermaid label inside `"…"`: quotes and angle brackets as entity codes, and `%` too, so that
/// no `%%{init: …}%%` directive can form.
#[must_use]
pub fn mermaid(text: &str) -> String {
    without_controls(text, false)
        .replace('#', "#35;")
        .replace('"', "#quot;")
        .replace('<', "#lt;")
        .replace('>', "#gt;")
        .replace('%', "#37;")
}

/// JSON placed inside an HTML `<script>` element: no `<` at all (`\u003c`), so neither
/// `</script>` nor `<!--` can end or change the script.
#[must_use]
pub fn script_json(json: &str) -> String {
    json.replace('<', "\\u003c")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_format_keeps_hostile_text_as_text() {
        let hostile = "标题\u{1b}\u{0}<!--<script>\"'&%%{init}%%\u{fffe}\n二行";
        let x = xml(hostile);
        assert!(
            !x.contains(['\u{1b}', '\u{0}', '\u{fffe}', '<', '>']),
            "{x}"
        );
        let d = dot(hostile);
        assert!(
            !d.contains(['\u{0}', '\u{1b}', '\n']) && d.contains("\\n"),
            "{d}"
        );
        assert!(!d.replace("\\\"", "").contains('"'), "{d}");
        let m = mermaid(hostile);
        assert!(!m.contains(['%', '"', '<', '\u{1b}', '\n']), "{m}");
        assert_eq!(
            script_json("\"<!--</script>\""),
            "\"\\u003c!--\\u003c/script>\""
        );
    }
}

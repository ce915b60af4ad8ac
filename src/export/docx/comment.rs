//! A finding as a Word comment (批注): its level, message and code, the sentence of the plan
//! above it with that plan's 文号, and the help, each a paragraph, by author "planlint".

use std::fmt::Write;

use super::xml_text;
use crate::diagnostics::Diagnostic;
use crate::i18n::Lang;
use crate::model::Sources;

/// The most characters of a parent's sentence quoted in a comment.
const MAX_QUOTE_CHARS: usize = 200;

/// The paragraphs of the comment for `finding`.
pub(crate) fn paragraphs(finding: &Diagnostic, sources: &Sources, lang: Lang) -> Vec<String> {
    let level = match lang {
        Lang::Zh => finding.severity.zh(),
        Lang::En => finding.severity.en(),
    };
    let colon = match lang {
        Lang::Zh => "：",
        Lang::En => ": ",
    };
    let mut lines = vec![format!(
        "{level}[{}]{colon}{}",
        finding.code.as_str(),
        finding.message.get(lang)
    )];
    if let Some(label) = &finding.label {
        let text = label.text.get(lang);
        if !text.is_empty() {
            lines.push(text.to_string());
        }
    }
    for related in &finding.related {
        let sentence = quoted_sentence(sources.get(related.source), &related.label.span);
        lines.push(format!("{}{colon}“{sentence}”", related.message.get(lang)));
    }
    if let Some(help) = reviewer_help(finding, lang) {
        let prefix = match lang {
            Lang::Zh => "建议：",
            Lang::En => "suggestion: ",
        };
        lines.push(format!("{prefix}{help}"));
    }
    lines
}

/// What planlint's own help may name that a reviewer in Word has no use for: the repository's
/// folders and files, YAML keys, flags and the tool itself.
const INTERNALS: [&str; 16] = [
    "plans/",
    "planlint",
    "yaml",
    "YAML",
    "sidecar",
    "旁注",
    "status:",
    "not_applicable",
    "allow:",
    "reason:",
    "--",
    "catalogue",
    "语料库",
    "corpus",
    "辖区文件",
    "jurisdiction file",
];

/// The help for the reviewer: the finding's reviewer help, else its help when that names none
/// of planlint's internals (a maintainer's help is left to the terminal), code quotes as “”.
fn reviewer_help(finding: &Diagnostic, lang: Lang) -> Option<String> {
    let help = finding.reviewer_help().or(finding.help.as_ref())?.get(lang);
    if INTERNALS.iter().any(|word| help.contains(word)) {
        return None;
    }
    let mut quoted = String::with_capacity(help.len());
    for (i, part) in help.split('`').enumerate() {
        if i > 0 {
            quoted.push(if i % 2 == 1 { '“' } else { '”' });
        }
        quoted.push_str(part);
    }
    Some(quoted)
}

/// The parent's sentence: in a text plan the sentence around the span; in a YAML plan the
/// `quote:` value the span is in (the whole value, or the figure inside it), the sentence as
/// the plan words it.
fn quoted_sentence(file: &crate::model::SourceFile, span: &crate::model::Span) -> String {
    let is_yaml = file
        .path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
    if !is_yaml {
        return sentence_around(&file.text, span);
    }
    let text: &str = &file.text;
    let start = span.start.min(text.len());
    let from = text
        .get(..start)
        .and_then(|before| before.rfind('\n'))
        .map_or(0, |i| i + 1);
    let to = text
        .get(span.end().max(start)..)
        .and_then(|after| after.find('\n'))
        .map_or(text.len(), |i| span.end().max(start) + i);
    let line = text.get(from..to).unwrap_or_default();
    let value = line.split_once("quote:").map_or(line, |(_, value)| value);
    let quote = value.trim().trim_matches(['"', '\'']);
    let mut shown: String = quote.chars().take(MAX_QUOTE_CHARS).collect();
    if shown.len() < quote.len() {
        shown.push('…');
    }
    shown
}

/// The sentence a span is in: from the last 。；！？ or line break before it to the next after
/// it, at most [`MAX_QUOTE_CHARS`] characters.
fn sentence_around(text: &str, span: &crate::model::Span) -> String {
    let ends = ['。', '；', '！', '？', '\n'];
    let start = span.start.min(text.len());
    let end = span.end().clamp(start, text.len());
    if !text.is_char_boundary(start) || !text.is_char_boundary(end) {
        return String::new();
    }
    let from = text[..start].rfind(ends).map_or(0, |i| {
        i + text[i..].chars().next().map_or(1, char::len_utf8)
    });
    let to = text[end..].find(ends).map_or(text.len(), |i| {
        let stop = end + i;
        // Keep the sentence's own full stop.
        stop + text[stop..]
            .chars()
            .next()
            .filter(|c| *c != '\n')
            .map_or(0, char::len_utf8)
    });
    let sentence = text[from..to].trim();
    let mut quoted: String = sentence.chars().take(MAX_QUOTE_CHARS).collect();
    if quoted.len() < sentence.len() {
        quoted.push('…');
    }
    quoted
}

/// One `w:comment` element.
pub(super) fn element(id: u32, paragraphs: &[String], namespace: Option<&str>) -> String {
    let mut out = format!("<w:comment w:id=\"{id}\" w:author=\"planlint\" w:initials=\"PL\"");
    if let Some(ns) = namespace {
        let _ = write!(out, " xmlns:w=\"{ns}\"");
    }
    out.push('>');
    for (i, paragraph) in paragraphs.iter().enumerate() {
        out.push_str("<w:p>");
        if i == 0 {
            out.push_str("<w:r><w:annotationRef/></w:r>");
        }
        let _ = write!(
            out,
            "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r></w:p>",
            xml_text(paragraph)
        );
    }
    out.push_str("</w:comment>");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Span;

    #[test]
    fn the_sentence_around_a_span_keeps_its_full_stop() {
        let text = "一、目标。到2027年，回收量增长一倍；数控化率达到75%。\n二、任务";
        let at = text.find("回收量").unwrap();
        assert_eq!(
            sentence_around(text, &Span::new(at, "回收量增长一倍".len())),
            "到2027年，回收量增长一倍；"
        );
        let at = text.find("任务").unwrap();
        assert_eq!(sentence_around(text, &Span::new(at, 6)), "二、任务");
    }

    #[test]
    fn comment_text_is_escaped() {
        let xml = element(3, &["<b>&\u{1}".to_string()], None);
        assert!(xml.contains("&lt;b&gt;&amp;"), "{xml}");
        assert!(!xml.contains('\u{1}'), "{xml}");
    }
}

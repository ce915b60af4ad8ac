//! Text folded for matching, with every byte mapped back to the original file.
//!
//! Extraction matches patterns on NFKC text with layout white space removed (`2025 年` → `2025年`,
//! `（` → `(`, `１．８` → `1.8`), but a diagnostic must underline the original sentence at the
//! line and column a person sees. [`Folded`] keeps, for each byte it holds, the byte range of the
//! original character it came from.

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;

use crate::model::Span;

/// Folded text and the original byte range behind each of its bytes.
#[derive(Debug, Clone, Default)]
pub(crate) struct Folded {
    pub text: String,
    origin: Vec<Range<usize>>,
}

impl Folded {
    /// Appends `original[range]`, folded. White space is dropped except a single space between
    /// two ASCII letters or digits (`GB 55015`, `LNG 动力`→`LNG动力`); `**` emphasis marks from
    /// Markdown are dropped.
    pub(crate) fn push(&mut self, original: &str, range: Range<usize>) {
        let slice = &original[range.clone()];
        let mut chars = slice.char_indices().peekable();
        let mut pending_space: Option<Range<usize>> = None;
        while let Some((offset, c)) = chars.next() {
            let start = range.start + offset;
            let end = start + c.len_utf8();
            if c.is_whitespace() {
                pending_space.get_or_insert(start..end);
                continue;
            }
            if c == '*' && chars.peek().is_some_and(|&(_, next)| next == '*') {
                chars.next();
                continue;
            }
            if let Some(space) = pending_space.take()
                && self
                    .text
                    .chars()
                    .last()
                    .is_some_and(|p| p.is_ascii_alphanumeric())
                && c.is_ascii_alphanumeric()
            {
                self.push_char(' ', space);
            }
            for folded in std::iter::once(c).nfkc() {
                let folded = match folded {
                    '∶' => ':',
                    other => other,
                };
                self.push_char(folded, start..end);
            }
        }
    }

    fn push_char(&mut self, c: char, origin: Range<usize>) {
        self.text.push(c);
        for _ in 0..c.len_utf8() {
            self.origin.push(origin.clone());
        }
    }

    /// The original span behind `range` of the folded text.
    pub(crate) fn span(&self, range: Range<usize>) -> Span {
        if range.is_empty() || range.start >= self.origin.len() {
            let at = self
                .origin
                .get(range.start)
                .or_else(|| self.origin.last())
                .map_or(0, |r| r.start);
            return Span::new(at, 0);
        }
        let start = self.origin[range.start].start;
        let end = self.origin[(range.end - 1).min(self.origin.len() - 1)].end;
        Span::new(start, end.saturating_sub(start))
    }

    /// The original characters behind `range`, without the white space and page furniture that
    /// folding dropped: a name broken across lines (`市人社` ⏎ `局`) comes back whole.
    pub(crate) fn written(&self, original: &str, range: Range<usize>) -> String {
        let mut out = String::new();
        let mut last: Option<Range<usize>> = None;
        for origin in self.origin.get(range).unwrap_or_default() {
            if last.as_ref() == Some(origin) {
                continue;
            }
            if let Some(text) = original.get(origin.clone())
                && !text.chars().all(char::is_whitespace)
            {
                out.push_str(text);
            }
            last = Some(origin.clone());
        }
        out
    }

    pub(crate) fn len(&self) -> usize {
        self.text.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.text.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_and_maps_back() {
        let original = "到 ２０２５ 年，比值达到0.8∶1";
        let mut folded = Folded::default();
        folded.push(original, 0..original.len());
        assert_eq!(folded.text, "到2025年,比值达到0.8:1");
        let at = folded.text.find("2025").unwrap();
        let span = folded.span(at..at + 4);
        assert_eq!(&original[span.start..span.end()], "２０２５");
        assert_eq!(folded.written(original, at..at + 4), "２０２５");
    }

    #[test]
    fn keeps_a_space_between_ascii_words() {
        let original = "GB 55015 与 LNG 动力";
        let mut folded = Folded::default();
        folded.push(original, 0..original.len());
        assert_eq!(folded.text, "GB 55015与LNG动力");
    }
}

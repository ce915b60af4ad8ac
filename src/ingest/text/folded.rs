//! Text folded for matching, with every byte mapped back to the original file.
//!
//! Extraction matches patterns on NFKC text with layout white space removed (`2025 年` → `2025年`,
//! `（` → `(`, `１．８` → `1.8`) and traditional script read as simplified (`國發` → `国发`), but a diagnostic must underline the original sentence at the
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
        self.text.reserve(slice.len());
        self.origin.reserve(slice.len());
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
            if is_nfkc_alone(c) {
                self.push_char(crate::model::script::simplified(c), start..end);
                continue;
            }
            for folded in std::iter::once(c).nfkc() {
                let folded = match folded {
                    '∶' => ':',
                    other => crate::model::script::simplified(other),
                };
                self.push_char(folded, start..end);
            }
        }
    }

    /// Appends `line`, which is `original[range]` already folded on its own: the same as
    /// `push(original, range)`, without folding the line a second time.
    pub(crate) fn append(&mut self, original: &str, range: Range<usize>, line: Folded) {
        if self.text.is_empty() {
            *self = line;
            return;
        }
        // The one thing a line folded alone cannot know: a space kept between two ASCII letters
        // or digits across white space at its start.
        let leading = original[range.clone()]
            .chars()
            .next()
            .filter(|c| c.is_whitespace());
        if let Some(space) = leading
            && self.text.ends_with(|p: char| p.is_ascii_alphanumeric())
            && line.text.starts_with(|c: char| c.is_ascii_alphanumeric())
        {
            self.push_char(' ', range.start..range.start + space.len_utf8());
        }
        self.text.push_str(&line.text);
        self.origin.extend(line.origin);
    }

    fn push_char(&mut self, c: char, origin: Range<usize>) {
        self.text.push(c);
        self.origin
            .extend(std::iter::repeat_n(origin, c.len_utf8()));
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

/// Characters NFKC leaves as they are when normalised alone, which most of a plan is: ASCII
/// and the CJK Unified Ideographs (not the compatibility ideographs, which fold). Folding them
/// without the normaliser's machinery is what makes extraction fast.
fn is_nfkc_alone(c: char) -> bool {
    c.is_ascii() || ('\u{4e00}'..='\u{9fff}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_path_agrees_with_the_normaliser() {
        let samples = ('\u{0}'..='\u{7f}').chain('\u{4e00}'..='\u{9fff}');
        for c in samples {
            let normalised: String = std::iter::once(c).nfkc().collect();
            assert!(is_nfkc_alone(c) && normalised == c.to_string(), "{c:?}");
        }
        assert!(!is_nfkc_alone('\u{f900}') && !is_nfkc_alone('，'));
    }

    #[test]
    fn appending_a_folded_line_is_pushing_it() {
        let original = "GB\n 55015 标准\n\t**到** ２０２５\n年";
        let mut lines: Vec<Range<usize>> = Vec::new();
        let mut offset = 0;
        for line in original.split_inclusive('\n') {
            lines.push(offset..offset + line.trim_end_matches('\n').len());
            offset += line.len();
        }
        let (mut pushed, mut appended) = (Folded::default(), Folded::default());
        for range in lines {
            pushed.push(original, range.clone());
            let mut line = Folded::default();
            line.push(original, range.clone());
            appended.append(original, range, line);
        }
        assert_eq!(appended.text, pushed.text);
        assert_eq!(appended.origin, pushed.origin);
    }

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

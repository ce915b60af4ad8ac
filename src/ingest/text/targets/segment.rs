//! Cutting text into the pieces a target is read from: sentences, clauses at the top level of
//! brackets, the ranges where numbers are not values (document numbers, dates, cited titles),
//! and the words around an indicator.

use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

use super::scope::strip_scope_prefix;
use crate::ingest::text::header::matching_close;

#[expect(
    clippy::unwrap_used,
    reason = "literal patterns, covered by the unit tests"
)]
static MASKED: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"{}|[0-9]{{4}}年[0-9]{{1,2}}月(?:[0-9]{{1,2}}日)?|[0-9]{{1,2}}月[0-9]{{1,2}}日",
        crate::model::doc_number::pattern_in_text(0)
    ))
    .unwrap()
});

/// Scope and verb words stripped from the front of an indicator (`力争累计培育晨星工厂` →
/// `晨星工厂`).
const LEADING_WORDS: [&str; 46] = [
    "到", "力争", "争取", "累计", "全区", "全市", "全县", "全省", "全镇", "我市", "我区", "我县",
    "计划", "并且", "并", "同时", "其中", "每年", "年均", "实现", "培育", "建成", "建设", "新建",
    "新增", "发展", "举办", "实施", "推广", "积极", "支持", "完成", "开展", "在", "打造", "创建",
    "引进", "认定", "培养", "建立", "遴选", "选树", "构建", "组建", "孵化", "争创",
];

/// Ranges where numbers are not values, merged and in order, so that a position is looked up by
/// a binary search: a text citing thousands of documents still reads in linear time.
#[derive(Debug, Default)]
pub(super) struct Masked(Vec<Range<usize>>);

impl Masked {
    pub(super) fn new(mut ranges: Vec<Range<usize>>) -> Self {
        ranges.sort_by_key(|r| r.start);
        let mut merged: Vec<Range<usize>> = Vec::with_capacity(ranges.len());
        for range in ranges {
            match merged.last_mut() {
                Some(last) if range.start < last.end => last.end = last.end.max(range.end),
                _ => merged.push(range),
            }
        }
        Self(merged)
    }

    /// Whether `at` lies inside a masked range.
    pub(super) fn contains(&self, at: usize) -> bool {
        let next = self.0.partition_point(|r| r.end <= at);
        self.0.get(next).is_some_and(|r| r.start <= at)
    }
}

/// Ranges where numbers are not values: document numbers, dates, and cited titles.
pub(super) fn masked_ranges(text: &str) -> Vec<Range<usize>> {
    // Each of `MASKED`'s forms holds 号 (a number) or 月 (a date): a text with neither is not
    // searched.
    let may_match = crate::model::doc_number::may_be_in(text) || text.contains('月');
    let mut masked: Vec<Range<usize>> = if may_match {
        MASKED.find_iter(text).map(|m| m.range()).collect()
    } else {
        Vec::new()
    };
    let mut search = 0;
    while let Some(open) = text[search..].find('《').map(|i| search + i) {
        let inner = open + '《'.len_utf8();
        let Some(close) = matching_close(&text[inner..]) else {
            break;
        };
        masked.push(open..inner + close);
        search = inner + close;
    }
    masked
}

pub(super) fn sentences(text: &str) -> Vec<Range<usize>> {
    split_top_level(text, 0..text.len(), &['。', '!', '?'])
}

pub(super) fn clauses(text: &str, sentence: Range<usize>) -> Vec<Range<usize>> {
    split_top_level(text, sentence, &[',', ';'])
}

/// Splits `range` at `separators` outside brackets and titles.
pub(super) fn split_top_level(
    text: &str,
    range: Range<usize>,
    separators: &[char],
) -> Vec<Range<usize>> {
    let mut parts = Vec::new();
    let mut depth = 0i32;
    let mut start = range.start;
    for (i, c) in text[range.clone()].char_indices() {
        let at = range.start + i;
        match c {
            '(' | '《' | '〔' | '[' | '“' | '【' => depth += 1,
            ')' | '》' | '〕' | ']' | '”' | '】' => depth = (depth - 1).max(0),
            c if depth == 0 && separators.contains(&c) => {
                if at > start {
                    parts.push(start..at);
                }
                start = at + c.len_utf8();
            }
            _ => {}
        }
    }
    if range.end > start {
        parts.push(start..range.end);
    }
    parts
}

pub(super) fn strip_leading(text: &str, range: Range<usize>) -> Range<usize> {
    let mut range = strip_scope_prefix(text, range);
    loop {
        let rest = &text[range.clone()];
        // A word is taken off only when what it leaves stands alone: `新增和更新公交车辆`
        // keeps its verbs.
        let next = LEADING_WORDS
            .iter()
            .filter(|w| {
                rest.starts_with(*w)
                    && rest.len() > w.len()
                    && !rest[w.len()..].starts_with(['和', '及', '与', '或', '、'])
            })
            .max_by_key(|w| w.len());
        match next {
            Some(w) => range.start += w.len(),
            None => return strip_scope_prefix(text, range),
        }
    }
}

/// After a value, the separators before the next item: `、`, `和`, `及`.
pub(super) fn skip_separators(text: &str, mut at: usize, end: usize) -> usize {
    while at < end {
        let rest = &text[at..end];
        match ["、", "和", "及", "与"]
            .iter()
            .find(|w| rest.starts_with(*w))
        {
            Some(w) => at += w.len(),
            None => break,
        }
    }
    at
}

/// The noun a value-first clause names after the value: `的城市生活污水处理厂…`.
pub(super) fn noun_after(text: &str, rest: Range<usize>) -> Option<Range<usize>> {
    let s = &text[rest.clone()];
    let skip = if s.starts_with('的') {
        '的'.len_utf8()
    } else {
        0
    };
    let start = rest.start + skip;
    let s = &text[start..rest.end];
    let first = s.chars().next()?;
    if !('\u{4e00}'..='\u{9fff}').contains(&first) || s.starts_with('、') {
        return None;
    }
    Some(start..rest.end)
}

/// A sentence's first clause can name the subject of a short indicator after it only when it is
/// a noun phrase, not an action (`积极发展会展经济`).
pub(super) fn is_noun_topic(topic: &str) -> bool {
    const ACTIONS: [&str; 28] = [
        "由", "向", "为", "实现", "跃升", "提升", "推进", "加快", "确保", "积极", "发展", "推动",
        "鼓励", "支持", "实施", "开展", "打造", "建设", "建成", "培育", "形成", "初具", "增强",
        "完善", "显著", "明显", "基本", "全面",
    ];
    topic.chars().count() <= 16 && !ACTIONS.iter().any(|w| topic.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str, ranges: &[Range<usize>]) -> Vec<String> {
        ranges.iter().map(|r| text[r.clone()].to_string()).collect()
    }

    #[test]
    fn sentences_and_clauses_split_outside_brackets() {
        let text = "到2025年,A达到90%。B(甲,乙)达到80%;C达到70%。";
        let sentences = sentences(text);
        assert_eq!(
            pieces(text, &sentences),
            ["到2025年,A达到90%", "B(甲,乙)达到80%;C达到70%"]
        );
        assert_eq!(
            pieces(text, &clauses(text, sentences[1].clone())),
            ["B(甲,乙)达到80%", "C达到70%"]
        );
    }

    #[test]
    fn numbers_in_document_numbers_dates_and_titles_are_masked() {
        let text = "根据鲁政发〔2024〕3号和《山东省2027年方案》,2024年7月印发";
        assert_eq!(
            pieces(text, &masked_ranges(text)),
            // A title is masked up to its closing mark, which holds no number.
            ["根据鲁政发〔2024〕3号", "2024年7月", "《山东省2027年方案"]
        );
    }

    #[test]
    fn masked_ranges_are_looked_up_merged() {
        let masked = Masked::new(vec![10..20, 0..5, 12..30, 40..40, 50..60]);
        let inside: Vec<usize> = [0, 4, 5, 10, 29, 30, 40, 50, 59, 60]
            .into_iter()
            .filter(|at| masked.contains(*at))
            .collect();
        assert_eq!(inside, [0, 4, 10, 29, 50, 59]);
    }

    #[test]
    fn leading_scope_and_verb_words_are_stripped() {
        let text = "力争累计培育晨星工厂";
        assert_eq!(&text[strip_leading(text, 0..text.len())], "晨星工厂");
        let text = "、和及其他";
        assert_eq!(&text[skip_separators(text, 0, text.len())..], "其他");
    }
}

//! What a value measures: the words before it, the noun after a verb of making, a goal named
//! earlier, or the target just before it in the sentence.

use std::ops::Range;

use super::segment::{noun_after, strip_leading};
use super::value::BASELINE;
use super::{Item, SentenceReader};
use crate::model::Span;
use crate::model::comparator::PREFIX_WORDS;

impl SentenceReader<'_> {
    /// The indicator an item measures: the words before its value, or, when those are only a
    /// verb (`举办4场以上汽车促消费活动`, `改造提升696家村卫生室`), with the noun after it.
    pub(super) fn indicator(&self, item: &Item<'_>) -> Option<(String, Span)> {
        let text = self.text();
        let before = self.clean_range(item.prefix.clone());
        let after = noun_after(text, item.rest.clone());
        let written = |r: Range<usize>| self.block.written(self.original, r);
        match (before, after) {
            (Some(b), Some(a)) if text[b.clone()].chars().count() <= 6 => Some((
                format!("{}{}", written(b), written(a.clone())),
                self.block.span(a),
            )),
            (Some(b), _) => Some((written(b.clone()), self.block.span(b))),
            (None, Some(a)) => Some((written(a.clone()), self.block.span(a))),
            (None, None) => None,
        }
    }

    pub(super) fn named(&self, range: Range<usize>) -> Option<(String, Span)> {
        let range = self.clean_range(range)?;
        Some((
            self.block.written(self.original, range.clone()),
            self.block.span(range),
        ))
    }

    /// The prefix without comparator words, baseline, `约`, scope words and verbs.
    pub(super) fn clean_range(&self, range: Range<usize>) -> Option<Range<usize>> {
        let text = self.text();
        let mut range = strip_leading(text, range);
        loop {
            let s = &text[range.clone()];
            let trimmed = s
                .strip_suffix('约')
                .or_else(|| PREFIX_WORDS.iter().find_map(|(w, _)| s.strip_suffix(w)))
                .or_else(|| s.strip_suffix('的'))
                .or_else(|| s.strip_suffix("年平均"))
                .or_else(|| s.strip_suffix("年均"))
                .or_else(|| s.strip_suffix("均"))
                .or_else(|| s.strip_suffix("要"));
            if let Some(t) = trimmed {
                range.end = range.start + t.len();
                continue;
            }
            if let Some(m) = BASELINE.find_iter(s).last()
                && m.end() == s.len()
            {
                range.end = range.start + m.start();
                continue;
            }
            break;
        }
        let range = strip_leading(text, range);
        let s = &text[range.clone()];
        (!s.is_empty() && s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)))
            .then_some(range)
    }

    /// `培育1家营收规模达10亿元的再生资源回收龙头企业`: after a verb of making (培育, 建成,
    /// 打造…), what is counted is the noun the clause ends in, after its last 的, or the noun
    /// right after the value (`打造2个国家级示范基地`), never the verb: `Some(None)` when there
    /// is no such noun (`培育5家`). With the name comes where the object's head starts: values
    /// before it describe the object.
    pub(super) fn object_of(
        &self,
        clause: Range<usize>,
        item: &Item<'_>,
    ) -> Option<Option<(String, Span, usize)>> {
        const MAKING: [&str; 12] = [
            "培育", "建成", "打造", "建设", "新建", "创建", "引进", "认定", "形成", "培养", "建立",
            "新增",
        ];
        let text = self.text();
        let verb = self.clean_range(item.prefix.clone())?;
        if !MAKING.contains(&&text[verb]) {
            return None;
        }
        let after = &text[item.range.end..clause.end];
        let Some(head) = after.rfind('的') else {
            // `打造2个国家级示范基地`: the noun right after the value; `培育5家`: none.
            let noun = noun_after(text, item.rest.clone());
            return Some(noun.and_then(|n| {
                let end = n.end;
                self.named(n).map(|(name, span)| (name, span, end))
            }));
        };
        let start = item.range.end + head + '的'.len_utf8();
        let end = start
            + text[start..clause.end]
                .trim_end_matches(['。', ';', ','])
                .len();
        Some(
            self.named(start..end)
                .map(|(name, span)| (name, span, start)),
        )
    }

    /// `二手车交易量达到2.8万辆，较2023年增长20%`: a growth clause with no indicator of its own
    /// restates the indicator of the target just before it in the sentence.
    pub(super) fn restated(&self, item: &Item<'_>) -> Option<(String, Span)> {
        BASELINE.find(&self.text()[item.prefix.clone()])?;
        let last = self.read.found.last()?;
        (last.quote_span.start >= self.sentence_start)
            .then(|| (last.indicator.clone(), last.indicator_span))
    }
}

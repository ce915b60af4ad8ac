//! What a value measures: the words before it, the noun after a verb of making, a goal named
//! earlier, or the target just before it in the sentence.

use std::ops::Range;

use super::segment::{noun_after, strip_leading};
use super::value::BASELINE;
use super::{Item, SentenceReader};
use crate::model::Span;
use crate::model::comparator::PREFIX_WORDS;

/// Verbs of decrease a value may follow (`能耗下降3%`); 提升 and 提高 are also verbs of doing
/// (`改造提升696家村卫生室`), so they stay.
const CHANGE_VERBS: [&str; 5] = ["下降", "降低", "减少", "压减", "削减"];

/// Verbs of making and choosing: what they count is the noun after the value
/// (`打造25个行业大模型`), never the verb.
pub(super) const MAKING: [&str; 21] = [
    "培育", "建成", "打造", "建设", "新建", "创建", "引进", "认定", "形成", "培养", "建立", "新增",
    "遴选", "选树", "推广", "构建", "组建", "举办", "集聚", "孵化", "争创",
];

impl SentenceReader<'_> {
    /// The indicator an item measures: the words before its value, or, when those are only a
    /// verb (`举办4场以上汽车促消费活动`, `改造提升696家村卫生室`), with the noun after it.
    pub(super) fn indicator(&self, item: &Item<'_>) -> Option<(String, Span)> {
        let text = self.text();
        let before = self.clean_range(item.prefix.clone());
        if before.as_ref().is_some_and(|b| &text[b.clone()] == "在") {
            return self.where_done(item);
        }
        let after = counted_noun(text, item.rest.clone());
        let written = |r: Range<usize>| self.block.written(self.original, r);
        match (before, after) {
            (Some(b), Some(a)) if text[b.clone()].chars().count() <= 6 => Some((
                format!("{}{}", written(b), written(a.clone())),
                self.block.span(a),
            )),
            // A verb alone (`每年遴选40项`) counts nothing named.
            (Some(b), None) if MAKING.contains(&&text[b.clone()]) => None,
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
        let baselines = Baselines::of(text, range.clone());
        loop {
            let s = &text[range.clone()];
            let trimmed = s
                .strip_suffix('约')
                .or_else(|| PREFIX_WORDS.iter().find_map(|(w, _)| s.strip_suffix(w)))
                // `能耗降低3%`: the change is a field of the target, not part of its name.
                .or_else(|| CHANGE_VERBS.iter().find_map(|w| s.strip_suffix(w)))
                .or_else(|| s.strip_suffix('的'))
                .or_else(|| s.strip_suffix("年平均"))
                .or_else(|| s.strip_suffix("年均"))
                .or_else(|| s.strip_suffix("均"))
                .or_else(|| s.strip_suffix("要"));
            if let Some(t) = trimmed {
                range.end = range.start + t.len();
                continue;
            }
            if let Some(start) = baselines.ending_at(text, range.end) {
                range.end = start;
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
        let text = self.text();
        let verb = self.clean_range(item.prefix.clone())?;
        if !MAKING.contains(&&text[verb]) {
            return None;
        }
        // In a list of counted things, each value's noun is its own (`split_counted_list`).
        let end = if self.is_listed(item) {
            item.rest.end
        } else {
            clause.end
        };
        let after = &text[item.range.end..end];
        // `培育1家营收规模达10亿元的龙头企业`: the head after the last 的 when a value describes
        // it; `形成2个先进可用的基础大模型`: the whole noun when none does.
        let described = after
            .rfind('的')
            .filter(|at| after[..*at].chars().any(|c| c.is_ascii_digit()));
        let Some(head) = described else {
            // `打造2个国家级示范基地`: the noun right after the value; `培育5家`: none.
            let noun = counted_noun(text, item.rest.clone());
            return Some(noun.and_then(|n| {
                let end = n.end;
                self.named(n).map(|(name, span)| (name, span, end))
            }));
        };
        let start = item.range.end + head + '的'.len_utf8();
        let end = start + text[start..end].trim_end_matches(['。', ';', ',']).len();
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

/// The baselines (`较2023年`) of the words before a value, found once. Those words are cut from
/// their end, and a chain of baselines (`较2020年较2021年…`) is cut one by one without searching
/// all the words again each time.
struct Baselines {
    start: usize,
    found: Vec<Range<usize>>,
}

impl Baselines {
    fn of(text: &str, range: Range<usize>) -> Self {
        let found = BASELINE
            .find_iter(&text[range.clone()])
            .map(|m| range.start + m.start()..range.start + m.end())
            .collect();
        Self {
            start: range.start,
            found,
        }
    }

    /// Where the last baseline of `text[start..end]` starts when it ends at `end`, as
    /// `BASELINE.find_iter(&text[start..end]).last()` says. The words up to `end` hold the
    /// baselines found in all of them that end by `end`; only what follows the last of those is
    /// searched again.
    fn ending_at(&self, text: &str, end: usize) -> Option<usize> {
        let (last_kept, again) = self.unsearched(end);
        let from = again.start;
        if let Some(m) = BASELINE.find_iter(&text[again]).last() {
            return (from + m.end() == end).then_some(from + m.start());
        }
        last_kept.filter(|m| m.end == end).map(|m| m.start)
    }

    /// The last baseline found that ends by `end`, and the words after it, searched again.
    fn unsearched(&self, end: usize) -> (Option<&Range<usize>>, Range<usize>) {
        let kept = self.found.partition_point(|m| m.end <= end);
        let last_kept = kept.checked_sub(1).map(|i| &self.found[i]);
        (last_kept, last_kept.map_or(self.start, |m| m.end)..end)
    }
}

/// The noun a value counts, after it: not an activity done with the things counted
/// (`遴选40项优秀品牌进行集中宣传`).
fn counted_noun(text: &str, rest: Range<usize>) -> Option<Range<usize>> {
    let noun = noun_after(text, rest)
        .filter(|a| !["进行", "开展"].iter().any(|w| text[a.clone()].contains(w)))?;
    // `30个以上典型应用场景和一批创新产品`: a further item with no figure is not counted.
    let end = ["和一批", "及一批", "、一批", "和若干"]
        .iter()
        .filter_map(|w| text[noun.clone()].find(w))
        .min()
        .map_or(noun.end, |at| noun.start + at);
    (end > noun.start).then_some(noun.start..end)
}

impl SentenceReader<'_> {
    /// Whether an item's noun was cut from a list of counted things (its rest ends before the
    /// clause does, at a separator).
    fn is_listed(&self, item: &Item<'_>) -> bool {
        let text = self.text();
        text[item.rest.end..]
            .chars()
            .next()
            .is_some_and(|c| matches!(c, '、' | '和' | '及' | '，'))
    }
}

impl SentenceReader<'_> {
    /// `在5个以上行业开展大模型应用`: what is counted is where something is done, named with
    /// what is done: `开展大模型应用的行业`.
    fn where_done(&self, item: &Item<'_>) -> Option<(String, Span)> {
        const DOING: [&str; 7] = ["开展", "实现", "推广", "建设", "部署", "应用", "试点"];
        let text = self.text();
        let noun = noun_after(text, item.rest.clone())?;
        let words = &text[noun.clone()];
        let at = DOING.iter().filter_map(|v| words.find(v)).min()?;
        let (place, done) = (noun.start..noun.start + at, noun.start + at..noun.end);
        if place.is_empty() || done.is_empty() {
            return None;
        }
        let written = |r: Range<usize>| self.block.written(self.original, r);
        Some((
            format!("{}的{}", written(done), written(place.clone())),
            self.block.span(noun),
        ))
    }
}

impl SentenceReader<'_> {
    /// `打造25个左右行业垂类大模型、100个左右典型应用场景`: in a list of values each followed by
    /// what it counts, the words between two values are the first's noun, then a separator;
    /// the second value's prefix starts after it. A noun ends at the first 、 (or at 和一批,
    /// 及一批: a further item with no figure), so `20个以上行业模型和一批应用模型、100个案例`
    /// counts 行业模型 and 案例.
    pub(super) fn split_counted_list(&self, items: &mut [Item<'_>]) {
        let text = self.text();
        let counted_first = items.first().is_some_and(|first| {
            self.clean_range(first.prefix.clone())
                .is_some_and(|verb| MAKING.contains(&&text[verb.clone()]) || &text[verb] == "在")
        });
        if !counted_first {
            return;
        }
        for i in 1..items.len() {
            let between = items[i - 1].rest.start..items[i].range.start;
            let words = &text[between.clone()];
            let Some(last_separator) = words.rfind(['、', '，']) else {
                continue;
            };
            let noun_end = ["和一批", "及一批", "、一批", "和若干", "、"]
                .iter()
                .filter_map(|w| words.find(w))
                .min()
                .unwrap_or(last_separator);
            if noun_end == 0 {
                continue;
            }
            items[i - 1].rest = between.start..between.start + noun_end;
            let after = between.start + last_separator + '、'.len_utf8();
            items[i].prefix = after.min(items[i].range.start)..items[i].range.start;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `BASELINE.find_iter(&text[..end]).last()`, when it ends at `end`: what was searched for
    /// each cut before.
    fn naive(text: &str, end: usize) -> Option<usize> {
        BASELINE
            .find_iter(&text[..end])
            .last()
            .filter(|m| m.end() == end)
            .map(|m| m.start())
    }

    #[test]
    fn baselines_at_the_end_are_those_a_search_from_the_start_finds() {
        for text in [
            "能耗较2020年较2021年",
            "能耗较2020年相比2021年",
            "能耗与2020年相比比2021年比",
            "较2020年的比2021年相比",
            "数控化率",
        ] {
            let baselines = Baselines::of(text, 0..text.len());
            for (end, _) in text.char_indices().chain([(text.len(), ' ')]) {
                assert_eq!(
                    baselines.ending_at(text, end),
                    naive(text, end),
                    "{text} {end}"
                );
            }
        }
    }

    #[test]
    fn a_chain_of_baselines_is_cut_searching_each_word_once() {
        let text = format!("能耗{}", "较2020年".repeat(2000));
        let baselines = Baselines::of(&text, 0..text.len());
        let (mut end, mut searched) = (text.len(), 0);
        while let Some(start) = baselines.ending_at(&text, end) {
            searched += baselines.unsearched(end).1.len();
            end = start;
        }
        assert_eq!(&text[..end], "能耗");
        // Each cut searches only what follows the baseline before it: nothing, in a chain.
        assert!(searched <= text.len(), "{searched} bytes searched again");
    }
}

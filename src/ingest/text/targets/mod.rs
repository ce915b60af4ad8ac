//! Quantitative targets in running text (DOMAIN §3): an indicator, a deadline, a comparator and a
//! value, with a baseline year for growth targets.
//!
//! Precision comes first: a clause becomes a target only when its parts are all found. Policy
//! instruments (subsidy standards and caps, interest rates, fund sizes) are recognised by their
//! wording and never read as targets; a number with no deadline counts only when the clause
//! commits to it with an explicit comparator (控制在6.5%以内).

use std::ops::Range;

use regex::Captures;

mod form;
mod found;
mod indicator;
mod limit;
pub(crate) mod qualitative;
mod respectively;
mod scope;
mod segment;
mod value;

pub(crate) use found::{Found, Read, Skipped};
use scope::{InForce, Scope, scopes, strip_scope_prefix};
use segment::{
    Masked, clauses, is_noun_topic, masked_ranges, noun_after, sentences, skip_separators,
};
use value::{
    BASELINE, GLUED_VALUES, INSTRUMENT_WORDS, RISE_VERBS, baseline_clause, bound,
    is_per_clause_instrument, is_range, prefix_word, quantity, values,
};

use super::folded::Folded;
use crate::model::comparator::SUFFIX_WORDS;
use crate::model::{Comparator, Deadline, Span};
use crate::msg;

/// Finds the targets in one block of text; `context` is the deadline in force where the block
/// starts (a table row under `2025 年工作目标`), `Unstated` otherwise.
pub(crate) fn find(original: &str, block: &Folded, context: Deadline) -> Read {
    let text = block.text.as_str();
    let masked = Masked::new(masked_ranges(text));
    let mut read = Read::default();
    // A year phrase holds over the rest of its paragraph, until the next one.
    let scopes = scopes(text, 0..text.len(), &masked);
    let mut in_force = InForce::new(&scopes);
    let mut paragraph_start = 0;
    let mut previous_end = None;
    for sentence in sentences(text) {
        // A sentence that ends one line and a sentence that opens the next are two paragraphs
        // of a Word or web text; a PDF's broken lines run on mid-sentence.
        if let Some(end) = previous_end {
            let gap = block.span(end..sentence.start.max(end));
            let next = block.span(sentence.start..sentence.end).start;
            if original
                .get(gap.start..next)
                .is_some_and(|g| g.contains('\n'))
            {
                paragraph_start = sentence.start;
            }
        }
        previous_end = Some(sentence.end);
        let words = &text[sentence.clone()];
        if INSTRUMENT_WORDS.iter().any(|w| words.contains(w)) {
            continue;
        }
        let mut reader = SentenceReader {
            original,
            block,
            masked: &masked,
            scopes: &in_force.sentence(text, &sentence, paragraph_start),
            context,
            topic: None,
            shared_prefix: None,
            goals: Vec::new(),
            points: false,
            shared_suffix: None,
            sentence_start: sentence.start,
            baseline: None,
            values: 0,
            read: &mut read,
        };
        for clause in clauses(text, sentence.clone()) {
            reader.clause(clause);
        }
        reader.note_unread(sentence);
    }
    read
}

struct SentenceReader<'a> {
    original: &'a str,
    block: &'a Folded,
    masked: &'a Masked,
    /// The phrases in force in the sentence, in order: the last of its paragraph before it, then
    /// its own.
    scopes: &'a [(usize, Scope)],
    context: Deadline,
    /// The first clause of the sentence that holds no value: the subject later clauses may
    /// continue (`中小学教室多媒体设备，…，计划更新率达到90%以上`).
    topic: Option<String>,
    /// In a `分别` list, the words before the first value, whose comparator the later values
    /// share (`分别超过92%、75%`).
    shared_prefix: Option<Range<usize>>,
    /// The indicators of the goals without a figure read so far in the sentence, which a later
    /// `较2023年分别增长15个、13个百分点` may give figures to.
    goals: Vec<Range<usize>>,
    /// In a `分别` list ending in 个百分点, the bare 个 of the earlier values means 百分点 too.
    points: bool,
    /// In a `分别` list, the bounding word after the last value, which the earlier values share
    /// (`分别增长15个、13个百分点以上`).
    shared_suffix: Option<(&'static str, Comparator)>,
    /// Where the sentence starts: what came before belongs to other sentences.
    sentence_start: usize,
    /// A clause of its own that gives the baseline of the changes after it (`与2023年相比，`).
    baseline: Option<u16>,
    /// The values met in the sentence so far, read or not ([`limit`]).
    values: usize,
    read: &'a mut Read,
}

/// One value in a clause, with the text before it that names what it measures.
struct Item<'t> {
    caps: Captures<'t>,
    range: Range<usize>,
    /// From the end of the previous item (or the clause start) to the value.
    prefix: Range<usize>,
    /// The bounding word after the value, if any (`以上`).
    suffix_word: Option<(&'static str, Comparator)>,
    /// From after the suffix word to the clause end.
    rest: Range<usize>,
}

impl<'a> SentenceReader<'a> {
    fn text(&self) -> &'a str {
        &self.block.text
    }

    fn clause(&mut self, clause: Range<usize>) {
        let text = self.block.text.as_str();
        let body = strip_scope_prefix(text, clause.clone());
        if text[body.clone()].starts_with('对') || is_per_clause_instrument(&text[clause.clone()])
        {
            return;
        }
        let items = self.items(clause.clone());
        if items.is_empty()
            && let Some(caps) = baseline_clause(&text[body.clone()])
        {
            let year = caps.get(1).or(caps.get(2)).map_or("", |m| m.as_str());
            self.baseline = year.parse().ok();
            return;
        }
        if items.is_empty() {
            self.qualitative(body.clone());
            if self.topic.is_none() && !body.is_empty() {
                self.topic = Some(text[body].to_string());
            }
            return;
        }
        let respectively = text[clause.clone()].contains("分别");
        // `分别达到92%78%`: a copy lost the 、 between the values, which can no longer be told
        // apart from their indicators with confidence.
        if respectively && GLUED_VALUES.is_match(&text[clause.clone()]) {
            self.read.skipped.push(Skipped {
                span: self.block.span(clause),
                reason: msg!(
                    "“分别”后的数值之间缺少分隔（如 92%78%），无法与指标一一对应",
                    "the values after 分别 run together without a separator (92%78%) and cannot be paired with their indicators"
                ),
            });
            return;
        }
        let room = self.room(items.len());
        if respectively && items.len() > 1 {
            self.respectively(clause, &items, room);
            return;
        }
        // A value inside the object of a verb of making measures that object
        // (`培育1家营收规模达10亿元的龙头企业`: the 企业's 营收规模).
        let mut object: Option<(String, Span, usize)> = None;
        for item in items.iter().take(room) {
            let described = object
                .as_ref()
                .filter(|(_, _, head)| item.range.start < *head);
            let indicator = match (described, self.object_of(clause.clone(), item)) {
                (Some((name, span, _)), _) => self
                    .clean_range(item.prefix.clone())
                    .map(|attribute| (format!("{name}{}", &self.text()[attribute]), *span)),
                (None, Some(found)) => {
                    object.clone_from(&found);
                    found.map(|(name, span, _)| (name, span))
                }
                (None, None) => self.indicator(item).or_else(|| self.restated(item)),
            };
            self.push(clause.clone(), item, indicator, None);
        }
    }

    fn items(&self, clause: Range<usize>) -> Vec<Item<'a>> {
        let text = self.text();
        let mut items = Vec::new();
        let mut start = clause.start;
        for caps in values(&text[clause.clone()]) {
            let Some(whole) = caps.get(0) else { continue };
            let range = clause.start + whole.start()..clause.start + whole.end();
            if self.masked.contains(range.start)
                || text[..range.start]
                    .chars()
                    .next_back()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '.' || c == '第')
                || text[range.end..]
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric() || c == '/')
            {
                continue;
            }
            let after = &text[range.end..clause.end];
            let suffix_word = SUFFIX_WORDS
                .iter()
                .find(|(w, _)| after.starts_with(w))
                .copied();
            let rest_start = range.end + suffix_word.map_or(0, |(w, _)| w.len());
            items.push(Item {
                caps,
                range: range.clone(),
                prefix: start..range.start,
                suffix_word,
                rest: rest_start..clause.end,
            });
            start = skip_separators(text, rest_start, clause.end);
        }
        // An item's rest ends where the next item's prefix begins.
        for i in 1..items.len() {
            let next_start = items[i].prefix.start;
            let prev = &mut items[i - 1];
            prev.rest.end = next_start.max(prev.rest.start);
        }
        self.split_counted_list(&mut items);
        items
    }

    /// A goal without a figure, inside a year's scope.
    fn qualitative(&mut self, body: Range<usize>) {
        // A goal that opens with its verb is kept without a year (不断提升…普及率): it words the
        // indicator for the plan's whole period.
        let (indicator, predicate, yearless) = match qualitative::read(self.text(), body.clone()) {
            Some((indicator, predicate)) => (indicator, predicate, false),
            None => match qualitative::read_verb_first(self.text(), body.clone()) {
                Some((indicator, predicate)) => (indicator, predicate, true),
                None => return,
            },
        };
        self.goals.push(indicator.clone());
        let deadline = self.deadline_at(body.start);
        if deadline == Deadline::Unstated && !yearless {
            return;
        }
        self.read.qualitative.push(qualitative::Found {
            indicator: self.block.written(self.original, indicator.clone()),
            indicator_span: self.block.span(indicator),
            deadline,
            text: self.block.written(self.original, predicate.clone()),
            text_span: self.block.span(predicate),
        });
    }

    fn push(
        &mut self,
        clause: Range<usize>,
        item: &Item<'_>,
        indicator: Option<(String, Span)>,
        deadline: Option<Deadline>,
    ) {
        let text = self.block.text.as_str();
        let Some(indicator) = indicator else {
            if self.scope_at(item.range.start).is_some() {
                self.note(
                    clause,
                    msg!(
                        "找到数值，但找不到它衡量的指标",
                        "a value with no indicator that it measures"
                    ),
                );
            }
            return;
        };
        if item.suffix_word.is_some_and(|(w, _)| w == "以下")
            && noun_after(text, item.rest.clone()).is_some()
        {
            // `30万千瓦以下抽凝机组`: the number describes what is meant, it is not a goal.
            return;
        }
        let deadline = deadline.unwrap_or_else(|| self.deadline_at(item.range.start));
        let prefix_text = match &self.shared_prefix {
            Some(shared) if item.prefix.is_empty() => &text[shared.clone()],
            _ => &text[item.prefix.clone()],
        };
        let prefix_word = prefix_word(prefix_text);
        if deadline == Deadline::Unstated
            && prefix_word.is_none_or(|c| c == Comparator::Exactly)
            && item.suffix_word.is_none()
        {
            return;
        }
        let Some((quantity, unit_range)) = quantity(&item.caps, self.points) else {
            return;
        };
        let (value, unit) = self.as_written(item, &quantity, unit_range);
        let approx = item.caps.name("approx").is_some() || prefix_text.ends_with('约');
        let cumulative = text[clause.start..item.range.start].contains("累计");
        let suffix_word = item.suffix_word.or(self.shared_suffix);
        let mut comparator = bound(approx, prefix_word, suffix_word, &quantity, cumulative);
        if is_range(&item.caps) && comparator == Comparator::Exactly {
            // 2—3个: at least the lower bound.
            comparator = Comparator::AtLeast;
        }
        let mut baseline: Option<u16> = BASELINE
            .captures_iter(prefix_text)
            .last()
            .and_then(|c| c[1].parse().ok());
        let rate = matches!(quantity.unit, crate::model::Unit::Percent) || unit == "百分点";
        let change = crate::model::polarity::change_before(prefix_text, rate);
        // `与2023年相比，…增加一倍`: the baseline a clause of its own gave.
        if baseline.is_none() && (change.is_some() || rate) {
            baseline = self.baseline;
        }
        if baseline.is_none()
            && change.is_some()
            && rate
            && let Some(Scope::InYear(year)) = self.scope_at(item.range.start)
        {
            // `2024年，能耗降低2.5%`: a change in one year is on the year before.
            baseline = year.checked_sub(1);
        }
        let (indicator_text, indicator_span) = indicator;
        // `能耗比2023年下降`: the baseline is kept as a field, not in the indicator's name.
        let mut indicator_text = BASELINE.replace_all(&indicator_text, "").into_owned();
        // `数控化率提高5个百分点`: a rate's rise is its change, not part of its name (a count's
        // 改造提升696家 is what is done, and stays).
        if rate
            && let Some(name) = RISE_VERBS
                .iter()
                .find_map(|verb| indicator_text.strip_suffix(verb))
                .filter(|name| name.chars().count() >= 2)
        {
            indicator_text = name.to_string();
        }
        if indicator_text.chars().count() <= 5
            && !text[clause.clone()].starts_with("其中")
            && let Some(topic) = self.topic.as_ref().filter(|t| is_noun_topic(t))
        {
            indicator_text = format!("{topic}{indicator_text}");
        }
        let form = form::form(&text[clause.start..item.range.start], &indicator_text);
        let better = crate::model::polarity::polarity(&indicator_text, comparator, change);
        let comparator = crate::model::polarity::bound_for(comparator, better, change);
        let written = form::written(form, &text[item.range.clone()], prefix_text, suffix_word);
        self.read.found.push(Found {
            indicator: indicator_text,
            indicator_span,
            deadline,
            comparator,
            quantity,
            value,
            unit,
            written,
            baseline,
            form,
            better,
            change,
            quote: self.block.written(self.original, clause.clone()),
            quote_span: self.block.span(clause),
        });
    }
}

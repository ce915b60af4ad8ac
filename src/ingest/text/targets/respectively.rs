//! `分别` lists: `A、B分别超过92%、75%`, `到2025年、2027年分别达到…`, and values given to the
//! goals named before them (`A基本达到节能水平，B显著提升，较2023年分别增长15个、13个百分点`).

use std::ops::Range;

use super::scope::Scope;
use super::segment::{split_top_level, strip_leading};
use super::{Item, SentenceReader};
use crate::model::Deadline;
use crate::msg;

impl SentenceReader<'_> {
    /// `A、B分别超过92%、75%`: the indicators before 分别 zip with the values; a single
    /// indicator with one year per value (`到2025年、2027年分别达到…`) zips with the years. All
    /// are paired, the first `room` read ([`super::limit`]).
    pub(super) fn respectively(&mut self, clause: Range<usize>, items: &[Item<'_>], room: usize) {
        let text = self.block.text.as_str();
        let first = &items[0];
        let Some(at) = text[first.prefix.clone()].find("分别") else {
            for item in items.iter().take(room) {
                let indicator = self.indicator(item);
                self.push(clause.clone(), item, indicator, None);
            }
            return;
        };
        let head = strip_leading(text, first.prefix.start..first.prefix.start + at);
        self.shared_prefix = Some(first.prefix.clone());
        let mut names = split_top_level(text, head.clone(), &['、']);
        if names.len() != items.len() {
            // `A和B分别…`: 和 and 及 separate the indicators only when that makes the counts agree.
            let wider = split_top_level(text, head, &['、', '和', '及']);
            if wider.len() == items.len() {
                names = wider;
            }
        }
        if names.len() != items.len()
            && self.goals.len() == items.len()
            && names.iter().all(|n| self.named(n.clone()).is_none())
        {
            // `A基本达到…，B显著提升，较2023年分别增长15个、13个百分点`: the values go to the
            // goals named before.
            names.clone_from(&self.goals);
        }
        self.shared_suffix = items.last().and_then(|i| i.suffix_word);
        self.points = items
            .last()
            .and_then(|i| i.caps.name("unit"))
            .is_some_and(|u| u.as_str().ends_with("百分点"));
        let years = match self.scope_at(first.range.start) {
            Some(Scope::Years(years)) => years,
            Some(Scope::InYear(year)) => vec![year],
            _ => Vec::new(),
        };
        if names.len() == items.len() {
            for (item, name) in items.iter().zip(names).take(room) {
                let indicator = self.named(name);
                self.push(clause.clone(), item, indicator, None);
            }
        } else if names.len() == 1 && years.len() == items.len() {
            for (item, year) in items.iter().zip(years).take(room) {
                let indicator = self.named(names[0].clone());
                self.push(clause.clone(), item, indicator, Some(Deadline::Year(year)));
            }
        } else {
            let (n, v) = (names.len(), items.len());
            self.note(
                clause,
                msg!(
                    "“分别”前有 {n} 个指标，其后有 {v} 个数值，无法一一对应",
                    "分别 pairs {n} indicators with {v} values, which do not match up"
                ),
            );
        }
        self.shared_prefix = None;
        self.shared_suffix = None;
        self.points = false;
    }
}

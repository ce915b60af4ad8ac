//! What one sentence can produce. A plan's sentence states a handful of values (seven at most in
//! the texts extraction is scored on), and each target quotes its clause: a sentence of
//! thousands (`A、B、C…分别达到x%、y%、z%…`) would give output growing with the square of its
//! length. Past [`MAX_VALUES`] values, the rest of a sentence's values are not read, and a note
//! says so; a note repeated for one clause is given once.

use std::ops::Range;

use super::{SentenceReader, Skipped};
use crate::i18n::Msg;
use crate::msg;

/// The values read from one sentence.
pub(crate) const MAX_VALUES: usize = 32;

impl SentenceReader<'_> {
    /// How many of a clause's `values` are read: those that keep the sentence within
    /// [`MAX_VALUES`]. Every value is counted, for the note.
    pub(super) fn room(&mut self, values: usize) -> usize {
        let room = MAX_VALUES.saturating_sub(self.values).min(values);
        self.values += values;
        room
    }

    /// The note for a sentence that held more values than were read.
    pub(super) fn note_unread(&mut self, sentence: Range<usize>) {
        if self.values <= MAX_VALUES {
            return;
        }
        let (values, max) = (self.values, MAX_VALUES);
        self.note(
            sentence,
            msg!(
                "这句话有 {values} 个数值，一句最多读取 {max} 个，其余未读取",
                "this sentence holds {values} values; only the first {max} of a sentence are read"
            ),
        );
    }

    /// An `uncertain-target` note on `range`, unless the last note says the same of it (each
    /// value of `比例达到0.8:0.8:0.8…` lacks an indicator, and one note says so).
    pub(super) fn note(&mut self, range: Range<usize>, reason: Msg) {
        let span = self.block.span(range);
        let repeated = self
            .read
            .skipped
            .last()
            .is_some_and(|last| last.span == span && last.reason == reason);
        if !repeated {
            self.read.skipped.push(Skipped { span, reason });
        }
    }
}

//! A text plan as far as it is made without its place: its items (citations, targets, goals
//! without a figure, tasks) made from what extraction read as soon as the text is read, on every
//! core. What extraction read, many small strings per item, is dropped then, instead of being
//! held for every plan of the corpus until all of them are read and placed (a national corpus
//! held it twice over: the extraction beside the plans made of it).
//!
//! The file's source is known only when the corpus registers it, in file order; the items are
//! made in [`PENDING`] and moved into the file's source then ([`Items::in_source`]).

use super::corrections::TaskWords;
use super::schema::SidecarFile;
use super::text::{self, Extracted};
use crate::model::agency::AgencyNames;
use crate::model::plan::WrittenDocNumber;
use crate::model::{
    AgencyName, Change, Citation, Located, QualitativeTarget, SourceId, Span, Target, Task,
};

/// The source of items made before their file is registered.
const PENDING: SourceId = SourceId(usize::MAX);

/// What converting a text plan needs of its extraction, once its items are made.
pub(super) struct Prepared {
    /// What the text says of itself: its number, title, issuer, date and place.
    pub header: text::header::Header,
    /// Clauses that looked like targets but were not read as one.
    pub skipped: Vec<text::targets::Skipped>,
    /// Where the text stops mid-sentence before its targets are complete.
    pub cut_short: Option<Span>,
    /// Whether the text reads as a plan at all ([`Extracted::holds_a_plan`]).
    pub holds_a_plan: bool,
    pub items: Items,
    /// The words of each task, when the sidecar corrects a task (see [`TaskWords::of`]).
    pub task_words: Vec<TaskWords>,
}

impl Prepared {
    /// Makes the items of `extracted`, keeping the task words that `sidecar`'s corrections
    /// need.
    pub(super) fn new(
        extracted: Extracted,
        sidecar: Option<&SidecarFile>,
        names: &AgencyNames,
    ) -> Self {
        let holds_a_plan = extracted.holds_a_plan();
        let task_words = sidecar.map_or_else(Vec::new, |file| {
            TaskWords::of(&extracted, &file.corrections)
        });
        // Moved, not copied: the strings extraction read become the items'.
        let Extracted {
            header,
            citations,
            targets,
            qualitative,
            tasks,
            skipped,
            cut_short,
        } = extracted;
        Self {
            header,
            skipped,
            cut_short,
            holds_a_plan,
            items: Items {
                citations: cited(citations),
                targets: targets.into_iter().map(target).collect(),
                qualitative: qualitative.into_iter().map(goal).collect(),
                tasks: tasked(&tasks, names),
            },
            task_words,
        }
    }
}

/// A text plan's items, in the order extraction found them.
pub(super) struct Items {
    pub citations: Vec<Citation>,
    pub targets: Vec<Target>,
    pub qualitative: Vec<QualitativeTarget>,
    pub tasks: Vec<Task>,
}

impl Items {
    /// The items, each place in `source`: the file's source, once registered.
    pub(super) fn in_source(mut self, source: SourceId) -> Self {
        let set = |s: &mut SourceId| *s = source;
        for c in &mut self.citations {
            set(&mut c.source);
            if let Some(n) = &mut c.doc_number {
                set(&mut n.source);
            }
            if let Some(t) = &mut c.title {
                set(&mut t.source);
            }
        }
        for t in &mut self.targets {
            set(&mut t.source);
            set(&mut t.indicator.source);
            if let Some(q) = &mut t.quote {
                set(&mut q.source);
            }
        }
        for q in &mut self.qualitative {
            set(&mut q.indicator.source);
            set(&mut q.text.source);
        }
        for t in &mut self.tasks {
            set(&mut t.source);
            for name in t.lead.iter_mut().chain(&mut t.responsible) {
                set(&mut name.source);
            }
        }
        self
    }
}

fn cited(found: Vec<text::citations::Found>) -> Vec<Citation> {
    found
        .into_iter()
        .filter_map(|c| {
            let doc_number = c
                .doc_number
                .map(|(t, span)| Located::new(WrittenDocNumber::new(&t), PENDING, span));
            let title = c.title.map(|(t, span)| Located::new(t, PENDING, span));
            let span = doc_number
                .as_ref()
                .map(|n| n.span)
                .or(title.as_ref().map(|t| t.span))?;
            Some(Citation {
                doc_number,
                title,
                source: PENDING,
                span,
            })
        })
        .collect()
}

fn target((t, task): (text::targets::Found, Option<usize>)) -> Target {
    Target {
        indicator: Located::new(t.indicator, PENDING, t.indicator_span),
        indicator_id: None,
        wording: String::new(),
        deadline: t.deadline,
        comparator: t.comparator,
        quantity: t.quantity,
        written: t.written,
        baseline: t.baseline,
        form: t.form,
        better: t.better,
        change: t.change.or(t.baseline.map(|_| Change::Increase)),
        quote: Some(Located::new(t.quote, PENDING, t.quote_span)),
        task,
        source: PENDING,
        span: t.quote_span,
    }
}

fn goal(q: text::targets::qualitative::Found) -> QualitativeTarget {
    QualitativeTarget {
        indicator: Located::new(q.indicator, PENDING, q.indicator_span),
        deadline: q.deadline,
        text: Located::new(q.text, PENDING, q.text_span),
        task: None,
    }
}

/// The tasks with the bodies that lead and share each, a name held once however often the
/// corpus gives it.
fn tasked(found: &[text::tasks::FoundTask], made: &AgencyNames) -> Vec<Task> {
    let names = |list: &[(String, Span)]| -> Vec<Located<AgencyName>> {
        list.iter()
            .map(|(n, span)| Located::new(made.get(n), PENDING, *span))
            .collect()
    };
    found
        .iter()
        .map(|t| Task {
            source: PENDING,
            span: t.label.1,
            lead: names(&t.lead),
            responsible: names(&t.responsible),
        })
        .collect()
}

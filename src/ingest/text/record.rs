//! What `planlint extract` prints: the plan in the plan-file format of `plans/` (YAML), or the
//! same fields as JSON for machines. Field names and order are part of the interface (docs/extraction.md,
//! "Extraction output").

use serde::{Serialize, Serializer};

use super::Extracted;
use crate::model::{Change, Comparator, Deadline, Direction, TargetForm};

#[derive(Debug, Serialize)]
pub(crate) struct PlanRecord {
    pub doc_number: Option<String>,
    pub title: Option<String>,
    pub issuer: Option<String>,
    pub issued: Option<String>,
    pub source: String,
    pub citations: Vec<CitationRecord>,
    pub targets: Vec<TargetRecord>,
    /// Goals without a figure, in the plan-file form (`indicator`, `year`, `text`).
    pub qualitative: Vec<QualitativeRecord>,
    pub tasks: Vec<TaskRecord>,
}

#[derive(Debug, Serialize)]
pub(crate) struct QualitativeRecord {
    pub indicator: String,
    pub year: Option<YearRecord>,
    pub text: String,
}

#[derive(Debug, Serialize)]
pub(crate) struct CitationRecord {
    pub doc_number: Option<String>,
    pub title: Option<String>,
}

#[derive(Debug, Serialize)]
pub(crate) struct TargetRecord {
    pub indicator: String,
    pub year: Option<YearRecord>,
    pub comparator: &'static str,
    pub value: Number,
    pub unit: String,
    pub baseline: Option<u16>,
    /// `annual-growth`, `cumulative` or `per-year`; absent for a level or total growth, as in
    /// plan files.
    #[serde(skip_serializing_if = "is_total")]
    pub form: TargetForm,
    /// `higher` or `lower`: which way the indicator improves.
    pub better: Direction,
    /// `increase` or `decrease`, for a target stated as a change from its baseline.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub change: Option<Change>,
    pub quote: String,
}

fn year_record(deadline: Deadline) -> Option<YearRecord> {
    match deadline {
        Deadline::Year(y) => Some(YearRecord::Year(y)),
        Deadline::Annual => Some(YearRecord::Annual),
        Deadline::Unstated => None,
    }
}

fn is_total(form: &TargetForm) -> bool {
    *form == TargetForm::Total
}

#[derive(Debug, Serialize)]
pub(crate) struct TaskRecord {
    pub label: String,
    pub title: Option<String>,
    pub lead: Vec<String>,
    pub responsible: Vec<String>,
    /// A task table's 完成时限, as written; absent when the plan gives none.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deadline: Option<String>,
}

/// `2025`, or `annual` for 每年.
#[derive(Debug)]
pub(crate) enum YearRecord {
    Year(u16),
    Annual,
}

impl Serialize for YearRecord {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            YearRecord::Year(y) => s.serialize_u16(*y),
            YearRecord::Annual => s.serialize_str("annual"),
        }
    }
}

/// A value written as an integer when it is one (`35`, not `35.0`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Number(pub f64);

impl Serialize for Number {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let v = self.0;
        if v.fract() == 0.0 && v.abs() < 1e15 {
            #[expect(
                clippy::cast_possible_truncation,
                reason = "a whole number below 1e15 is exact in i64"
            )]
            return s.serialize_i64(v as i64);
        }
        s.serialize_f64(v)
    }
}

/// The comparator as the annotation convention writes it: a lower bound (达到, 超过, 以上) is
/// `>=`, an upper bound `<=`.
fn comparator(c: Comparator) -> &'static str {
    match c {
        Comparator::AtLeast | Comparator::MoreThan => ">=",
        Comparator::AtMost | Comparator::LessThan => "<=",
        Comparator::About => "~",
        Comparator::Exactly => "=",
    }
}

impl PlanRecord {
    pub(crate) fn new(extracted: &Extracted, source: String) -> Self {
        let h = &extracted.header;
        Self {
            doc_number: h.doc_number.as_ref().map(|(t, _)| t.clone()),
            title: h.title.as_ref().map(|(t, _)| t.clone()),
            issuer: h.issuer.as_ref().map(|(t, _)| t.clone()),
            issued: h.issued.as_ref().map(|(d, _)| d.to_string()),
            source,
            citations: extracted
                .citations
                .iter()
                .map(|c| CitationRecord {
                    doc_number: c.doc_number.as_ref().map(|(t, _)| t.clone()),
                    title: c.title.as_ref().map(|(t, _)| t.clone()),
                })
                .collect(),
            targets: extracted
                .targets
                .iter()
                .map(|(t, _)| TargetRecord {
                    indicator: t.indicator.clone(),
                    year: year_record(t.deadline),
                    comparator: comparator(t.comparator),
                    value: Number(t.value),
                    unit: t.unit.clone(),
                    baseline: t.baseline,
                    form: t.form,
                    better: t.better,
                    change: t.change,
                    quote: t.quote.clone(),
                })
                .collect(),
            qualitative: extracted
                .qualitative
                .iter()
                .map(|q| QualitativeRecord {
                    indicator: q.indicator.clone(),
                    year: year_record(q.deadline),
                    text: q.text.clone(),
                })
                .collect(),
            tasks: extracted
                .tasks
                .iter()
                .map(|t| TaskRecord {
                    label: t.label.0.clone(),
                    title: t.title.as_ref().map(|(s, _)| s.clone()),
                    lead: t.lead.iter().map(|(n, _)| n.clone()).collect(),
                    responsible: t.responsible.iter().map(|(n, _)| n.clone()).collect(),
                    deadline: t.deadline.as_ref().map(|(d, _)| d.clone()),
                })
                .collect(),
        }
    }
}

//! A comparison as data for machines (`diagnostics::facts`): what JSON, SARIF and
//! `compare --format json` say of a row, made by one function.

use super::Comparison;
use crate::diagnostics::facts::{Facts, ParentFacts, Value};
use crate::i18n::Msg;
use crate::ingest::Corpus;
use crate::model::growth::{Compounded, Conversion, Footing};
use crate::model::quantity::format_number;
use crate::model::{Deadline, IndicatorKey, Target, TargetId};
use crate::msg;

/// The facts of one comparison.
#[must_use]
pub fn facts(corpus: &Corpus, row: &Comparison) -> Facts {
    Facts {
        indicator: row.name(corpus).to_string(),
        indicator_id: match &row.key {
            IndicatorKey::Catalogued(id) => Some(id.0.clone()),
            IndicatorKey::Wording(_) => None,
        },
        deadline: match row.deadline {
            Deadline::Year(year) => year.to_string(),
            Deadline::Annual => "annual".to_string(),
            Deadline::Unstated => "unstated".to_string(),
        },
        value: row.child_target(corpus).map(value),
        parent: row.parent.map(|id| parent(corpus, id)),
        aligned_by: row.parent.map(|_| {
            if row.is_aligned_by_wording() {
                "wording"
            } else {
                "catalogue"
            }
        }),
        verdict: row.verdict.name(),
        predates_parent: row.predates_parent,
        reason: row.verdict.reason(),
        tolerance: row.tolerance,
        arithmetic: arithmetic_of(corpus, row),
    }
}

/// How the two figures on one footing compare, where they differ.
#[must_use]
pub fn comparison_statement(corpus: &Corpus, row: &Comparison, on: Footing) -> Option<Msg> {
    let direction = row.direction?;
    let sign = match on.child.partial_cmp(&on.parent)? {
        std::cmp::Ordering::Less => "<",
        std::cmp::Ordering::Greater => ">",
        std::cmp::Ordering::Equal => return None,
    };
    let converted_to_days = [on.child_conversion, on.parent_conversion]
        .iter()
        .any(|c| matches!(c, Some(Conversion::ShareOfYear { .. })));
    let unit = if converted_to_days {
        "天".to_string()
    } else {
        match row.parent_target(corpus)?.quantity.canonical().unit {
            crate::model::Unit::Percent => "%".to_string(),
            crate::model::Unit::Ratio => String::new(),
            crate::model::Unit::Count(unit) => unit,
        }
    };
    let figure = |v: f64| {
        let rounded = (v * 100.0).round() / 100.0;
        let sign = if rounded < 0.0 { "−" } else { "" };
        format!("{sign}{}{unit}", format_number(rounded.abs()))
    };
    let (child, parent) = (figure(on.child), figure(on.parent));
    let (zh, en) = match direction {
        crate::model::Direction::Higher => ("越高越好", "higher is better"),
        crate::model::Direction::Lower => ("越低越好", "lower is better"),
    };
    Some(msg!(
        "{child} {sign} {parent}，{zh}",
        "{child} {sign} {parent}, {en}"
    ))
}

fn value(target: &Target) -> Value {
    let (zh, en) = target.describe();
    Value {
        value: target.quantity.value,
        unit: target.quantity.unit.to_string(),
        bound: target.comparator,
        baseline: target.baseline,
        form: target.form,
        text: Msg::new(zh, en),
    }
}

fn parent(corpus: &Corpus, id: TargetId) -> ParentFacts {
    let plan = corpus.plan(id.plan);
    ParentFacts {
        plan: corpus.plan_name(id.plan),
        doc_number: plan.number().map(ToString::to_string),
        jurisdiction: corpus.jurisdiction(plan.jurisdiction).name.value.clone(),
        value: value(corpus.target(id)),
    }
}

/// How a figure was put on the other's footing, as its message shows it:
/// `2023—2027年累计约+46.4%` / `≈ +46.4% over 2023→2027`, `20% × 366天 = 73.2天`,
/// `0.035毫克/立方米 = 35微克/立方米`.
#[must_use]
pub fn arithmetic(conversion: Conversion) -> Msg {
    match conversion {
        Conversion::Compounded(Compounded {
            total, from, to, ..
        }) => {
            let rounded = (total * 10.0).round() / 10.0;
            let sign = if rounded < 0.0 { "−" } else { "+" };
            let total = format_number(rounded.abs());
            msg!(
                "{from}—{to}年累计约{sign}{total}%",
                "≈ {sign}{total}% over {from}→{to}"
            )
        }
        Conversion::ShareOfYear {
            percent,
            days_in_year,
            days,
        } => {
            let (percent, days) = (
                format_number(percent),
                format_number((days * 100.0).round() / 100.0),
            );
            msg!(
                "{percent}% × {days_in_year}天 = {days}天",
                "{percent}% × {days_in_year} days = {days} days"
            )
        }
        Conversion::Units {
            written,
            from,
            converted,
            to,
        } => {
            let (written, converted) = (format_number(written), format_number(converted));
            let text = format!("{written}{from} = {converted}{to}");
            Msg::new(text.clone(), text)
        }
    }
}

/// A row's arithmetic: each side's conversion, the plan's first, then how the two figures
/// compare where they differ (`−6% > −8%，越低越好` / `−6% > −8%, lower is better`).
#[must_use]
pub fn arithmetic_of(corpus: &Corpus, row: &Comparison) -> Option<Msg> {
    let on = row.figures(corpus)?;
    let mut parts: Vec<Msg> = [on.child_conversion, on.parent_conversion]
        .into_iter()
        .flatten()
        .map(arithmetic)
        .collect();
    parts.extend(comparison_statement(corpus, row, on));
    (!parts.is_empty()).then(|| {
        Msg::new(
            parts.iter().map(|m| m.zh()).collect::<Vec<_>>().join("；"),
            parts.iter().map(|m| m.en()).collect::<Vec<_>>().join("; "),
        )
    })
}

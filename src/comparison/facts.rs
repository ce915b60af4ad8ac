//! A comparison as data for machines (`diagnostics::facts`): what JSON, SARIF and
//! `compare --format json` say of a row, made by one function.

use super::Comparison;
use crate::diagnostics::facts::{Facts, ParentFacts, Value};
use crate::i18n::Msg;
use crate::ingest::Corpus;
use crate::model::growth::Compounded;
use crate::model::quantity::format_number;
use crate::model::{Deadline, IndicatorKey, Target, TargetId};
use crate::msg;

/// The facts of one comparison.
#[must_use]
pub fn facts(corpus: &Corpus, row: &Comparison) -> Facts {
    Facts {
        indicator: row.name.clone(),
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
        verdict: row.verdict.name(),
        reason: row.verdict.reason(),
        tolerance: row.tolerance,
        arithmetic: row.footing.and_then(|on| on.compounded).map(arithmetic),
    }
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

/// How annual growth was put on the footing of growth over the period: `年均增长10%，2023—2027年累计约+46.4%`
/// reads as `2023—2027年累计约+46.4%` / `≈ +46.4% over 2023→2027`.
#[must_use]
pub fn arithmetic(compounded: Compounded) -> Msg {
    let total = format_number((compounded.total * 10.0).round() / 10.0);
    let (from, to) = (compounded.from, compounded.to);
    msg!(
        "{from}—{to}年累计约+{total}%",
        "≈ +{total}% over {from}→{to}"
    )
}

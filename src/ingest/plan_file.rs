//! A plan file's YAML turned into a [`Plan`]: values parsed into types, each value that does not
//! parse reported where it was written and left out, never guessed.

use serde_saphyr::Spanned;

use super::declarations;
use super::places::JurisdictionLookup;
use super::places::evidence::Evidence;
use super::places::place::{Claims, place};
use super::schema::{
    CitationEntry, PlanFile, QualitativeEntry, Scalar, TargetEntry, TaskEntry, Year,
};
use crate::diagnostics::Diagnostic;
use crate::model::plan::WrittenDocNumber;
use crate::model::{
    AgencyName, Campaign, Citation, Comparator, Date, Deadline, Jurisdiction, JurisdictionId,
    Located, Plan, QualitativeTarget, Quantity, SourceId, Target, Task,
};
use crate::msg;
use crate::source::yaml::{located, span_of};

/// Converts a parsed plan file; `None` when it cannot be placed in any jurisdiction. `flag` is
/// `--jurisdiction`, for a draft.
pub(crate) fn convert(
    source: SourceId,
    file: PlanFile,
    lookup: &JurisdictionLookup<'_>,
    flag: Option<&str>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let doc_number = file
        .doc_number
        .map(|n| located(source, n, |text| WrittenDocNumber::new(&text)));
    let title = located(source, file.title, |t| t);
    let issuer = file.issuer.map(|n| located(source, n, |t| t));
    let claims = Claims {
        written: file
            .jurisdiction
            .as_ref()
            .map(|n| (n.value.as_str(), source, span_of(n))),
        flag,
        evidence: Evidence {
            issuer: issuer.as_ref(),
            title: &title,
            number: doc_number.as_ref(),
            context: None,
            text: None,
        },
    };
    let jurisdiction = place(&claims, lookup, diagnostics)?;
    let home = &lookup.jurisdictions[jurisdiction.0];
    if let Some(level) = &file.level {
        check_level(source, level, home, diagnostics);
    }
    let campaign = campaign(&title.value, lookup, jurisdiction);
    let issued = file
        .issued
        .and_then(|node| parse_date(source, node, diagnostics));
    let notice_title = file
        .notice_title
        .map(|n| Located::new(n.value.clone(), source, span_of(&n)));
    let mut plan = Plan {
        source,
        doc_number,
        title,
        title_verified: file.title_verified,
        notice_title,
        issuer,
        issued,
        level: home.level,
        jurisdiction,
        status: file.status.map(|s| s.value).unwrap_or_default(),
        campaign,
        citations: file
            .citations
            .into_iter()
            .filter_map(|c| convert_citation(source, c, diagnostics))
            .collect(),
        targets: Vec::new(),
        qualitative: Vec::new(),
        tasks: Vec::new(),
        suppressions: declarations::suppressions(source, file.allow),
        not_applicable: declarations::not_applicable(source, file.not_applicable),
    };
    add_targets(
        &mut plan,
        source,
        file.targets,
        file.qualitative,
        None,
        diagnostics,
    );
    for (index, entry) in file.tasks.into_iter().enumerate() {
        let TaskEntry {
            label,
            lead,
            responsible,
            targets,
            qualitative,
            ..
        } = entry;
        plan.tasks.push(Task {
            source,
            span: span_of(&label),
            lead: agencies(source, lead),
            responsible: agencies(source, responsible),
        });
        add_targets(
            &mut plan,
            source,
            targets,
            qualitative,
            Some(index),
            diagnostics,
        );
    }
    Some(plan)
}

fn invalid(source: SourceId, span: crate::model::Span, message: crate::i18n::Msg) -> Diagnostic {
    Diagnostic::new(crate::code::ToolCode::InvalidValue, message).at(
        source,
        span,
        msg!("此处", "here"),
    )
}

pub(crate) fn parse_date(
    source: SourceId,
    node: Spanned<Scalar>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Located<Date>> {
    let span = span_of(&node);
    match node.value.0.parse::<Date>() {
        Ok(date) => Some(Located::new(date, source, span)),
        Err(_) => {
            let written = node.value.0;
            diagnostics.push(invalid(
                source,
                span,
                msg!(
                    "“{written}”不是 YYYY-MM-DD 形式的日期",
                    "`{written}` is not a date of the form YYYY-MM-DD"
                ),
            ));
            None
        }
    }
}

pub(crate) fn convert_citation(
    source: SourceId,
    entry: CitationEntry,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Citation> {
    let doc_number = entry
        .doc_number
        .map(|n| located(source, n, |t| WrittenDocNumber::new(&t)));
    let title = entry.title.map(|t| located(source, t, |t| t));
    let span = match (&doc_number, &title) {
        (Some(n), _) => n.span,
        (None, Some(t)) => t.span,
        (None, None) => {
            diagnostics.push(
                Diagnostic::new(
                    crate::code::ToolCode::InvalidValue,
                    msg!(
                        "引用既无文号也无标题",
                        "a citation with neither a number nor a title"
                    ),
                )
                .in_file(source),
            );
            return None;
        }
    };
    Some(Citation {
        doc_number,
        title,
        source,
        span,
    })
}

pub(crate) fn agencies(source: SourceId, names: Vec<Spanned<String>>) -> Vec<Located<AgencyName>> {
    names
        .into_iter()
        .map(|n| located(source, n, |t| AgencyName::new(&t)))
        .collect()
}

fn deadline(year: Option<Spanned<Year>>) -> Deadline {
    match year.map(|y| y.value) {
        Some(Year::Year(y)) => Deadline::Year(y),
        Some(Year::Annual) => Deadline::Annual,
        None => Deadline::Unstated,
    }
}

fn add_targets(
    plan: &mut Plan,
    source: SourceId,
    targets: Vec<TargetEntry>,
    qualitative: Vec<QualitativeEntry>,
    task: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for entry in targets {
        if let Some(target) = convert_target(source, entry, task, diagnostics) {
            plan.targets.push(target);
        }
    }
    for entry in qualitative {
        plan.qualitative.push(QualitativeTarget {
            indicator: located(source, entry.indicator, |t| t),
            deadline: deadline(entry.year),
            text: located(source, entry.text, |t| t),
            task,
        });
    }
}

pub(crate) fn convert_target(
    source: SourceId,
    entry: TargetEntry,
    task: Option<usize>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Target> {
    let comparator = match entry.comparator.value.parse::<Comparator>() {
        Ok(c) => c,
        Err(_) => {
            let written = &entry.comparator.value;
            diagnostics.push(
                invalid(
                    source,
                    span_of(&entry.comparator),
                    msg!("无法识别的比较词“{written}”", "unknown comparator `{written}`"),
                )
                .with_help(msg!(
                    "可用：达到、以上、超过、不低于、以内、不超过、降至、约、左右、增长，或 >=、>、<=、<、~、=",
                    "use one of 达到 以上 超过 不低于 以内 不超过 降至 约 左右 增长, or >= > <= < ~ ="
                )),
            );
            return None;
        }
    };
    let value_span = span_of(&entry.value);
    let unit = entry.unit.as_ref().map(|u| u.value.as_str());
    let quantity = match Quantity::parse(&entry.value.value.0, unit) {
        Ok(q) => q,
        Err(err) => {
            let written = format!("{}{}", entry.value.value.0, unit.unwrap_or(""));
            diagnostics.push(invalid(
                source,
                value_span,
                msg!(
                    "无法读取目标值“{written}”：{err}",
                    "cannot read the value `{written}`: {err}"
                ),
            ));
            return None;
        }
    };
    let quote = entry.quote.map(|q| located(source, q, |t| t));
    let span = quote.as_ref().map_or(value_span, |q| q.span);
    let baseline = entry.baseline.map(|b| b.value);
    let change = entry.change.map(|c| c.value).or_else(|| {
        let word = crate::model::text::fold(&entry.comparator.value);
        crate::model::polarity::change_before(&word, true)
            .or(baseline.map(|_| crate::model::Change::Increase))
    });
    let better = entry.better.map_or_else(
        || crate::model::polarity::polarity(&entry.indicator.value, comparator, change),
        |b| b.value,
    );
    Some(Target {
        indicator: located(source, entry.indicator, |t| t),
        indicator_id: None,
        wording: String::new(),
        deadline: deadline(entry.year),
        comparator,
        quantity,
        written: None,
        baseline,
        form: entry.form.map(|f| f.value).unwrap_or_default(),
        better,
        change,
        quote,
        task,
        source,
        span,
    })
}

/// A plan's stated `level:` against its jurisdiction's: a mismatch is reported where it is
/// written.
pub(crate) fn check_level(
    source: SourceId,
    level: &Spanned<crate::model::Level>,
    home: &Jurisdiction,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if level.value == home.level {
        return;
    }
    let (said, name, actual) = (level.value, &home.name.value, home.level);
    diagnostics.push(invalid(
        source,
        span_of(level),
        crate::i18n::Msg::new(
            format!(
                "方案层级为{}，但其所属辖区“{name}”为{}",
                said.zh(),
                actual.zh()
            ),
            format!("the plan says it is {said} but its jurisdiction {name} is {actual}"),
        ),
    ));
}

/// The campaign a title belongs to, with the names of the jurisdiction and those above it taken
/// out, and any other place's name the title starts with (a draft of 诸城市 placed in 潍坊市 by
/// `--jurisdiction` is still of 潍坊市's campaign).
pub(crate) fn campaign(
    title: &str,
    lookup: &JurisdictionLookup<'_>,
    jurisdiction: JurisdictionId,
) -> Campaign {
    let core = crate::model::text::plan_title_core(title);
    let leading = lookup.places.leading_name(&core);
    let names: Vec<&str> =
        crate::model::jurisdiction::jurisdiction_chain(lookup.jurisdictions, jurisdiction)
            .into_iter()
            .flat_map(|id| lookup.jurisdictions[id.0].names())
            .chain(leading.as_deref())
            .collect();
    Campaign::from_title(title, names)
}

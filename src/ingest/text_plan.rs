//! A plan given as its text (.txt, .md, .docx) becomes a [`Plan`] like a YAML plan file does:
//! extraction reads it, its sidecar (`NAME.sidecar.yaml`) supplies what the text cannot say and
//! corrects what extraction read, and every item keeps its place in the original file.

use serde_saphyr::Spanned;

use super::places::JurisdictionLookup;
use super::places::evidence;
use super::places::place::{Claims, place};
use super::plan_file;
use super::plan_items::Prepared;
use super::schema::SidecarFile;
use super::text;
use crate::diagnostics::Diagnostic;
use crate::model::plan::WrittenDocNumber;
use crate::model::{Date, Located, Plan, SourceId, Span};
use crate::msg;
use crate::source::yaml::span_of;

/// The suffix that names a text plan's sidecar: `an-zhengfa-2024-13.sidecar.yaml`.
pub const SIDECAR_SUFFIX: &str = ".sidecar.yaml";

/// A text plan to convert.
pub(super) struct TextPlan<'a> {
    pub source: SourceId,
    /// What extraction read from the plan's text, its items made.
    pub prepared: Prepared,
    /// The file name without its extension, the title of last resort.
    pub stem: String,
    pub sidecar: Option<(SourceId, SidecarFile)>,
    /// A jurisdiction named on the command line (`--jurisdiction`).
    pub hint: Option<&'a str>,
    /// The plan's text as read.
    pub text: &'a str,
}

/// Converts a text plan; `None` when it cannot be placed in any jurisdiction.
pub(super) fn convert(
    input: TextPlan<'_>,
    lookup: &JurisdictionLookup<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<Plan> {
    let TextPlan {
        source,
        prepared,
        stem,
        sidecar,
        hint,
        text,
    } = input;
    for skipped in &prepared.skipped {
        diagnostics.push(
            Diagnostic::new(
                crate::code::ToolCode::UncertainTarget,
                skipped.reason.clone(),
            )
            .at(
                source,
                skipped.span,
                msg!("未作为目标读取", "not read as a target"),
            ),
        );
    }
    let (sidecar_source, sidecar) = match sidecar {
        Some((s, file)) => (Some(s), Some(file)),
        None => (None, None),
    };
    let header = Header::new(
        source,
        sidecar_source,
        &prepared.header,
        sidecar.as_ref(),
        &stem,
        diagnostics,
    );
    let context = prepared
        .header
        .context
        .as_ref()
        .map(|(place, span)| Located::new(place.clone(), source, *span));
    let claims = Claims {
        written: sidecar
            .as_ref()
            .and_then(|f| f.jurisdiction.as_ref())
            .zip(sidecar_source)
            .map(|(n, s)| (n.value.as_str(), s, span_of(n))),
        flag: hint,
        evidence: evidence::Evidence {
            issuer: header.issuer.as_ref(),
            title: &header.title,
            number: header.doc_number.as_ref(),
            context: context.as_ref(),
            text: Some(text),
        },
    };
    let jurisdiction = place(&claims, lookup, diagnostics)?;
    let home = &lookup.jurisdictions[jurisdiction.0];
    if let (Some(file), Some(s)) = (&sidecar, sidecar_source)
        && let Some(level) = &file.level
    {
        plan_file::check_level(s, level, home, diagnostics);
    }
    let campaign = plan_file::campaign(&header.title.value, lookup, jurisdiction);
    let status = match (
        sidecar.as_ref().and_then(|s| s.status.as_ref()),
        prepared.cut_short,
    ) {
        (Some(written), _) => written.value,
        // A copy cut inside its targets holds part of the plan: what it does not state is not
        // judged omitted.
        (None, Some(span)) => {
            diagnostics.push(cut_short(source, span));
            crate::model::PlanStatus::Partial
        }
        (None, None) => crate::model::PlanStatus::Full,
    };
    let title_verified = sidecar.as_ref().is_some_and(|s| s.title_verified);
    let notice_title = sidecar
        .as_ref()
        .and_then(|s| s.notice_title.as_ref())
        .zip(sidecar_source)
        .map(|(n, s)| Located::new(n.value.clone(), s, span_of(n)));
    let items = prepared.items.in_source(source);
    let mut plan = Plan {
        source,
        doc_number: header.doc_number,
        title: header.title,
        title_verified,
        notice_title,
        issuer: header.issuer,
        issued: header.issued,
        level: home.level,
        jurisdiction,
        status,
        campaign,
        citations: items.citations,
        targets: items.targets,
        qualitative: items.qualitative,
        tasks: items.tasks,
        suppressions: Vec::new(),
        not_applicable: Vec::new(),
    };
    if let (Some(file), Some(s)) = (sidecar, sidecar_source) {
        plan.suppressions = super::declarations::suppressions(s, file.allow);
        plan.not_applicable = super::declarations::not_applicable(s, file.not_applicable);
        let mut words = prepared.task_words;
        for correction in file.corrections {
            super::corrections::apply(&mut plan, &mut words, s, correction, diagnostics);
        }
    }
    Some(plan)
}

/// The note for a text that stops mid-sentence before its targets are complete.
fn cut_short(source: SourceId, span: Span) -> Diagnostic {
    Diagnostic::new(
        crate::code::ToolCode::TruncatedText,
        msg!(
            "文本在目标部分中途结束（可能被截断）：上级目标未在文中出现的，不判为未承接",
            "the text stops mid-sentence before its targets are complete (it may be cut short): a parent's target it does not state is not judged omitted"
        ),
    )
    .at(source, span, msg!("文本在此中断", "the text stops here"))
    .with_help(msg!(
        "提供完整文本；若文本确已完整，在旁注文件中写 status: full",
        "give the whole text; if it is whole, write status: full in its sidecar"
    ))
    .with_reviewer_help(msg!(
        "文本似在此处中断：请核对送审稿是否完整",
        "the text seems to stop here: check that the whole draft was given"
    ))
}

struct Header {
    doc_number: Option<Located<WrittenDocNumber>>,
    title: Located<String>,
    issuer: Option<Located<String>>,
    issued: Option<Located<Date>>,
}

impl Header {
    /// The sidecar's values win over what was read from the text.
    fn new(
        source: SourceId,
        sidecar_source: Option<SourceId>,
        read: &text::header::Header,
        sidecar: Option<&SidecarFile>,
        stem: &str,
        diagnostics: &mut Vec<Diagnostic>,
    ) -> Self {
        let from_sidecar = |node: Option<&Spanned<String>>| {
            node.zip(sidecar_source)
                .map(|(n, s)| Located::new(n.value.clone(), s, span_of(n)))
        };
        let doc_number = from_sidecar(sidecar.and_then(|f| f.doc_number.as_ref()))
            .or_else(|| {
                read.doc_number
                    .as_ref()
                    .map(|(t, span)| Located::new(t.clone(), source, *span))
            })
            .map(|n| n.map(|t| WrittenDocNumber::new(&t)));
        let title = from_sidecar(sidecar.and_then(|f| f.title.as_ref()))
            .or_else(|| {
                read.title
                    .as_ref()
                    .map(|(t, span)| Located::new(t.clone(), source, *span))
            })
            .unwrap_or_else(|| Located::new(stem.to_string(), source, Span::default()));
        let issuer = from_sidecar(sidecar.and_then(|f| f.issuer.as_ref())).or_else(|| {
            read.issuer
                .as_ref()
                .map(|(t, span)| Located::new(t.clone(), source, *span))
        });
        let issued = match (sidecar.and_then(|f| f.issued.as_ref()), sidecar_source) {
            (Some(node), Some(s)) => plan_file::parse_date(s, node.clone(), diagnostics),
            _ => read
                .issued
                .as_ref()
                .map(|(d, span)| Located::new(*d, source, *span)),
        };
        Self {
            doc_number,
            title,
            issuer,
            issued,
        }
    }
}

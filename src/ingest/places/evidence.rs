//! Placing a plan that is in no jurisdiction's folder and names none, from what it says of
//! itself: its issuer (平度市人民政府), its notice title (青岛市人民政府关于印发…), its 文号 prefix
//! (平政发). The issuer and title name the place; a prefix only narrows a name several places
//! share, or places a plan alone when exactly one jurisdiction issues under it. Nothing is
//! guessed: several candidates left are reported with their codes.

use super::{Places, describe, pick};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::plan::WrittenDocNumber;
use crate::model::text::fold;
use crate::model::{Jurisdiction, JurisdictionId, Located, SourceId, Span};
use crate::msg;

/// What a plan says of itself that can place it.
pub(crate) struct Evidence<'a> {
    pub issuer: Option<&'a Located<String>>,
    pub title: &'a Located<String>,
    pub number: Option<&'a Located<WrittenDocNumber>>,
    /// The X of `结合X实际`, when it names something.
    pub context: Option<&'a Located<String>>,
    /// The plan's text, for saying which places it names when nothing places it.
    pub text: Option<&'a str>,
}

/// The evidence that decided a placement, and where it is written.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Ground {
    pub kind: GroundKind,
    pub source: SourceId,
    pub span: Span,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum GroundKind {
    Issuer,
    Title,
    Prefix,
    Context,
}

/// Why no single place was found.
pub(crate) enum Unplaced {
    Nothing,
    Ambiguous(Vec<JurisdictionId>),
}

/// The jurisdiction the evidence points to.
pub(crate) fn said<'e>(
    places: &Places,
    jurisdictions: &[Jurisdiction],
    evidence: &Evidence<'e>,
) -> Result<(JurisdictionId, Ground), Unplaced> {
    let by_prefix: &[JurisdictionId] = evidence
        .number
        .and_then(|n| n.value.parsed.as_ref())
        .map_or(&[], |n| places.with_prefix(&n.prefix));
    let issuer = evidence.issuer;
    let title = evidence.title;
    // Strongest first: a government that is its place's (平度市人民政府), then a body of a place
    // (陕西省发展和改革委员会), then a title that opens with a place (湖南省…实施方案). Each is
    // looked up only when every stronger one found nothing.
    type Named<'e> = (GroundKind, &'e Located<String>, Vec<JurisdictionId>);
    let named: [&dyn Fn() -> Option<Named<'e>>; 5] = [
        &|| {
            issuer.map(|i| {
                (
                    GroundKind::Issuer,
                    i,
                    places.issued_by(jurisdictions, &i.value),
                )
            })
        },
        &|| {
            title_issuer(&title.value)
                .map(|t| (GroundKind::Title, title, places.issued_by(jurisdictions, t)))
        },
        &|| issuer.map(|i| (GroundKind::Issuer, i, opening_place(places, &i.value))),
        &|| {
            Some((
                GroundKind::Title,
                title,
                opening_place(places, &title.value),
            ))
        },
        &|| {
            evidence
                .context
                .map(|c| (GroundKind::Context, c, places.named(&c.value).to_vec()))
        },
    ];
    for (kind, at, mut candidates) in named.iter().filter_map(|look| look()) {
        if candidates.is_empty() {
            continue;
        }
        if candidates.len() > 1 {
            // A set: a prefix such as 鲁 is shared by hundreds of places, and so may the
            // candidates be.
            let prefixed: foldhash::HashSet<JurisdictionId> = by_prefix.iter().copied().collect();
            let narrowed: Vec<JurisdictionId> = candidates
                .iter()
                .copied()
                .filter(|c| prefixed.contains(c))
                .collect();
            if !narrowed.is_empty() {
                candidates = narrowed;
            }
        }
        let ground = Ground {
            kind,
            source: at.source,
            span: at.span,
        };
        return pick(jurisdictions, candidates)
            .map(|id| (id, ground))
            .map_err(|problem| match problem {
                super::HintProblem::Ambiguous { candidates } => Unplaced::Ambiguous(candidates),
                super::HintProblem::Unknown { .. } => Unplaced::Nothing,
            });
    }
    // A province's 简称 before its documents' kind is a fact (苏政发); a city's or county's
    // first character is a guess other places share.
    let provincial: Vec<JurisdictionId> = by_prefix
        .iter()
        .copied()
        .filter(|id| jurisdictions[id.0].level == crate::model::Level::Provincial)
        .collect();
    let by_prefix = if provincial.len() == 1 {
        provincial.as_slice()
    } else {
        by_prefix
    };
    match (by_prefix, evidence.number) {
        ([one], Some(number)) => Ok((
            *one,
            Ground {
                kind: GroundKind::Prefix,
                source: number.source,
                span: number.span,
            },
        )),
        _ => Err(Unplaced::Nothing),
    }
}

/// The places a text opens with, when it names one in full (湖南省…, 黔东南州…, 苏州市…) and goes
/// on: a short name (湖南, 平度) is too often the start of another word to place a plan.
fn opening_place(places: &Places, text: &str) -> Vec<JurisdictionId> {
    const LEVEL_CHARACTERS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];
    let Some(name) = places.leading_name(text) else {
        return Vec::new();
    };
    let names_a_level = name.ends_with(LEVEL_CHARACTERS);
    let goes_on = fold(text).chars().count() > name.chars().count();
    if names_a_level && goes_on {
        places.named(&name).to_vec()
    } else {
        Vec::new()
    }
}

/// The issuer a notice title starts with: `青岛市人民政府关于印发…` → `青岛市人民政府`.
fn title_issuer(title: &str) -> Option<&str> {
    let (issuer, _) = title.split_once("关于")?;
    (!issuer.is_empty() && issuer.chars().count() <= 30).then_some(issuer)
}

/// The note that says where a plan was placed and from what.
pub(crate) fn inferred(
    jurisdictions: &[Jurisdiction],
    id: JurisdictionId,
    ground: Ground,
) -> Diagnostic {
    let place = describe(jurisdictions, id);
    let (zh, en) = match ground.kind {
        GroundKind::Issuer => ("发文机关", "its issuer"),
        GroundKind::Title => ("标题", "its title"),
        GroundKind::Prefix => ("文号前缀", "its 文号 prefix"),
        GroundKind::Context => ("“结合…实际”", "its 结合…实际"),
    };
    Diagnostic::new(
        crate::code::ToolCode::InferredJurisdiction,
        msg!(
            "根据{zh}，该方案归入 {place}",
            "placed in {place}, from {en}"
        ),
    )
    .at(ground.source, ground.span, msg!("依据", "evidence"))
}

/// A name several places share, with each candidate and its code.
pub(crate) fn ambiguous(
    jurisdictions: &[Jurisdiction],
    candidates: &[JurisdictionId],
    source: SourceId,
    span: Span,
) -> Diagnostic {
    let list = candidates
        .iter()
        .map(|id| describe(jurisdictions, *id))
        .collect::<Vec<_>>()
        .join("; ");
    Diagnostic::new(
        crate::code::ToolCode::AmbiguousJurisdiction,
        msg!(
            "无法确定该方案属于哪个同名辖区：{list}",
            "several jurisdictions share this name: {list}"
        ),
    )
    .at(source, span, msg!("同名辖区", "shared name"))
    .with_help(Msg::new(
        "用 --jurisdiction 给出路径或区划代码，如 福建省/福州市/鼓楼区 或 350102",
        "give a path or code with --jurisdiction, e.g. 福建省/福州市/鼓楼区 or 350102",
    ))
    .offering(
        candidates
            .iter()
            .map(|&id| crate::diagnostics::Candidate {
                shown: describe(jurisdictions, id),
                hint: super::hint(jurisdictions, id),
            })
            .collect(),
    )
}

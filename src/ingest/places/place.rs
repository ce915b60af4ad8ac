//! Where a plan belongs, for every kind of plan (a plan file, a text plan and its sidecar, a
//! draft): the jurisdiction written in the file or its sidecar (`jurisdiction:`), then
//! `--jurisdiction`, then the folder it is in (or the place inside it that its text names),
//! then what its text says of itself (issuer, notice title, 文号 prefix). What decided is final, but when the text names another place the
//! reviewer is told (`jurisdiction-contradicts-text`): a draft of 平度市 checked as 青岛市's is
//! compared with the wrong parents.

use super::evidence::{self, Evidence, Ground, GroundKind};
use super::{HintProblem, JurisdictionLookup, describe};
use crate::diagnostics::Diagnostic;
use crate::model::{JurisdictionId, SourceId, Span};
use crate::msg;

/// Everything a plan offers to place it.
pub(crate) struct Claims<'a> {
    /// `jurisdiction:` in the plan file or its sidecar, with where it is written.
    pub written: Option<(&'a str, SourceId, Span)>,
    /// `--jurisdiction`, for a draft.
    pub flag: Option<&'a str>,
    /// What the plan says of itself.
    pub evidence: Evidence<'a>,
}

/// Where the plan's own text places it (`evidence::said`).
type Said = Result<(JurisdictionId, Ground), evidence::Unplaced>;

/// What decided a placement.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Decided {
    Written,
    Flag,
    Folder,
}

/// The jurisdiction of a plan, or `None` (reported) when nothing places it.
pub(crate) fn place(
    claims: &Claims<'_>,
    lookup: &JurisdictionLookup<'_>,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<JurisdictionId> {
    let title = claims.evidence.title;
    // What the text says of its place: every way below reads it, so it is looked up once.
    let said = evidence::said(lookup.places, lookup.jurisdictions, &claims.evidence);
    let named = [
        claims
            .written
            .map(|(name, at, span)| (name, at, span, Decided::Written)),
        claims
            .flag
            .map(|name| (name, title.source, title.span, Decided::Flag)),
    ];
    // Names that are no place: told once the plan is placed (or not) by what else it offers.
    let mut unknown: Vec<Diagnostic> = Vec::new();
    let mut placed = None;
    for (name, at, span, decided) in named.into_iter().flatten() {
        match lookup.by_name(name) {
            Ok(id) => {
                placed = Some(checked(lookup, &said, id, decided, diagnostics));
                break;
            }
            Err(HintProblem::Ambiguous { candidates }) => diagnostics.push(evidence::ambiguous(
                lookup.jurisdictions,
                &candidates,
                at,
                span,
            )),
            Err(HintProblem::Unknown { .. }) => {
                unknown.push(super::unknown_jurisdiction(name, at, span));
            }
        }
    }
    if placed.is_none() {
        placed = by_folder_or_text(claims, lookup, &said, diagnostics);
    }
    let help = match placed {
        Some(id) => {
            let name = &lookup.jurisdictions[id.0].name.value;
            msg!(
                "已按“{name}”检查该方案；请改正名称，或为其建立含 jurisdiction.yaml 的文件夹",
                "the plan was checked as {name}'s; correct the name, or give the place a folder with a jurisdiction.yaml"
            )
        }
        None => msg!(
            "该方案未被检查：请改正名称，或为其辖区建立含 jurisdiction.yaml 的文件夹",
            "the plan was not checked: correct the name, or give its jurisdiction a folder with a jurisdiction.yaml"
        ),
    };
    diagnostics.extend(unknown.into_iter().map(|d| d.with_help(help.clone())));
    placed
}

/// The folder's jurisdiction, else the one the text names.
fn by_folder_or_text(
    claims: &Claims<'_>,
    lookup: &JurisdictionLookup<'_>,
    said: &Said,
    diagnostics: &mut Vec<Diagnostic>,
) -> Option<JurisdictionId> {
    let title = claims.evidence.title;
    if let Some(folder) = lookup.folder {
        // A plan of a place inside the folder's jurisdiction (长沙市's in 湖南省's folder) is
        // that place's: the folder holds it, the text is more precise.
        if let Ok((inner, ground)) = *said
            && inner != folder
            && crate::model::jurisdiction::jurisdiction_chain(lookup.jurisdictions, inner)
                .contains(&folder)
        {
            diagnostics.push(evidence::inferred(lookup.jurisdictions, inner, ground));
            return Some(inner);
        }
        return Some(checked(lookup, said, folder, Decided::Folder, diagnostics));
    }
    match said {
        Ok((id, ground)) => {
            let (id, ground) = (*id, *ground);
            diagnostics.push(evidence::inferred(lookup.jurisdictions, id, ground));
            Some(id)
        }
        Err(evidence::Unplaced::Ambiguous(candidates)) => {
            let (at, span) = claims
                .evidence
                .issuer
                .map_or((title.source, title.span), |i| (i.source, i.span));
            diagnostics.push(evidence::ambiguous(
                lookup.jurisdictions,
                candidates,
                at,
                span,
            ));
            None
        }
        Err(evidence::Unplaced::Nothing) => {
            diagnostics.push(super::unplaced::unplaced(&claims.evidence, lookup));
            None
        }
    }
}

/// `id`, after reporting what in the plan's text names another jurisdiction.
fn checked(
    lookup: &JurisdictionLookup<'_>,
    said: &Said,
    id: JurisdictionId,
    decided: Decided,
    diagnostics: &mut Vec<Diagnostic>,
) -> JurisdictionId {
    if let Ok((other, ground)) = *said
        && other != id
    {
        diagnostics.push(contradiction(lookup, id, decided, other, ground));
    }
    id
}

fn contradiction(
    lookup: &JurisdictionLookup<'_>,
    chosen: JurisdictionId,
    decided: Decided,
    said: JurisdictionId,
    ground: Ground,
) -> Diagnostic {
    let name = |id: JurisdictionId| lookup.jurisdictions[id.0].name.value.clone();
    let (chosen_name, said_name, said_full) = (
        name(chosen),
        name(said),
        describe(lookup.jurisdictions, said),
    );
    // A code names a place unambiguously; a zone has none.
    let said_flag = lookup.jurisdictions[said.0]
        .code
        .clone()
        .unwrap_or_else(|| said_name.clone());
    let (by_zh, by_en) = match decided {
        Decided::Written => ("`jurisdiction:`", "`jurisdiction:`"),
        Decided::Flag => ("--jurisdiction", "--jurisdiction"),
        Decided::Folder => ("所在文件夹", "its folder"),
    };
    let (from_zh, from_en) = match ground.kind {
        GroundKind::Issuer => ("发文机关", "its issuer"),
        GroundKind::Title => ("标题", "its title"),
        GroundKind::Prefix => ("文号前缀", "its 文号 prefix"),
        GroundKind::Context => ("“结合…实际”", "its 结合…实际"),
    };
    Diagnostic::new(
        crate::code::ToolCode::JurisdictionContradictsText,
        msg!(
            "{by_zh} 将方案归入{chosen_name}，但方案的{from_zh}指向{said_name}；已按{chosen_name}的方案检查",
            "{by_en} places the plan in {chosen_name}, but {from_en} names {said_name}: it was checked as {chosen_name}'s plan"
        ),
    )
    .at(
        ground.source,
        ground.span,
        msg!("指向 {said_full}", "names {said_full}"),
    )
    .with_help(msg!(
        "若方案属于{said_name}，改用 --jurisdiction {said_flag} 或将其移入该辖区的文件夹；否则改正方案文本",
        "if the plan is {said_name}'s, give --jurisdiction {said_flag} or move it into that jurisdiction's folder; otherwise correct the text"
    ))
    .with_reviewer_help(msg!(
        "核对方案中的地名和发文机关",
        "check the place names and the issuer in the plan"
    ))
}

//! The finding for a plan nothing places: what it offered (issuer, notice title, title, 文号,
//! 结合…实际), the names in its text that are places, and the flag that would place it.

use super::evidence::Evidence;
use super::{JurisdictionLookup, describe};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::Level;
use crate::msg;

/// How much of a text is searched for names of places: its opening, where a plan says where
/// it is from.
const SEARCHED_BYTES: usize = 20_000;

/// How many names of places the finding lists.
const MOST_NAMES: usize = 5;

/// Nothing places the plan: say what was tried, what the text names, and what would work.
pub(super) fn unplaced(evidence: &Evidence<'_>, lookup: &JurisdictionLookup<'_>) -> Diagnostic {
    let title = evidence.title;
    let tried = tried(evidence);
    let mentioned = evidence
        .text
        .map(|text| mentioned(text, lookup))
        .unwrap_or_default();
    let (names_zh, names_en) = if mentioned.is_empty() {
        (
            "文中没有可识别的地名".to_string(),
            "the text names no known place".to_string(),
        )
    } else {
        let list = mentioned
            .iter()
            .map(|(_, full)| full.as_str())
            .collect::<Vec<_>>()
            .join("; ");
        (
            format!("文中提到的地名：{list}"),
            format!("places the text names: {list}"),
        )
    };
    let example = mentioned
        .first()
        .map_or_else(|| "安丘市".to_string(), |(name, _)| name.clone());
    let (tried_zh, tried_en) = (tried.zh(), tried.en());
    Diagnostic::new(
        crate::code::ToolCode::UnknownJurisdiction,
        msg!(
            "无法确定该方案所属的辖区（已查看：{tried_zh}；{names_zh}）",
            "cannot tell which jurisdiction this plan belongs to (looked at {tried_en}; {names_en})"
        ),
    )
    .at(
        title.source,
        title.span,
        msg!("辖区未知", "jurisdiction unknown"),
    )
    .with_help(msg!(
        "用 --jurisdiction 指明辖区（如 --jurisdiction {example}，或路径、区划代码），或将其移入含 jurisdiction.yaml 的文件夹，或在旁注文件 *.sidecar.yaml 中写明 `jurisdiction:`",
        "name it with --jurisdiction (e.g. --jurisdiction {example}, or a path or a code), move it into a folder with a jurisdiction.yaml, or write `jurisdiction:` in a sidecar *.sidecar.yaml"
    ))
    .with_reviewer_help(msg!(
        "在标题或落款中写明发文机关或地名",
        "name the issuer or the place in the title or the signature"
    ))
}

/// What the plan offered, each with what it said or that it said nothing.
fn tried(evidence: &Evidence<'_>) -> Msg {
    let said = |value: Option<&str>| value.map(str::to_string);
    let items: [(&str, &str, Option<String>); 4] = [
        (
            "发文机关",
            "the issuer",
            said(evidence.issuer.map(|i| i.value.as_str())),
        ),
        (
            "标题",
            "the title",
            said(Some(evidence.title.value.as_str())),
        ),
        (
            "文号",
            "the 文号",
            evidence.number.map(|n| n.value.written.clone()),
        ),
        (
            "“结合…实际”",
            "结合…实际",
            said(evidence.context.map(|c| c.value.as_str())),
        ),
    ];
    let zh = items
        .iter()
        .map(|(zh, _, v)| match v {
            Some(v) => format!("{zh}“{v}”"),
            None => format!("{zh}（无）"),
        })
        .collect::<Vec<_>>()
        .join("、");
    let en = items
        .iter()
        .map(|(_, en, v)| match v {
            Some(v) => format!("{en} “{v}”"),
            None => format!("{en} (none)"),
        })
        .collect::<Vec<_>>()
        .join(", ");
    Msg::new(zh, en)
}

/// The places the opening of `text` names in full (ending in 省, 市, 区, 县, 州, 旗 or 盟), each
/// with how a finding shows it, in the order they first appear.
fn mentioned(text: &str, lookup: &JurisdictionLookup<'_>) -> Vec<(String, String)> {
    const LEVEL_CHARACTERS: [char; 7] = ['省', '市', '区', '县', '州', '旗', '盟'];
    let mut found: Vec<(String, String)> = Vec::new();
    let searched = &text[..floor_boundary(text, SEARCHED_BYTES)];
    for (at, _) in searched.char_indices() {
        // A name is at most 12 characters: look at that much.
        let window = &searched[at..floor_boundary(searched, at + 48)];
        let Some(name) = lookup.places.leading_name(window) else {
            continue;
        };
        if !name.ends_with(LEVEL_CHARACTERS) || found.iter().any(|(n, _)| *n == name) {
            continue;
        }
        let ids = lookup.places.named(&name);
        let Some(first) = ids.first() else {
            continue;
        };
        if lookup.jurisdictions[first.0].level == Level::National {
            continue;
        }
        let full = if ids.len() == 1 {
            describe(lookup.jurisdictions, *first)
        } else {
            format!("{name} ×{}", ids.len())
        };
        found.push((name, full));
        if found.len() == MOST_NAMES {
            break;
        }
    }
    found
}

/// The largest char boundary of `text` at or below `at`.
fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

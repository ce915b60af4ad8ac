//! `allow:` entries in a plan file or sidecar: findings the plan's authors accept, each with a
//! mandatory reason. An entry without a reason is itself a finding, and so is one that no
//! longer suppresses anything (like clippy's `#[expect]`), so exceptions do not outlive their
//! cause.

use foldhash::HashMap;

use crate::code::Code;
use crate::diagnostics::Diagnostic;
use crate::ingest::Corpus;
use crate::model::plan::Suppression;
use crate::model::text::fold;
use crate::model::{SourceId, Sources};
use crate::msg;

/// Removes the findings the corpus's `allow:` entries cover and reports entries that are
/// unjustified, unknown or unused. `ran` holds the codes that were reported in this run: an
/// entry for a code that was not is not called unused. Any code can be allowed, a lint's or
/// planlint's own (`uncertain-target`).
pub fn apply(corpus: &Corpus, ran: &[Code], findings: &mut Vec<Diagnostic>) {
    // Findings by file: each entry looks only at its own plan's findings.
    let mut by_source: HashMap<SourceId, Vec<usize>> = HashMap::default();
    for (i, d) in findings.iter().enumerate() {
        if let Some(source) = d.source {
            by_source.entry(source).or_default().push(i);
        }
    }
    let mut suppressed = vec![false; findings.len()];
    let mut reports = Vec::new();
    for plan in &corpus.plans {
        let own = by_source.get(&plan.source).map_or(&[][..], Vec::as_slice);
        for suppression in &plan.suppressions {
            let written = suppression.lint.value.trim();
            let Ok(code) = crate::lints::lookup(written) else {
                reports.push(unknown(suppression, written));
                continue;
            };
            if suppression
                .reason
                .as_ref()
                .is_none_or(|r| r.value.trim().is_empty())
            {
                reports.push(without_reason(suppression));
            }
            let mut used = false;
            for &i in own {
                let d = &findings[i];
                if !suppressed[i] && d.code == code && covers(suppression, d, &corpus.sources) {
                    suppressed[i] = true;
                    used = true;
                }
            }
            if !used && ran.contains(&code) {
                reports.push(unused(suppression));
            }
        }
    }
    let mut flags = suppressed.into_iter();
    findings.retain(|_| !flags.next().unwrap_or(false));
    findings.extend(reports);
}

/// Whether the entry's `item` words are in the finding's place or message.
fn covers(suppression: &Suppression, d: &Diagnostic, sources: &Sources) -> bool {
    let Some(item) = &suppression.item else {
        return true;
    };
    let key = fold(&item.value);
    let at = d.source.zip(d.label.as_ref()).map(|(s, l)| {
        let text = &sources.get(s).text;
        fold(text.get(l.span.start..l.span.end()).unwrap_or_default())
    });
    at.is_some_and(|t| t.contains(&key))
        || fold(d.message.zh()).contains(&key)
        || fold(d.message.en()).contains(&key)
}

fn unknown(s: &Suppression, code: &str) -> Diagnostic {
    let hint = crate::lints::lookup(code)
        .err()
        .and_then(|e| e.did_you_mean)
        .map(|c| format!("; did you mean `{c}`?"))
        .unwrap_or_default();
    Diagnostic::new(
        crate::code::ToolCode::InvalidValue,
        msg!(
            "allow 条目中的规则“{code}”不存在{hint}",
            "`allow` names no lint `{code}`{hint}"
        ),
    )
    .at_value(&s.lint, msg!("未知规则", "unknown lint"))
}

fn without_reason(s: &Suppression) -> Diagnostic {
    Diagnostic::new(
        crate::code::ToolCode::SuppressionWithoutReason,
        msg!(
            "allow 条目必须写明理由",
            "an `allow` entry must give its reason"
        ),
    )
    .at_value(&s.lint, msg!("没有理由", "no reason"))
    .with_help(msg!(
        "加上 `reason:`，说明为何接受该问题，供审核者核对",
        "add `reason:` saying why the finding is accepted, for reviewers to check"
    ))
}

fn unused(s: &Suppression) -> Diagnostic {
    let place = s.item.as_ref().unwrap_or(&s.lint);
    let code = &s.lint.value;
    Diagnostic::new(
        crate::code::ToolCode::UnusedSuppression,
        msg!(
            "allow 条目不再抑制任何 {code} 问题",
            "this `allow` no longer suppresses any {code} finding"
        ),
    )
    .at_value(place, msg!("无匹配的问题", "matches no finding"))
    .with_help(msg!(
        "问题已修复或文本已改变：删除这条 allow",
        "the finding was fixed or the text changed: remove this entry"
    ))
}

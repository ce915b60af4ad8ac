//! A sidecar's corrections to what extraction read from a plan's text: drop, replace or add a
//! target, a citation or a task, each with its reason. A correction that is unjustified or no
//! longer matches anything is reported, so corrections do not outlive the text they fix.

use super::plan_file;
use super::schema::{CorrectedItem, Correction, CorrectionAction};
use crate::diagnostics::Diagnostic;
use crate::i18n::Msg;
use crate::model::text::fold;
use crate::model::{Plan, SourceId, Span, Task};
use crate::msg;
use crate::source::yaml::span_of;

/// A task's words, which a correction finds it by (its label, or words of its title): kept
/// beside the plan's tasks, in their order, while its corrections are applied, then dropped.
pub(super) struct TaskWords {
    label: String,
    title: Option<String>,
}

impl TaskWords {
    /// The words of each task `extracted` found, when `corrections` has one about a task (none
    /// are needed otherwise).
    pub(super) fn of(extracted: &super::text::Extracted, corrections: &[Correction]) -> Vec<Self> {
        if !corrections
            .iter()
            .any(|c| c.item.value == CorrectedItem::Task)
        {
            return Vec::new();
        }
        extracted
            .tasks
            .iter()
            .map(|t| TaskWords {
                label: t.label.0.clone(),
                title: t.title.as_ref().map(|(title, _)| title.clone()),
            })
            .collect()
    }
}

/// Applies one correction; reports it when it is incomplete, unjustified or no longer applies.
pub(super) fn apply(
    plan: &mut Plan,
    words: &mut Vec<TaskWords>,
    sidecar: SourceId,
    correction: Correction,
    diagnostics: &mut Vec<Diagnostic>,
) {
    if correction.reason.value.trim().is_empty() {
        diagnostics.push(
            Diagnostic::new(
                crate::code::ToolCode::CorrectionWithoutReason,
                msg!("更正必须写明理由", "a correction must give its reason"),
            )
            .at(
                sidecar,
                span_of(&correction.reason),
                msg!("理由为空", "empty reason"),
            )
            .with_help(msg!(
                "在 `reason:` 中写明原文为何被这样更正，供审核者核对",
                "say in `reason:` why the text is corrected this way, for reviewers to check"
            )),
        );
        return;
    }
    let action = correction.action.value;
    let item = correction.item.value;
    match (action, &correction.matches) {
        (CorrectionAction::Add, _) => {}
        (_, Some(pattern)) => {
            let key = fold(&pattern.value);
            let removed = remove_matching(plan, words, item, &key);
            if removed == 0 {
                let written = &pattern.value;
                diagnostics.push(
                    Diagnostic::new(
 crate::code::ToolCode::StaleCorrection,
 msg!(
                            "更正不再适用：抽取结果中没有与“{written}”匹配的条目",
                            "the correction no longer applies: nothing extracted matches `{written}`"
                        ),
                    )
                    .at(sidecar, span_of(pattern), msg!("无匹配", "matches nothing"))
                    .with_help(msg!(
                        "原文或抽取已改变；删除或改写这条更正",
                        "the text or the extractor changed; remove or rewrite this correction"
                    )),
                );
                return;
            }
        }
        (_, None) => {
            diagnostics.push(invalid(
                sidecar,
                span_of(&correction.action),
                msg!(
                    "replace 和 drop 需要 `match:` 指明所更正的条目",
                    "replace and drop need `match:` to pick the item they correct"
                ),
            ));
            return;
        }
    }
    if action == CorrectionAction::Drop {
        return;
    }
    let added = match item {
        CorrectedItem::Target => correction.target.and_then(|entry| {
            plan_file::convert_target(sidecar, entry, None, diagnostics)
                .map(|t| plan.targets.push(t))
        }),
        CorrectedItem::Citation => correction.citation.and_then(|entry| {
            plan_file::convert_citation(sidecar, entry, diagnostics).map(|c| plan.citations.push(c))
        }),
        CorrectedItem::Task => correction.task.map(|entry| {
            words.push(TaskWords {
                label: entry.label.value.0.clone(),
                title: entry.title.as_ref().map(|t| t.value.clone()),
            });
            plan.tasks.push(Task {
                source: sidecar,
                span: span_of(&entry.label),
                lead: plan_file::agencies(sidecar, entry.lead),
                responsible: plan_file::agencies(sidecar, entry.responsible),
            });
        }),
    };
    if added.is_none() {
        let key = item_key(item);
        diagnostics.push(invalid(
            sidecar,
            span_of(&correction.item),
            msg!(
                "add 和 replace 需要 `{key}:` 给出新条目",
                "add and replace need `{key}:` with the new item"
            ),
        ));
    }
}

/// The key of a correction that carries the new item.
fn item_key(item: CorrectedItem) -> &'static str {
    match item {
        CorrectedItem::Target => "target",
        CorrectedItem::Citation => "citation",
        CorrectedItem::Task => "task",
    }
}

/// Removes the items whose words contain `key`; returns how many.
fn remove_matching(
    plan: &mut Plan,
    words: &mut Vec<TaskWords>,
    item: CorrectedItem,
    key: &str,
) -> usize {
    let contains = |text: &str| fold(text).contains(key);
    match item {
        CorrectedItem::Target => {
            let before = plan.targets.len();
            plan.targets.retain(|t| {
                !(contains(&t.indicator.value)
                    || t.quote.as_ref().is_some_and(|q| contains(&q.value)))
            });
            before - plan.targets.len()
        }
        CorrectedItem::Citation => {
            let before = plan.citations.len();
            plan.citations.retain(|c| {
                !(c.title.as_ref().is_some_and(|t| contains(&t.value))
                    || c.doc_number
                        .as_ref()
                        .is_some_and(|n| contains(&n.value.written)))
            });
            before - plan.citations.len()
        }
        CorrectedItem::Task => {
            let before = plan.tasks.len();
            let kept: Vec<bool> = words
                .iter()
                .map(|t| !(fold(&t.label) == key || t.title.as_deref().is_some_and(contains)))
                .collect();
            // Targets keep pointing at their task, or at none once it is dropped.
            let mut new_index = Vec::with_capacity(kept.len());
            let mut next = 0;
            for keep in &kept {
                new_index.push(keep.then_some(next));
                next += usize::from(*keep);
            }
            for target in &mut plan.targets {
                target.task = target
                    .task
                    .and_then(|i| new_index.get(i).copied().flatten());
            }
            let mut flags = kept.iter();
            plan.tasks.retain(|_| flags.next().is_none_or(|keep| *keep));
            let mut flags = kept.iter();
            words.retain(|_| flags.next().is_none_or(|keep| *keep));
            before - plan.tasks.len()
        }
    }
}

fn invalid(source: SourceId, span: Span, message: Msg) -> Diagnostic {
    Diagnostic::new(crate::code::ToolCode::InvalidValue, message).at(
        source,
        span,
        msg!("此处", "here"),
    )
}

//! `conflicting-target`: one indicator and year given two different values in one plan.

use std::collections::BTreeMap;

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::{IndicatorKey, Deadline, Target, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a plan that states one indicator for one year (or 每年) twice with different
    /// values, e.g. 90% in the goals and 92% in the task that restates it. The same value
    /// stated twice (a summary table repeating the prose) is fine.
    ///
    /// ## 检查内容
    /// 同一方案对同一指标、同一年份（或“每年”）给出两个不同数值，如总体目标写90%、任务中写92%。同一数值重复出现（如附表重述正文）不报告。
    ///
    /// ## Why is this bad?
    /// Those responsible cannot know which figure binds them, and the parent's reviewer will
    /// check one and miss the other.
    ///
    /// ## 为什么有问题
    /// 责任单位无从知道以哪个数为准，审核时也可能只核对了其中一个。
    ///
    /// ## Example / 示例
    /// `一、工作目标 …关键工序数控化率达到75%…` and in 附件1 `…关键工序数控化率达到72%…`
    ///
    /// ## How to fix
    /// Keep one figure in both places.
    ///
    /// ## 修改方法
    /// 统一为同一数值。
    pub(crate) static CONFLICTING_TARGET = {
        code: "conflicting-target",
        category: Correctness,
        severity: Error,
        summary: ("同一指标同一年份给出了不同数值", "one indicator and year is given two different values"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (plan_id, plan) in ctx.reported_plans() {
        let mut seen: BTreeMap<(IndicatorKey, Deadline), Vec<&Target>> = BTreeMap::new();
        for (index, target) in plan.targets.iter().enumerate() {
            if target.deadline == Deadline::Unstated {
                continue;
            }
            let earlier = seen
                .entry((IndicatorKey::of(target), target.deadline))
                .or_default();
            let conflict = earlier.iter().find(|e| {
                e.quantity.is_comparable(&target.quantity)
                    && e.baseline == target.baseline
                    && (e.quantity.value - target.quantity.value).abs()
                        > 1e-9 * e.quantity.value.abs().max(1.0)
            });
            if let Some(first) = conflict {
                let target_id = TargetId {
                    plan: plan_id,
                    index,
                };
                out.push(report(target, first).about(crate::diagnostics::Subject::Target {
                    target: target_id,
                    parent: None,
                }));
            }
            earlier.push(target);
        }
    }
}

fn report(second: &Target, first: &Target) -> Diagnostic {
    let (name, year) = (&second.indicator.value, second.deadline);
    let (a_zh, a_en) = first.describe();
    let (b_zh, b_en) = second.describe();
    CONFLICTING_TARGET
        .diagnostic(msg!(
            "“{name}”{year}年目标前后不一：{a_zh} 与 {b_zh}",
            "the {year} target for {name} is given twice with different values: {a_en} and {b_en}"
        ))
        .at(
            second.source,
            second.span,
            msg!("此处：{b_zh}", "here: {b_en}"),
        )
        .with_secondary(first.span, msg!("前文：{a_zh}", "earlier: {a_en}"))
        .with_help(msg!("统一为同一数值", "keep one figure"))
}

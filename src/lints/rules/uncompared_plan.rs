//! `uncompared-plan`: a plan whose targets were compared with nothing above it.

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{Level, PlanId, PlanStatus, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Warns about a plan below the national level that has quantified targets but was compared
    /// with nothing: the corpus has no plan above it (it cites none that is there, and no plan
    /// of its campaign exists higher up its jurisdiction tree), or none of its targets measures
    /// an indicator and year that a plan above it sets.
    ///
    /// ## 检查内容
    /// 国家级以下、有量化目标的方案，却没有与任何上级方案比较：语料库中没有其上级方案（未引用在库的方案，辖区上级也没有同类方案），或其目标与上级方案没有相同的指标和年份。
    ///
    /// ## Why is this bad?
    /// Not being compared is not the same as passing. A run that reports nothing for such a plan
    /// would read as an all-clear for targets nobody checked.
    ///
    /// ## 为什么有问题
    /// 没有比较不等于没有问题；对这样的方案不报告任何问题，会被误读为审核通过。
    ///
    /// ## Example / 示例
    /// A county plan whose text cites no document by name, checked against a corpus without its
    /// city's or province's plan.
    ///
    /// ## How to fix
    /// Add the parent plans to the corpus (`status: stub` when only the number and title are
    /// known), name the plan's jurisdiction with `--jurisdiction`, or add the indicators'
    /// wordings to `lints/indicators.yaml`.
    ///
    /// ## 修改方法
    /// 将上级方案收录到语料库（仅知文号、标题时用 status: stub），用 --jurisdiction 指明辖区，或把指标表述补入 lints/indicators.yaml。
    pub(crate) static UNCOMPARED_PLAN = {
        code: "uncompared-plan",
        category: Correctness,
        severity: Warning,
        summary: ("方案的目标没有与任何上级方案比较", "a plan's targets were compared with no plan above it"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.plans() {
        if plan.status == PlanStatus::Stub
            || plan.targets.is_empty()
            || ctx.jurisdiction(plan.jurisdiction).level == Level::National
        {
            continue;
        }
        let count = plan.targets.len();
        let (targets_en, were) = if count == 1 {
            ("its target".to_string(), "was")
        } else {
            (format!("its {count} targets"), "were")
        };
        let diagnostic = if ctx.graph.ancestors(id).is_empty() {
            UNCOMPARED_PLAN.diagnostic(msg!(
                "语料库中没有本方案的上级方案，其 {count} 项目标未与任何上级比较",
                "no plan above this one is in the corpus: {targets_en} {were} compared with nothing"
            ))
        } else if !compared(ctx, id) {
            UNCOMPARED_PLAN.diagnostic(msg!(
                "本方案的 {count} 项目标与上级方案没有相同的指标和年份，未作比较",
                "no plan above this one sets the same indicator and year as {targets_en}: nothing was compared"
            ))
        } else {
            continue;
        };
        out.push(
            diagnostic
                .at_value(&plan.title, msg!("本方案", "this plan"))
                .about(Subject::Plan(id))
                .with_help(msg!(
                    "将上级方案收录到 plans/，或用 --jurisdiction 指明辖区；未比较不等于没有问题",
                    "add the parent plans under plans/, or name the jurisdiction with --jurisdiction; not compared is not the same as passing"
                )),
        );
    }
}

/// Whether any target of the plan was matched to a parent target.
fn compared(ctx: &LintContext<'_>, plan: PlanId) -> bool {
    (0..ctx.plan(plan).targets.len()).any(|index| {
        ctx.graph
            .parent_target(TargetId { plan, index })
            .is_some()
    })
}

//! `qualitative-target`: a parent's quantified target restated without a figure.

use std::collections::BTreeMap;

use crate::comparison::Verdict;
use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{ComparisonId, Deadline, PlanId, QualitativeTarget, Span, Target};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a goal written without a figure (大幅增长, 显著提升, 高于全省平均水平) for an
    /// indicator that the nearest plan above quantifies, when the plan states no figure of its
    /// own for it, neither in the goal's year nor in the year of the parent's target. The
    /// parent's target of the same year is shown, else its nearest in time.
    ///
    /// ## 检查内容
    /// 上级方案有量化目标的指标，本方案只作定性表述（如“大幅增长”“显著提升”“高于全省平均水平”），且同一年份没有自己的量化目标。提示中列出上级同一年份（或年份最近）的目标。
    ///
    /// ## Why is this bad?
    /// A goal without a figure cannot be checked against the parent's, nor at the deadline: the
    /// province's +28% becomes a promise nobody can hold the county to.
    ///
    /// ## 为什么有问题
    /// 定性表述无法与上级目标比较，到期也无法考核；上级的量化要求在下级落空。
    ///
    /// ## Example / 示例
    /// 鲁政发〔2024〕3号: `设备投资规模较2023年增长28%以上`; a district plan: `设备投资规模较2023
    /// 年大幅增长`. Use instead / 应改为: `设备投资规模较2023年增长28%以上` (or more).
    ///
    /// ## How to fix
    /// State the figure (at least the parent's), or declare the indicator under
    /// `not_applicable:` with the reason.
    ///
    /// ## 修改方法
    /// 写明量化目标（不低于上级），或在 not_applicable 中声明不适用并写明理由。
    ///
    /// ## Known problems / 已知局限
    /// Goals are recognised by their wording; a vague goal worded otherwise reads as an
    /// omission (`omitted-target`).
    /// 定性表述按常见措辞识别，其他措辞会被视为遗漏（omitted-target）。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` and the `catalogue:` folders (which wordings are one indicator).
    pub(crate) static QUALITATIVE_TARGET = {
        code: "qualitative-target",
        category: Correctness,
        severity: Warning,
        summary: ("上级方案的量化目标只作定性表述", "a quantified target of the parent plan is restated without a figure"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    // The rows each goal words: one finding per goal, naming the parent's target nearest in time.
    let mut by_goal: BTreeMap<(PlanId, usize), Vec<ComparisonId>> = BTreeMap::new();
    for (id, row) in ctx.findings_of(Verdict::QualitativeOnly) {
        if let Some(goal) = row.goal {
            by_goal.entry((row.plan, goal)).or_default().push(id);
        }
    }
    for ((id, goal_index), rows) in by_goal {
        let goal = &ctx.plan(id).qualitative[goal_index];
        let nearest = rows.iter().copied().min_by_key(|&r| {
            let year = |d: Deadline| d.year().map_or(i32::MAX / 2, i32::from);
            (year(ctx.comparisons.get(r).deadline) - year(goal.deadline)).unsigned_abs()
        });
        let Some(row) = nearest.map(|r| ctx.comparisons.get(r)) else {
            continue;
        };
        let Some(parent_id) = row.parent else {
            continue;
        };
        let parent_target = ctx.target(parent_id);
        let (name, parent_plan) = (row.name(ctx.corpus), ctx.plan_name(parent_id.plan));
        let (said, year) = (&goal.text.value, parent_target.deadline);
        let (value_zh, value_en) = parent_target.describe();
        let mut diagnostic = QUALITATIVE_TARGET
            .diagnostic(msg!(
                "“{name}”只作定性表述（{said}），上级方案 {parent_plan} 的{year}年目标为{value_zh}",
                "{name} is restated without a figure ({said}), where {parent_plan} sets {value_en} for {year}"
            ))
            .at(goal.text.source, clause(goal), msg!("没有数值", "no figure"))
            .about(Subject::Plan(id))
            .reporting(rows.iter().copied());
        for other in rows.iter().filter_map(|&r| ctx.comparisons.get(r).parent) {
            let target: &Target = ctx.target(other);
            let (value_zh, value_en) = target.describe();
            diagnostic = diagnostic.with_related(
                target.source,
                ctx.figure_span(target),
                msg!("上级方案的目标：{name}", "the parent's target: {name}"),
                msg!("上级：{value_zh}", "parent: {value_en}"),
            );
        }
        out.push(diagnostic.with_help(msg!(
            "写明量化目标（不低于上级的{value_zh}），或在 not_applicable 中声明不适用并写明理由",
            "state the figure (at least the parent's {value_en}), or declare it under `not_applicable:` with the reason"
        ))
        .with_reviewer_help(msg!(
            "写明量化目标（不低于上级的{value_zh}）；确不适用的，在方案中说明理由",
            "state the figure (at least the parent's {value_en}); if it does not apply, say why in the plan"
        )));
    }
}

fn clause(goal: &QualitativeTarget) -> Span {
    let (indicator, text) = (goal.indicator.span, goal.text.span);
    if goal.indicator.source == goal.text.source && indicator.start <= text.start {
        Span::new(indicator.start, text.end() - indicator.start)
    } else {
        text
    }
}

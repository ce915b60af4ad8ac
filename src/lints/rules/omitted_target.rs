//! `omitted-target`: quantified targets of the plan above that a plan does not take up.

use std::collections::BTreeMap;

use crate::comparison::{Comparison, Verdict};
use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{ComparisonId, PlanId, Target, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Lists the quantified targets of the nearest plan above whose targets are known (a
    /// catalogued indicator with a year) that a plan does not take up: no target for that
    /// indicator in that year. A target for it in a year the parent does not use counts as a
    /// restatement (`inconsistent-deadline` judges the year), and a goal without a figure
    /// (大幅增长) is reported by `qualitative-target` instead. One finding per plan, with each
    /// parent sentence shown. Only plans transcribed in full (`status: full`) are checked.
    ///
    /// ## 检查内容
    /// 列出最近一级（目标已知的）上级方案中有年份的量化目标（已收录指标），本方案在同一年份没有提出的。本方案在上级未用的年份提出同一指标的，视为已承接（年份由 inconsistent-deadline 检查）；只作定性表述的由 qualitative-target 报告。每个方案报告一次，并列出上级原文。只检查全文收录（status: full）的方案。
    ///
    /// ## Why is this bad?
    /// A lower level restates its parent's targets so that they are met across the
    /// jurisdiction; a target left out is one nobody below has committed to.
    ///
    /// ## 为什么有问题
    /// 下级方案承接上级目标，上级目标才能在辖区内落实；遗漏的目标无人承接。
    ///
    /// ## Example / 示例
    /// 鲁政发〔2024〕3号 sets 2027 targets for 数控化率 and 普及率; a county plan citing it sets
    /// only 数控化率. Use instead / 应改为: add the 普及率 target, or declare it not applicable:
    /// ```yaml
    /// not_applicable:
    ///   - indicator: 数字化研发设计工具普及率
    ///     reason: 本市无规模以上工业企业
    /// ```
    ///
    /// ## How to fix
    /// Take up each parent target (adapted to local conditions), or declare the indicator under
    /// `not_applicable:` in the plan file or sidecar, with the reason.
    ///
    /// ## 修改方法
    /// 逐项承接上级目标（可结合本地实际细化），或在方案文件、旁注文件的 not_applicable 中声明不适用并写明理由。
    ///
    /// ## Known problems / 已知局限
    /// An indicator the catalogue does not name is matched by its normalised wording, and only
    /// a relative one (a rate, a level per unit, a change) is required of the plan below: a
    /// count or an amount is the parent's own total. A text cut short inside its targets
    /// (`truncated-text`), a plan issued before its parent (`predates-parent`) and a year after
    /// the period the plan's title gives are not reported. A goal without a figure is
    /// recognised by its wording (大幅增长, 显著提升, 不断提升…, 高于全省平均水平, 基本淘汰…);
    /// one worded otherwise reads as an omission.
    /// 未收录的指标按规范化措辞匹配，且只要求下级承接相对指标（比率、单位强度、变化幅度）；数量、金额是上级自身的总量。文本在目标部分被截断的（truncated-text）、早于上级印发的（predates-parent）、以及年份超出方案标题所示期限的，不予报告。定性表述按常见措辞识别，其他措辞会被视为遗漏。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` and the `catalogue:` folders (which wordings are one indicator).
    pub(crate) static OMITTED_TARGET = {
        code: "omitted-target",
        category: Correctness,
        severity: Warning,
        summary: ("上级方案的量化目标未被承接", "a quantified target of the parent plan is not taken up"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    // The omitted rows of each plan, in the plan's order: one finding per plan.
    let mut by_plan: BTreeMap<PlanId, Vec<ComparisonId>> = BTreeMap::new();
    for (id, row) in ctx.findings_of(Verdict::Omitted) {
        by_plan.entry(row.plan).or_default().push(id);
    }
    for (plan, rows) in by_plan {
        out.push(report(ctx, plan, &rows));
    }
}

fn report(ctx: &LintContext<'_>, id: PlanId, rows: &[ComparisonId]) -> Diagnostic {
    let plan = ctx.plan(id);
    let omitted: Vec<(&Comparison, &Target, TargetId)> = rows
        .iter()
        .filter_map(|&r| {
            let row = ctx.comparisons.get(r);
            row.parent.map(|p| (row, ctx.target(p), p))
        })
        .collect();
    let parent_name = omitted
        .first()
        .map(|(_, _, p)| ctx.plan_name(p.plan))
        .unwrap_or_default();
    let listed_zh: Vec<String> = omitted
        .iter()
        .map(|(row, t, _)| format!("{}（{}年）", row.name(ctx.corpus), t.deadline))
        .collect();
    let listed_en: Vec<String> = omitted
        .iter()
        .map(|(row, t, _)| format!("{} ({})", row.name(ctx.corpus), t.deadline))
        .collect();
    let (zh, en, count) = (listed_zh.join("、"), listed_en.join(", "), omitted.len());
    let head_en = match count {
        1 => format!("a quantified target of {parent_name} is not taken up"),
        n => format!("{n} quantified targets of {parent_name} are not taken up"),
    };
    let mut diagnostic = OMITTED_TARGET
        .diagnostic(msg!(
            "本方案未承接上级方案 {parent_name} 的 {count} 项量化目标：{zh}",
            "{head_en}: {en}"
        ))
        .at_value(&plan.title, msg!("本方案", "this plan"))
        .about(Subject::Plan(id))
        .reporting(rows.iter().copied());
    for (row, target, _) in &omitted {
        let indicator = row.name(ctx.corpus);
        let (value_zh, value_en) = target.describe();
        diagnostic = diagnostic.with_related(
            target.source,
            ctx.figure_span(target),
            msg!("上级方案的目标：{indicator}", "the parent's target: {indicator}"),
            msg!("上级：{value_zh}", "parent: {value_en}"),
        );
    }
    diagnostic.with_help(msg!(
        "逐项承接上级目标（可结合本地实际细化），或在 not_applicable 中声明不适用并写明理由",
        "take up each target (adapted to local conditions), or declare it under `not_applicable:` with the reason"
    ))
    .with_reviewer_help(msg!(
        "逐项承接上级目标（可结合本地实际细化）；确不适用的，在方案中说明理由",
        "take up each target of the plan above (adapted to local conditions); where one does not apply, say why in the plan"
    ))
}

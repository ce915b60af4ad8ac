//! `omitted-target`: quantified targets of the plan above that a plan does not take up.

use std::collections::{BTreeSet, HashSet};

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::text::fold;
use crate::model::{Deadline, IndicatorId, Plan, PlanId, PlanStatus, Target};
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
    /// Uncatalogued indicators are not compared. A goal without a figure is recognised by its
    /// wording (大幅增长, 显著提升, 高于全省平均水平, 基本淘汰…); one worded otherwise reads as
    /// an omission.
    /// 未收录的指标不作比较。定性表述按常见措辞识别（大幅增长、显著提升、高于全省平均水平、基本淘汰等），其他措辞会被视为遗漏。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` (which wordings are one indicator).
    pub(crate) static OMITTED_TARGET = {
        code: "omitted-target",
        category: Correctness,
        severity: Warning,
        summary: ("上级方案的量化目标未被承接", "a quantified target of the parent plan is not taken up"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.plans() {
        if plan.status != PlanStatus::Full {
            continue;
        }
        let Some(parent_id) = ctx.parent_with_targets(id) else {
            continue;
        };
        let omitted = omitted(ctx, plan, ctx.plan(parent_id));
        if !omitted.is_empty() {
            out.push(report(ctx, id, parent_id, &omitted));
        }
    }
}

/// The parent's targets, one per indicator and year, that the plan does not take up: it states
/// no target for that indicator in that year, none in a year the parent does not use (a
/// restatement at another deadline, which `inconsistent-deadline` judges), no goal without a
/// figure for it (`qualitative-target` reports those), and no declaration that it does not apply.
fn omitted<'a>(ctx: &LintContext<'_>, plan: &Plan, parent: &'a Plan) -> Vec<&'a Target> {
    let years_of = |p: &Plan| -> HashSet<(IndicatorId, u16)> {
        p.targets
            .iter()
            .filter_map(|t| Some((t.indicator_id.clone()?, t.deadline.year()?)))
            .collect()
    };
    let (stated, parents) = (years_of(plan), years_of(parent));
    let elsewhere: HashSet<&IndicatorId> = stated
        .iter()
        .filter(|key| !parents.contains(*key))
        .map(|(indicator, _)| indicator)
        .collect();
    let worded = worded(ctx, plan);
    let mut seen: BTreeSet<(&IndicatorId, u16)> = BTreeSet::new();
    parent
        .targets
        .iter()
        .filter(|t| {
            let (Some(indicator), Deadline::Year(year)) = (&t.indicator_id, t.deadline) else {
                return false;
            };
            !stated.contains(&(indicator.clone(), year))
                && !elsewhere.contains(indicator)
                && !worded.contains(indicator)
                && seen.insert((indicator, year))
        })
        .collect()
}

/// The catalogued indicators a plan names in a goal without a figure or declares not
/// applicable.
fn worded(ctx: &LintContext<'_>, plan: &Plan) -> HashSet<IndicatorId> {
    let catalogue = &ctx.corpus.catalogue;
    plan.qualitative
        .iter()
        .map(|q| &q.indicator.value)
        .chain(plan.not_applicable.iter().map(|n| &n.indicator.value))
        .filter_map(|w| catalogue.link_wording(w).map(|i| i.id.clone()))
        .collect()
}

fn report(ctx: &LintContext<'_>, id: PlanId, parent_id: PlanId, omitted: &[&Target]) -> Diagnostic {
    let plan = ctx.plan(id);
    let parent_name = ctx.plan_name(parent_id);
    let name = |t: &Target| {
        ctx.indicator(t)
            .map_or_else(|| fold(&t.indicator.value), |i| i.name.clone())
    };
    let listed_zh: Vec<String> = omitted
        .iter()
        .map(|t| format!("{}（{}年）", name(t), t.deadline))
        .collect();
    let listed_en: Vec<String> = omitted
        .iter()
        .map(|t| format!("{} ({})", name(t), t.deadline))
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
        .about(Subject::Plan(id));
    for target in omitted {
        let indicator = name(target);
        let (value_zh, value_en) = target.describe();
        diagnostic = diagnostic.with_related(
            target.source,
            target.span,
            msg!("上级方案的目标：{indicator}", "the parent's target: {indicator}"),
            msg!("上级：{value_zh}", "parent: {value_en}"),
        );
    }
    diagnostic.with_help(msg!(
        "逐项承接上级目标（可结合本地实际细化），或在 not_applicable 中声明不适用并写明理由",
        "take up each target (adapted to local conditions), or declare it under `not_applicable:` with the reason"
    ))
}

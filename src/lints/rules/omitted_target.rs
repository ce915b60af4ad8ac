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
    /// Lists the quantified targets of the nearest plan above (a catalogued indicator with a
    /// year) that a plan neither states nor contradicts: no target, quantified or qualitative,
    /// for that indicator in any year. One finding per plan, with each parent sentence shown.
    /// Only plans transcribed in full (`status: full`) are checked.
    ///
    /// ## 检查内容
    /// 列出最近一级上级方案中有年份的量化目标（已收录指标），本方案既未提出、也未以其他年份或定性方式提及的。每个方案报告一次，并列出上级原文。只检查全文收录（status: full）的方案。
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
    /// New (nursery): off unless enabled by name (`--select omitted-target`, `--warn
    /// omitted-target`, `lints: {omitted-target: warn}`); raising its group does not enable it. Uncatalogued indicators are not compared. An
    /// indicator named anywhere in the plan's text counts as taken up, even in a subsidy clause.
    /// 试行规则：默认关闭。未收录的指标不作比较。方案文本中任何位置出现该指标名称即视为已承接。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` (which wordings are one indicator).
    pub(crate) static OMITTED_TARGET = {
        code: "omitted-target",
        category: Correctness,
        severity: Warning,
        summary: ("上级方案的量化目标未被承接", "a quantified target of the parent plan is not taken up"),
        nursery: true,
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.plans() {
        if plan.status != PlanStatus::Full {
            continue;
        }
        let Some(&parent_id) = ctx.graph.ancestors(id).first() else {
            continue;
        };
        let omitted = omitted(ctx, plan, ctx.plan(parent_id));
        if !omitted.is_empty() {
            out.push(report(ctx, id, parent_id, &omitted));
        }
    }
}

/// The parent's targets, one per indicator and year, whose indicator the plan does not mention.
fn omitted<'a>(ctx: &LintContext<'_>, plan: &Plan, parent: &'a Plan) -> Vec<&'a Target> {
    let mentioned = mentioned(ctx, plan);
    let text = fold(&ctx.corpus.sources.get(plan.source).text);
    let mut seen: BTreeSet<(&IndicatorId, u16)> = BTreeSet::new();
    parent
        .targets
        .iter()
        .filter(|t| {
            let (Some(indicator), Deadline::Year(year)) = (&t.indicator_id, t.deadline) else {
                return false;
            };
            !mentioned.contains(indicator)
                && !named_in(ctx, indicator, &text)
                && seen.insert((indicator, year))
        })
        .collect()
}

/// Whether the plan's text names the indicator anywhere: a restatement without a figure (高于全省
/// 平均水平) is not an omission, whatever else it may be.
fn named_in(ctx: &LintContext<'_>, indicator: &IndicatorId, folded_text: &str) -> bool {
    ctx.corpus.catalogue.get(indicator).is_some_and(|entry| {
        std::iter::once(&entry.name)
            .chain(&entry.wordings)
            .any(|w| folded_text.contains(&fold(w)))
    })
}

/// The catalogued indicators a plan mentions in any way: a target in any year, a qualitative
/// target, or a declaration that it does not apply.
fn mentioned(ctx: &LintContext<'_>, plan: &Plan) -> HashSet<IndicatorId> {
    let catalogue = &ctx.corpus.catalogue;
    let quantified = plan.targets.iter().filter_map(|t| t.indicator_id.clone());
    let worded = plan
        .qualitative
        .iter()
        .map(|q| &q.indicator.value)
        .chain(plan.not_applicable.iter().map(|n| &n.indicator.value))
        .filter_map(|w| catalogue.link_wording(w).map(|i| i.id.clone()));
    quantified.chain(worded).collect()
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
        let (indicator, value_zh, value_en) = (name(target), target.describe_zh(), target.describe_en());
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

//! `allocation`: absolute targets (counts, amounts) that do not add up across levels.

use std::collections::{BTreeMap, HashMap};

use crate::declare_lint;
use crate::comparison::{Incomparable, Verdict};
use crate::diagnostics::{Diagnostic, Subject};
use crate::gazetteer::BUNDLED;
use crate::lints::LintContext;
use crate::model::{IndicatorKind, PlanId, PlanStatus, Quantity, Target, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// For indicators the catalogue marks absolute (counts, amounts: 新能源汽车保有量,
    /// 报废汽车规范回收拆解量):
    /// - a plan's figure above the figure of the plan above it for the same indicator, year and
    ///   form: a part cannot promise more than the whole;
    /// - a plan whose figure is more than the sum of its children's, when every jurisdiction
    ///   directly below it (as the gazetteer lists them, functional zones left out) has a plan
    ///   in the corpus that states the figure: the parts do not add up to the whole. The finding
    ///   is on the parent's target, with each child's figure shown.
    ///
    /// When some children have no plan in the corpus, or their plans state no figure, nothing
    /// is reported: the sum of a part says nothing about the whole.
    ///
    /// ## 检查内容
    /// 指标目录中的绝对量指标（数量、金额）：下级方案的目标高于上级方案同一指标、同一年份、同一口径的目标（部分不能大于整体）；
    /// 上级辖区的全部下级（按行政区划代码表，不含功能区）都有方案且都提出了该目标时，下级目标之和低于上级目标（分解不到位）。
    /// 下级方案不全或未提出该目标时不报告。
    ///
    /// ## Why is this bad?
    /// A province's 300万辆 is met through its cities' figures: a child promising more than the
    /// whole is a wrong figure or a wrong unit, and children that together promise less leave
    /// part of the parent's target to nobody.
    ///
    /// ## 为什么有问题
    /// 上级目标要靠下级目标分解落实：下级大于上级，多为数值或单位有误；下级合计小于上级，意味着部分上级目标无人承担。
    ///
    /// ## Example / 示例
    /// 鲁政发〔2024〕3号: `报废汽车规范回收拆解量达到60万辆`; a city plan citing it:
    /// `报废汽车规范回收拆解量达到80万辆` (more than the province's whole). Use instead / 应改为:
    /// the city's share, e.g. `6万辆`.
    ///
    /// ## How to fix
    /// Check the figure and its unit (万); where the parts fall short, raise them or state in
    /// the parent plan who carries the rest.
    ///
    /// ## 修改方法
    /// 核对数值及单位（万）；下级合计不足的，提高下级目标或在上级方案中明确其余部分由谁承担。
    ///
    /// ## Known problems / 已知局限
    /// New (nursery): off unless enabled by name (`--warn allocation`). Figures of different
    /// scopes under one indicator (a province's 示范网点 against a city's 网点) read as one.
    /// 试行规则：默认关闭。同一指标下口径不同的数值会被当作同一口径比较。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` (which indicators are absolute), `lints/gazetteer/` (how many
    /// jurisdictions are below each).
    pub(crate) static ALLOCATION = {
        code: "allocation",
        category: Correctness,
        severity: Warning,
        summary: ("绝对量目标在上下级之间不匹配", "absolute targets do not add up across levels"),
        nursery: true,
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    above_the_whole(ctx, out);
    short_of_the_whole(ctx, out);
}

fn is_absolute(ctx: &LintContext<'_>, target: &Target) -> bool {
    ctx.indicator(target)
        .is_some_and(|i| i.kind == IndicatorKind::Absolute)
}

fn same_measure(a: &Target, b: &Target) -> bool {
    a.indicator_id == b.indicator_id
        && a.deadline == b.deadline
        && a.form == b.form
        && a.baseline.is_none()
        && b.baseline.is_none()
        && a.quantity.is_comparable(&b.quantity)
}

fn above_the_whole(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let parts = ctx
        .comparisons
        .with_verdict(Verdict::NotComparable(Incomparable::PartOfWhole));
    for (_, row) in parts {
        let (Some(child_id), Some(parent_id)) = (row.child, row.parent) else {
            continue;
        };
        let (child, parent) = (ctx.target(child_id), ctx.target(parent_id));
        if !same_measure(child, parent) {
            continue;
        }
        let tolerance = 1e-9 * parent.quantity.value.abs().max(1.0);
        if child.quantity.value <= parent.quantity.value + tolerance {
            continue;
        }
        let name = row.name(ctx.corpus);
        let (year, parent_plan) = (child.deadline, ctx.plan_name(parent_id.plan));
        let (child_zh, child_en) = child.describe();
        let (parent_zh, parent_en) = parent.describe();
        let diagnostic = ALLOCATION.diagnostic(msg!(
            "{year}年“{name}”目标（{child_zh}）高于上级方案 {parent_plan} 全辖区的目标（{parent_zh}）",
            "the {year} target for {name} ({child_en}) is more than the whole of {parent_plan}'s ({parent_en})"
        ));
        out.push(
            ctx.against_parent(
                diagnostic,
                row,
                (&child_zh, &child_en),
                (&parent_zh, &parent_en),
            )
                .with_help(msg!(
                    "核对数值及单位（万、亿），本辖区的目标应是上级目标的一部分",
                    "check the figure and its unit (万, 亿): this jurisdiction's target is a part of the parent's"
                )),
        );
    }
}

fn children_by_parent(ctx: &LintContext<'_>) -> HashMap<PlanId, BTreeMap<usize, PlanId>> {
    let mut children: HashMap<PlanId, BTreeMap<usize, PlanId>> = HashMap::new();
    for (id, plan) in ctx.plans() {
        if plan.status == PlanStatus::Stub {
            continue;
        }
        let Some(parent) = ctx.graph.parent_with_targets(id, ctx.corpus) else {
            continue;
        };
        let Some(division) = division_of(ctx, id) else {
            continue;
        };
        let parent_division = division_of(ctx, parent);
        let directly_below = BUNDLED.divisions[division].parent == parent_division;
        if directly_below && !BUNDLED.divisions[division].zone {
            children
                .entry(parent)
                .or_default()
                .entry(division)
                .or_insert(id);
        }
    }
    children
}

fn division_of(ctx: &LintContext<'_>, plan: PlanId) -> Option<usize> {
    let jurisdiction = ctx.jurisdiction(ctx.plan(plan).jurisdiction);
    BUNDLED.index(jurisdiction.code.as_deref()?)
}

fn short_of_the_whole(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let children = children_by_parent(ctx);
    let mut parents: Vec<&PlanId> = children.keys().collect();
    parents.sort();
    for &parent_id in parents {
        let Some(division) = division_of(ctx, parent_id) else {
            continue;
        };
        let below = BUNDLED.children(division);
        let plans = &children[&parent_id];
        if below.is_empty() || below.iter().any(|d| !plans.contains_key(d)) {
            continue;
        }
        for (index, whole) in ctx.plan(parent_id).targets.iter().enumerate() {
            if !is_absolute(ctx, whole) {
                continue;
            }
            let parts: Option<Vec<(PlanId, &Target)>> = plans
                .values()
                .map(|&p| {
                    let part = ctx.plan(p).targets.iter().find(|t| same_measure(t, whole))?;
                    Some((p, part))
                })
                .collect();
            let Some(parts) = parts else { continue };
            let sum: f64 = parts.iter().map(|(_, t)| t.quantity.value).sum();
            let tolerance = 1e-9 * whole.quantity.value.abs().max(1.0);
            if sum + tolerance >= whole.quantity.value {
                continue;
            }
            let target = TargetId {
                plan: parent_id,
                index,
            };
            out.push(report_short(ctx, target, whole, sum, &parts));
        }
    }
}

fn report_short(
    ctx: &LintContext<'_>,
    target: TargetId,
    whole: &Target,
    sum: f64,
    parts: &[(PlanId, &Target)],
) -> Diagnostic {
    let name = ctx.indicator(whole).map_or("", |i| i.name.as_str());
    let (year, count) = (whole.deadline, parts.len());
    let sum = Quantity {
        value: sum,
        unit: whole.quantity.unit.clone(),
    }
    .to_string();
    let (whole_zh, whole_en) = whole.describe();
    let mut diagnostic = ALLOCATION
        .diagnostic(msg!(
            "{year}年“{name}”目标（{whole_zh}）高于全部 {count} 个下级方案的目标之和（{sum}）",
            "the {year} target for {name} ({whole_en}) is more than the sum of all {count} plans below ({sum})"
        ))
        .at(whole.source, whole.span, msg!("本方案：{whole_zh}", "this plan: {whole_en}"))
        .about(Subject::Target {
            target,
            parent: None,
        });
    for (plan, part) in parts {
        let who = ctx.plan_name(*plan);
        let (zh, en) = part.describe();
        diagnostic = diagnostic.with_related(
            part.source,
            part.span,
            msg!("下级方案 {who} 的目标", "the target in {who}"),
            msg!("下级：{zh}", "below: {en}"),
        );
    }
    diagnostic.with_help(msg!(
        "提高下级目标，或在本方案中明确其余部分由谁承担",
        "raise the targets below, or state in this plan who carries the rest"
    ))
}

//! `inconsistent-deadline`: a deadline later than the parent's, or before the plan was issued.

use std::collections::BTreeMap;

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{IndicatorId, Plan, PlanId, SourceId, Span, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Checks the years targets are due:
    /// - a plan sets an indicator only for years later than the nearest plan above it does
    ///   (the province wants 国三柴油货车基本淘汰 by 2025, the county by 2027), for quantitative
    ///   and qualitative targets on catalogued indicators;
    /// - a target is due in a year before the plan was issued.
    ///
    /// ## 检查内容
    /// 检查目标年份：
    /// - 下级方案对某一指标设定的年份，全部晚于最近一级上级方案对该指标设定的年份（上级要求2025年完成，下级定为2027年）；适用于目录中指标的量化和定性目标；
    /// - 目标年份早于方案印发年份。
    ///
    /// ## Why is this bad?
    /// A lower level that delivers later than its parent makes the parent's deadline
    /// unreachable; a deadline already past when the plan is issued is a typo or a stale copy.
    ///
    /// ## 为什么有问题
    /// 下级完成时间晚于上级，上级时限就无法实现；印发时已过期的时限多为笔误或照抄旧文。
    ///
    /// ## Example / 示例
    /// Parent: `到2025年，国三及以下排放标准营运类柴油货车基本淘汰`; child:
    /// ```yaml
    /// qualitative:
    ///   - indicator: 国三及以下非营运柴油货车
    ///     year: 2027
    ///     text: 基本淘汰
    /// ```
    /// Use instead / 应改为: `year: 2025`.
    ///
    /// ## How to fix
    /// Bring the deadline forward to the parent's, or add a target for the parent's year.
    ///
    /// ## 修改方法
    /// 将时限提前至上级要求的年份，或补充上级年份的目标。
    pub(crate) static INCONSISTENT_DEADLINE = {
        code: "inconsistent-deadline",
        category: Correctness,
        severity: Error,
        summary: ("目标时限晚于上级方案，或早于印发日期", "a deadline is later than the parent plan's, or before the plan was issued"),
        check: check,
    }
}

/// Where a plan sets an indicator for a year: the place, and the target when it is quantitative.
#[derive(Debug, Clone, Copy)]
struct Place {
    source: SourceId,
    span: Span,
    target: Option<TargetId>,
}

/// The years a plan sets one indicator for, each with the place of its first target.
type Years = BTreeMap<u16, Place>;

/// Where a plan sets catalogued indicators for a year, in its order: quantitative targets, then
/// qualitative ones.
fn dated<'a>(
    ctx: &LintContext<'a>,
    plan_id: PlanId,
    plan: &'a Plan,
) -> impl Iterator<Item = (&'a IndicatorId, u16, Place)> {
    let quantitative = plan.targets.iter().enumerate().filter_map(move |(index, target)| {
        let (id, year) = (target.indicator_id.as_ref()?, target.deadline.year()?);
        let target_id = TargetId {
            plan: plan_id,
            index,
        };
        Some((
            id,
            year,
            Place {
                source: target.source,
                span: target.span,
                target: Some(target_id),
            },
        ))
    });
    let qualitative = plan.qualitative.iter().filter_map(move |target| {
        let indicator = ctx.qualitative_indicator(target)?;
        let year = target.deadline.year()?;
        Some((
            &indicator.id,
            year,
            Place {
                source: target.text.source,
                span: target.text.span,
                target: None,
            },
        ))
    });
    quantitative.chain(qualitative)
}

/// Catalogued indicators of a plan → the years it sets them for, each year at its first place.
fn years_by_indicator<'a>(
    ctx: &LintContext<'a>,
    plan_id: PlanId,
    plan: &'a Plan,
) -> BTreeMap<&'a IndicatorId, Years> {
    let mut map: BTreeMap<&IndicatorId, Years> = BTreeMap::new();
    for (id, year, place) in dated(ctx, plan_id, plan) {
        map.entry(id).or_default().entry(year).or_insert(place);
    }
    map
}

/// The years each plan above sets its indicators for, nearest first.
type Above<'a> = [(PlanId, BTreeMap<&'a IndicatorId, Years>)];

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        check_issue_date(id, plan, out);
        let own = years_by_indicator(ctx, id, plan);
        if own.is_empty() {
            continue;
        }
        // Made per plan checked, each ancestor's once, rather than kept for every plan of the
        // corpus at once.
        let above: Vec<_> = ctx
            .graph
            .ancestors(id)
            .iter()
            .map(|&a| (a, years_by_indicator(ctx, a, ctx.corpus.plan(a))))
            .collect();
        for (indicator, years) in &own {
            check_against_parent(ctx, id, indicator, years, &above, out);
        }
    }
}

fn check_issue_date(id: PlanId, plan: &Plan, out: &mut Vec<Diagnostic>) {
    let Some(issued) = &plan.issued else {
        return;
    };
    let issued_on = issued.value;
    let quantitative = plan.targets.iter().enumerate().map(|(index, t)| {
        let subject = Subject::Target {
            target: TargetId { plan: id, index },
            parent: None,
        };
        (t.deadline, t.source, t.span, subject)
    });
    let qualitative = plan
        .qualitative
        .iter()
        .map(|t| (t.deadline, t.text.source, t.text.span, Subject::Plan(id)));
    for (deadline, source, span, subject) in quantitative.chain(qualitative) {
        let Some(year) = deadline.year() else {
            continue;
        };
        if year >= issued_on.year {
            continue;
        }
        out.push(
            INCONSISTENT_DEADLINE
                .diagnostic(msg!(
                    "目标时限 {year} 年早于方案印发日期 {issued_on}",
                    "the target is due in {year}, before the plan was issued on {issued_on}"
                ))
                .at(source, span, msg!("{year}年", "due {year}"))
                .about(subject)
                .with_help(msg!("核对年份", "check the year")),
        );
    }
}

fn check_against_parent(
    ctx: &LintContext<'_>,
    plan: PlanId,
    indicator: &IndicatorId,
    years: &Years,
    above: &Above<'_>,
    out: &mut Vec<Diagnostic>,
) {
    let Some((parent, parent_years)) = above
        .iter()
        .find_map(|(a, years)| years.get(indicator).map(|y| (*a, y)))
    else {
        return;
    };
    if years.keys().any(|y| parent_years.contains_key(y)) {
        return;
    }
    let (Some((&child_year, &child)), Some((&parent_year, &parent_place))) =
        (years.iter().next(), parent_years.iter().next())
    else {
        return;
    };
    if child_year <= parent_year {
        return;
    }
    let name = ctx
        .corpus
        .catalogue
        .get(indicator)
        .map_or(indicator.0.as_str(), |i| i.name.as_str());
    let parent_name = ctx.plan_name(parent);
    out.push(
        INCONSISTENT_DEADLINE
            .diagnostic(msg!(
                "“{name}”的时限为 {child_year} 年，晚于上级方案 {parent_name} 要求的 {parent_year} 年",
                "{name} is due in {child_year}, later than {parent_year} required by {parent_name}"
            ))
            .at(child.source, child.span, msg!("{child_year}年", "due {child_year}"))
            .about(match child.target {
                Some(target) => Subject::Target {
                    target,
                    parent: parent_place.target,
                },
                None => Subject::Plan(plan),
            })
            .with_related(
                parent_place.source,
                parent_place.span,
                msg!("上级方案 {parent_name} 的时限", "the deadline in {parent_name}"),
                msg!("{parent_year}年", "due {parent_year}"),
            )
            .with_help(msg!(
                "将时限提前到 {parent_year} 年，或补充 {parent_year} 年的目标",
                "bring the deadline forward to {parent_year}, or add a target for {parent_year}"
            )),
    );
}

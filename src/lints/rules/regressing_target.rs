//! `regressing-target`: a later target of one plan weaker than an earlier one.

use std::collections::BTreeMap;

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::{IndicatorKey, Comparator, Direction, Target, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Within one plan, flags a series that goes backwards: a target for a later year weaker
    /// than the same indicator's target for an earlier year (2025: 92%, 2027: 90%). The
    /// indicator's direction comes from the catalogue; for an uncatalogued indicator it is read
    /// from the comparators (以上 means higher is better, 以内 lower).
    ///
    /// ## 检查内容
    /// 同一方案内，同一指标较晚年份的目标弱于较早年份的目标（2025年92%，2027年90%）。指标方向取自指标目录；未收录的指标按比较词判断（“以上”越高越好，“以内”越低越好）。
    ///
    /// ## Why is this bad?
    /// Targets tighten over time; a looser later target is almost always a typo or two figures
    /// swapped.
    ///
    /// ## 为什么有问题
    /// 目标应逐年提高；后期目标反而放松，多为笔误或数字颠倒。
    ///
    /// ## Example / 示例
    /// `到2025年…普及率达到92%…到2027年…普及率达到90%`
    ///
    /// ## How to fix
    /// Correct the figure or the year.
    ///
    /// ## 修改方法
    /// 改正数值或年份。
    pub(crate) static REGRESSING_TARGET = {
        code: "regressing-target",
        category: Correctness,
        severity: Error,
        summary: ("同一方案中较晚年份的目标弱于较早年份", "a later target of one plan is weaker than an earlier one"),
        check: check,
    }
}

fn direction(ctx: &LintContext<'_>, a: &Target, b: &Target) -> Option<Direction> {
    if let Some(indicator) = ctx.indicator(a) {
        return Some(indicator.direction);
    }
    let upper = |c: Comparator| c.is_upper_bound();
    match (upper(a.comparator), upper(b.comparator)) {
        (true, true) => Some(Direction::Lower),
        (false, false) => Some(Direction::Higher),
        _ => None,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (plan_id, plan) in ctx.reported_plans() {
        let mut series: BTreeMap<IndicatorKey, Vec<(TargetId, &Target)>> = BTreeMap::new();
        for (index, target) in plan.targets.iter().enumerate() {
            if target.deadline.year().is_some() {
                let id = TargetId {
                    plan: plan_id,
                    index,
                };
                series
                    .entry(IndicatorKey::of(target))
                    .or_default()
                    .push((id, target));
            }
        }
        for targets in series.values_mut() {
            targets.sort_by_key(|(_, t)| (t.deadline, t.span.start));
            for (i, (later_id, later)) in targets.iter().enumerate() {
                let earlier = targets[..i].iter().find(|(_, e)| {
                    e.deadline < later.deadline
                        && direction(ctx, e, later)
                            .is_some_and(|d| crate::model::growth::is_weaker(later, e, d) == Some(true))
                });
                if let Some((earlier_id, earlier)) = earlier {
                    out.push(report(later, earlier).about(
                        crate::diagnostics::Subject::Target {
                            target: *later_id,
                            parent: Some(*earlier_id),
                        },
                    ));
                }
            }
        }
    }
}

fn report(later: &Target, earlier: &Target) -> Diagnostic {
    let (name, late_year, early_year) = (&later.indicator.value, later.deadline, earlier.deadline);
    let (late_zh, late_en) = later.describe();
    let (early_zh, early_en) = earlier.describe();
    REGRESSING_TARGET
        .diagnostic(msg!(
            "“{name}”{late_year}年目标（{late_zh}）弱于本方案{early_year}年目标（{early_zh}）",
            "the {late_year} target for {name} ({late_en}) is weaker than this plan's {early_year} target ({early_en})"
        ))
        .at(later.source, later.span, msg!("{late_year}年：{late_zh}", "{late_year}: {late_en}"))
        .with_secondary(earlier.span, msg!("{early_year}年：{early_zh}", "{early_year}: {early_en}"))
        .with_help(msg!("核对数值和年份", "check the figures and years"))
}

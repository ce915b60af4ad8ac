//! `predates-parent`: a plan issued before the parent plan it is compared with, whose
//! differences from that parent are shown for information only.

use std::collections::BTreeMap;

use crate::comparison::Verdict;
use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{ComparisonId, PlanId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes, once per plan, that the plan was issued before the parent plan it is compared
    /// with (both dates known), and how many of its rows would otherwise be findings: a target
    /// weaker than the parent's, one omitted, one worded only. Those rows stay in the 对照表,
    /// marked for information; `weaker-target`, `omitted-target`, `qualitative-target` and
    /// `looser-bound` do not report them.
    ///
    /// ## 检查内容
    /// 每个方案提示一次：本方案早于与之比较的上级方案印发（双方日期均已知），并列出本应报告的差异数（弱于上级、未承接、仅定性表述等）。这些行仍列入对照表并标明“仅供参考”，weaker-target、omitted-target、qualitative-target、looser-bound 不再报告。
    ///
    /// ## Why is this bad?
    /// A plan cannot take up targets that were not yet set: a city that issued its plan a month
    /// before its province did is not at fault for the province's later figures. The note keeps
    /// the differences in view for the plan's next revision without calling them errors.
    ///
    /// ## 为什么有问题
    /// 下级方案无法承接尚未印发的上级目标；先于省级方案一个月印发的市级方案，不应因省级后来的目标被判为问题。此提示保留差异，供修订时参考，但不作为错误。
    ///
    /// ## Example / 示例
    /// 延安市 issued its AI plan on 2025-10-14; 陕西省's, which sets 普及率 超70%, followed on
    /// 2025-11-14. 延安's 普及率不断提升 is noted, not reported as `qualitative-target`.
    ///
    /// ## How to fix
    /// Nothing is wrong now; take the parent's targets up when the plan is revised.
    ///
    /// ## 修改方法
    /// 目前无需修改；修订方案时承接上级目标。
    pub(crate) static PREDATES_PARENT = {
        code: "predates-parent",
        category: Correctness,
        severity: Note,
        summary: ("方案早于上级方案印发，与上级的差异仅供参考", "a plan issued before its parent: its differences from the parent are for information"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    // The rows a lint would report were the plan not older than the parent, by plan and parent.
    let mut by_pair: BTreeMap<(PlanId, PlanId), Vec<ComparisonId>> = BTreeMap::new();
    for (id, row) in ctx.comparisons.iter() {
        let would_report = matches!(
            row.verdict,
            Verdict::Weaker | Verdict::LooserBound | Verdict::Omitted | Verdict::QualitativeOnly
        );
        if let (true, true, Some(parent)) = (row.predates_parent, would_report, row.parent) {
            by_pair.entry((row.plan, parent.plan)).or_default().push(id);
        }
    }
    for ((plan_id, parent_id), rows) in by_pair {
        let (plan, parent) = (ctx.plan(plan_id), ctx.plan(parent_id));
        let (Some(issued), Some(parent_issued)) = (&plan.issued, &parent.issued) else {
            continue;
        };
        let (date, parent_date) = (issued.value, parent_issued.value);
        let (count, parent_name) = (rows.len(), ctx.plan_name(parent_id));
        out.push(
            PREDATES_PARENT
                .diagnostic(msg!(
                    "本方案（{date}）早于上级方案 {parent_name}（{parent_date}）印发：与其目标的 {count} 处差异仅供参考",
                    "the plan ({date}) was issued before {parent_name} ({parent_date}): its {count} differences from the parent's targets are for information"
                ))
                .at(issued.source, issued.span, msg!("印发日期", "issued"))
                .about(Subject::Plan(plan_id))
                .reporting(rows)
                .with_help(msg!(
                    "修订方案时承接上级目标；差异见对照表（planlint compare）",
                    "take the parent's targets up when the plan is revised; `planlint compare` lists the differences"
                ))
                .with_reviewer_help(msg!(
                    "修订方案时承接上级目标；差异见附录对照表",
                    "take the parent's targets up when the plan is revised; the appendix lists the differences"
                )),
        );
    }
}

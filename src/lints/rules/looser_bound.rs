//! `looser-bound`: the parent's figure restated with a looser bound (达到75% under 超过75%).

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::comparison::Verdict;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes a target whose figure equals the parent's for the same indicator and year but
    /// whose bound is looser: 达到75% (at least) or 约75% under the parent's 超过75% (more
    /// than), or 75%以内 under 低于75% where lower is better. `weaker-target` never reports equal
    /// figures; this lint says what the words change.
    ///
    /// ## 检查内容
    /// 与上级同一指标、同一年份的目标数值相同，但限定词更宽松：上级“超过75%”，本方案“达到75%”或“约75%”；
    /// 越低越好的指标，上级“低于”，本方案“以内”“不超过”。weaker-target 不报告数值相同的情况，本规则说明措辞上的差别。
    ///
    /// ## Why is this bad?
    /// Whether 达到 under 超过 is weaker is a policy choice, not arithmetic: some reviewers read
    /// 超过75% as a bar the county must clear, others as the same figure. The default is a note;
    /// set the verdict for your review in planlint.yaml.
    ///
    /// ## 为什么有问题
    /// “达到”是否弱于“超过”属于审核口径，而非计算问题：有的审核要求下级必须“超过”，有的视为同一数值。默认仅作提示；
    /// 可在 planlint.yaml 中按本单位口径设定。
    ///
    /// ## Example / 示例
    /// 鲁政发〔2024〕3号: `关键工序数控化率分别超过92%、75%`; a county plan:
    /// `关键工序数控化率达到75%`. Use instead / 应改为: `关键工序数控化率超过75%`.
    ///
    /// ## How to fix
    /// Use the parent's bound (超过, 低于), or raise the figure. To make the verdict a warning or
    /// an error, or to turn it off: `lints: {looser-bound: warning}` (`error`, `allow`).
    ///
    /// ## 修改方法
    /// 采用上级的限定词（超过、低于）或提高数值。如需升为警告、错误或关闭：`lints: {looser-bound: warning}`（`error`、`allow`）。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` and the `catalogue:` folders (direction of each indicator); for
    /// an indicator they do not name, the parent's sentence.
    pub(crate) static LOOSER_BOUND = {
        code: "looser-bound",
        category: Correctness,
        severity: Note,
        summary: ("数值与上级相同，但限定词更宽松", "the parent's figure restated with a looser bound"),
        check: check,
    }
}

/// How firmly a bound holds the figure where `direction` is better: 超过 over 达到 over 约.
fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, row) in ctx.findings_of(Verdict::LooserBound) {
        let (Some(child_id), Some(parent_id)) = (row.child, row.parent) else {
            continue;
        };
        let (child, parent) = (ctx.target(child_id), ctx.target(parent_id));
        let (name, year, parent_plan) = (row.name(ctx.corpus), child.deadline, ctx.plan_name(parent_id.plan));
        let (child_zh, child_en) = child.describe();
        let (parent_zh, parent_en) = parent.describe();
        let diagnostic = LOOSER_BOUND.diagnostic(msg!(
            "{year}年“{name}”目标（{child_zh}）与上级方案 {parent_plan} 数值相同，但限定词更宽松（上级：{parent_zh}）",
            "the {year} target for {name} ({child_en}) has {parent_plan}'s figure with a looser bound (parent: {parent_en})"
        ));
        out.push(
            ctx.against_parent(
                diagnostic,
                row,
                (&child_zh, &child_en),
                (&parent_zh, &parent_en),
            )
                .reporting([id])
                .with_help(msg!(
                    "采用上级的限定词（{parent_zh}）；是否视为弱于上级由 planlint.yaml 的 looser-bound 级别决定",
                    "use the parent's bound ({parent_en}); whether this is weaker is set by looser-bound's level in planlint.yaml"
                ))
                .with_reviewer_help(msg!(
                    "采用上级的限定词（{parent_zh}）",
                    "use the parent's bound ({parent_en})"
                )),
        );
    }
}

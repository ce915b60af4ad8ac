//! `weaker-target`: a target weaker than the same target in the plan above.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::comparison::{Verdict, arithmetic};
use crate::model::growth::Conversion;
use crate::model::{Direction, Target};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a target for a relative indicator (a rate, a share, growth against a baseline, a
    /// ratio) that is weaker than the target for the same indicator and year in the nearest
    /// plan above it: lower where higher is better, higher where lower is better (漏损率).
    /// Growth per year (年均增长10%) against growth over the period (较2023年增加约一倍) is
    /// compounded over the years from the baseline to the deadline first, either way round,
    /// and the message shows the arithmetic; a cumulative sum is compared only with a
    /// cumulative sum.
    ///
    /// ## 检查内容
    /// 下级方案中相对指标（比率、占比、较基准年增幅、比值）的目标，弱于最近一级上级方案中同一指标、同一年份的目标：
    /// 越高越好的指标低于上级，越低越好的指标（如漏损率）高于上级。
    /// 年均增速与期间累计增幅（较基准年）比较时，先按基准年至目标年的年数复合换算，并在提示中列出算式；累计量只与累计量比较。
    ///
    /// ## Why is this bad?
    /// A lower level restates its parent's targets so that the parent's are met; a weaker
    /// county target means the province's target cannot be met through it, which is exactly
    /// what reviewers look for and sometimes miss.
    ///
    /// ## 为什么有问题
    /// 下级方案承接上级目标，是上级目标得以实现的保障；下级目标弱于上级，意味着上级目标无法通过下级落实。
    ///
    /// ## Example / 示例
    /// 鲁政发〔2024〕3号: `到2027年，报废汽车回收量较2023年增加约一倍` — a county plan citing it:
    /// ```yaml
    /// targets:
    ///   - indicator: 报废汽车回收量
    ///     year: 2027
    ///     comparator: 约
    ///     value: 30
    ///     unit: "%"
    ///     baseline: 2023
    /// ```
    /// Use instead / 应改为: `value: 100` (约一倍), or higher.
    ///
    /// ## How to fix
    /// Raise the target to at least the parent's, or, where the difference is deliberate,
    /// state why in the plan and suppress the finding with a reason.
    ///
    /// ## 修改方法
    /// 将目标提高到不低于上级方案的水平；确属有意为之的，应在方案中说明理由。
    ///
    /// ## Known problems / 已知局限
    /// Absolute indicators (counts, amounts) are not compared: a district's figure is part of
    /// its city's. Equal figures are never reported, whatever the words (达到 vs 超过).
    /// 绝对量指标（数量、金额）不作比较。数值相等时不报告。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` (direction and kind of each indicator).
    pub(crate) static WEAKER_TARGET = {
        code: "weaker-target",
        category: Correctness,
        severity: Error,
        summary: ("目标弱于上级方案的同一指标目标", "a target is weaker than the parent plan's target for the same indicator and year"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, row) in ctx.findings_of(Verdict::Weaker) {
        let (Some(child_id), Some(parent_id)) = (row.child, row.parent) else {
            continue;
        };
        let (child, parent) = (ctx.target(child_id), ctx.target(parent_id));
        let year = child.deadline;
        let name = &row.name;
        let parent_plan = ctx.plan_name(parent_id.plan);
        let (child_zh, child_en) = with_arithmetic(child, row.footing.and_then(|on| on.child_conversion));
        let (parent_zh, parent_en) = with_arithmetic(parent, row.footing.and_then(|on| on.parent_conversion));
        let (better_zh, better_en) = match row.direction {
            Some(Direction::Lower) => ("不高于", "lower"),
            _ => ("不低于", "raise"),
        };
        // The same figure, given only approximately under the parent's bound.
        let (why_zh, why_en) = if row.is_approximate_shortfall() {
            (
                "：约数可能达不到上级的下限",
                ": about the figure may fall short of the parent's bound",
            )
        } else {
            ("", "")
        };
        let diagnostic = WEAKER_TARGET.diagnostic(msg!(
            "{year}年“{name}”目标（{child_zh}）弱于上级方案 {parent_plan} 的目标（{parent_zh}）{why_zh}",
            "the {year} target for {name} ({child_en}) is weaker than {parent_plan}'s ({parent_en}){why_en}"
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
                    "将目标调整为{better_zh}上级的{parent_zh}，或在方案中说明理由",
                    "{better_en} the target to match the parent's ({parent_en}), or state the reason in the plan"
                )),
        );
    }
}

/// The target as the plan words it and, when it was compounded to be compared, the arithmetic:
/// `年平均增长10%，2023—2027年累计约+46%`, `annual growth 10% ≈ +46% over 2023→2027`.
fn with_arithmetic(target: &Target, conversion: Option<Conversion>) -> (String, String) {
    let (zh, en) = target.describe();
    match conversion.map(arithmetic) {
        Some(sum) => (format!("{zh}，{}", sum.zh), format!("{en} {}", sum.en)),
        None => (zh, en),
    }
}

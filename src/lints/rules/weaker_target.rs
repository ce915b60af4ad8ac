//! `weaker-target`: a target weaker than the same target in the plan above.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::comparison::{Verdict, arithmetic, comparison_statement};
use crate::model::growth::Conversion;
use crate::model::{Direction, Target};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a target for a relative indicator (a rate, a share, a level per unit such as a
    /// concentration or an intensity, a number of days, a change from a baseline) that is
    /// weaker than the target for the same indicator and year in the nearest plan above it:
    /// lower where higher is better, higher where lower is better (浓度, 能耗强度). The same
    /// indicator is the catalogue's entry, else the same normalised wording. A decrease is a
    /// negative change (下降6% is −6%, weaker than 下降8% where lower is better). The message
    /// shows the arithmetic: growth per year (年均增长10%) compounded over the years from the
    /// baseline to the deadline against growth over the period (较2023年增加约一倍), a share of
    /// the year counted in that year's days (1% × 365天 = 3.65天) against a number of days,
    /// another size of the unit converted (0.038毫克/立方米 = 38微克/立方米), then the two
    /// figures compared. A cumulative sum is compared only with a cumulative sum.
    ///
    /// ## 检查内容
    /// 下级方案中相对指标（比率、占比、浓度和强度等单位量、天数、较基准年的变化）的目标，弱于最近一级上级方案中同一指标、同一年份的目标：
    /// 越高越好的指标低于上级，越低越好的指标（浓度、能耗强度）高于上级。同一指标按指标目录认定，目录未收录的按规范化措辞认定。
    /// 降幅按负的变化比较（“下降6%”即 −6%，在越低越好时弱于“下降8%”）。提示中列出算式：年均增速按基准年至目标年复合换算后与期间累计增幅比较，
    /// 占全年天数的比例按当年天数折算为天数，不同量级的单位先换算（0.038毫克/立方米 = 38微克/立方米），再比较两个数值。累计量只与累计量比较。
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
    /// Absolute indicators (counts, amounts, masses, energy totals) are not compared: a
    /// district's figure is part of its city's. Equal figures are not reported whatever the
    /// bound (达到 vs 超过: `looser-bound`), except the parent's figure given only approximately
    /// under its bound (达70%左右 under 超70%), which may fall short. A level is not compared
    /// with a change (30微克/立方米 against 下降10%) without a baseline value.
    /// 绝对量指标（数量、金额、质量、能源总量）不作比较。数值相等时不报告（限定词不同由 looser-bound 提示），但以约数给出上级下限数值的（“达70%左右”对“超70%”）可能达不到，视为较弱。缺少基期值时，绝对值与变化幅度不作比较。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` and the `catalogue:` folders (direction and kind of each
    /// indicator); for an indicator they do not name, the parent's sentence (下降, 控制在, the
    /// lexicon of `model::polarity`) and the unit.
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
        let name = row.name(ctx.corpus);
        let parent_plan = ctx.plan_name(parent_id.plan);
        let footing = row.figures(ctx.corpus);
        let (child_zh, child_en) = with_arithmetic(child, footing.and_then(|on| on.child_conversion));
        let (parent_zh, parent_en) = with_arithmetic(parent, footing.and_then(|on| on.parent_conversion));
        let (better_zh, better_en) = match row.direction {
            Some(Direction::Lower) => ("不高于", "lower"),
            _ => ("不低于", "raise"),
        };
        // The same figure, given only approximately under the parent's bound.
        // Why it is weaker: the same figure given only approximately, or the two figures
        // compared.
        let (why_zh, why_en) = if row.is_approximate_shortfall(ctx.corpus) {
            (
                "：约数可能达不到上级的下限".to_string(),
                ": about the figure may fall short of the parent's bound".to_string(),
            )
        } else {
            match footing.and_then(|on| comparison_statement(ctx.corpus, row, on))
            {
                Some(statement) => (format!("：{}", statement.zh()), format!(": {}", statement.en())),
                None => (String::new(), String::new()),
            }
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
        Some(sum) => (format!("{zh}，{}", sum.zh()), format!("{en}, {}", sum.en())),
        None => (zh, en),
    }
}

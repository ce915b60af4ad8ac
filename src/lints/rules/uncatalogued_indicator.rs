//! `uncatalogued-indicator`: a target whose indicator the catalogue does not know.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::Target;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes, once per plan, the quantitative targets whose indicator links to no entry of the
    /// indicator catalogue (`lints/indicators.yaml`), by wording and unit: the first is
    /// underlined, the message names them all. Money the plan itself will spend (投入报废资金
    /// 50万元以上) is its own commitment, not an indicator other levels share, and is left out.
    ///
    /// ## 检查内容
    /// 每个方案提示一次：指标目录（`lints/indicators.yaml`）中找不到对应指标（按措辞和单位匹配）的量化目标，首个目标下划线标出，提示中列出全部指标。本方案自身的资金投入（投入报废资金50万元以上）不属跨层级指标，不列入。
    ///
    /// ## Why is this bad?
    /// Only catalogued indicators are compared across levels: an uncatalogued target is never
    /// checked against its parent. The note lets maintainers grow the catalogue; most local
    /// indicators (a county's 晨星工厂 count) rightly stay out of it.
    ///
    /// ## 为什么有问题
    /// 只有目录中的指标才会与上级比较；未收录的目标不会被检查。此提示便于维护者扩充目录，地方特有指标可不收录。
    ///
    /// ## Example / 示例
    /// ```yaml
    /// - indicator: 规上工业企业关键工序数控率
    ///   year: 2027
    ///   comparator: 超过
    ///   value: 75
    ///   unit: "%"
    /// ```
    /// Use instead / 应改为: `indicator: 关键工序数控化率`, or add the wording to the catalogue.
    ///
    /// ## How to fix
    /// Add the wording to `wordings` of the right catalogue entry, or a new entry with its
    /// direction, kind and measure; or leave it if the indicator is local.
    ///
    /// ## 修改方法
    /// 在目录相应条目的 `wordings` 中加入该措辞，或新增条目（方向、类型、计量）；地方特有指标可保留此提示。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml`.
    pub(crate) static UNCATALOGUED_INDICATOR = {
        code: "uncatalogued-indicator",
        category: Catalogue,
        severity: Note,
        summary: ("目标的指标未收录在指标目录中", "a target's indicator is not in the indicator catalogue"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (plan_id, plan) in ctx.plans() {
        let missing: Vec<&Target> = plan
            .targets
            .iter()
            // Money the plan will spend is its own commitment, not an indicator others share;
            // a wording another plan of the campaign shares is compared by that wording.
            .filter(|t| {
                t.indicator_id.is_none()
                    && !t.is_spending()
                    && !ctx.graph.is_shared(plan_id, &crate::model::IndicatorKey::of(t))
            })
            .collect();
        let Some(first) = missing.first() else {
            continue;
        };
        let mut names: Vec<&str> = missing.iter().map(|t| t.indicator.value.as_str()).collect();
        names.dedup();
        let (count, zh, en) = (missing.len(), names.join("、"), names.join(", "));
        let message = if count == 1 {
            let unit = &first.quantity.unit;
            msg!(
                "指标“{zh}”（单位 {unit}）未收录在指标目录中，不与上级比较",
                "indicator `{en}` (unit {unit}) is not in the catalogue and is not compared with other levels"
            )
        } else {
            msg!(
                "本方案 {count} 项目标的指标未收录在指标目录中，不与上级比较：{zh}",
                "{count} targets are not compared with other levels, their indicators not being in the catalogue: {en}"
            )
        };
        // The first is underlined; the message names the others, so a plan with many local
        // indicators costs the reader one finding, not one snippet per target.
        let diagnostic = UNCATALOGUED_INDICATOR
            .diagnostic(message)
            .at_value(&first.indicator, msg!("未收录的指标", "not catalogued"))
            .about(crate::diagnostics::Subject::Plan(plan_id));
        out.push(diagnostic.with_help(msg!(
            "如为跨层级共有指标，请将该措辞加入 lints/indicators.yaml",
            "if other levels share an indicator, add its wording to lints/indicators.yaml"
        )));
    }
}

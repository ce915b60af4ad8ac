//! `uncatalogued-indicator`: a target whose indicator the catalogue does not know.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes each quantitative target whose indicator links to no entry of the indicator
    /// catalogue (`lints/indicators.yaml`), by wording and unit.
    ///
    /// ## 检查内容
    /// 提示指标目录（`lints/indicators.yaml`）中找不到对应指标（按措辞和单位匹配）的量化目标。
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
        for (index, target) in plan.targets.iter().enumerate() {
            if target.indicator_id.is_some() {
                continue;
            }
            let subject = crate::diagnostics::Subject::Target {
                target: crate::model::TargetId {
                    plan: plan_id,
                    index,
                },
                parent: None,
            };
            let name = &target.indicator.value;
            let unit = &target.quantity.unit;
            out.push(
                UNCATALOGUED_INDICATOR
                    .diagnostic(msg!(
                        "指标“{name}”（单位 {unit}）未收录在指标目录中，不与上级比较",
                        "indicator `{name}` (unit {unit}) is not in the catalogue and is not compared with other levels"
                    ))
                    .at_value(&target.indicator, msg!("未收录的指标", "not catalogued"))
                    .about(subject)
                    .with_help(msg!(
                        "如为跨层级共有指标，请将该措辞加入 lints/indicators.yaml",
                        "if other levels share this indicator, add the wording to lints/indicators.yaml"
                    )),
            );
        }
    }
}

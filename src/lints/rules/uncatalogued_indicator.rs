//! `uncatalogued-indicator`: a target whose indicator the catalogue does not know.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::Target;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes, once per plan, the quantitative targets whose indicator aligns with nothing: no
    /// entry of the indicator catalogue names it (by wording and unit), and no other plan of
    /// the same campaign words it alike (the wording normalised as `model::wording` does:
    /// scope words such as 全市 and 年均 dropped, 比率 read as 比例, a term and its bracketed
    /// abbreviation tied, either script). The first is underlined, the message names them all.
    /// Money the plan itself will spend (投入报废资金50万元以上) is its own commitment and is left
    /// out.
    ///
    /// ## 检查内容
    /// 每个方案提示一次：指标既不在指标目录中（按措辞和单位匹配），措辞也与同一专项其他方案的指标均不一致（规范化后比较：去掉“全市”“年均”等范围词，“比率”视同“比例”，术语与括号中的简称视为同一指标，繁简体视为相同）的量化目标。首个目标下划线标出，提示中列出全部指标。本方案自身的资金投入不列入。
    ///
    /// ## Why is this bad?
    /// A target that aligns with nothing is compared with nothing: if a plan above sets the
    /// same indicator in other words, the pair is never checked. Most such targets are local
    /// (a county's 晨星工厂 count) and rightly stay as they are.
    ///
    /// ## 为什么有问题
    /// 与任何指标都对不上的目标不会被比较；若上级以其他措辞提出了同一指标，这一对目标就无人检查。多数此类目标是地方特有指标，可保持原样。
    ///
    /// ## Example / 示例
    /// ```yaml
    /// - indicator: 规上工业企业关键工序数控率
    ///   year: 2027
    ///   comparator: 超过
    ///   value: 75
    ///   unit: "%"
    /// ```
    /// Use instead / 应改为: `indicator: 关键工序数控化率`, or tie the two wordings in the
    /// repository's catalogue.
    ///
    /// ## How to fix
    /// Where a plan above words the indicator otherwise, list both wordings under one entry of
    /// an `indicators.yaml` in a folder named by `catalogue:` in planlint.yaml
    /// (docs/adding-a-campaign.md); leave local indicators as they are.
    ///
    /// ## 修改方法
    /// 上级以其他措辞提出同一指标的，在 planlint.yaml 的 catalogue 所列文件夹的 indicators.yaml 中把两种措辞列为同一条目（见 docs/adding-a-campaign.md）；地方特有指标可保留此提示。
    ///
    /// ## Data / 依赖数据
    /// `lints/indicators.yaml` and the `catalogue:` folders of planlint.yaml.
    pub(crate) static UNCATALOGUED_INDICATOR = {
        code: "uncatalogued-indicator",
        category: Catalogue,
        severity: Note,
        summary: ("目标的指标未收录在指标目录中", "a target's indicator is not in the indicator catalogue"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (plan_id, plan) in ctx.reported_plans() {
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
                "指标“{zh}”（单位 {unit}）未收录在指标目录中，措辞也与本专项其他方案的指标均不一致，不与上级比较",
                "indicator `{en}` (unit {unit}) is not in the catalogue and no other plan of the campaign words it alike: it is not compared with other levels"
            )
        } else {
            msg!(
                "本方案 {count} 项目标的指标未收录在指标目录中，措辞也与本专项其他方案的指标均不一致，不与上级比较：{zh}",
                "{count} targets are not compared with other levels, their indicators being neither in the catalogue nor worded alike by another plan of the campaign: {en}"
            )
        };
        // The first is underlined; the message names the others, so a plan with many local
        // indicators costs the reader one finding, not one snippet per target.
        let diagnostic = UNCATALOGUED_INDICATOR
            .diagnostic(message)
            .at_value(&first.indicator, msg!("未收录的指标", "not catalogued"))
            .about(crate::diagnostics::Subject::Plan(plan_id));
        out.push(diagnostic.with_help(msg!(
            "如上级以其他措辞提出同一指标，在 planlint.yaml 的 catalogue 文件夹的 indicators.yaml 中把两种措辞列为同一条目（见 docs/adding-a-campaign.md）",
            "if a plan above words the same indicator otherwise, list both wordings under one entry of an indicators.yaml in a folder named by `catalogue:` in planlint.yaml (see docs/adding-a-campaign.md)"
        ))
        .with_reviewer_help(msg!(
            "指标名称尽量沿用上级方案的措辞，便于逐项对照",
            "word the indicators as the plans above do, so that each can be compared"
        )));
    }
}

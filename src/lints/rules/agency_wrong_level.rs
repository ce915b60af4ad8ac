//! `agency-wrong-level`: a body of another level leading or sharing a task.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::{AgencyResolution, AgencyResolver};
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a lead or responsible body that belongs to another level's registry (a national
    /// ministry, a provincial department, the parent city's bureau) and is not vertically
    /// managed, in a plan of a lower level.
    ///
    /// ## 检查内容
    /// 下级方案的牵头或责任单位是其他层级（国家部委、省直部门、上级市的局）的机构，且不属于垂直管理机构。
    ///
    /// ## Why is this bad?
    /// A county plan cannot task a ministry. Such a name is almost always a slip for the local
    /// body with a similar name (财政部 for a zone's 财政管理部), or text copied from the parent
    /// plan without adapting it.
    ///
    /// ## 为什么有问题
    /// 县级方案不能给部委分派任务；这类名称几乎都是本级相近名称机构的笔误（如把功能区的“财政管理部”写成“财政部”），或照抄上级方案未作修改。
    ///
    /// ## Example / 示例
    /// `（牵头单位：财政部）` in 聊城高新区's plan, whose finance bureau is 财政管理部.
    ///
    /// Use instead / 应改为: `（牵头单位：财政管理部）`
    ///
    /// ## How to fix
    /// Name the local body. If the other level's body really acts here (a vertically managed
    /// branch), add it to the jurisdiction's registry with `kind: vertical`.
    ///
    /// ## 修改方法
    /// 改为本级机构；如该机构确在本地履职（垂直管理的派出机构），在辖区名录中以 `kind: vertical` 补充。
    ///
    /// ## Data / 依赖数据
    /// `plans/**/jurisdiction.yaml` of the plan's jurisdiction and every jurisdiction above it.
    pub(crate) static AGENCY_WRONG_LEVEL = {
        code: "agency-wrong-level",
        category: Agencies,
        severity: Warning,
        summary: ("任务由其他层级的非垂管机构承担", "a body of another level, not vertically managed, is tasked"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let resolver = AgencyResolver {
        jurisdictions: &ctx.corpus.jurisdictions,
    };
    for (id, plan) in ctx.reported_plans() {
        let home = ctx.jurisdiction(plan.jurisdiction);
        for group in ctx.agency_names(id) {
            let AgencyResolution::OtherLevel {
                jurisdiction,
                entry,
            } = *group.resolution
            else {
                continue;
            };
            if resolver.is_vertical(jurisdiction, entry) {
                continue;
            }
            let name = &group.first.value.written;
            let other = ctx.jurisdiction(jurisdiction);
            let (other_name, home_name) = (&other.name.value, &home.name.value);
            let (other_zh, other_en) = (other.level.zh(), other.level.en());
            let (home_zh, home_en) = (home.level.zh(), home.level.en());
            let mut diagnostic = AGENCY_WRONG_LEVEL
                .diagnostic(msg!(
                    "“{name}”是{other_name}（{other_zh}）的机构，不应在{home_name}（{home_zh}）的方案中承担任务",
                    "`{name}` is a body of {other_name} ({other_en}), not of {home_name} ({home_en}) whose plan tasks it"
                ))
                .at_value(group.first, msg!("其他层级的机构", "another level's body"))
                .about(group.subject);
            for other in &group.others {
                diagnostic = diagnostic.with_secondary(other.span, msg!("同一名称", "same name"));
            }
            let help = match resolver.local_reading(&group.first.value, plan.jurisdiction) {
                // A zone's 财政管理部 written 财政部 reads as the ministry: say what was meant.
                Some(local) => {
                    let local = local.name;
                    msg!(
                        "是否应为本级的“{local}”？",
                        "did you mean this jurisdiction's `{local}`?"
                    )
                }
                None => msg!(
                    "改为本级相应机构；如该机构确在本地履职，请在辖区名录中以 kind: vertical 补充",
                    "name the local body; if this one really acts here, add it to the registry with kind: vertical"
                ),
            };
            out.push(diagnostic.with_help(help));
        }
    }
}

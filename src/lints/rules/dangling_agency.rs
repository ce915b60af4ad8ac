//! `dangling-agency`: a lead or responsible body that the jurisdiction does not have.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::AgencyResolution;
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a 牵头单位 or 责任单位 name that resolves to no body in the registry of the plan's
    /// jurisdiction (its `jurisdiction.yaml`), nor to a body of another level, nor to a
    /// collective term (各镇街, 有关部门). A prefix 市/区/县 means "of this jurisdiction". Standard
    /// abbreviations (工信局) resolve. The finding suggests the closest official name: one the
    /// written name abbreviates, or one within a small edit distance.
    ///
    /// ## 检查内容
    /// 牵头单位、责任单位的名称在方案所属辖区的机构名录（`jurisdiction.yaml`）中找不到，也不是其他层级的机构或“各镇街”“有关部门”等统称。
    /// 名称前的“市/区/县”指本辖区；规范简称（工信局）可以识别。提示会给出最接近的正式名称。
    ///
    /// ## Why is this bad?
    /// A task whose lead does not exist under that name has no one accountable: the name is
    /// misspelt, outdated (renamed in the 2019 机构改革), or copied from another jurisdiction's plan.
    ///
    /// ## 为什么有问题
    /// 牵头单位名称不存在，任务就无人负责：可能是笔误、机构改革前的旧称，或从其他地方方案照抄而来。
    ///
    /// ## Example / 示例
    /// `（牵头单位：市经信局）` in a plan whose jurisdiction has 工业和信息化局.
    ///
    /// Use instead / 应改为: `（牵头单位：市工业和信息化局）` or `市工信局`.
    ///
    /// ## How to fix
    /// Use the body's official name. If the body exists and the registry lacks it, add it to
    /// the jurisdiction's `agencies` with its official name.
    ///
    /// ## 修改方法
    /// 改用机构正式名称；如机构确实存在而名录缺漏，在辖区文件的 `agencies` 中补充其正式名称。
    ///
    /// ## Known problems / 已知局限
    /// A jurisdiction without a registry is not checked.
    /// 没有机构名录的辖区不作检查。
    ///
    /// ## Data / 依赖数据
    /// `plans/**/jurisdiction.yaml` (`agencies`, `collectives`), `lints/agency-abbreviations.yaml`.
    pub(crate) static DANGLING_AGENCY = {
        code: "dangling-agency",
        category: Agencies,
        severity: Error,
        summary: ("牵头或责任单位在本辖区机构名录中不存在", "a lead or responsible body does not exist in the jurisdiction's registry"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.plans() {
        let jurisdiction = &ctx.jurisdiction(plan.jurisdiction).name.value;
        for group in ctx.agency_names(id) {
            let AgencyResolution::Unknown { suggestion } = group.resolution else {
                continue;
            };
            let name = &group.first.value.written;
            let mut diagnostic = DANGLING_AGENCY
                .diagnostic(msg!(
                    "“{name}”不在{jurisdiction}的机构名录中",
                    "`{name}` is not a body in {jurisdiction}'s registry"
                ))
                .at_value(group.first, msg!("未知机构", "unknown body"))
                .about(group.subject);
            for other in &group.others {
                diagnostic = diagnostic.with_secondary(other.span, msg!("同一名称", "same name"));
            }
            diagnostic = match suggestion {
                Some(s) => {
                    let official = &s.name;
                    diagnostic.with_help(msg!("是否应为“{official}”？", "did you mean `{official}`?"))
                }
                None => diagnostic.with_help(msg!(
                    "请改用正式名称；如该机构确实存在，请将其补入辖区文件的 agencies",
                    "use the official name; if the body exists, add it to the jurisdiction file's agencies"
                )),
            };
            out.push(diagnostic);
        }
    }
}

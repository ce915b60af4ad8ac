//! `missing-parent-plan`: levels above a plan whose plan is not in the corpus, so its targets
//! were compared with a plan further up.

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::{JurisdictionId, Level, PlanId, PlanStatus};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes, once per plan, the levels between a plan and the nearest plan above it that the
    /// corpus has no plan from: a 平度市 plan compared with 山东省's because 青岛市's is missing.
    /// The finding names the nearest plan above that the corpus has.
    ///
    /// ## 检查内容
    /// 每个方案报告一次：本方案与最近一级上级方案之间缺少哪些层级的方案（如青岛市方案缺失，平度市方案只能与山东省方案比较），并指明实际比较的上级方案。
    ///
    /// ## Why is this bad?
    /// The plan in between may set stricter targets; comparing with the level above it can miss
    /// a target that is weaker than the city's but not than the province's.
    ///
    /// ## 为什么有问题
    /// 中间层级的方案可能提出更高的目标；越级比较可能漏掉弱于市级、但不弱于省级的目标。
    ///
    /// ## Example / 示例
    /// `planlint check 平度市方案.txt --corpus plans` with no 青岛市 plan in `plans/`.
    ///
    /// ## How to fix
    /// Add the missing plan to the corpus (its number and title with `status: stub`, its targets
    /// with `status: partial`).
    ///
    /// ## 修改方法
    /// 将缺失的方案收录到语料库（仅有文号、标题时用 status: stub，有目标时用 status: partial）。
    pub(crate) static MISSING_PARENT_PLAN = {
        code: "missing-parent-plan",
        category: Correctness,
        severity: Note,
        summary: ("上级层级的方案不在语料库中，已越级比较", "a level above has no plan in the corpus, so a higher plan was compared"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        if plan.status == PlanStatus::Stub {
            continue;
        }
        let Some(&parent) = ctx.graph.ancestors(id).first() else {
            continue;
        };
        let missing = missing_levels(ctx, plan.jurisdiction, ctx.plan(parent).jurisdiction);
        if !missing.is_empty() {
            out.push(report(ctx, id, parent, &missing));
        }
    }
}

/// The jurisdictions strictly between `home` and `parent` in the chain of `home`.
fn missing_levels(
    ctx: &LintContext<'_>,
    home: JurisdictionId,
    parent: JurisdictionId,
) -> Vec<JurisdictionId> {
    let chain = jurisdiction_chain(&ctx.corpus.jurisdictions, home);
    let Some(at) = chain.iter().position(|j| *j == parent) else {
        return Vec::new();
    };
    // A parent of the plan's own jurisdiction (cited, with `--jurisdiction` set to it) leaves
    // no level out.
    chain
        .get(1..at)
        .unwrap_or_default()
        .iter()
        .copied()
        .filter(|j| ctx.jurisdiction(*j).level != Level::National)
        .collect()
}

fn report(ctx: &LintContext<'_>, id: PlanId, parent: PlanId, missing: &[JurisdictionId]) -> Diagnostic {
    let plan = ctx.plan(id);
    let names = missing
        .iter()
        .map(|j| ctx.jurisdiction(*j).name.value.as_str())
        .collect::<Vec<_>>();
    let (zh, en) = (names.join("、"), names.join(", "));
    let parent_name = ctx.plan_name(parent);
    MISSING_PARENT_PLAN
        .diagnostic(msg!(
            "语料库中没有{zh}的同类方案，本方案已越级与上级方案比较，最近的上级方案为 {parent_name}",
            "no plan of this campaign from {en} is in the corpus; the nearest plan above is {parent_name}"
        ))
        .at_value(&plan.title, msg!("本方案", "this plan"))
        .about(Subject::Plan(id))
        .with_help(msg!(
            "将{zh}的方案收录到 plans/（仅知文号、标题时用 status: stub）",
            "add the plan of {en} under plans/ (with status: stub when only its number and title are known)"
        ))
        .with_reviewer_help(msg!(
            "引用{zh}的方案（文号和标题），以便核对本方案的目标",
            "cite the plan of {en} (its number and title), so that the targets can be checked against it"
        ))
}

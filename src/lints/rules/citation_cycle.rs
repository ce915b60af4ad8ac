//! `citation-cycle`: plans that cite each other in a loop.

use petgraph::algo::tarjan_scc;

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::CitationLink;
use crate::lints::LintContext;
use crate::model::PlanId;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Finds plans that cite one another in a loop (A cites B, B cites A, or longer), and a plan
    /// that cites itself.
    ///
    /// ## 检查内容
    /// 查找相互引用成环的方案（甲引乙、乙引甲，或更长的环），以及引用自身的方案。
    ///
    /// ## Why is this bad?
    /// Plans cascade downward: a plan cites the plans it implements, which were issued before
    /// it. A loop means a wrong number in a citation (often the plan's own number, or a
    /// sibling's), and it leaves the direction of the cascade undefined.
    ///
    /// ## 为什么有问题
    /// 方案自上而下逐级落实，只引用此前印发的上级文件；出现环说明引文文号有误，层级关系也因此无法确定。
    ///
    /// ## Example / 示例
    /// 威海 `威政发〔2024〕7号` citing `威环政发〔2024〕7号`, which cites it back.
    ///
    /// ## How to fix
    /// Correct the citation that points the wrong way.
    ///
    /// ## 修改方法
    /// 改正方向错误的引文。
    pub(crate) static CITATION_CYCLE = {
        code: "citation-cycle",
        category: Correctness,
        severity: Error,
        summary: ("方案之间相互引用成环", "plans cite each other in a loop"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let cites = crate::graph::nodes::citations_of_plans(ctx.corpus, ctx.graph);
    for component in tarjan_scc(&cites) {
        let mut plans: Vec<PlanId> = component.iter().map(|n| cites[*n]).collect();
        plans.sort();
        let self_citing = plans.len() == 1 && cites_itself(ctx, plans[0]);
        if plans.len() < 2 && !self_citing {
            continue;
        }
        report(ctx, &plans, out);
    }
}

fn cites_itself(ctx: &LintContext<'_>, plan: PlanId) -> bool {
    ctx.graph
        .citations(plan)
        .iter()
        .any(|l| matches!(l, CitationLink::Plan { plan: p, .. } if *p == plan))
}

/// One finding per loop, at the first plan's citation that stays inside the loop.
fn report(ctx: &LintContext<'_>, plans: &[PlanId], out: &mut Vec<Diagnostic>) {
    let in_loop = |link: &CitationLink| matches!(link, CitationLink::Plan { plan, .. } if plans.contains(plan));
    let names: Vec<String> = plans.iter().map(|p| ctx.plan_name(*p)).collect();
    let chain = names.join(" ⇄ ");
    let mut diagnostic = CITATION_CYCLE.diagnostic(msg!(
        "方案相互引用成环：{chain}",
        "these plans cite each other in a loop: {chain}"
    ));
    let mut first = true;
    for &plan in plans {
        let p = ctx.plan(plan);
        for (citation, link) in p.citations.iter().zip(ctx.graph.citations(plan)) {
            if !in_loop(link) {
                continue;
            }
            if first {
                diagnostic = diagnostic.at(
                    citation.source,
                    citation.span,
                    msg!("此引用构成环", "this citation closes the loop"),
                );
                first = false;
            } else {
                diagnostic = diagnostic.with_related(
                    citation.source,
                    citation.span,
                    msg!("环中的另一处引用", "another citation in the loop"),
                    msg!("引用", "cites"),
                );
            }
        }
    }
    let first_plan = plans.first().copied();
    if let Some(plan) = first_plan {
        diagnostic = diagnostic.about(crate::diagnostics::Subject::Plan(plan));
    }
    out.push(diagnostic.with_help(msg!(
        "下级方案引用上级方案，反之则不然：改正方向错误的引文",
        "a plan cites the plans above it, never below: correct the citation that points the wrong way"
    )));
}

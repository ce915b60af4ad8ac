//! `unresolved-citation`: a cited document that is not in the corpus.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::CitationLink;
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes each citation that resolves to no document of the corpus, by number or by title.
    /// The cited document becomes a stub node of the graph.
    ///
    /// ## 检查内容
    /// 提示按文号或标题都无法在语料库中找到的被引文件；该文件在图中作为占位节点（stub）。
    ///
    /// ## Why is this bad?
    /// A plan's targets are checked against the plans it cites; a cited parent missing from
    /// the corpus means nothing is checked against it. Citations of standards and rules that
    /// set no targets are fine to leave unresolved.
    ///
    /// ## 为什么有问题
    /// 目标依据所引上级方案检查；上级方案缺失则无从检查。所引标准、细则等不含目标的文件可不收录。
    ///
    /// ## Example / 示例
    /// `落实《聊城市人民政府关于印发…实施方案的通知》（聊政发〔2024〕2号）` with no such plan in
    /// `plans/`.
    ///
    /// ## How to fix
    /// Add the document under `plans/` in its jurisdiction's folder: in full, in part
    /// (`status: partial`), or as `status: stub` with its number, title and issuer.
    ///
    /// ## 修改方法
    /// 在 `plans/` 对应辖区文件夹中加入该文件：全文、部分（`status: partial`）或仅文号标题（`status: stub`）。
    pub(crate) static UNRESOLVED_CITATION = {
        code: "unresolved-citation",
        category: Citations,
        severity: Note,
        summary: ("被引文件不在语料库中", "a cited document is not in the corpus"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.plans() {
        for (index, (citation, link)) in plan
            .citations
            .iter()
            .zip(ctx.graph.citations(id))
            .enumerate()
        {
            if !matches!(link, CitationLink::Stub(_)) {
                continue;
            }
            let cited = match (&citation.doc_number, &citation.title) {
                (Some(n), Some(t)) => format!("《{}》（{}）", t.value, n.value.written),
                (Some(n), None) => n.value.written.clone(),
                (None, Some(t)) => format!("《{}》", t.value),
                (None, None) => continue,
            };
            out.push(
                UNRESOLVED_CITATION
                    .diagnostic(msg!(
                        "被引文件{cited}不在语料库中",
                        "the cited document {cited} is not in the corpus"
                    ))
                    .at(citation.source, citation.span, msg!("未收录", "not in the corpus"))
                    .about(crate::diagnostics::Subject::Citation { plan: id, index })
                    .with_help(msg!(
                        "如为上级方案，请在 plans/ 中收录（可仅含文号、标题，status: stub）",
                        "if it is a parent plan, add it under plans/ (number and title alone will do, with status: stub)"
                    )),
            );
        }
    }
}

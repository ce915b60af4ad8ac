//! `unresolved-citation`: a cited document that is not in the corpus.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::CitationLink;
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes each citation of a plan-like document (a 方案, 规划, 计划, 意见, 纲要…, or a
    /// government's numbered document) that resolves to no document of the corpus, by number or
    /// by title. Standards, catalogues, rules and ministries' notices (《…通用规范》,
    /// 《…优惠目录》, 《…实施细则》, 银发〔2024〕72号) set no targets and are not noted. The cited
    /// document becomes a stub node of the graph either way.
    ///
    /// ## 检查内容
    /// 提示按文号或标题都无法在语料库中找到的方案类被引文件（方案、规划、计划、意见、纲要等，或政府文号的文件）；标准、目录、细则、部委通知等不含目标的文件不作提示。被引文件在图中作为占位节点（stub）。
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
    for (id, index, citation, link) in ctx.citations() {
        if !matches!(link, CitationLink::Stub(_)) || !is_plan_like(citation) {
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
                ))
                .with_reviewer_help(msg!(
                    "核对所引文件的文号和标题",
                    "check the cited document's number and title"
                )),
        );
    }
}

/// Whether a cited document could be a plan with targets: its title names a plan's genre, or,
/// cited by number alone, a government issued it (政/府 in the prefix: 济政办字, 粤府).
fn is_plan_like(citation: &crate::model::Citation) -> bool {
    const GENRES: [&str; 8] = ["方案", "规划", "计划", "意见", "纲要", "行动", "要点", "举措"];
    match &citation.title {
        Some(title) => {
            let core = crate::model::text::plan_title_core(&title.value);
            // An edition in brackets (（2024年版）) is not part of the genre.
            let core = core
                .rsplit_once(['（', '('])
                .filter(|(_, tail)| tail.contains('版') || tail.contains('年'))
                .map_or(core.as_str(), |(head, _)| head);
            GENRES.iter().any(|g| core.ends_with(g))
        }
        None => citation
            .doc_number
            .as_ref()
            .and_then(|n| n.value.parsed.as_ref())
            .is_some_and(|n| n.prefix.contains('政') || n.prefix.contains('府')),
    }
}

//! `citation-missing-number`: a document cited by title alone although it has a number.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::{CitationLink, MatchedBy};
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a citation that gives only a title when the document it names (found by title in
    /// the corpus) has a document number.
    ///
    /// ## 检查内容
    /// 引用文件只写标题、未写文号，而该文件（按标题在语料库中找到）有发文字号。
    ///
    /// ## Why is this bad?
    /// GB/T 9704 cites a document by title followed by its number; titles repeat across years
    /// and issuers, numbers identify.
    ///
    /// ## 为什么有问题
    /// 按公文格式，引用公文应先引标题、后引发文字号；标题可能重复，文号才能唯一指明文件。
    ///
    /// ## Example / 示例
    /// `落实《聊城市推动大规模设备更新和消费品以旧换新实施方案》文件要求`
    ///
    /// Use instead / 应改为:
    /// `落实《聊城市人民政府关于印发聊城市推动大规模设备更新和消费品以旧换新实施方案的通知》（聊政发〔2024〕2号）要求`
    ///
    /// ## How to fix
    /// Add the number, in brackets after the title.
    ///
    /// ## 修改方法
    /// 在标题后用圆括号注明文号。
    pub(crate) static CITATION_MISSING_NUMBER = {
        code: "citation-missing-number",
        category: Citations,
        severity: Warning,
        summary: ("引用文件未注明文号", "a document is cited by title without its number"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, index, citation, link) in ctx.citations() {
        let CitationLink::Plan {
            plan: cited_id,
            by: MatchedBy::Title | MatchedBy::Campaign,
        } = link
        else {
            continue;
        };
        let (Some(title), Some(number)) = (&citation.title, ctx.plan(cited_id).number()) else {
            continue;
        };
        let cited = &title.value;
        out.push(
            CITATION_MISSING_NUMBER
                .diagnostic(msg!(
                    "引用《{cited}》未注明文号 {number}",
                    "《{cited}》 is cited without its number {number}"
                ))
                .at_value(title, msg!("缺少文号", "no number"))
                .about(crate::diagnostics::Subject::Citation { plan: id, index })
                .with_help(msg!(
                    "在标题后注明（{number}）",
                    "add ({number}) after the title"
                )),
        );
    }
}

//! `citation-number-mismatch`: a citation gives a right title behind a wrong number.

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::graph::{CitationLink, MatchedBy};
use crate::lints::LintContext;
use crate::lints::rules::citation_title_mismatch::expected_title;
use crate::model::text::fold_title;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a citation whose number is of no document in the corpus while its title is that
    /// of a corpus plan with another number: the counterpart of `citation-title-mismatch`. The
    /// citation is read as citing that plan (its targets are compared), and when the title is
    /// given exactly, `--fix` replaces the number.
    ///
    /// ## 检查内容
    /// 引文的文号在语料库中不存在，而其标题是库中另一文号方案的标题（与 citation-title-mismatch 相对）。
    /// 该引文按标题指向该方案（目标照常比较）；标题完全一致时，--fix 可改正文号。
    ///
    /// ## Why is this bad?
    /// A wrong number in an issued document points the reader to another document, or to none;
    /// without this check the reviewer reads only "not in the corpus" and looks no further.
    ///
    /// ## 为什么有问题
    /// 公文中文号错误会使读者找到别的文件或找不到文件；否则审核人只看到“不在语料库中”。
    ///
    /// ## Example / 示例
    /// `《山东省人民政府关于印发〈山东省推动大规模设备更新和消费品以旧换新实施方案〉的通知》（鲁政发〔2024〕8号）`
    ///
    /// Use instead / 应改为: `（鲁政发〔2024〕3号）`, the number of the document with that title.
    ///
    /// ## How to fix
    /// Give the number of the document whose title is cited, or the title of the document whose
    /// number is meant.
    ///
    /// ## 修改方法
    /// 改为所引标题对应文件的文号；如文号无误，则改正标题。
    ///
    /// ## Known problems / 已知局限
    /// Titles are compared without issuer, notice wrapper, quote marks and spaces; two plans with
    /// one title are told apart by the issuer the citation names.
    /// 标题比较时不计发文机关、通知外壳、书名号和空格。
    pub(crate) static CITATION_NUMBER_MISMATCH = {
        code: "citation-number-mismatch",
        category: Citations,
        severity: Warning,
        summary: ("引文文号与所引标题对应文件的文号不符", "a citation's number is not that of the document its title names"),
        fix: true,
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, index, citation, link) in ctx.citations() {
        let CitationLink::Plan {
            plan: cited_id,
            by: MatchedBy::TitleNotNumber,
        } = link
        else {
            continue;
        };
        let cited = ctx.plan(cited_id);
        let (Some(written), Some(number)) = (&citation.doc_number, cited.number()) else {
            continue;
        };
        let given = &written.value.written;
        let mut diagnostic = CITATION_NUMBER_MISMATCH
            .diagnostic(msg!(
                "所引标题是 {number} 的标题，文号却写作 {given}",
                "the title cited is {number}'s, but the number given is {given}"
            ))
            .at_value(written, msg!("所写文号", "number as cited"))
            .about(Subject::Citation { plan: id, index })
            .with_related(
                cited.title.source,
                cited.title.span,
                msg!("{number} 的标题", "the title of {number}"),
                msg!("同一标题", "the same title"),
            )
            .with_help(msg!(
                "是否应为 {number}？如文号无误，请改正标题",
                "did you mean {number}? If the number is right, correct the title"
            ));
        let exact = citation.title.as_ref().is_some_and(|title| {
            expected_title(cited, &title.value)
                .is_some_and(|(e, _)| fold_title(&e) == fold_title(&title.value))
        });
        if exact {
            diagnostic = diagnostic.with_fix(
                vec![crate::fix::Edit {
                    source: written.source,
                    span: written.span,
                    replacement: number.to_string(),
                }],
                crate::fix::Applicability::Safe,
            );
        }
        out.push(diagnostic);
    }
}

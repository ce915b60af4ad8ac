//! `citation-title-mismatch`: a citation gives a title that is not the cited document's.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::{CitationLink, MatchedBy};
use crate::lints::LintContext;
use crate::model::Plan;
use crate::model::text::fold_title;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Compares the title a citation gives with the real title of the document its number
    /// resolves to. A notice title (`XX关于印发《…》的通知`) is compared with the notice's
    /// real title (issuer + 关于印发 + plan title + 的通知), a bare plan title with the plan's.
    /// Inner quote marks (`<>`, `〈〉`, `《》`, none), widths and spaces are ignored.
    ///
    /// ## 检查内容
    /// 将引文所写标题与其文号对应文件的真实标题比较：通知标题与“发文机关＋关于印发＋方案标题＋的通知”比较，
    /// 方案标题与方案标题比较。内层书名号的写法、全半角和空格不计。
    ///
    /// ## Why is this bad?
    /// A wrong title in an issued document is an error a reader can see and a reviewer should
    /// have caught; it also leaves unclear which document is meant.
    ///
    /// ## 为什么有问题
    /// 公文中引文标题错误，既是明显差错，也使所引文件指向不清。
    ///
    /// ## Example / 示例
    /// `《山东省关于印发推动大规模设备更新和消费品以旧换新行动方案的通知》（鲁政发〔2024〕3号）`
    ///
    /// Use instead / 应改为:
    /// `《山东省人民政府关于印发山东省推动大规模设备更新和消费品以旧换新实施方案的通知》（鲁政发〔2024〕3号）`
    ///
    /// ## How to fix
    /// Copy the cited document's title exactly, as the finding shows it.
    ///
    /// ## 修改方法
    /// 按提示照录被引文件的完整标题。
    pub(crate) static CITATION_TITLE_MISMATCH = {
        code: "citation-title-mismatch",
        category: Citations,
        severity: Warning,
        summary: ("引文标题与被引文件的真实标题不符", "a citation's title differs from the cited document's real title"),
        fix: true,
        check: check,
    }
}

/// The title a citation should give for `plan`: its notice title when the citation cites the
/// notice, else the plan's own title.
pub(crate) fn expected_title(plan: &Plan, cited: &str) -> Option<String> {
    if cited.contains("关于印发") {
        let issuer = &plan.issuer.as_ref()?.value;
        Some(format!("{issuer}关于印发{}的通知", plan.title.value))
    } else {
        Some(plan.title.value.clone())
    }
}

/// `国务院《关于深入实施…的意见》` names the issuer before the marks: the title with the issuer
/// before it is the real one.
fn issuer_before_title(
    ctx: &LintContext<'_>,
    cited: &Plan,
    title: &crate::model::Located<String>,
    expected: &str,
) -> bool {
    let Some(issuer) = &cited.issuer else {
        return false;
    };
    let text = &ctx.corpus.sources.get(title.source).text;
    let before = text.get(..title.span.start).unwrap_or_default();
    let before = before.trim_end_matches(['《', '<', '〈']);
    before.ends_with(issuer.value.as_str())
        && fold_title(&format!("{}{}", issuer.value, title.value)) == fold_title(expected)
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, index, citation, link) in ctx.citations() {
        let CitationLink::Plan {
            plan: cited_id,
            by: MatchedBy::Number,
        } = link
        else {
            continue;
        };
        let Some(title) = &citation.title else {
            continue;
        };
        let cited = ctx.plan(cited_id);
        let Some(expected) = expected_title(cited, &title.value) else {
            continue;
        };
        if fold_title(&title.value) == fold_title(&expected)
            || issuer_before_title(ctx, cited, title, &expected)
        {
            continue;
        }
        let number = cited.display_name();
        out.push(
            CITATION_TITLE_MISMATCH
                .diagnostic(msg!(
                    "所引 {number} 的标题有误",
                    "the title given for {number} is not its real title"
                ))
                .at_value(title, msg!("所写标题", "title as cited"))
                .about(crate::diagnostics::Subject::Citation { plan: id, index })
                .with_related(
                    cited.title.source,
                    cited.title.span,
                    msg!("{number} 的真实标题", "the real title of {number}"),
                    msg!("真实标题", "real title"),
                )
                .with_help(msg!("应为《{expected}》", "it is 《{expected}》"))
                .with_fix(vec![crate::fix::Edit {
                    source: title.source,
                    span: title.span,
                    replacement: expected.clone(),
                }], crate::fix::Applicability::Safe),
        );
    }
}

//! `citation-title-mismatch`: a citation gives a title that is not the cited document's.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::{CitationLink, MatchedBy};
use crate::lints::LintContext;
use crate::code::Severity;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::{Plan, PlanStatus};
use crate::model::text::{fold_title, plan_title_core};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Compares the substance of the title a citation gives with the title of the document its
    /// number resolves to. These are the same title: an issuer written outside 《》
    /// (`国务院《关于…》`), an abbreviated issuer before 关于印发 (`省政府关于印发…`), the notice
    /// around the plan or the plan alone (关于印发…的通知 with or without 的通知), the place's
    /// name before the plan's or not, inner brackets of any kind (`<>`, `〈〉`, none), widths
    /// and spaces. A title the corpus has verified (`title_verified: true` in the cited plan's
    /// file) gives a warning and a fix that replaces the text inside 《》 only; a title it has
    /// not verified, a stub's, or a notice title rebuilt from the issuer and the plan's title,
    /// gives a note and no fix.
    ///
    /// ## 检查内容
    /// 比较引文所写标题与其文号对应文件标题的实质内容。以下视为同一标题：发文机关写在书名号外（国务院《关于…》）、关于印发前的发文机关简称（省政府关于印发…）、
    /// 通知标题或方案标题（有无“的通知”）、方案标题前有无地名、内层书名号的写法（<>、〈〉或无）、全半角和空格。
    /// 语料库中已核实的标题（被引方案文件写明 title_verified: true）给出警告，并提供只替换书名号内文字的修正；未核实的标题、存根文件的标题或由发文机关与方案标题拼成的通知标题，只作提示，不提供修正。
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
/// notice (the file's `notice_title:`, else one rebuilt from the issuer and the title), else
/// the plan's own title; and whether it is the document's verified title (the file says
/// `title_verified: true`, the plan is no stub, and nothing was rebuilt).
pub(crate) fn expected_title(plan: &Plan, cited: &str) -> Option<(String, bool)> {
    let verified = plan.title_verified && plan.status != PlanStatus::Stub;
    if !cited.contains("关于印发") {
        return Some((plan.title.value.clone(), verified));
    }
    if let Some(notice) = &plan.notice_title {
        return Some((notice.value.clone(), verified));
    }
    let issuer = &plan.issuer.as_ref()?.value;
    Some((format!("{issuer}关于印发{}的通知", plan.title.value), false))
}

/// What a title says, without how a citation may write it: the notice around the plan
/// (关于印发…的通知, whoever the issuer and however abbreviated: 省政府, 市政府), an issuer
/// before 关于, the names of `places` it starts with, quote marks and inner brackets of any
/// kind, widths and spaces.
fn substance(title: &str, places: &[String]) -> String {
    let mut core = plan_title_core(title);
    // `国务院关于深入实施…的意见`: who issued it is not what it is called.
    if let Some(at) = about_at(&core) {
        core = core[at + "关于".len()..].to_string();
    }
    while let Some(place) = places.iter().find(|p| core.starts_with(p.as_str())) {
        core = core[place.len()..].to_string();
    }
    core
}

/// The names of the cited plan's jurisdiction and those above it, longest first, folded.
fn place_names(ctx: &LintContext<'_>, plan: &Plan) -> Vec<String> {
    let chain = jurisdiction_chain(&ctx.corpus.jurisdictions, plan.jurisdiction);
    let mut names: Vec<String> = chain
        .iter()
        .flat_map(|j| ctx.jurisdiction(*j).names())
        .map(fold_title)
        .filter(|n| n.chars().count() >= 2)
        .collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names
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
        let Some((expected, verified)) = expected_title(cited, &title.value) else {
            continue;
        };
        let places = place_names(ctx, cited);
        let real = [Some(&cited.title.value), cited.notice_title.as_ref().map(|n| &n.value)];
        let said = substance(&title.value, &places);
        if real.into_iter().flatten().any(|r| substance(r, &places) == said) {
            continue;
        }
        out.push(report(cited, id, index, title, &expected, verified));
    }
}

fn report(
    cited: &Plan,
    id: crate::model::PlanId,
    index: usize,
    title: &crate::model::Located<String>,
    expected: &str,
    verified: bool,
) -> Diagnostic {
    let number = cited.display_name();
    let message = if verified {
        msg!(
            "所引 {number} 的标题有误",
            "the title given for {number} is not its real title"
        )
    } else {
        msg!(
            "所引 {number} 的标题与语料库所载不同",
            "the title given for {number} differs from the corpus's"
        )
    };
    let diagnostic = CITATION_TITLE_MISMATCH
        .diagnostic(message)
        .at_value(title, msg!("所写标题", "title as cited"))
        .about(crate::diagnostics::Subject::Citation { plan: id, index });
    if !verified {
        // A title the corpus has not verified, or rebuilt, may itself be the wrong one.
        return diagnostic
            .with_related(
                cited.title.source,
                cited.title.span,
                msg!("{number} 的标题", "the title of {number}"),
                msg!("语料库中的标题", "title in the corpus"),
            )
            .with_severity(Severity::Note)
            .with_help(msg!(
                "语料库中的标题为《{expected}》（未经核实）；请对照原文核对所引标题",
                "the corpus gives 《{expected}》, not verified against the issued text: check the cited title against the document"
            ))
            .with_reviewer_help(msg!(
                "请对照原文核对所引标题（或为《{expected}》）",
                "check the cited title against the document itself (perhaps 《{expected}》)"
            ));
    }
    diagnostic
        .with_related(
            cited.title.source,
            cited.title.span,
            msg!("{number} 的真实标题", "the real title of {number}"),
            msg!("真实标题", "real title"),
        )
        .with_help(msg!("应为《{expected}》", "it is 《{expected}》"))
        .with_fix(
            vec![crate::fix::Edit {
                source: title.source,
                span: title.span,
                replacement: replacement(&title.value, expected),
            }],
            crate::fix::Applicability::Safe,
        )
}

/// What goes inside the citation's 《》 instead of `written`: the real title, from 关于 on when
/// the citation starts there (its issuer written outside 《》, as in `国务院《关于…》`), and a
/// title inside it in 〈〉.
fn replacement(written: &str, expected: &str) -> String {
    let expected = match (written.starts_with("关于"), about_at(expected)) {
        (true, Some(at)) => &expected[at..],
        _ => expected,
    };
    expected.replace('《', "〈").replace('》', "〉")
}

/// Where 关于 starts in `title`, when what precedes it is short enough to be an issuer (none,
/// 省政府, 国务院办公厅, 山东省人民政府…).
fn about_at(title: &str) -> Option<usize> {
    let at = title.find("关于")?;
    (title[..at].chars().count() <= 20).then_some(at)
}

//! `malformed-doc-number`: a document number not in GB/T 9704's 机关代字〔年份〕序号号 form.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::Located;
use crate::model::plan::WrittenDocNumber;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a document number, the plan's own or a cited one, that is not written as GB/T
    /// 9704-2012 requires: issuer prefix, the year in 六角括号 〔〕, the serial without leading
    /// zeros or 第, then 号, with no spaces — or that is not a document number at all.
    ///
    /// ## 检查内容
    /// 方案自身或所引文件的发文字号不符合 GB/T 9704-2012：机关代字、六角括号〔〕括入年份、序号（不编虚位、不加“第”）、号，中间无空格；或根本不是文号。
    ///
    /// ## Why is this bad?
    /// The standard form is what archives and search index; `[2024]` or `(2024)` are common
    /// slips that the issuing office would correct.
    ///
    /// ## 为什么有问题
    /// 规范文号便于归档与检索；方括号、圆括号等是常见笔误，应在印发前改正。
    ///
    /// ## Example / 示例
    /// `鲁政发[2024]3号`, `鲁政发（2024）3号`, `鲁政发〔2024〕03号`
    ///
    /// Use instead / 应改为: `鲁政发〔2024〕3号`
    ///
    /// ## How to fix
    /// Write the number in the form the finding shows.
    ///
    /// ## 修改方法
    /// 按提示的规范形式书写文号。
    pub(crate) static MALFORMED_DOC_NUMBER = {
        code: "malformed-doc-number",
        category: Citations,
        severity: Warning,
        summary: ("发文字号不符合 GB/T 9704 格式", "a document number is not in the GB/T 9704 form"),
        fix: true,
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        let own = plan
            .doc_number
            .iter()
            .map(|n| (n, crate::diagnostics::Subject::Plan(id)));
        let cited = plan.citations.iter().enumerate().filter_map(|(index, c)| {
            let subject = crate::diagnostics::Subject::Citation { plan: id, index };
            c.doc_number.as_ref().map(|n| (n, subject))
        });
        for (number, subject) in own.chain(cited) {
            if let Some(diagnostic) = diagnose(number) {
                out.push(diagnostic.about(subject));
            }
        }
    }
}

fn diagnose(number: &Located<WrittenDocNumber>) -> Option<Diagnostic> {
    let written = &number.value.written;
    let Some(parsed) = &number.value.parsed else {
        return Some(
            MALFORMED_DOC_NUMBER
                .diagnostic(msg!(
                    "“{written}”不是发文字号",
                    "`{written}` is not a document number"
                ))
                .at_value(number, msg!("无法识别", "not recognised"))
                .with_help(msg!(
                    "发文字号形如 国发〔2024〕7号：机关代字、〔年份〕、序号、号",
                    "a document number reads like 国发〔2024〕7号: issuer prefix, 〔year〕, serial, 号"
                )),
        );
    };
    if parsed.is_standard() {
        return None;
    }
    let reasons_zh: Vec<&str> = parsed.deviations.iter().map(|d| d.describe_zh()).collect();
    let reasons_en: Vec<&str> = parsed.deviations.iter().map(|d| d.describe_en()).collect();
    let (zh, en) = (reasons_zh.join("；"), reasons_en.join("; "));
    let canonical = parsed.canonical();
    Some(
        MALFORMED_DOC_NUMBER
            .diagnostic(msg!(
                "发文字号“{written}”不规范：{zh}",
                "document number `{written}` is not in the standard form: {en}"
            ))
            .at_value(number, msg!("不规范", "non-standard"))
            .with_help(msg!("应为 {canonical}", "write {canonical}"))
            .with_fix(vec![crate::fix::Edit {
                source: number.source,
                span: number.span,
                replacement: canonical.to_string(),
            }], crate::fix::Applicability::Safe),
    )
}

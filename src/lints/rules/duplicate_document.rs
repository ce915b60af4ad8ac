//! `duplicate-document`: two files for one document.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::lints::LintContext;
use crate::model::text::fold;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags two plan files with the same issuer and document number. The number alone is not
    /// enough: 济南 and 济宁 both issued 济政发〔2024〕9号.
    ///
    /// ## 检查内容
    /// 发文机关和发文字号都相同的两个方案文件。仅文号相同不算：济南、济宁都有济政发〔2024〕9号。
    ///
    /// ## Why is this bad?
    /// Citations of that number resolve to one of them arbitrarily, so the other's targets are
    /// never checked, or checked against the wrong parent.
    ///
    /// ## 为什么有问题
    /// 引用该文号时只能任取其一，另一份的目标得不到检查，或与错误的上级比较。
    ///
    /// ## Example / 示例
    /// `plans/shandong/lu-zhengfa-2024-3.yaml` and `plans/shandong/copy.yaml`, both
    /// `doc_number: 鲁政发〔2024〕3号`, `issuer: 山东省人民政府`.
    ///
    /// ## How to fix
    /// Keep one file; if they are different documents, correct the number or issuer.
    ///
    /// ## 修改方法
    /// 只保留一份；若确为不同文件，改正文号或发文机关。
    pub(crate) static DUPLICATE_DOCUMENT = {
        code: "duplicate-document",
        category: Correctness,
        severity: Error,
        summary: ("同一文件（发文机关＋文号）出现在两个文件中", "one document (issuer + number) is in two files"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    let mut seen = std::collections::HashMap::new();
    for (id, plan) in ctx.plans() {
        let (Some(number), Some(written)) = (plan.number(), &plan.doc_number) else {
            continue;
        };
        let issuer = plan.issuer.as_ref().map_or_else(
            || fold(&ctx.jurisdiction(plan.jurisdiction).name.value),
            |i| fold(&i.value),
        );
        let key = (issuer, number.key());
        let Some(&first) = seen.get(&key) else {
            seen.insert(key, id);
            continue;
        };
        let other = ctx.plan(first);
        let Some(other_number) = &other.doc_number else {
            continue;
        };
        let path = ctx.corpus.sources.get(other.source).display_path();
        out.push(
            DUPLICATE_DOCUMENT
                .diagnostic(msg!(
                    "{number} 已在 {path} 中收录",
                    "{number} is already in {path}"
                ))
                .at_value(written, msg!("重复", "duplicate"))
                .about(crate::diagnostics::Subject::Plan(id))
                .with_related(
                    other_number.source,
                    other_number.span,
                    msg!("首次收录于此", "first recorded here"),
                    msg!("同一文件", "same document"),
                )
                .with_help(msg!(
                    "只保留一份；若为不同文件，请改正文号或发文机关",
                    "keep one file; if they are different documents, correct the number or the issuer"
                )),
        );
    }
}

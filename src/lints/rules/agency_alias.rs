//! `agency-alias`: a body named by its abbreviation.

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::AgencyResolution;
use crate::lints::LintContext;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Notes a body named by an informal abbreviation (市发改局, 市工信局) where the registry has
    /// its official name (发展和改革局, 工业和信息化局). Once per name and plan; the count says how
    /// often the plan writes it. The 规范简称 that official documents themselves use (市发展改革委,
    /// 市市场监管局, 市住房城乡建设局; `normative` in `lints/agency-abbreviations.yaml`) are as good
    /// as the full name and never noted.
    ///
    /// ## 检查内容
    /// 提示以非规范简称（市发改局、市工信局）指称名录中有正式名称（发展和改革局、工业和信息化局）的机构。每个方案每个简称提示一次。公文本身使用的规范简称（市发展改革委、市市场监管局、市住房城乡建设局）与全称同等，不作提示。
    ///
    /// ## Why is this bad?
    /// Abbreviations are standard and legitimate in plans; this is a note for teams that
    /// prefer full names in issued documents, or want one form used throughout.
    ///
    /// ## 为什么有问题
    /// 简称在方案中规范且常见；此提示供要求正式文件使用全称或统一写法的团队参考。
    ///
    /// ## Example / 示例
    /// `（牵头单位：市发改局）`
    ///
    /// Use instead / 应改为: `（牵头单位：市发展和改革局）`
    ///
    /// ## How to fix
    /// Write the official name, or leave the abbreviation if the team accepts it.
    ///
    /// ## 修改方法
    /// 改用正式名称；团队认可简称的可不改。
    ///
    /// ## Data / 依赖数据
    /// `lints/agency-abbreviations.yaml`, the `aliases` of registry entries.
    pub(crate) static AGENCY_ALIAS = {
        code: "agency-alias",
        category: Agencies,
        severity: Note,
        summary: ("以非规范简称指称机构", "a body is named by an informal abbreviation"),
        fix: true,
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, _) in ctx.reported_plans() {
        for group in ctx.agency_names(id) {
            let AgencyResolution::Registered {
                jurisdiction,
                entry,
                alias: true,
            } = *group.resolution
            else {
                continue;
            };
            let name = &group.first.value.written;
            let official = ctx.registered_name(jurisdiction, entry);
            let count = group.others.len() + 1;
            let mentions = if count == 1 { "mention" } else { "mentions" };
            let diagnostic = AGENCY_ALIAS
                .diagnostic(msg!(
                    "“{name}”是{official}的简称（共 {count} 处）",
                    "`{name}` abbreviates {official} ({count} {mentions})"
                ))
                .at_value(group.first, msg!("简称", "abbreviation"))
                .about(group.subject);
            let diagnostic = diagnostic.with_help(msg!(
                "如需使用正式名称，改为“{official}”",
                "write `{official}` where the official name is wanted"
            ));
            // A fix only when the official form can be written the way the plan writes names.
            let Some(replacement) = official_as_written(ctx, jurisdiction, entry, name) else {
                out.push(diagnostic);
                continue;
            };
            let edits = std::iter::once(group.first)
                .chain(group.others.iter().copied())
                .map(|mention| crate::fix::Edit {
                    source: mention.source,
                    span: mention.span,
                    replacement: replacement.clone(),
                })
                .collect();
            out.push(diagnostic.with_fix(edits, crate::fix::Applicability::OptIn));
        }
    }
}

/// The official name in the form the plan writes names: `市工信局` → `市工业和信息化局`,
/// `市市场监管局` → `市市场监督管理局`, keeping the prefix the plan uses. The prefix is whatever
/// comes before a part of the written name that the registry knows as this very body, so a name
/// that starts like a prefix (市场…, 市委…) keeps it; when no split works, no fix is offered.
fn official_as_written(
    ctx: &LintContext<'_>,
    jurisdiction: crate::model::JurisdictionId,
    entry: usize,
    written: &str,
) -> Option<String> {
    let j = ctx.jurisdiction(jurisdiction);
    let name = &j.registry.entries[entry].name;
    let names_this_body = |part: &str| {
        j.registry
            .lookup(&crate::model::text::fold(part))
            .is_some_and(|m| m.entry() == entry)
    };
    let heads = j
        .names()
        .chain(j.self_prefix.as_deref())
        .chain(std::iter::once(""));
    for head in heads {
        if let Some(rest) = written.strip_prefix(head)
            && !rest.is_empty()
            && names_this_body(rest)
        {
            // Re-read: the replacement must itself name the body by its official name.
            let replacement = format!("{head}{name}");
            let official = replacement.strip_prefix(head).is_some_and(|r| {
                j.registry.lookup(&crate::model::text::fold(r))
                    == Some(crate::model::jurisdiction::RegistryMatch::Official(entry))
            });
            return official.then_some(replacement);
        }
    }
    None
}

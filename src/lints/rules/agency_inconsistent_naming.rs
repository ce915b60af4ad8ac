//! `agency-inconsistent-naming`: one document spells one body two ways.

use std::collections::BTreeMap;

use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::AgencyResolution;
use crate::lints::LintContext;
use crate::lints::context::NameMentions;
use crate::model::JurisdictionId;
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a plan that names one body in two or more ways: 机关事务中心 and 机关事务服务中心,
    /// 文化旅游局 and 文化和旅游局, 应急局 and 应急管理局. Names are the same body when they
    /// resolve to one registry entry, when one abbreviates a registered name, or — without a
    /// registry — when they differ only by 和/与/及/服务. Width and spaces do not count.
    ///
    /// ## 检查内容
    /// 同一方案以两种以上写法指称同一机构，如“机关事务中心”与“机关事务服务中心”、“文化旅游局”与“文化和旅游局”。
    /// 判断依据：指向名录中同一条目，或一个是名录正式名称的简写；没有名录时，仅差“和、与、及、服务”等字的视为同一机构。全半角和空格不计。
    ///
    /// ## Why is this bad?
    /// An issued document should name each body one way; two spellings make readers wonder
    /// whether two bodies are meant, and one of them is usually wrong.
    ///
    /// ## 为什么有问题
    /// 正式文件中同一机构应统一称谓；两种写法会让人误以为是两个机构，且往往其中一种有误。
    ///
    /// ## Example / 示例
    /// `（责任单位：区机关事务服务中心）` in one task, `（责任单位：区机关事务中心）` in another.
    ///
    /// ## How to fix
    /// Use one name throughout, preferably the official one.
    ///
    /// ## 修改方法
    /// 全文统一为一种写法，优先使用正式名称。
    pub(crate) static AGENCY_INCONSISTENT_NAMING = {
        code: "agency-inconsistent-naming",
        category: Agencies,
        severity: Warning,
        summary: ("同一方案对同一机构有不同写法", "one plan names one body in different ways"),
        check: check,
    }
}

/// What a name is taken to mean, for grouping.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
enum Identity {
    Entry(JurisdictionId, usize),
    Spelling(String),
}

fn identity(group: &NameMentions<'_>, self_prefix: Option<&str>) -> Option<Identity> {
    match group.resolution {
        AgencyResolution::Registered {
            jurisdiction,
            entry,
            ..
        }
        | AgencyResolution::OtherLevel {
            jurisdiction,
            entry,
        } => Some(Identity::Entry(*jurisdiction, *entry)),
        // An unknown name is already a dangling-agency finding, the more specific one: it is
        // not reported a second time as a spelling of another name.
        AgencyResolution::Collective | AgencyResolution::Unknown { .. } => None,
        AgencyResolution::Unchecked | AgencyResolution::Standard => {
            let folded = &group.first.value.folded;
            let bare = self_prefix
                .and_then(|p| folded.strip_prefix(p))
                .unwrap_or(folded);
            let key: String = bare
                .replace("服务", "")
                .chars()
                .filter(|c| !matches!(c, '和' | '与' | '及'))
                .collect();
            Some(Identity::Spelling(key))
        }
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        let home = ctx.jurisdiction(plan.jurisdiction);
        let groups = ctx.agency_names(id);
        let mut by_identity: BTreeMap<Identity, Vec<&NameMentions<'_>>> = BTreeMap::new();
        for group in &groups {
            if let Some(identity) = identity(group, home.self_prefix.as_deref())
            {
                by_identity.entry(identity).or_default().push(group);
            }
        }
        let mut spellings: Vec<_> = by_identity
            .into_iter()
            .filter(|(_, g)| g.len() > 1)
            .collect();
        spellings.sort_by_key(|(_, g)| g[1].first.span.start);
        for (identity, names) in spellings {
            out.push(report(ctx, &identity, &names));
        }
    }
}

fn report(ctx: &LintContext<'_>, identity: &Identity, names: &[&NameMentions<'_>]) -> Diagnostic {
    let listed: Vec<String> = names
        .iter()
        .map(|n| format!("“{}”×{}", n.first.value.written, n.others.len() + 1))
        .collect();
    let listed_en: Vec<String> = names
        .iter()
        .map(|n| format!("`{}` ×{}", n.first.value.written, n.others.len() + 1))
        .collect();
    let (zh, en) = (listed.join("、"), listed_en.join(", "));
    let second = names[1].first;
    let count = names.len();
    let mut diagnostic = AGENCY_INCONSISTENT_NAMING
        .diagnostic(msg!(
            "同一机构在本方案中有 {count} 种写法：{zh}",
            "one body is written {count} ways in this plan: {en}"
        ))
        .at_value(second, msg!("另一种写法", "another spelling"))
        .about(names[1].subject);
    for other in names.iter().filter(|n| !std::ptr::eq(n.first, second)) {
        diagnostic =
            diagnostic.with_secondary(other.first.span, msg!("此处写作", "written here as"));
    }
    let help = match identity {
        Identity::Entry(j, e) => {
            let official = ctx.registered_name(*j, *e);
            msg!(
                "全文统一写法，宜用正式名称（{official}）",
                "use one name throughout, preferably the official one ({official})"
            )
        }
        Identity::Spelling(_) => msg!("全文统一为一种写法", "use one name throughout"),
    };
    diagnostic.with_help(help)
}

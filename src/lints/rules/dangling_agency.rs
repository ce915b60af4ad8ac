//! `dangling-agency`: a lead or responsible body that the jurisdiction does not have.

use crate::catalogue::{RegistryLevel, Renamed};
use crate::declare_lint;
use crate::diagnostics::Diagnostic;
use crate::graph::{AgencyResolution, Suggestion};
use crate::lints::LintContext;
use crate::lints::context::NameMentions;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::text::fold;
use crate::model::{Jurisdiction, Level};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Flags a 牵头单位 or 责任单位 name that resolves to no body in the registry of the plan's
    /// jurisdiction (its `jurisdiction.yaml`), nor to a body of another level, nor to a
    /// collective term (各镇街, 有关部门). A prefix 市/区/县 means "of this jurisdiction". Standard
    /// abbreviations (工信局) resolve. The finding suggests the closest official name: one the
    /// written name abbreviates, or one within a small edit distance.
    ///
    /// ## 检查内容
    /// 牵头单位、责任单位的名称在方案所属辖区的机构名录（`jurisdiction.yaml`）中找不到，也不是其他层级的机构或“各镇街”“有关部门”等统称。
    /// 名称前的“市/区/县”指本辖区；规范简称（工信局）可以识别。提示会给出最接近的正式名称。
    ///
    /// ## Why is this bad?
    /// A task whose lead does not exist under that name has no one accountable: the name is
    /// misspelt, outdated (renamed in the 2019 机构改革), or copied from another jurisdiction's plan.
    ///
    /// ## 为什么有问题
    /// 牵头单位名称不存在，任务就无人负责：可能是笔误、机构改革前的旧称，或从其他地方方案照抄而来。
    ///
    /// ## Example / 示例
    /// `（牵头单位：市经信局）` in a plan whose jurisdiction has 工业和信息化局.
    ///
    /// Use instead / 应改为: `（牵头单位：市工业和信息化局）` or `市工信局`.
    ///
    /// ## How to fix
    /// Use the body's official name. If the body exists and the registry lacks it, add it to
    /// the jurisdiction's `agencies` with its official name.
    ///
    /// ## 修改方法
    /// 改用机构正式名称；如机构确实存在而名录缺漏，在辖区文件的 `agencies` 中补充其正式名称。
    ///
    /// A name abolished in a reorganisation (工信委, 卫计委, 安监局) is reported as such, with its
    /// successor at this level (from the jurisdiction's registry when it has it) and a fix that
    /// `--fix` applies with `fix-aliases: true`. A plan issued before the reform ended may still
    /// use the old name, and so may a place where it is still official (上海's 经济和信息化委员会).
    /// A jurisdiction with no registry of its own is checked against its level's default registry
    /// (`lints/registries.yaml`), where merged functions (科技和工业信息化局) and bodies stationed
    /// from other levels (…生态环境局平度分局) always pass.
    /// 机构改革中撤并的名称（工信委、卫计委、安监局）会被指出，并给出本级的承继机构。
    ///
    /// ## Known problems / 已知局限
    /// A functional zone with no registry of its own is not checked.
    /// 没有机构名录的功能区不作检查。
    ///
    /// ## Data / 依赖数据
    /// `plans/**/jurisdiction.yaml` (`agencies`, `collectives`), `lints/agency-abbreviations.yaml`,
    /// `lints/registries.yaml`, `lints/renamed-agencies.yaml`.
    pub(crate) static DANGLING_AGENCY = {
        code: "dangling-agency",
        category: Agencies,
        severity: Error,
        summary: ("牵头或责任单位在本辖区机构名录中不存在", "a lead or responsible body does not exist in the jurisdiction's registry"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        let home = ctx.jurisdiction(plan.jurisdiction);
        for group in ctx.agency_names(id) {
            let AgencyResolution::Unknown { suggestion } = group.resolution else {
                continue;
            };
            let diagnostic = match ctx.corpus.catalogue.renamed.find(&group.first.value.folded) {
                Some(found) => match abolished(ctx, plan, &group, found) {
                    Some(diagnostic) => diagnostic,
                    None => continue,
                },
                None => unknown(home, &group, suggestion.as_deref()),
            };
            let mut diagnostic = diagnostic.about(group.subject);
            for other in &group.others {
                diagnostic = diagnostic.with_secondary(other.span, msg!("同一名称", "same name"));
            }
            out.push(diagnostic);
        }
    }
}

fn unknown(home: &Jurisdiction, group: &NameMentions<'_>, suggestion: Option<&Suggestion>) -> Diagnostic {
    let (name, jurisdiction) = (&group.first.value.written, &home.name.value);
    // Against a default registry, the finding says which one.
    let (default_zh, default_en) = home.default_registry.map_or_else(
        || (String::new(), String::new()),
        |level| {
            let (zh, en) = level.names();
            (
                format!("（按{zh}默认机构名录 lints/registries.yaml）"),
                format!(" (the {en} default registry, lints/registries.yaml)"),
            )
        },
    );
    let diagnostic = DANGLING_AGENCY
        .diagnostic(msg!(
            "“{name}”不在{jurisdiction}的机构名录中{default_zh}",
            "`{name}` is not a body in {jurisdiction}'s registry{default_en}"
        ))
        .at_value(group.first, msg!("未知机构", "unknown body"));
    match suggestion {
        Some(s) => {
            let official = &s.name;
            diagnostic.with_help(msg!("是否应为“{official}”？", "did you mean `{official}`?"))
        }
        None => diagnostic.with_help(msg!(
            "请改用正式名称；如该机构确实存在，请将其补入辖区文件的 agencies",
            "use the official name; if the body exists, add it to the jurisdiction file's agencies"
        ))
        .with_reviewer_help(msg!(
            "请改用该机构的正式名称（以本级政府机构设置为准）",
            "use the body's official name, as the local government's list of departments gives it"
        )),
    }
}

/// A name abolished in a reorganisation: its successor here, or nothing when the plan predates
/// the reform's end or the old name is still official in its place.
fn abolished(
    ctx: &LintContext<'_>,
    plan: &crate::model::Plan,
    group: &NameMentions<'_>,
    (entry, old, prefix): (&Renamed, &str, &str),
) -> Option<Diagnostic> {
    let issued = plan.issued.as_ref().map(|d| d.value.year);
    if issued.zip(entry.until).is_some_and(|(year, until)| year <= until) {
        return None;
    }
    let chain = jurisdiction_chain(&ctx.corpus.jurisdictions, plan.jurisdiction);
    let places: Vec<&str> = chain
        .iter()
        .flat_map(|j| ctx.jurisdiction(*j).names())
        .collect();
    if entry.still_current(old, &places) {
        return None;
    }
    let home = ctx.jurisdiction(plan.jurisdiction);
    let (name, reform) = (&group.first.value.written, &entry.reform);
    let successor = registry_level(home)
        .and_then(|level| entry.successor(level))
        .map(|s| {
            // The registry's own name for it, when the registry has it.
            home.registry
                .lookup(&fold(s))
                .map_or_else(|| s.to_string(), |m| home.registry.entries[m.entry()].name.clone())
        });
    let diagnostic = DANGLING_AGENCY
        .diagnostic(msg!(
            "“{name}”已在{reform}年机构改革中撤并",
            "`{name}` was abolished in the {reform} reorganisation"
        ))
        .at_value(group.first, msg!("已撤并", "abolished"));
    Some(match successor {
        Some(successor) => {
            let written = format!("{prefix}{successor}");
            diagnostic
                .with_help(msg!("其职能现由“{written}”承担", "its successor is `{written}`"))
                .with_fix(
                    vec![crate::fix::Edit {
                        source: group.first.source,
                        span: group.first.span,
                        replacement: written.clone(),
                    }],
                    crate::fix::Applicability::OptIn,
                )
        }
        None => diagnostic.with_help(msg!(
            "改用承继其职能的现有机构名称",
            "name the body that took over its functions"
        )),
    })
}

/// Which level's names a jurisdiction's bodies take.
fn registry_level(home: &Jurisdiction) -> Option<RegistryLevel> {
    const MUNICIPALITIES: [&str; 4] = ["110000", "120000", "310000", "500000"];
    home.default_registry.or(match home.level {
        Level::National => None,
        Level::Provincial if home.code.as_deref().is_some_and(|c| MUNICIPALITIES.contains(&c)) => {
            Some(RegistryLevel::Municipality)
        }
        Level::Provincial => Some(RegistryLevel::Provincial),
        Level::Municipal => Some(RegistryLevel::Prefecture),
        Level::County => Some(RegistryLevel::County),
    })
}

//! `uncompared-plan`: a plan whose targets were compared with nothing above it.

use crate::declare_lint;
use crate::diagnostics::{Diagnostic, Subject};
use crate::lints::LintContext;
use crate::model::{Level, PlanId, PlanStatus, TargetId};
use crate::msg;

declare_lint! {
    /// ## What it does
    /// Warns about a plan below the national level that has quantified targets but was compared
    /// with nothing: the corpus has no plan above it (it cites none that is there, and no plan
    /// of its campaign exists higher up its jurisdiction tree), or none of its targets measures
    /// an indicator and year that a plan above it sets. A plan text read in full from which no
    /// quantified target was read is reported too: nothing of it was compared.
    ///
    /// ## 检查内容
    /// 国家级以下、有量化目标的方案，却没有与任何上级方案比较：语料库中没有其上级方案（未引用在库的方案，辖区上级也没有同类方案），或其目标与上级方案没有相同的指标和年份。全文收录却未读到任何量化目标的方案文本也予以报告：该方案完全未作比较。
    ///
    /// ## Why is this bad?
    /// Not being compared is not the same as passing. A run that reports nothing for such a plan
    /// would read as an all-clear for targets nobody checked.
    ///
    /// ## 为什么有问题
    /// 没有比较不等于没有问题；对这样的方案不报告任何问题，会被误读为审核通过。
    ///
    /// ## Example / 示例
    /// A county plan whose text cites no document by name, checked against a corpus without its
    /// city's or province's plan.
    ///
    /// ## How to fix
    /// Add the parent plans to the corpus (`status: stub` when only the number and title are
    /// known), name the plan's jurisdiction with `--jurisdiction`, or tie the wordings a plan
    /// and its parent use for one indicator in the repository's catalogue (`catalogue:` in
    /// planlint.yaml, docs/adding-a-campaign.md).
    ///
    /// ## 修改方法
    /// 将上级方案收录到语料库（仅知文号、标题时用 status: stub），用 --jurisdiction 指明辖区，或在本仓库的指标目录（planlint.yaml 的 catalogue，见 docs/adding-a-campaign.md）中把上下级对同一指标的不同措辞列为同一条目。
    pub(crate) static UNCOMPARED_PLAN = {
        code: "uncompared-plan",
        category: Correctness,
        severity: Warning,
        summary: ("方案的目标没有与任何上级方案比较", "a plan's targets were compared with no plan above it"),
        check: check,
    }
}

fn check(ctx: &LintContext<'_>, out: &mut Vec<Diagnostic>) {
    for (id, plan) in ctx.reported_plans() {
        if plan.status == PlanStatus::Stub
            || ctx.jurisdiction(plan.jurisdiction).level == Level::National
        {
            continue;
        }
        if plan.targets.is_empty() {
            // A text read in full with no target was not compared at all. A plan file lists
            // what its author transcribed, and a cut text is reported as `truncated-text`.
            let path = &ctx.corpus.sources.get(plan.source).path;
            if plan.status == PlanStatus::Full && crate::ingest::text::is_text_plan(path) {
                out.push(no_targets(ctx, id));
            }
            continue;
        }
        let count = plan.targets.len();
        let (targets_en, were) = if count == 1 {
            ("its target".to_string(), "was")
        } else {
            (format!("its {count} targets"), "were")
        };
        let campaign = ctx
            .graph
            .campaign(id)
            .map_or_else(String::new, ToString::to_string);
        let above = levels_above(ctx, id);
        let diagnostic = if ctx.graph.ancestors(id).is_empty() {
            let near = near_misses(ctx, id);
            let diagnostic = match above {
                Some(above) => {
                    let (above_zh, above_en) = (&above.zh(), &above.en());
                    UNCOMPARED_PLAN.diagnostic(msg!(
                        "语料库中{above_zh}没有“{campaign}”的方案，本方案的 {count} 项目标未与任何上级比较",
                        "no plan of the campaign “{campaign}” from {above_en} is in the corpus: {targets_en} {were} compared with nothing"
                    ))
                }
                None => UNCOMPARED_PLAN.diagnostic(msg!(
                    "语料库中没有本方案上级的“{campaign}”方案，本方案的 {count} 项目标未与任何上级比较",
                    "no plan of the campaign “{campaign}” above this one is in the corpus: {targets_en} {were} compared with nothing"
                )),
            };
            let diagnostic = near.into_iter().fold(diagnostic, |d, (other, theirs)| {
                let other_plan = ctx.plan(other);
                let name = ctx.plan_name(other);
                d.with_related(
                    other_plan.title.source,
                    other_plan.title.span,
                    msg!(
                        "{name} 在语料库中，但所属专项不同：“{theirs}”与“{campaign}”不一致",
                        "{name} is in the corpus, but its campaign did not match: “{theirs}” is not “{campaign}”"
                    ),
                    msg!("未匹配的上级方案", "a plan above, not matched"),
                )
            });
            diagnostic
            .with_help(msg!(
                "将上级方案收录到 plans/，在方案中引用上级方案的文号，或用 --jurisdiction 指明辖区；未比较不等于没有问题",
                "add the parent plans under plans/, cite the parent plan's 文号 in the plan, or name the jurisdiction with --jurisdiction; not compared is not the same as passing"
            ))
            .with_reviewer_help(msg!(
                "在方案中引用上级方案的文号和标题；未比较不等于没有问题",
                "cite the parent plans' numbers and titles in the plan; not compared is not the same as passing"
            ))
        } else if !compared(ctx, id) {
            UNCOMPARED_PLAN
                .diagnostic(msg!(
                    "本方案的 {count} 项目标与上级方案没有相同的指标和年份，未作比较",
                    "no plan above this one sets the same indicator and year as {targets_en}: nothing was compared"
                ))
                .with_help(msg!(
                    "核对目标的指标与年份是否与上级方案一致；未比较不等于没有问题",
                    "check that the targets name the parent plans' indicators and years; not compared is not the same as passing"
                ))
        } else {
            continue;
        };
        out.push(
            diagnostic
                .at_value(&plan.title, msg!("本方案", "this plan"))
                .about(Subject::Plan(id)),
        );
    }
}

/// The jurisdictions searched above a plan, named: `潍坊市、山东省和国家层面` / `潍坊市, 山东省 or
/// the national level`; `None` when the corpus knows none above it.
/// A plan read in full with no quantified target: nothing of it was compared.
fn no_targets(ctx: &LintContext<'_>, id: PlanId) -> Diagnostic {
    let plan = ctx.plan(id);
    let goals = plan.qualitative.len();
    UNCOMPARED_PLAN
        .diagnostic(msg!(
            "未从本方案读到任何量化目标（定性目标 {goals} 项），未与上级比较",
            "no quantified target was read from this plan ({goals} goals without a figure): nothing was compared"
        ))
        .at_value(&plan.title, msg!("本方案", "this plan"))
        .about(Subject::Plan(id))
        .with_help(msg!(
            "若方案有量化目标而未读出，在旁注文件的 targets 中补充；未比较不等于没有问题",
            "if the plan has targets that were not read, add them under `targets:` in its sidecar; not compared is not the same as passing"
        ))
        .with_reviewer_help(msg!(
            "量化目标应写明年份和数值（如“到2027年……达到75%”）；未比较不等于没有问题",
            "state each target with its year and figure (到2027年……达到75%); not compared is not the same as passing"
        ))
}

fn levels_above(ctx: &LintContext<'_>, id: PlanId) -> Option<crate::i18n::Msg> {
    let chain = crate::model::jurisdiction::jurisdiction_chain(
        &ctx.corpus.jurisdictions,
        ctx.plan(id).jurisdiction,
    );
    let names: Vec<&str> = chain
        .iter()
        .skip(1)
        .map(|j| ctx.jurisdiction(*j))
        .filter(|j| j.level != Level::National)
        .map(|j| j.name.value.as_str())
        .collect();
    let national = chain
        .iter()
        .any(|j| ctx.jurisdiction(*j).level == Level::National);
    let mut zh = names.join("、");
    let mut en = names.join(", ");
    if national {
        zh = if zh.is_empty() { "国家层面".into() } else { format!("{zh}和国家层面") };
        en = if en.is_empty() { "the national level".into() } else { format!("{en} or the national level") };
    }
    (!zh.is_empty()).then(|| crate::i18n::Msg::new(zh, en))
}

/// Plans in the corpus from the jurisdictions above `id` that are of another campaign, with
/// that campaign: what the reviewer should look at when nothing was compared.
fn near_misses(ctx: &LintContext<'_>, id: PlanId) -> Vec<(PlanId, String)> {
    let chain = crate::model::jurisdiction::jurisdiction_chain(
        &ctx.corpus.jurisdictions,
        ctx.plan(id).jurisdiction,
    );
    let mut found: Vec<(PlanId, String)> = chain
        .iter()
        .skip(1)
        .flat_map(|j| ctx.graph.plans_in(*j).iter().copied())
        .filter(|&other| other != id && !ctx.graph.same_campaign(id, other))
        .map(|other| {
            let theirs = ctx
                .graph
                .campaign(other)
                .map_or_else(String::new, ToString::to_string);
            (other, theirs)
        })
        .collect();
    // The most alike first: the likeliest parent.
    if let Some(mine) = ctx.graph.campaign(id) {
        found.sort_by(|(a, x), (b, y)| {
            let alike = |c: &str| mine.similarity(&crate::model::Campaign::from_title(c, []));
            alike(y).total_cmp(&alike(x)).then(a.cmp(b))
        });
    }
    found.truncate(3);
    found
}

fn compared(ctx: &LintContext<'_>, plan: PlanId) -> bool {
    (0..ctx.plan(plan).targets.len()).any(|index| {
        ctx.graph
            .parent_target(TargetId { plan, index })
            .is_some()
    })
}

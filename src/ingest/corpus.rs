//! Everything one run read, and lookups by typed id.

use crate::catalogue::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::model::Unit;
use crate::model::wording::Abbreviations;
use crate::model::{
    Jurisdiction, JurisdictionId, Plan, PlanId, SourceId, Sources, Target, TargetId,
};
use rayon::prelude::*;

/// Everything one run read.
#[derive(Debug)]
pub struct Corpus {
    pub sources: Sources,
    pub jurisdictions: Vec<Jurisdiction>,
    pub plans: Vec<Plan>,
    pub catalogue: Catalogue,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// How many plan and jurisdiction files were read.
    pub files: usize,
    /// The files of the drafts under review; empty when the whole corpus is checked.
    pub drafts: Vec<SourceId>,
    /// The files of rule data read (`--lints`, the `catalogue:` folders): every plan is read
    /// with them.
    pub rule_files: Vec<SourceId>,
    /// The abbreviations the corpus's indicators give in brackets (PM2.5 → 细颗粒物).
    pub abbreviations: Abbreviations,
    /// What the run should say about the extraction cache (on standard error, not among the
    /// findings): an entry or the folder was not trusted.
    pub cache_note: Option<crate::i18n::Msg>,
}

impl Corpus {
    #[must_use]
    pub fn plan(&self, id: PlanId) -> &Plan {
        &self.plans[id.0]
    }

    /// How findings and tables name a plan: `鲁政发〔2024〕3号（山东省）`.
    #[must_use]
    pub fn plan_name(&self, id: PlanId) -> String {
        let plan = self.plan(id);
        format!(
            "{}（{}）",
            plan.display_name(),
            self.jurisdictions[plan.jurisdiction.0].name.value
        )
    }

    #[must_use]
    pub fn target(&self, id: TargetId) -> &Target {
        &self.plans[id.plan.0].targets[id.index]
    }

    #[must_use]
    pub fn jurisdiction(&self, id: JurisdictionId) -> &Jurisdiction {
        &self.jurisdictions[id.0]
    }

    /// The plan read from `source`, when it was read as one.
    #[must_use]
    pub fn plan_of(&self, source: SourceId) -> Option<PlanId> {
        self.plans
            .iter()
            .position(|plan| plan.source == source)
            .map(PlanId)
    }

    /// Every plan with its id.
    pub fn plan_ids(&self) -> impl Iterator<Item = (PlanId, &Plan)> {
        self.plans.iter().enumerate().map(|(i, p)| (PlanId(i), p))
    }

    /// Every target with its id.
    pub fn target_ids(&self) -> impl Iterator<Item = (TargetId, &Target)> {
        self.plan_ids().flat_map(|(plan, p)| {
            p.targets
                .iter()
                .enumerate()
                .map(move |(index, t)| (TargetId { plan, index }, t))
        })
    }

    /// Links each target to its catalogue entry (`Target::indicator_id`), once, so that the graph,
    /// the lints and the exports all read the same link.
    pub(super) fn link_indicators(&mut self) {
        let Corpus {
            plans,
            catalogue,
            diagnostics,
            abbreviations,
            ..
        } = self;
        *abbreviations = Abbreviations::gather(plans.iter().flat_map(|p| {
            let targets = p.targets.iter().map(|t| t.indicator.value.as_str());
            let goals = p.qualitative.iter().map(|q| q.indicator.value.as_str());
            targets.chain(goals)
        }));
        // Plans restate their parents' indicators: each wording is normalised once.
        let wordings: foldhash::HashSet<&str> = plans
            .iter()
            .flat_map(|p| p.targets.iter().map(|t| t.indicator.value.as_str()))
            .collect();
        let normalised: Normalised = wordings
            .into_par_iter()
            .map(|w| {
                let read = Wording {
                    normalised: abbreviations.normalise(w),
                    candidates: catalogue.candidates(w),
                };
                (w.to_string(), read)
            })
            .collect();
        // Each plan on a core of its own; the notes put back in plan order.
        let notes: Vec<Vec<Diagnostic>> = plans
            .par_iter_mut()
            .map(|plan| link_plan(plan, catalogue, &normalised))
            .collect();
        diagnostics.extend(notes.into_iter().flatten());
    }
}

/// Each target wording of the corpus, read once however many targets share it.
type Normalised = foldhash::HashMap<String, Wording>;

/// What a wording gives every target that words its indicator so.
struct Wording {
    /// Normalised with the corpus's abbreviations.
    normalised: String,
    /// The catalogue entries it can link to, before the target's unit picks one.
    candidates: crate::catalogue::Candidates,
}

/// Links a plan's targets to the catalogue and normalises their wordings; returns the notes
/// for the figures dropped for want of a unit.
fn link_plan(plan: &mut Plan, catalogue: &Catalogue, normalised: &Normalised) -> Vec<Diagnostic> {
    for target in &mut plan.targets {
        // Every wording is there: gathered from these very targets.
        let wording = normalised.get(&target.indicator.value);
        let entry =
            wording.and_then(|w| catalogue.link_among(&w.candidates, &target.quantity.unit));
        target.indicator_id = entry.map(|i| i.id.clone());
        target.wording = wording.map(|w| w.normalised.clone()).unwrap_or_default();
        // `达到2.8万`: the unit is the catalogue's for this indicator.
        if target.quantity.unit == Unit::Count(String::new())
            && let Some(unit) = entry.and_then(|i| i.unit.clone())
        {
            target.quantity.unit = Unit::Count(unit);
        }
    }
    // A figure still without a unit cannot be compared: said, not kept.
    let mut notes = Vec::new();
    plan.targets.retain(|target| {
        let bare = target.quantity.unit == Unit::Count(String::new());
        if bare {
            notes.push(bare_figure(target));
        }
        !bare
    });
    notes
}

/// The note for a figure written without a unit whose indicator the catalogue gives none for.
fn bare_figure(target: &crate::model::Target) -> Diagnostic {
    let figure = target
        .written
        .clone()
        .unwrap_or_else(|| target.quantity.to_string());
    let indicator = &target.indicator.value;
    crate::diagnostics::Diagnostic::new(
        crate::code::ToolCode::UncertainTarget,
        crate::msg!(
            "数值“{figure}”没有单位，指标目录也未给出“{indicator}”的单位，无法与上级比较",
            "the figure {figure} has no unit, and the catalogue gives none for {indicator}, so it cannot be compared"
        ),
    )
    .at(
        target.source,
        target.span,
        crate::msg!("未作为目标读取", "not read as a target"),
    )
}

//! Everything one run read, and lookups by typed id.

use crate::catalogue::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::model::{
    Jurisdiction, JurisdictionId, Plan, PlanId, SourceId, Sources, Target, TargetId,
};

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
}

impl Corpus {
    #[must_use]
    pub fn plan(&self, id: PlanId) -> &Plan {
        &self.plans[id.0]
    }

    #[must_use]
    pub fn target(&self, id: TargetId) -> &Target {
        &self.plans[id.plan.0].targets[id.index]
    }

    #[must_use]
    pub fn jurisdiction(&self, id: JurisdictionId) -> &Jurisdiction {
        &self.jurisdictions[id.0]
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
            plans, catalogue, ..
        } = self;
        for plan in plans {
            for target in &mut plan.targets {
                target.indicator_id = catalogue
                    .link(&target.indicator.value, &target.quantity.unit)
                    .map(|i| i.id.clone());
            }
        }
    }
}

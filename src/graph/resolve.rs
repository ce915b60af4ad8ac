//! Citations → plans (or stubs), and each plan's ancestors: the plans whose targets it must
//! not undercut.
//!
//! A citation with a number resolves by number; when two issuers share a prefix (济南 and 济宁
//! both issue 济政发〔2024〕9号) the issuer named in the cited title, then the citing plan's own
//! chain of jurisdictions, decides. A title-only citation resolves by the plan title inside it,
//! and so does one whose number is of no plan in the corpus (a wrong number behind a right
//! title, reported by `citation-number-mismatch`).
//!

use std::collections::HashMap;

use crate::ingest::Corpus;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::text::{fold, fold_title, plan_title_core};
use crate::model::{Citation, DocNumber, Plan, PlanId};

/// A document cited but not in the corpus.
#[derive(Debug, Clone)]
pub struct Stub {
    pub number: Option<DocNumber>,
    pub title: Option<String>,
}

/// Index of a stub.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct StubId(pub usize);

/// How a citation found its plan.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MatchedBy {
    Number,
    Title,
    /// The number is of no plan in the corpus, but the title is one plan's: the citation names
    /// that plan with a wrong number (`citation-number-mismatch`).
    TitleNotNumber,
    /// No number, and a title worded otherwise (推进 for 推动, 实施方案 for 工作方案) that names a
    /// plan's jurisdiction and campaign.
    Campaign,
}

/// What a citation refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CitationLink {
    Plan { plan: PlanId, by: MatchedBy },
    Stub(StubId),
}

/// Lookups over the corpus's plans by number and by title.
pub(crate) struct PlanIndex<'a> {
    corpus: &'a Corpus,
    by_number: HashMap<(String, u16, u32), Vec<PlanId>>,
    by_title: HashMap<String, Vec<PlanId>>,
    /// Plans by the campaign their title names, longest first.
    by_campaign: Vec<(String, Vec<PlanId>)>,
}

impl<'a> PlanIndex<'a> {
    pub(crate) fn new(corpus: &'a Corpus) -> Self {
        let mut by_number: HashMap<_, Vec<PlanId>> = HashMap::new();
        let mut by_title: HashMap<_, Vec<PlanId>> = HashMap::new();
        for (i, plan) in corpus.plans.iter().enumerate() {
            if let Some(number) = plan.number() {
                by_number.entry(number.key()).or_default().push(PlanId(i));
            }
            by_title
                .entry(plan_title_core(&plan.title.value))
                .or_default()
                .push(PlanId(i));
        }
        let mut campaigns: HashMap<&str, Vec<PlanId>> = HashMap::new();
        for (i, plan) in corpus.plans.iter().enumerate() {
            campaigns
                .entry(plan.campaign.as_str())
                .or_default()
                .push(PlanId(i));
        }
        let mut by_campaign: Vec<(String, Vec<PlanId>)> = campaigns
            .into_iter()
            .filter(|(core, _)| core.chars().count() >= 4)
            .map(|(core, plans)| (core.to_string(), plans))
            .collect();
        by_campaign.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        Self {
            corpus,
            by_number,
            by_title,
            by_campaign,
        }
    }

    /// Resolves one citation of `citing`.
    pub(crate) fn resolve(
        &self,
        citing: &Plan,
        citation: &Citation,
    ) -> Option<(PlanId, MatchedBy)> {
        if let Some(number) = citation
            .doc_number
            .as_ref()
            .and_then(|n| n.value.parsed.as_ref())
        {
            let Some(candidates) = self.by_number.get(&number.key()) else {
                return self
                    .by_title(citing, citation)
                    .map(|p| (p, MatchedBy::TitleNotNumber));
            };
            return self
                .pick(citing, citation, candidates)
                .map(|p| (p, MatchedBy::Number));
        }
        self.by_title(citing, citation)
            .map(|p| (p, MatchedBy::Title))
            .or_else(|| {
                self.by_campaign(citing, citation)
                    .map(|p| (p, MatchedBy::Campaign))
            })
    }

    /// The plan of the campaign a title-only citation names, worded otherwise than the plan's
    /// own title, in the jurisdiction the title names (《山东省推进…实施方案》 for
    /// 山东省推动…实施方案); only a jurisdiction of the citing plan's chain.
    fn by_campaign(&self, citing: &Plan, citation: &Citation) -> Option<PlanId> {
        let title = citation.title.as_ref()?;
        let core = plan_title_core(&title.value);
        let jurisdictions = &self.corpus.jurisdictions;
        let chain = jurisdiction_chain(jurisdictions, citing.jurisdiction);
        self.by_campaign
            .iter()
            .filter(|(campaign, _)| core.contains(campaign.as_str()))
            .flat_map(|(campaign, plans)| plans.iter().map(move |p| (campaign, *p)))
            .find(|(campaign, id)| {
                let plan = &self.corpus.plans[id.0];
                let names = jurisdiction_chain(jurisdictions, plan.jurisdiction)
                    .into_iter()
                    .flat_map(|j| jurisdictions[j.0].names());
                let named = jurisdictions[plan.jurisdiction.0]
                    .names()
                    .any(|n| core.starts_with(&fold(n)));
                let national =
                    jurisdictions[plan.jurisdiction.0].level == crate::model::Level::National;
                chain.contains(&plan.jurisdiction)
                    && (named || national)
                    && crate::model::Campaign::from_title(&title.value, names).as_str()
                        == campaign.as_str()
            })
            .map(|(_, id)| id)
    }

    /// The plan whose title (without issuer and notice wrapper) the citation's title gives.
    fn by_title(&self, citing: &Plan, citation: &Citation) -> Option<PlanId> {
        let title = citation.title.as_ref()?;
        let candidates = self.by_title.get(&plan_title_core(&title.value))?;
        self.pick(citing, citation, candidates)
    }

    fn pick(&self, citing: &Plan, citation: &Citation, candidates: &[PlanId]) -> Option<PlanId> {
        if candidates.len() <= 1 {
            return candidates.first().copied();
        }
        let jurisdictions = &self.corpus.jurisdictions;
        let cited_title = citation.title.as_ref().map(|t| fold_title(&t.value));
        // The issuer or jurisdiction the cited title names.
        let named = candidates.iter().copied().find(|id| {
            let plan = &self.corpus.plans[id.0];
            cited_title.as_ref().is_some_and(|title| {
                jurisdictions[plan.jurisdiction.0]
                    .names()
                    .any(|n| title.starts_with(&fold(n)))
            })
        });
        // Otherwise the one in the citing plan's own chain of jurisdictions.
        let chain = jurisdiction_chain(jurisdictions, citing.jurisdiction);
        named
            .or_else(|| {
                candidates
                    .iter()
                    .copied()
                    .find(|id| chain.contains(&self.corpus.plans[id.0].jurisdiction))
            })
            .or_else(|| candidates.first().copied())
    }
}

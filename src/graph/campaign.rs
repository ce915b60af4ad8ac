//! Which campaign each plan belongs to. A plan belongs first to the campaign of the parent it
//! cites (its 文号 or title resolved to a plan of a jurisdiction above it, or a document not in
//! the corpus whose cited title names a campaign of the corpus), and only then to the campaign
//! its own title names (`model::Campaign`, which reads past verbs, genres and periods). Plans
//! linked so form one campaign, named by its highest plan's title: 国发〔2025〕11号's
//! “人工智能+” takes in 浙江's 若干措施 when 宁波's plan cites both.
//!
//! The parent is what the plan cites in its preamble (为贯彻落实《…》…, before its first target
//! or task; every citation of a plan file, which lists its parents): the most alike of those,
//! whatever the wording (推动“两新”工作任务落实方案 answers 国发〔2024〕7号). A citation further
//! on counts only when its title is alike: a plan's body cites other campaigns' plans (节能降碳
//! in an equipment plan), which must not join them.

use std::collections::HashMap;

use super::resolve::{CitationLink, Stub};
use crate::ingest::Corpus;
use crate::model::jurisdiction::jurisdiction_chain;
use crate::model::{Campaign, Plan, PlanId, SourceId};

/// How alike a cited plan's campaign must be to the citing plan's title to be its parent's.
pub(crate) const ALIKE: f64 = 0.25;

/// Why a plan is in its campaign.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CampaignGround {
    /// Its title names the campaign.
    Title,
    /// It cites this plan of the campaign as its parent.
    Cites(PlanId),
    /// It cites a document not in the corpus whose title names the campaign.
    CitesStub,
}

/// Every plan's campaign.
#[derive(Debug, Default)]
pub(crate) struct Campaigns {
    /// Per plan: its campaign's index.
    of_plan: Vec<usize>,
    /// Per campaign: its name.
    names: Vec<Campaign>,
    /// Per plan: why it is in its campaign.
    grounds: Vec<CampaignGround>,
}

impl Campaigns {
    /// The index of a plan's campaign: plans with equal indexes are compared with each other.
    pub(crate) fn index(&self, plan: PlanId) -> usize {
        self.of_plan.get(plan.0).copied().unwrap_or(usize::MAX)
    }

    pub(crate) fn name(&self, plan: PlanId) -> Option<&Campaign> {
        self.names.get(self.index(plan))
    }

    pub(crate) fn ground(&self, plan: PlanId) -> CampaignGround {
        self.grounds
            .get(plan.0)
            .copied()
            .unwrap_or(CampaignGround::Title)
    }
}

/// A union-find over plans.
struct Sets(Vec<usize>);

impl Sets {
    fn find(&mut self, mut i: usize) -> usize {
        while self.0[i] != i {
            self.0[i] = self.0[self.0[i]];
            i = self.0[i];
        }
        i
    }

    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        // The lower index roots the set, so the result does not depend on the order of joins.
        if a != b {
            let (low, high) = if a < b { (a, b) } else { (b, a) };
            self.0[high] = low;
        }
    }
}

/// Decides every plan's campaign from its title and its citations.
pub(crate) fn resolve(
    corpus: &Corpus,
    citations: &[Vec<CitationLink>],
    stubs: &[Stub],
) -> Campaigns {
    let count = corpus.plans.len();
    let mut sets = Sets((0..count).collect());
    // One campaign per title wording.
    let mut by_title: HashMap<&Campaign, usize> = HashMap::new();
    for (i, plan) in corpus.plans.iter().enumerate() {
        match by_title.get(&plan.campaign) {
            Some(&first) => sets.join(first, i),
            None => {
                by_title.insert(&plan.campaign, i);
            }
        }
    }
    // A stub is cited by many plans (a national plan the corpus lacks, by every province):
    // the campaign its title gives is found once.
    let stub_campaigns: Vec<Option<Campaign>> = stubs
        .iter()
        .map(|s| {
            s.title
                .as_deref()
                .map(|title| Campaign::from_title(title, std::iter::empty()))
        })
        .collect();
    let mut grounds = vec![CampaignGround::Title; count];
    for (i, plan) in corpus.plans.iter().enumerate() {
        let chain = jurisdiction_chain(&corpus.jurisdictions, plan.jurisdiction);
        let preamble_ends = preamble_end(corpus, plan);
        // (in the preamble, how alike, the link): the best is the parent.
        let mut best: Option<(bool, f64, CampaignGround, usize)> = None;
        for (citation, link) in plan
            .citations
            .iter()
            .zip(citations.get(i).into_iter().flatten())
        {
            let (alike, ground, joined) = match *link {
                CitationLink::Plan { plan: cited, .. } if cited.0 != i => {
                    let other = corpus.plan(cited);
                    if !chain.contains(&other.jurisdiction) {
                        continue;
                    }
                    let alike = plan.campaign.similarity(&other.campaign);
                    (alike, CampaignGround::Cites(cited), cited.0)
                }
                CitationLink::Stub(stub) => {
                    let Some(cited) = stub_campaigns.get(stub.0).and_then(Option::as_ref) else {
                        continue;
                    };
                    let Some(&known) = by_title.get(cited) else {
                        continue;
                    };
                    (
                        plan.campaign.similarity(cited),
                        CampaignGround::CitesStub,
                        known,
                    )
                }
                CitationLink::Plan { .. } => continue,
            };
            let in_preamble = citation.source != plan.source
                || preamble_ends.is_none_or(|end| citation.span.start < end);
            if !in_preamble && alike < ALIKE {
                continue;
            }
            let better = best.is_none_or(|(p, a, _, _)| (in_preamble, alike) > (p, a));
            if better {
                best = Some((in_preamble, alike, ground, joined));
            }
        }
        if let Some((_, _, ground, joined)) = best {
            sets.join(i, joined);
            grounds[i] = ground;
        }
    }
    name_campaigns(corpus, &mut sets, grounds)
}

/// Where a plan's text leaves its preamble: its first target, goal or task, when it has any in
/// its own text; `None` for a plan file, whose citations are the parents it lists.
fn preamble_end(corpus: &Corpus, plan: &Plan) -> Option<usize> {
    let path = &corpus.sources.get(plan.source).path;
    if !crate::ingest::text::is_text_plan(path) {
        return None;
    }
    let in_text = |source: SourceId, start: usize| (source == plan.source).then_some(start);
    let targets = plan
        .targets
        .iter()
        .filter_map(|t| in_text(t.source, t.span.start));
    let goals = plan
        .qualitative
        .iter()
        .filter_map(|g| in_text(g.text.source, g.text.span.start));
    let tasks = plan
        .tasks
        .iter()
        .filter_map(|t| in_text(t.source, t.span.start));
    targets.chain(goals).chain(tasks).min()
}

/// Numbers the campaigns in plan order and names each by its highest plan's title.
fn name_campaigns(corpus: &Corpus, sets: &mut Sets, grounds: Vec<CampaignGround>) -> Campaigns {
    let mut index_of_root: HashMap<usize, usize> = HashMap::new();
    let mut of_plan = Vec::with_capacity(corpus.plans.len());
    let mut names: Vec<Campaign> = Vec::new();
    let mut levels = Vec::new();
    for (i, plan) in corpus.plans.iter().enumerate() {
        let root = sets.find(i);
        let index = *index_of_root.entry(root).or_insert_with(|| {
            names.push(plan.campaign.clone());
            levels.push(plan.level);
            names.len() - 1
        });
        if plan.level < levels[index] {
            names[index] = plan.campaign.clone();
            levels[index] = plan.level;
        }
        of_plan.push(index);
    }
    Campaigns {
        of_plan,
        names,
        grounds,
    }
}

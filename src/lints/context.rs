//! What a lint sees: the corpus, the graph, and questions about them phrased the way rules ask.

use foldhash::HashMap;

use crate::catalogue::Indicator;
use crate::comparison::{Comparison, Comparisons};
use crate::diagnostics::{Diagnostic, Subject};
use crate::graph::CitationLink;
use crate::graph::{AgencyResolution, KnowledgeGraph};
use crate::ingest::Corpus;
use crate::model::{
    AgencyName, Citation, Jurisdiction, JurisdictionId, Located, Plan, PlanId, Target, TargetId,
};
use crate::msg;

pub struct LintContext<'a> {
    pub corpus: &'a Corpus,
    pub graph: &'a KnowledgeGraph,
    /// Every plan's targets against its parents', with their verdicts.
    pub comparisons: &'a Comparisons,
    /// By plan, whether the run reports its findings, when it reports some plans' only (drafts,
    /// a folder inside a corpus, what a change touches); `None`: every plan's.
    reported: Option<Vec<bool>>,
}

impl<'a> LintContext<'a> {
    #[must_use]
    pub fn new(
        corpus: &'a Corpus,
        graph: &'a KnowledgeGraph,
        comparisons: &'a Comparisons,
        reported: Option<Vec<bool>>,
    ) -> Self {
        Self {
            corpus,
            graph,
            comparisons,
            reported,
        }
    }

    /// The rows with `verdict` that call for a finding: not those of a plan issued before the
    /// parent of the row (`lints::reporting`), nor of a plan the run does not report on (a
    /// row's finding is about its own plan: a draft's run words the draft's rows alone, not
    /// the whole corpus's).
    pub fn findings_of(
        &self,
        verdict: crate::comparison::Verdict,
    ) -> impl Iterator<
        Item = (
            crate::model::ComparisonId,
            &'a crate::comparison::Comparison,
        ),
    > + '_ {
        self.comparisons
            .with_verdict(verdict)
            .filter(|(_, row)| self.reports_on(row.plan) && super::reporting(row).is_some())
    }

    /// Every plan with its id.
    pub fn plans(&self) -> impl Iterator<Item = (PlanId, &'a Plan)> {
        self.corpus.plan_ids()
    }

    /// The plans whose findings the run reports. A lint whose findings about a plan come only
    /// from looking at that plan iterates these: checking a draft against a corpus of
    /// thousands then lints the draft alone (every plan is still there to look up).
    pub fn reported_plans(&self) -> impl Iterator<Item = (PlanId, &'a Plan)> + '_ {
        self.plans().filter(|(id, _)| self.reports_on(*id))
    }

    /// Whether the run reports the findings about plan `id`.
    fn reports_on(&self, id: PlanId) -> bool {
        self.reported
            .as_ref()
            .is_none_or(|reported| reported.get(id.0).copied().unwrap_or(true))
    }

    #[must_use]
    pub fn plan(&self, id: PlanId) -> &'a Plan {
        self.corpus.plan(id)
    }

    #[must_use]
    pub fn target(&self, id: TargetId) -> &'a Target {
        self.corpus.target(id)
    }

    #[must_use]
    pub fn jurisdiction(&self, id: JurisdictionId) -> &'a Jurisdiction {
        self.corpus.jurisdiction(id)
    }

    /// The catalogue entry a target links to.
    #[must_use]
    pub fn indicator(&self, target: &Target) -> Option<&'a Indicator> {
        target
            .indicator_id
            .as_ref()
            .and_then(|id| self.corpus.catalogue.get(id))
    }

    /// How findings name a plan: `鲁政发〔2024〕3号（山东省）`.
    #[must_use]
    pub fn plan_name(&self, id: PlanId) -> String {
        self.corpus.plan_name(id)
    }
}

/// Every mention of one name (as folded) in one plan, first one first.
pub struct NameMentions<'a> {
    pub first: &'a Located<AgencyName>,
    pub others: Vec<&'a Located<AgencyName>>,
    pub resolution: &'a AgencyResolution,
    /// The first mention, as a finding's subject.
    pub subject: crate::diagnostics::Subject,
}

impl<'a> LintContext<'a> {
    /// Every citation of every plan the run reports on, with what it resolved to: the citing
    /// plan, the citation's index in it, the citation and its link. A finding about a citation
    /// is the citing plan's, so a draft's run looks at the draft's citations alone.
    pub fn citations(
        &self,
    ) -> impl Iterator<Item = (PlanId, usize, &'a Citation, CitationLink)> + '_ {
        let graph = self.graph;
        self.reported_plans().flat_map(move |(id, plan)| {
            plan.citations
                .iter()
                .zip(graph.citations(id))
                .enumerate()
                .map(move |(index, (citation, link))| (id, index, citation, *link))
        })
    }

    /// A finding about a comparison of a target with its parent's: the child's sentence
    /// underlined with `child` (Chinese, English), the parent's shown with `parent`, the pair
    /// its subject.
    #[must_use]
    pub fn against_parent(
        &self,
        diagnostic: Diagnostic,
        row: &Comparison,
        (child_zh, child_en): (&str, &str),
        (parent_zh, parent_en): (&str, &str),
    ) -> Diagnostic {
        let (Some(child_id), Some(parent_id)) = (row.child, row.parent) else {
            return diagnostic;
        };
        let (child, parent) = (self.target(child_id), self.target(parent_id));
        let parent_plan = self.plan_name(parent_id.plan);
        // A pair matched by wording says so where the parent's target is shown.
        let (parent_zh, parent_en) = if row.is_aligned_by_wording() {
            let (zh, en) = crate::comparison::ALIGNED_BY_WORDING;
            (
                format!("{parent_zh}（{zh}）"),
                format!("{parent_en} ({en})"),
            )
        } else {
            (parent_zh.to_string(), parent_en.to_string())
        };
        diagnostic
            .at(
                child.source,
                child.span,
                msg!("本方案：{child_zh}", "this plan: {child_en}"),
            )
            .with_related(
                parent.source,
                self.figure_span(parent),
                msg!(
                    "上级方案 {parent_plan} 的目标",
                    "the target in {parent_plan}"
                ),
                msg!("上级：{parent_zh}", "parent: {parent_en}"),
            )
            .about(Subject::Target {
                target: child_id,
                parent: Some(parent_id),
            })
    }

    /// Where a parent's target is shown: its figure inside its sentence when the sentence
    /// writes it, so that a long `quote:` is shown in a window around the figure rather than
    /// from its start; else the whole sentence.
    #[must_use]
    pub fn figure_span(&self, target: &Target) -> crate::model::Span {
        let text: &str = &self.corpus.sources.get(target.source).text;
        let start = target.span.start;
        let Some(sentence) = text.get(start..target.span.end()) else {
            return target.span;
        };
        // The figure as plans write it: 28 for 28%, 300 for 300万辆 (kept as 3,000,000辆).
        let value = target.quantity.value;
        [value, value / 1e4, value / 1e8]
            .into_iter()
            .map(crate::model::quantity::format_number)
            .find_map(|figure| standalone(sentence, &figure).map(|at| (at, figure.len())))
            .map_or(target.span, |(at, len)| {
                crate::model::Span::new(start + at, len)
            })
    }

    /// The plan's agency names, each once, with its resolution and every place it is written.
    #[must_use]
    pub fn agency_names(&self, id: PlanId) -> Vec<NameMentions<'a>> {
        let plan = self.plan(id);
        let resolutions = self.graph.agencies(self.corpus, id);
        let mut groups: Vec<NameMentions<'a>> = Vec::new();
        let mut index: HashMap<&str, usize> = HashMap::default();
        for (mention, ((_, _, name), resolution)) in
            plan.agency_mentions().zip(resolutions).enumerate()
        {
            match index.get(&*name.value.folded) {
                Some(&i) => groups[i].others.push(name),
                None => {
                    index.insert(&name.value.folded, groups.len());
                    groups.push(NameMentions {
                        first: name,
                        others: Vec::new(),
                        resolution,
                        subject: crate::diagnostics::Subject::Agency { plan: id, mention },
                    });
                }
            }
        }
        groups
    }

    /// How findings name a registry entry: `安丘市 工业和信息化局`.
    #[must_use]
    pub fn registered_name(&self, jurisdiction: JurisdictionId, entry: usize) -> String {
        let j = self.jurisdiction(jurisdiction);
        format!("{}{}", j.name.value, j.registry.entries[entry].name)
    }
}

impl<'a> LintContext<'a> {
    /// The catalogue entry a qualitative target's wording names, if any.
    #[must_use]
    pub fn qualitative_indicator(
        &self,
        target: &crate::model::QualitativeTarget,
    ) -> Option<&'a crate::catalogue::Indicator> {
        self.corpus.catalogue.link_wording(&target.indicator.value)
    }
}

/// Where `figure` stands in `sentence` as a number of its own (not the 20 of 2020年, nor the
/// 2 of 2.5).
fn standalone(sentence: &str, figure: &str) -> Option<usize> {
    let numeric = |c: char| c.is_ascii_digit() || c == '.';
    sentence
        .match_indices(figure)
        .map(|(at, _)| at)
        .find(|&at| {
            let before = sentence[..at].chars().next_back();
            let after = sentence[at + figure.len()..].chars().next();
            !before.is_some_and(numeric) && !after.is_some_and(|c| numeric(c) || c == '年')
        })
}

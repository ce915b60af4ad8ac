//! Every comparison of a plan's targets with the plans above it, made once per run. A
//! [`Comparison`] is one row of the plan's 对照表: a target of the plan against its parent
//! target (on one footing, with the tolerance applied), or a target of the parent plan that the
//! plan omits, words only, or declares not applicable. The verdict is decided here and nowhere
//! else: the lints turn verdicts into findings, and `compare`, the review report, the Word
//! appendix, `trace` and the graph read the same rows with what became of their findings
//! ([`Standing`]).

mod facts;
mod judge;
mod rows;
mod verdict;

use std::collections::{BTreeSet, HashMap, HashSet};

pub use facts::{arithmetic, arithmetic_of, comparison_statement, facts};
pub use judge::Thresholds;
pub use rows::Comparisons;
pub use verdict::{Incomparable, Standing, Verdict, conclusion};

use crate::graph::KnowledgeGraph;
use crate::ingest::Corpus;
use crate::model::{Deadline, Direction, IndicatorKey, Plan, PlanId, PlanStatus, Target, TargetId};

/// One row of a plan's 对照表.
#[derive(Debug, Clone)]
pub struct Comparison {
    /// The plan whose row it is.
    pub plan: PlanId,
    pub key: IndicatorKey,
    pub deadline: Deadline,
    /// The plan's target, when it states one.
    pub child: Option<TargetId>,
    /// The parent plan's target it is compared with.
    pub parent: Option<TargetId>,
    /// The plan's qualitative goal (index in `Plan::qualitative`) that words the parent's target.
    pub goal: Option<usize>,
    /// The plan's `not_applicable:` entry (index) that declares it.
    pub declared: Option<usize>,
    /// Whether both figures were put on one footing: [`Comparison::figures`] puts them on it
    /// again when asked (a row holds a flag, not the 128 bytes of a footing: the national corpus
    /// has hundreds of thousands of rows).
    footed: bool,
    /// The approximate tolerance that made a shortfall equal, when one did.
    pub tolerance: Option<f64>,
    /// Which way the indicator improves, when known.
    pub direction: Option<Direction>,
    pub verdict: Verdict,
    /// The plan was issued before the parent plan of the row: it could not take the parent's
    /// target up, so the row is shown for information and reported by no lint.
    pub predates_parent: bool,
}

/// Compares every plan of the corpus with the plans above it.
#[must_use]
pub fn compare(corpus: &Corpus, graph: &KnowledgeGraph, thresholds: Thresholds) -> Comparisons {
    compare_plans(corpus, graph, thresholds, None)
}

/// The rows of the plans `wanted` marks (by plan index; `None`: every plan's). A run that
/// reports some plans only makes theirs: a row is about its own plan, and the lints report a
/// row only for a plan the run reports on, so a draft checked against thousands of plans
/// compares the draft alone.
#[must_use]
pub fn compare_plans(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    thresholds: Thresholds,
    wanted: Option<&[bool]>,
) -> Comparisons {
    use rayon::prelude::*;
    let is_wanted = |i: usize| wanted.is_none_or(|w| w.get(i).copied().unwrap_or(true));
    // Each plan's rows on every core, numbered in plan order: the same ids at any thread count.
    let by_plan: Vec<Vec<Comparison>> = (0..corpus.plans.len())
        .into_par_iter()
        .map(|i| {
            if is_wanted(i) {
                rows_of(corpus, graph, thresholds, PlanId(i))
            } else {
                Vec::new()
            }
        })
        .collect();
    Comparisons::of_plans(by_plan)
}

/// One plan's rows: its own targets', then its parent's targets it does not state.
fn rows_of(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    thresholds: Thresholds,
    id: PlanId,
) -> Vec<Comparison> {
    let plan = corpus.plan(id);
    let mut rows: Vec<Comparison> = (0..plan.targets.len())
        .map(|index| own_target(corpus, graph, thresholds, TargetId { plan: id, index }))
        .collect();
    if plan.status == PlanStatus::Full
        && let Some(parent) = graph.parent_with_targets(id, corpus)
    {
        let stated = parent_targets(corpus, id, parent);
        // Held as long as the run: no room to spare.
        rows.reserve_exact(stated.len());
        rows.extend(stated);
    }
    rows
}

/// A plan's own target against its parent target, its counterpart, or nothing above.
fn own_target(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    thresholds: Thresholds,
    id: TargetId,
) -> Comparison {
    let child = corpus.target(id);
    let indicator = child
        .indicator_id
        .as_ref()
        .and_then(|i| corpus.catalogue.get(i));
    let mut row = Comparison {
        plan: id.plan,
        key: IndicatorKey::of(child),
        deadline: child.deadline,
        child: Some(id),
        parent: None,
        goal: None,
        declared: None,
        footed: false,
        tolerance: None,
        direction: Some(indicator.map_or(child.better, |i| i.direction)),
        verdict: Verdict::NoParent,
        predates_parent: false,
    };
    let plan = corpus.plan(id.plan);
    if let Some(parent_id) = graph.parent_target(id) {
        let parent = corpus.target(parent_id);
        row.parent = Some(parent_id);
        row.predates_parent = plan.predates(corpus.plan(parent_id.plan));
        let traits = judge::Traits::of(indicator, child, parent);
        let judged = judge::judge(child, parent, traits, thresholds);
        row.direction = Some(traits.direction);
        row.footed = judged.footing.is_some();
        row.tolerance = judged.tolerance;
        row.verdict = judged.verdict;
    } else if let Some(counterpart) = graph.counterpart(id) {
        row.parent = Some(counterpart);
        row.predates_parent = plan.predates(corpus.plan(counterpart.plan));
        row.verdict =
            Verdict::NotComparable(judge::why_incomparable(child, corpus.target(counterpart)));
    }
    row
}

/// The parent plan's quantified targets that `plan` does not state for the same year: omitted,
/// worded only, or declared not applicable. A plan that states an indicator for years of its own
/// (2026 where the parent says 2025 and 2027) has restated it, not omitted it.
fn parent_targets(corpus: &Corpus, id: PlanId, parent_id: PlanId) -> Vec<Comparison> {
    let (plan, parent) = (corpus.plan(id), corpus.plan(parent_id));
    let years = |p: &Plan| -> HashSet<(IndicatorKey, u16)> {
        p.targets
            .iter()
            .filter_map(|t| Some((IndicatorKey::of(t), t.deadline.year()?)))
            .collect()
    };
    let (stated, parents) = (years(plan), years(parent));
    // Indicators the plan states for years of its own, with the last year it states them for.
    let mut elsewhere: HashMap<&IndicatorKey, u16> = HashMap::new();
    for (key, _) in stated.iter().filter(|key| !parents.contains(*key)) {
        let last = stated
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, y)| *y)
            .max()
            .unwrap_or_default();
        elsewhere.insert(key, last);
    }
    let worded = Worded::of(corpus, plan);
    let mut seen: BTreeSet<(IndicatorKey, u16)> = BTreeSet::new();
    let mut rows = Vec::new();
    for (index, target) in parent.targets.iter().enumerate() {
        let key = IndicatorKey::of(target);
        let Deadline::Year(year) = target.deadline else {
            continue;
        };
        // A count or an amount the catalogue does not name is the parent's own total: a plan
        // below need not restate it (the catalogue can say otherwise).
        let indicator = match &key {
            IndicatorKey::Catalogued(indicator_id) => corpus.catalogue.get(indicator_id),
            IndicatorKey::Wording(_) if target.is_relative() => None,
            IndicatorKey::Wording(_) => continue,
        };
        if stated.contains(&(key.clone(), year)) || !seen.insert((key.clone(), year)) {
            continue;
        }
        let declared = worded.declared.get(&key).copied();
        // Restated on its own milestones (2026 where the parent says 2025 and 2027). A plan
        // that takes up some of the parent's years and stops (2027, not 2030) has still to take
        // up the later ones.
        let shares_a_year = stated
            .iter()
            .any(|(k, y)| k == &key && parents.contains(&(key.clone(), *y)));
        let restated_around = elsewhere
            .get(&key)
            .is_some_and(|&last| year <= last || !shares_a_year);
        let goal = if restated_around {
            // Only a goal for this very year words this one.
            let restated = worded.goal_for_year(plan, &key, target.deadline);
            if restated.is_none() {
                continue;
            }
            restated
        } else {
            worded.nearest_goal(plan, &key, target.deadline)
        };
        let beyond = plan.period().is_some_and(|(_, last)| year > last);
        let verdict = match (declared, goal) {
            (Some(_), _) => Verdict::NotApplicable,
            (None, _) if beyond => Verdict::BeyondPeriod,
            (None, Some(_)) => Verdict::QualitativeOnly,
            (None, None) => Verdict::Omitted,
        };
        rows.push(Comparison {
            plan: id,
            key,
            deadline: target.deadline,
            child: None,
            parent: Some(TargetId {
                plan: parent_id,
                index,
            }),
            goal,
            declared,
            footed: false,
            tolerance: None,
            direction: Some(indicator.map_or(target.better, |i| i.direction)),
            verdict,
            predates_parent: plan.predates(parent),
        });
    }
    rows
}

/// The indicators a plan words without a figure, or declares not applicable.
struct Worded {
    /// Key → the indexes of the goals (in `Plan::qualitative`) that name it.
    goals: HashMap<IndicatorKey, Vec<usize>>,
    /// Key → the index of the `not_applicable:` entry that declares it.
    declared: HashMap<IndicatorKey, usize>,
}

impl Worded {
    fn of(corpus: &Corpus, plan: &Plan) -> Self {
        // A later mention shortens an earlier one (新一代智能终端…普及率, then 智能终端…普及率):
        // a goal's wording that ends one of the plan's own targets' is that target's indicator.
        let own: Vec<&str> = plan.targets.iter().map(|t| t.wording.as_str()).collect();
        let key = |wording: &str| {
            if let Some(i) = corpus.catalogue.link_wording(wording) {
                return Some(IndicatorKey::Catalogued(i.id.clone()));
            }
            let normalised = corpus.abbreviations.normalise(wording);
            let longer = own
                .iter()
                .find(|w| w.ends_with(normalised.as_str()) && normalised.chars().count() >= 4);
            Some(IndicatorKey::Wording(
                longer.map_or(normalised, |w| (*w).to_string()),
            ))
        };
        let mut goals: HashMap<IndicatorKey, Vec<usize>> = HashMap::new();
        for (index, goal) in plan.qualitative.iter().enumerate() {
            if let Some(key) = key(&goal.indicator.value) {
                goals.entry(key).or_default().push(index);
            }
        }
        let mut declared = HashMap::new();
        for (index, entry) in plan.not_applicable.iter().enumerate() {
            if let Some(key) = key(&entry.indicator.value) {
                declared.entry(key).or_insert(index);
            }
        }
        Self { goals, declared }
    }

    /// A goal naming `key` for `deadline` itself, or for no year.
    fn goal_for_year(&self, plan: &Plan, key: &IndicatorKey, deadline: Deadline) -> Option<usize> {
        self.goals.get(key)?.iter().copied().find(|&g| {
            let year = plan.qualitative[g].deadline;
            year == deadline || year == Deadline::Unstated
        })
    }

    /// The goal naming `key` nearest in time to `deadline` (a goal without a year counts as
    /// the latest).
    fn nearest_goal(&self, plan: &Plan, key: &IndicatorKey, deadline: Deadline) -> Option<usize> {
        let year = |d: Deadline| d.year().map_or(i32::MAX / 2, i32::from);
        let wanted = year(deadline);
        self.goals
            .get(key)?
            .iter()
            .copied()
            .min_by_key(|&g| (year(plan.qualitative[g].deadline) - wanted).unsigned_abs())
    }
}

/// How a finding and a 对照表 row say that the indicator was matched by its wording, not by the
/// catalogue.
pub const ALIGNED_BY_WORDING: (&str, &str) = ("按措辞对齐", "aligned by wording");

/// The target a row shows for the plan, or for the parent.
impl Comparison {
    /// How the row names the indicator: the catalogue's name, else the wording of the target
    /// it shows (the plan's, or the parent's that the plan does not state).
    #[must_use]
    pub fn name<'c>(&self, corpus: &'c Corpus) -> &'c str {
        let Some(target) = self.child.or(self.parent).map(|t| corpus.target(t)) else {
            return "";
        };
        target
            .indicator_id
            .as_ref()
            .and_then(|i| corpus.catalogue.get(i))
            .map_or(&target.indicator.value, |i| &i.name)
    }

    /// Whether the plan's and the parent's indicators were matched by their normalised
    /// wordings (`model::wording`), not by a catalogue entry.
    #[must_use]
    pub fn is_aligned_by_wording(&self) -> bool {
        self.parent.is_some() && matches!(self.key, IndicatorKey::Wording(_))
    }

    #[must_use]
    pub fn child_target<'c>(&self, corpus: &'c Corpus) -> Option<&'c Target> {
        self.child.map(|t| corpus.target(t))
    }

    #[must_use]
    pub fn parent_target<'c>(&self, corpus: &'c Corpus) -> Option<&'c Target> {
        self.parent.map(|t| corpus.target(t))
    }
}

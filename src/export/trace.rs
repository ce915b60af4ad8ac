//! One indicator down the cascade, as a tree: each plan's target under its parent plan's, with a
//! mark where a child is weaker than its parent or due later.

use std::fmt::Write;

use crate::catalogue::Indicator;
use crate::graph::KnowledgeGraph;
use crate::i18n::Lang;
use crate::ingest::Corpus;
use crate::model::{Deadline, PlanId, Target, TargetId};

/// A query that names no catalogued indicator.
#[derive(Debug, Clone, thiserror::Error, miette::Diagnostic)]
#[error("no catalogued indicator matches `{0}` / 指标目录中没有与“{0}”匹配的指标")]
#[diagnostic(
    code(planlint::trace::unknown_indicator),
    help(
        "use an id or a wording from lints/indicators.yaml, e.g. `key-process-nc-rate` or 数控化率 / 使用 lints/indicators.yaml 中的编号或表述"
    )
)]
pub struct UnknownIndicator(pub String);

/// The tree of `query`'s targets.
pub fn trace(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    query: &str,
    lang: Lang,
) -> Result<String, UnknownIndicator> {
    let indicator = corpus
        .catalogue
        .find(query)
        .ok_or_else(|| UnknownIndicator(query.to_string()))?;
    let targets: Vec<TargetId> = corpus
        .plans
        .iter()
        .enumerate()
        .flat_map(|(p, plan)| {
            plan.targets
                .iter()
                .enumerate()
                .filter_map(move |(index, t)| {
                    (t.indicator_id.as_ref() == Some(&indicator.id)).then_some(TargetId {
                        plan: PlanId(p),
                        index,
                    })
                })
        })
        .collect();
    let parent_of: Vec<Option<TargetId>> = targets
        .iter()
        .map(|t| parent(corpus, graph, &targets, *t))
        .collect();
    let tree = Tree {
        corpus,
        indicator,
        targets: &targets,
        parent_of: &parent_of,
        lang,
    };
    Ok(tree.render())
}

/// The target's parent for the trace: its resolved parent target, else the target of the same
/// indicator in its nearest ancestor plan (of the same year when there is one), so that a 2025
/// county target still hangs under its province.
fn parent(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    targets: &[TargetId],
    id: TargetId,
) -> Option<TargetId> {
    if let Some(p) = graph.parent_target(id).filter(|p| targets.contains(p)) {
        return Some(p);
    }
    let own = target(corpus, id);
    graph.ancestors.get(id.plan.0)?.iter().find_map(|ancestor| {
        let candidates: Vec<TargetId> = targets
            .iter()
            .copied()
            .filter(|t| t.plan == *ancestor)
            .collect();
        candidates
            .iter()
            .copied()
            .find(|t| target(corpus, *t).deadline == own.deadline)
            .or_else(|| candidates.last().copied())
    })
}

fn target(corpus: &Corpus, id: TargetId) -> &Target {
    &corpus.plans[id.plan.0].targets[id.index]
}

struct Tree<'a> {
    corpus: &'a Corpus,
    indicator: &'a Indicator,
    targets: &'a [TargetId],
    parent_of: &'a [Option<TargetId>],
    lang: Lang,
}

impl Tree<'_> {
    fn render(&self) -> String {
        let mut out = format!("{}  ({})\n", self.indicator.name, self.indicator.id.0);
        let roots = self.children(None);
        if roots.is_empty() {
            let none = match self.lang {
                Lang::Zh => "（语料库中没有该指标的目标）",
                Lang::En => "(no target in the corpus measures it)",
            };
            let _ = writeln!(out, "{none}");
        }
        for (i, root) in roots.iter().enumerate() {
            self.node(&mut out, *root, "", i + 1 == roots.len(), true);
        }
        out
    }

    /// The targets whose trace parent is `parent`, in cascade order.
    fn children(&self, parent: Option<TargetId>) -> Vec<TargetId> {
        let mut children: Vec<TargetId> = self
            .targets
            .iter()
            .zip(self.parent_of)
            .filter(|(_, p)| **p == parent)
            .map(|(t, _)| *t)
            .collect();
        children.sort_by_key(|t| {
            let plan = &self.corpus.plans[t.plan.0];
            (
                plan.level,
                plan.display_name(),
                deadline_key(target(self.corpus, *t).deadline),
                t.index,
            )
        });
        children
    }

    fn node(&self, out: &mut String, id: TargetId, prefix: &str, last: bool, root: bool) {
        let plan = &self.corpus.plans[id.plan.0];
        let t = target(self.corpus, id);
        let jurisdiction = &self.corpus.jurisdictions[plan.jurisdiction.0].name.value;
        let year = match t.deadline {
            Deadline::Year(y) => y.to_string(),
            Deadline::Annual => "每年".to_string(),
            Deadline::Unstated => "—".to_string(),
        };
        let value = match self.lang {
            Lang::Zh => t.describe_zh(),
            Lang::En => t.describe_en(),
        };
        let marks = self.marks(id);
        let branch = if root {
            ""
        } else if last {
            "└── "
        } else {
            "├── "
        };
        let _ = writeln!(
            out,
            "{prefix}{branch}{}（{jurisdiction}） {year} {value}{marks}",
            plan.display_name()
        );
        let child_prefix = if root {
            String::new()
        } else {
            format!("{prefix}{}", if last { "    " } else { "│   " })
        };
        let children = self.children(Some(id));
        for (i, child) in children.iter().enumerate() {
            self.node(out, *child, &child_prefix, i + 1 == children.len(), false);
        }
    }

    /// `  ▼ 弱于上级` when weaker than its parent, `  ⏰ 晚于上级` when due later.
    fn marks(&self, id: TargetId) -> String {
        let Some(parent_id) = self
            .targets
            .iter()
            .position(|t| *t == id)
            .and_then(|i| self.parent_of[i])
        else {
            return String::new();
        };
        let (t, parent) = (target(self.corpus, id), target(self.corpus, parent_id));
        let mut marks = String::new();
        let same_year = t.deadline == parent.deadline;
        let comparable = self.indicator.kind == crate::model::IndicatorKind::Relative;
        if comparable
            && same_year
            && t.is_weaker_than(parent, self.indicator.direction) == Some(true)
        {
            marks.push_str(match self.lang {
                Lang::Zh => "  ▼ 弱于上级",
                Lang::En => "  ▼ weaker than its parent",
            });
        }
        if let (Deadline::Year(a), Deadline::Year(b)) = (t.deadline, parent.deadline)
            && a > b
        {
            marks.push_str(match self.lang {
                Lang::Zh => "  ⏰ 晚于上级",
                Lang::En => "  ⏰ later than its parent",
            });
        }
        marks
    }
}

fn deadline_key(d: Deadline) -> (u8, u16) {
    match d {
        Deadline::Year(y) => (0, y),
        Deadline::Annual => (1, 0),
        Deadline::Unstated => (2, 0),
    }
}

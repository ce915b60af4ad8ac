//! One indicator down the cascade, as a tree: each plan's target under its parent plan's, with a
//! mark where the run found a child weaker than its parent or due later (read from the findings,
//! so `trace` agrees with `check`).

use crate::diagnostics::terminal::safe_text;
use std::fmt::Write;

use crate::catalogue::Indicator;
use crate::engine::Report;
use crate::error::Error;
use crate::graph::KnowledgeGraph;
use crate::i18n::Lang;
use crate::ingest::Corpus;
use crate::model::{Deadline, IndicatorKey, Target, TargetId};

use super::Mark;

/// The tree of `query`'s targets: a catalogue entry (by id or wording), else an indicator the
/// corpus's targets word that way (normalised as they are matched across plans).
pub fn trace(report: &Report, query: &str, lang: Lang) -> Result<String, Error> {
    let (corpus, graph) = (&report.corpus, &report.graph);
    let (key, indicator) = match corpus.catalogue.find(query) {
        Some(entry) => (IndicatorKey::Catalogued(entry.id.clone()), Some(entry)),
        None => (
            IndicatorKey::Wording(corpus.abbreviations.normalise(query)),
            None,
        ),
    };
    let targets: Vec<TargetId> = corpus
        .target_ids()
        .filter(|(_, t)| IndicatorKey::of(t) == key)
        .map(|(id, _)| id)
        .collect();
    if indicator.is_none() && targets.is_empty() {
        return Err(Error::UnknownIndicator(query.to_string()));
    }
    let mut campaigns: Vec<String> = targets
        .iter()
        .filter_map(|t| graph.campaign(t.plan).map(ToString::to_string))
        .collect();
    campaigns.sort();
    campaigns.dedup();
    let parent_of: Vec<Option<TargetId>> = targets
        .iter()
        .map(|t| parent(corpus, graph, &targets, *t))
        .collect();
    let tree = Tree {
        report,
        corpus,
        indicator,
        query,
        campaigns: &campaigns,
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
    graph.ancestors(id.plan).iter().find_map(|ancestor| {
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
    corpus.target(id)
}

struct Tree<'a> {
    report: &'a Report,
    corpus: &'a Corpus,
    /// The catalogue entry, when the catalogue names the indicator.
    indicator: Option<&'a Indicator>,
    query: &'a str,
    /// The campaigns of the plans traced.
    campaigns: &'a [String],
    targets: &'a [TargetId],
    parent_of: &'a [Option<TargetId>],
    lang: Lang,
}

impl Tree<'_> {
    fn render(&self) -> String {
        let mut out = match (self.indicator, self.lang) {
            (Some(entry), _) => format!("{}  ({})\n", safe_text(&entry.name), entry.id.0),
            (None, Lang::Zh) => format!(
                "{}  （按措辞对齐，未收录于指标目录）\n",
                safe_text(self.query)
            ),
            (None, Lang::En) => format!(
                "{}  (aligned by wording, not in the catalogue)\n",
                safe_text(self.query)
            ),
        };
        if !self.campaigns.is_empty() {
            let list = safe_text(&self.campaigns.join("、"));
            let _ = match self.lang {
                Lang::Zh => writeln!(out, "专项：{list}"),
                Lang::En => writeln!(out, "campaign: {list}"),
            };
        }
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
        // Plan text goes to a terminal or a CI log: shown, never obeyed.
        let (name, jurisdiction, value) = (
            safe_text(&plan.display_name()),
            safe_text(jurisdiction),
            safe_text(&value),
        );
        let _ = writeln!(
            out,
            "{prefix}{branch}{name}（{jurisdiction}） {year} {value}{marks}"
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

    /// `  ▼ 弱于上级` when the run found it weaker than its parent (and what became of the
    /// finding, when it is not reported), `  ⏰ 晚于上级` when due later.
    fn marks(&self, id: TargetId) -> String {
        match super::mark(self.report, id) {
            None => String::new(),
            Some(Mark::Weaker(standing)) => {
                let mut words = match self.lang {
                    Lang::Zh => "  ▼ 弱于上级".to_string(),
                    Lang::En => "  ▼ weaker than its parent".to_string(),
                };
                if let Some(extra) = standing.words() {
                    match self.lang {
                        Lang::Zh => words.push_str(&format!("（{}）", extra.zh())),
                        Lang::En => words.push_str(&format!(" ({})", extra.en())),
                    }
                }
                words
            }
            Some(Mark::Later) => match self.lang {
                Lang::Zh => "  ⏰ 晚于上级".to_string(),
                Lang::En => "  ⏰ later than its parent".to_string(),
            },
        }
    }
}

fn deadline_key(d: Deadline) -> (u8, u16) {
    match d {
        Deadline::Year(y) => (0, y),
        Deadline::Annual => (1, 0),
        Deadline::Unstated => (2, 0),
    }
}

//! What a change touches: the plans of the changed files (a plan's sidecar is part of it), the
//! plans below them (whose ancestors include a changed plan) and those that cite them, every
//! plan of a changed jurisdiction file or below it, and the plans that a changed plan bears
//! on: those above it (a whole's allocation among the plans below it) and those with its
//! document number. `check --changed-since REF` reports the findings of these alone, which are
//! the same findings a full check gives for them.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use super::{CitationLink, KnowledgeGraph};
use crate::i18n::Msg;
use crate::ingest::Corpus;
use crate::model::{DocNumber, PlanId, SourceId};
use crate::source::{observe, real_path};

/// A change: the files changed, as absolute normalised paths, and what else a run reads.
pub struct Change<'a> {
    pub files: &'a HashSet<PathBuf>,
    /// Each changed file's bytes at the reference, when it was there.
    pub before: &'a HashMap<PathBuf, Vec<u8>>,
    /// The corpus as given: a file gone from under it leaves its dependents unknown.
    pub roots: &'a [PathBuf],
    /// Files every plan is read with besides the rule data: the configuration, the baseline.
    pub read_with: &'a [&'a Path],
}

/// What a change can alter.
#[derive(Debug)]
pub enum Affected {
    /// The findings of these files only.
    Files(HashSet<SourceId>),
    /// Any file's, for this reason.
    Every(Widened),
}

/// Why a change can alter any plan's findings: the plans that read what a file was (or that
/// it is the first to say) cannot be told from the corpus as it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Widened {
    /// The file that makes it so, by the path the corpus read it by (absolute, when it is
    /// gone).
    pub file: PathBuf,
    pub reason: Reason,
}

/// What the file of a [`Widened`] change is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reason {
    /// A file every plan is read with: the rule data, the configuration, the baseline.
    ReadByEvery,
    /// A file under the corpus that is gone (deleted, or renamed away).
    Gone,
    /// A file whose number, title, issuer or place is not what it was (`ingest::identity`).
    Reidentified,
    /// A file that was there at the reference and cannot be read now (too large, not a
    /// regular file, no permission): its plan is left out, so what cited it or lay below it
    /// reads it no more.
    Unreadable,
    /// A new jurisdiction file: its names can place plans anywhere, and make others ambiguous.
    NewJurisdiction,
    /// A new text naming a zone known only by name, which it may be the first to name: plans
    /// placed in that zone by a plan file's `jurisdiction:` depend on it.
    NamesAZone,
}

impl Reason {
    /// Why, in both languages, after the file's name.
    #[must_use]
    pub fn message(self) -> Msg {
        Msg::fixed(match self {
            Self::ReadByEvery => &("每个方案都依据它检查", "every plan is checked with it"),
            Self::Gone => &("它已不在语料库中", "it is gone from the corpus"),
            Self::Reidentified => &(
                "它的文号、标题、发文机关或辖区变了",
                "its number, title, issuer or place changed",
            ),
            Self::Unreadable => &(
                "它在参照版本中存在，现在无法读取",
                "it was there at the reference and cannot be read now",
            ),
            Self::NewJurisdiction => &(
                "新的辖区文件可能改变任何方案的归属",
                "a new jurisdiction file can place any plan",
            ),
            Self::NamesAZone => &(
                "它可能是第一个提到某个开发区的文本",
                "it may be the first text to name a development zone",
            ),
        })
    }
}

/// The files whose findings `change` can alter, or why it can alter any file's: a file every
/// plan is read with changed (the rule data, the configuration, the baseline), a file under the
/// corpus is gone, a file's number, title or place is not what it was (`ingest::identity`), a
/// new jurisdiction file, or a new text that names a zone known only by name.
#[must_use]
pub fn affected(corpus: &Corpus, graph: &KnowledgeGraph, change: &Change<'_>) -> Affected {
    let changed = change.files;
    let canonical = Canonical::of(corpus);
    let touched = |source: SourceId| changed.contains(&canonical.paths[source.0]);
    let rule_file = corpus
        .rule_files
        .iter()
        .find(|&&s| touched(s))
        .map(|s| canonical.paths[s.0].clone());
    let read_with = change
        .read_with
        .iter()
        .map(|path| real_path(path))
        .find(|path| changed.contains(path));
    let widened = rule_file
        .or(read_with)
        .map(|file| (file, Reason::ReadByEvery))
        .or_else(|| widened_by_a_file(corpus, change));
    if let Some((file, reason)) = widened {
        // Named as the corpus read it, so it is shown as the findings show their files.
        let file = canonical
            .paths
            .iter()
            .position(|p| *p == file)
            .map_or(file, |i| corpus.sources.get(SourceId(i)).path.clone());
        return Affected::Every(Widened { file, reason });
    }
    // A sidecar is part of its plan: a corrected target, a status or an `allow:` entry changes
    // what the plan reads, so its plan and the plans that depend on it are what changed.
    let plan_touched = |source: SourceId| {
        touched(source)
            || crate::ingest::sidecar_path(&canonical.paths[source.0])
                .is_some_and(|sidecar| changed.contains(&sidecar))
    };
    let jurisdictions: HashSet<_> = corpus
        .jurisdictions
        .iter()
        .enumerate()
        .filter(|(_, j)| touched(j.source))
        .map(|(i, _)| i)
        .collect();
    // A jurisdiction's registry is read by the plans below it too (a body of another level, a
    // name of the chain).
    let jurisdictions = with_those_below(corpus, &jurisdictions);
    let changed_plans: HashSet<PlanId> = corpus
        .plan_ids()
        .filter(|(_, plan)| {
            plan_touched(plan.source) || jurisdictions.contains(&plan.jurisdiction.0)
        })
        .map(|(id, _)| id)
        .collect();
    let mut files: HashSet<SourceId> = (0..corpus.sources.len())
        .map(SourceId)
        .filter(|&s| touched(s))
        .collect();
    files.extend(depended_on(corpus, graph, &changed_plans));
    for (id, plan) in corpus.plan_ids() {
        let below = graph
            .ancestors(id)
            .iter()
            .any(|a| changed_plans.contains(a));
        let cites = graph.citations(id).iter().any(
            |link| matches!(link, CitationLink::Plan { plan, .. } if changed_plans.contains(plan)),
        );
        if changed_plans.contains(&id) || below || cites {
            files.insert(plan.source);
        }
    }
    Affected::Files(files)
}

/// The jurisdictions `changed` and those below them (by index).
fn with_those_below(corpus: &Corpus, changed: &HashSet<usize>) -> HashSet<usize> {
    let all = &corpus.jurisdictions;
    (0..all.len())
        .filter(|&start| {
            // A chain is never longer than the table: a loop of parents is cut there.
            std::iter::successors(Some(start), |&j| all[j].parent.map(|p| p.0))
                .take(all.len())
                .any(|j| changed.contains(&j))
        })
        .collect()
}

/// The files of the plans that changed plans bear on without depending on them: a whole's
/// allocation among the plans below it is found on the whole (so every plan above a changed
/// one), and a document number that two files carry is found on the later file.
fn depended_on(
    corpus: &Corpus,
    graph: &KnowledgeGraph,
    changed: &HashSet<PlanId>,
) -> Vec<SourceId> {
    let numbers: HashSet<_> = changed
        .iter()
        .filter_map(|&id| corpus.plan(id).number().map(DocNumber::key))
        .collect();
    let same_number = corpus
        .plan_ids()
        .filter(|(_, plan)| plan.number().is_some_and(|n| numbers.contains(&n.key())))
        .map(|(id, _)| id);
    let above = changed
        .iter()
        .flat_map(|&id| graph.ancestors(id).iter().copied());
    same_number
        .chain(above)
        .map(|id| corpus.plan(id).source)
        .collect()
}

/// The first changed file under the corpus (in path order) that is gone, no longer says what
/// other plans read of it as it did at the reference, cannot be read now though it was there
/// then, is a new jurisdiction file, or is a new text naming a zone known only by name.
fn widened_by_a_file(corpus: &Corpus, change: &Change<'_>) -> Option<(PathBuf, Reason)> {
    let roots: Vec<PathBuf> = change.roots.iter().map(|r| real_path(r)).collect();
    let mut under: Vec<&PathBuf> = change
        .files
        .iter()
        .filter(|path| roots.iter().any(|root| path.starts_with(root)))
        .collect();
    under.sort();
    under.into_iter().find_map(|path| {
        if !observe::exists(path) {
            return Some((path.clone(), Reason::Gone));
        }
        match change.before.get(path) {
            Some(before) => match crate::source::read_bytes(path) {
                Ok(now) => (crate::ingest::identity(path, &now)
                    != crate::ingest::identity(path, before))
                .then(|| (path.clone(), Reason::Reidentified)),
                Err(_) => Some((path.clone(), Reason::Unreadable)),
            },
            None if path
                .file_name()
                .is_some_and(|n| n == crate::ingest::JURISDICTION_FILE) =>
            {
                Some((path.clone(), Reason::NewJurisdiction))
            }
            // The zones known only by name are made from every text's names in the corpus's
            // order, and which text made one is not kept: a new text that names one may be the
            // first to.
            None => crate::ingest::place_names(path)
                .iter()
                .any(|name| {
                    crate::ingest::places::zones::names_a_zone_made_by_name(
                        &corpus.jurisdictions,
                        &corpus.sources,
                        name,
                    )
                })
                .then(|| (path.clone(), Reason::NamesAZone)),
        }
    })
}

/// Every source's path as `std::fs::canonicalize` gives it (as it is, when that fails), each
/// folder resolved once: a file that is not a link is its folder's real path and its name.
struct Canonical {
    paths: Vec<PathBuf>,
}

impl Canonical {
    fn of(corpus: &Corpus) -> Self {
        let mut folders: HashMap<PathBuf, Option<PathBuf>> = HashMap::new();
        let paths = corpus
            .sources
            .iter()
            .map(|(_, file)| {
                let path = &file.path;
                let own = std::fs::symlink_metadata(path);
                let (Ok(own), Some(folder), Some(name)) = (own, path.parent(), path.file_name())
                else {
                    return real_path(path);
                };
                if own.file_type().is_symlink() {
                    return real_path(path);
                }
                let folder = if folder.as_os_str().is_empty() {
                    Path::new(".")
                } else {
                    folder
                };
                folders
                    .entry(folder.to_path_buf())
                    .or_insert_with(|| std::fs::canonicalize(folder).ok())
                    .as_ref()
                    .map_or_else(|| path.clone(), |real| real.join(name))
            })
            .collect();
        Self { paths }
    }
}

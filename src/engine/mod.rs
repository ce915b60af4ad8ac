//! The one check pipeline every command and test runs: configuration → ingest → graph →
//! enabled lints → levels → suppressions → sort → fingerprints → baseline → the drafts' scope.
//! `check`, `graph`, `trace` and the test driver are thin callers, so what one shows the others
//! agree with, under every configuration.

use std::collections::HashSet;
use std::path::PathBuf;

use crate::code::{Category, Code};
use crate::comparison::{Comparisons, Standing};
use crate::config::Config;
use crate::diagnostics::{self, Diagnostic, Summary};
use crate::error::Error;
use crate::graph::{CitationLink, KnowledgeGraph};
use crate::ingest::{self, Corpus, Drafts};
use crate::lints::{self, LintMeta};

mod fate;
mod scope;
use crate::model::{ComparisonId, PlanId, SourceId, TargetId};
use fate::Fate;
use scope::{View, subtree_scope};

/// What a run reads and which codes it reports.
#[derive(Debug, Clone, Default)]
pub struct Inputs {
    /// Files or folders to check; empty: the configuration's `include:`.
    pub paths: Vec<PathBuf>,
    /// When not empty, `paths` are drafts checked against these folders, and only the drafts'
    /// findings are reported.
    pub corpus: Vec<PathBuf>,
    /// The drafts' jurisdiction, when neither their folder nor their issuer says it.
    pub jurisdiction: Option<String>,
    /// Rule data to read instead of the bundled `lints/`.
    pub lints_dir: Option<PathBuf>,
    /// `--select`: only these codes (problems reading a file are always reported).
    pub select: Vec<Code>,
    /// `--ignore`: not these codes.
    pub ignore: Vec<Code>,
    /// Which baseline leaves findings out.
    pub baseline: BaselineUse,
    /// Keep what extraction reads in the extraction cache and read it back from there.
    pub cache: bool,
    /// Files and folders every output names otherwise: the review service's uploads by the
    /// name the reviewer gave, its private copy of the corpus by the corpus's path.
    pub names: Vec<(PathBuf, String)>,
    /// `--changed-since`: report only the plans a change to these files (absolute, normalised
    /// paths) can alter (`graph::dependents::affected`).
    pub changed: Option<HashSet<PathBuf>>,
    /// With `changed`: each changed file's bytes at the reference, for the files that were
    /// there (a file whose number, title or place changed leaves plans that read the old ones
    /// behind: `ingest::identity`).
    pub before: std::collections::HashMap<PathBuf, Vec<u8>>,
    /// Lint every plan even when only some are reported: the slower reference that the tests
    /// hold a draft's or a folder's findings to.
    pub lint_every_plan: bool,
}

pub use crate::diagnostics::baseline::BaselineUse;

/// What a run found.
#[derive(Debug)]
pub struct Report {
    pub corpus: Corpus,
    pub graph: KnowledgeGraph,
    /// Every plan's targets against its parents', the one source of every verdict; in a run
    /// that reports some plans only (drafts, a folder, `--changed-since`), theirs alone.
    pub comparisons: Comparisons,
    /// What became of each comparison's finding in this run, by `ComparisonId`.
    standings: Vec<Standing>,
    /// In the stable output order, each with its fingerprint.
    pub findings: Vec<Diagnostic>,
    /// Baseline entries that matched no finding any more, and the baseline's path.
    pub baseline_fixed: Option<(usize, PathBuf)>,
    /// How many findings of this run's scope the baseline left out.
    pub baseline_hidden: usize,
    /// The codes reported about each target: an index, so exports ask per target in O(1).
    about_targets: foldhash::HashSet<(Code, TargetId)>,
    /// Which files it reports on.
    view: View,
}

impl Report {
    /// The facts of one of the run's comparisons, as JSON and SARIF carry them: made when a
    /// report is written, not held by each finding.
    #[must_use]
    pub fn facts(&self, id: crate::model::ComparisonId) -> crate::diagnostics::facts::Facts {
        crate::comparison::facts(&self.corpus, self.comparisons.get(id))
    }

    #[must_use]
    pub fn summary(&self) -> Summary {
        Summary {
            hidden_by_baseline: self.baseline_hidden,
            ..Summary::of(&self.findings, self.corpus.files)
        }
    }

    /// Whether the run reports on the file `source`: the drafts, when drafts are checked against
    /// a corpus; the paths asked for, when a part of a corpus was checked; else every file.
    #[must_use]
    pub fn reports_on(&self, source: SourceId) -> bool {
        self.view.shows(&self.corpus, source)
    }

    /// With `--changed-since`, why the change could alter any plan's findings, when it could:
    /// then every plan was reported.
    #[must_use]
    pub fn widened(&self) -> Option<&crate::graph::dependents::Widened> {
        match &self.view.changed {
            Some(crate::graph::dependents::Affected::Every(why)) => Some(why),
            _ => None,
        }
    }

    /// What became of a comparison's finding in this run.
    #[must_use]
    pub fn standing(&self, id: ComparisonId) -> Standing {
        self.standings
            .get(id.0)
            .copied()
            .unwrap_or(Standing::Informational)
    }

    /// The files `--fix` may edit without `--fix-corpus`: the drafts under review, or, when a
    /// whole corpus is checked, the files whose plans are neither issued nor cited by another.
    #[must_use]
    pub fn draft_sources(&self) -> HashSet<SourceId> {
        if !self.corpus.drafts.is_empty() {
            return self.corpus.drafts.iter().copied().collect();
        }
        let cited: HashSet<PlanId> = (0..self.corpus.plans.len())
            .flat_map(|p| self.graph.citations(PlanId(p)))
            .filter_map(|link| match link {
                CitationLink::Plan { plan, .. } => Some(*plan),
                CitationLink::Stub(_) => None,
            })
            .collect();
        let settled: HashSet<SourceId> = self
            .corpus
            .plan_ids()
            .filter(|(id, plan)| plan.issued.is_some() || cited.contains(id))
            .map(|(_, plan)| plan.source)
            .collect();
        self.corpus
            .plans
            .iter()
            .map(|plan| plan.source)
            .filter(|source| !settled.contains(source))
            .collect()
    }

    /// Whether a finding with `code` is about `target`: how exports and `trace` read verdicts.
    #[must_use]
    pub fn has_finding(&self, code: Code, target: TargetId) -> bool {
        self.about_targets.contains(&(code, target))
    }
}

/// The most secondary and related places one finding lists (the rest are counted in its help).
const MAX_PLACES: usize = 50;

/// Runs the pipeline.
pub fn check(config: &Config, inputs: &Inputs) -> Result<Report, Error> {
    // A nursery lint named in --select runs, as if enabled by name.
    let mut config = config.clone();
    for code in &inputs.select {
        config.enable_nursery(*code);
    }
    let config = &config;
    let lints = enabled_lints(config, inputs);
    // A folder or file inside a corpus is checked with the whole corpus around it, so its
    // parents are found; only its own findings are reported.
    let scope = subtree_scope(config, inputs);
    let widened;
    let inputs = match &scope {
        Some((roots, _)) => {
            widened = Inputs {
                paths: roots.clone(),
                ..inputs.clone()
            };
            &widened
        }
        None => inputs,
    };
    let mut corpus = load(config, inputs)?;
    let graph = crate::graph::build(&corpus);
    let baseline = baseline_in_use(config.baseline.as_deref(), &inputs.baseline);
    let view = View {
        drafts: !inputs.corpus.is_empty(),
        wanted: scope.map(|(_, wanted)| wanted),
        changed: inputs.changed.as_ref().map(|changed| {
            let read_with: Vec<&std::path::Path> = config
                .file
                .as_deref()
                .into_iter()
                .chain(baseline.as_deref())
                .collect();
            crate::graph::dependents::affected(
                &corpus,
                &graph,
                &crate::graph::dependents::Change {
                    files: changed,
                    before: &inputs.before,
                    roots: corpus_roots(config, inputs),
                    read_with: &read_with,
                },
            )
        }),
    };
    let linted = (!inputs.lint_every_plan && view.narrows()).then(|| {
        corpus
            .plans
            .iter()
            .map(|plan| view.shows(&corpus, plan.source))
            .collect()
    });
    let comparisons =
        crate::comparison::compare_plans(&corpus, &graph, config.thresholds, linted.as_deref());
    let mut findings = std::mem::take(&mut corpus.diagnostics);
    let from_lints = findings.len();
    lints::run(&corpus, &graph, &comparisons, &lints, linted, &mut findings);
    for d in &mut findings[from_lints..] {
        d.cap(MAX_PLACES);
    }
    let mut fate = Fate::new(&comparisons);
    fate.cover(&findings);
    findings.retain(|d| reported(config, inputs, d.code));
    config.apply(&mut findings);
    fate.survived(&findings, Standing::Allowed);
    // A lint runs exactly when its code is reported, so this is also the set of lints that ran.
    let ran: Vec<Code> = lints::codes()
        .into_iter()
        .filter(|c| reported(config, inputs, *c))
        .collect();
    lints::suppressions::apply(&corpus, &ran, &mut findings);
    fate.survived(&findings, Standing::Suppressed);
    diagnostics::sort(&mut findings, &corpus.sources);
    let in_view = |d: &Diagnostic| d.source.is_none_or(|s| view.shows(&corpus, s));
    // A baseline is matched against every file's findings (what it lists of the files around
    // the view is not "gone"); without one, only the findings reported need a fingerprint.
    diagnostics::stamp_fingerprints(
        findings
            .iter_mut()
            .filter(|d| baseline.is_some() || in_view(d)),
        &corpus.sources,
        &corpus.plans,
    );
    let reported_files = (baseline.is_some() && view.narrows()).then(|| {
        (0..corpus.sources.len())
            .map(SourceId)
            .filter(|&s| view.shows(&corpus, s))
            .map(|s| corpus.sources.get(s).display_path())
            .collect::<HashSet<String>>()
    });
    // A finding without a file is reported by every run.
    let reported_file = |file: &str| {
        file.is_empty()
            || reported_files
                .as_ref()
                .is_none_or(|files| files.contains(file))
    };
    let applied = apply_baseline(baseline, &mut findings, &reported_file)?;
    let (mut hidden, baseline_fixed) = (applied.hidden, applied.gone);
    fate.survived(&findings, Standing::Baselined);
    let standings = fate.standings(&comparisons, &findings);
    findings.retain(in_view);
    hidden.retain(in_view);
    let about_targets = findings
        .iter()
        .filter_map(|d| d.subject.target().map(|t| (d.code, t)))
        .collect();
    Ok(Report {
        corpus,
        graph,
        comparisons,
        standings,
        findings,
        baseline_fixed,
        baseline_hidden: hidden.len(),
        about_targets,
        view,
    })
}

/// The lints that run: enabled by the configuration and the selection.
fn enabled_lints(config: &Config, inputs: &Inputs) -> Vec<&'static LintMeta> {
    config
        .enabled()
        .into_iter()
        .filter(|l| selected(inputs, l.code()))
        .collect()
}

/// Whether `--select` and `--ignore` keep a code. Problems reading a file (group `input`) are
/// kept by any selection, as a compiler keeps syntax errors: a file that was not read must not
/// pass for a file without problems. Naming one in `--ignore` still leaves it out.
fn selected(inputs: &Inputs, code: Code) -> bool {
    if inputs.ignore.contains(&code) {
        return false;
    }
    inputs.select.is_empty() || inputs.select.contains(&code) || code.category() == Category::Input
}

/// Whether findings of `code` are reported at all.
fn reported(config: &Config, inputs: &Inputs, code: Code) -> bool {
    config.is_enabled(code) && selected(inputs, code)
}

/// The folders and files the corpus is read from.
fn corpus_roots<'a>(config: &'a Config, inputs: &'a Inputs) -> &'a [PathBuf] {
    if !inputs.corpus.is_empty() {
        &inputs.corpus
    } else if inputs.paths.is_empty() {
        &config.include
    } else {
        &inputs.paths
    }
}

fn load(config: &Config, inputs: &Inputs) -> Result<Corpus, Error> {
    let exclude = |p: &std::path::Path| config.excludes(p);
    let lints_dir = inputs.lints_dir.as_deref();
    let root = config.root();
    if inputs.corpus.is_empty() {
        ingest::load_filtered(
            corpus_roots(config, inputs),
            lints_dir,
            &config.catalogue,
            &Drafts {
                names: inputs.names.clone(),
                ..Drafts::default()
            },
            &exclude,
            &root,
            inputs.cache,
        )
    } else {
        let drafts = Drafts {
            paths: inputs.paths.clone(),
            jurisdiction: inputs.jurisdiction.clone(),
            names: inputs.names.clone(),
        };
        ingest::load_filtered(
            &inputs.corpus,
            lints_dir,
            &config.catalogue,
            &drafts,
            &exclude,
            &root,
            inputs.cache,
        )
    }
}

/// Takes out the findings the baseline in use lists; counts as fixed the entries of the files
/// the run reports on (`reported_file`) that matched nothing.
fn apply_baseline(
    baseline: Option<PathBuf>,
    findings: &mut Vec<Diagnostic>,
    reported_file: &dyn Fn(&str) -> bool,
) -> Result<diagnostics::baseline::Applied, Error> {
    use diagnostics::baseline;
    let Some(path) = baseline else {
        return Ok(baseline::Applied::default());
    };
    let failed = |reason: String| Error::Baseline {
        path: crate::model::span::display_path(&path),
        reason,
    };
    // The null device is read as an empty baseline, never opened.
    let text = if path == std::path::Path::new("/dev/null") {
        None
    } else {
        Some(crate::source::read_text(&path).map_err(|e| failed(e.message.en().to_owned()))?)
    };
    let read = baseline::read(text.as_deref()).map_err(failed)?;
    Ok(read.apply(findings, path, reported_file))
}

/// The baseline file a run uses, if any: the one given, else the configured one when it exists.
fn baseline_in_use(
    configured: Option<&std::path::Path>,
    baseline: &BaselineUse,
) -> Option<PathBuf> {
    match (baseline, configured) {
        (BaselineUse::File(path), _) => Some(path.clone()),
        (BaselineUse::FromConfig, Some(path)) if crate::source::observe::is_file(path) => {
            Some(path.to_path_buf())
        }
        (BaselineUse::Off | BaselineUse::FromConfig, _) => None,
    }
}

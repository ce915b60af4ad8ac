//! The corpus a service checks drafts against, and its reloading.
//!
//! Each load makes a *generation*: a private copy of the corpus folder (so a draft is checked
//! against files that cannot change under it) and the corpus checked as a whole from that copy
//! (for the corpus pages). A request takes the current generation when it starts and keeps it
//! to its end; a reload builds the next generation aside and swaps it in whole, so no request
//! ever sees a half-loaded corpus. The copy is removed when its last request ends.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, RwLock};
use std::time::{Duration, SystemTime};

use crate::engine::{self, Inputs, Report};
use crate::error::Error;
use crate::model::PlanId;
use crate::msg;

use super::Settings;

/// One loaded state of the corpus.
#[derive(Debug)]
pub(crate) struct Generation {
    /// Counts loads from 1, for the health check and the logs.
    pub(crate) number: u64,
    pub(crate) loaded_at: SystemTime,
    /// The private copy drafts are checked against.
    snapshot: tempfile::TempDir,
    /// How output names the corpus folder: as a `check --corpus` in the working folder would.
    pub(crate) shown: String,
    /// The corpus checked as a whole.
    pub(crate) report: Report,
    /// Each plan's id in URLs: its path under the corpus folder, `/`-separated.
    ids: Vec<String>,
    /// The plan of each id.
    by_id: HashMap<String, PlanId>,
    /// Each plan's findings by severity, for the corpus listing.
    counts: Vec<crate::export::Counts>,
    /// Each plan's words for search, folded: title, 文号, places, campaign, indicators.
    haystacks: Vec<String>,
}

impl Generation {
    /// The folder drafts are checked against.
    #[must_use]
    pub(crate) fn snapshot(&self) -> &Path {
        self.snapshot.path()
    }

    /// The id of `plan` in URLs and the API.
    #[must_use]
    pub(crate) fn id_of(&self, plan: PlanId) -> &str {
        self.ids.get(plan.0).map_or("", String::as_str)
    }

    /// The plan an id names.
    #[must_use]
    pub(crate) fn plan_by_id(&self, id: &str) -> Option<PlanId> {
        self.by_id.get(id).copied()
    }

    /// The findings reported on `plan`, by severity.
    #[must_use]
    pub(crate) fn counts(&self, plan: PlanId) -> crate::export::Counts {
        self.counts.get(plan.0).copied().unwrap_or_default()
    }

    /// The plans whose title, 文号, place, campaign or an indicator holds every word of
    /// `query` (case and width folded), in corpus order.
    #[must_use]
    pub(crate) fn search(&self, query: &str) -> Vec<PlanId> {
        let words: Vec<String> = fold(query).split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            return Vec::new();
        }
        self.haystacks
            .iter()
            .enumerate()
            .filter(|(_, hay)| words.iter().all(|w| hay.contains(w.as_str())))
            .map(|(i, _)| PlanId(i))
            .collect()
    }

    /// The names output gives the copy: the corpus folder's own.
    #[must_use]
    pub(crate) fn names(&self) -> Vec<(PathBuf, String)> {
        vec![(self.snapshot.path().to_path_buf(), self.shown.clone())]
    }
}

impl Drop for Generation {
    /// The copy is removed on a thread of its own: a national corpus is thousands of files,
    /// and the last request to let go of a generation runs on one of the service's threads.
    /// [`finish_removals`] waits for them before the service exits.
    fn drop(&mut self) {
        let folder = self.snapshot.path().to_path_buf();
        self.snapshot.disable_cleanup(true);
        let remove = {
            let folder = folder.clone();
            move || {
                let _ = std::fs::remove_dir_all(folder);
            }
        };
        match std::thread::Builder::new()
            .name("planlint-remove-copy".to_string())
            .spawn(remove)
        {
            Ok(removing) => removals().push(removing),
            Err(_) => {
                let _ = std::fs::remove_dir_all(folder);
            }
        }
    }
}

/// The removals of old copies still running.
fn removals() -> std::sync::MutexGuard<'static, Vec<std::thread::JoinHandle<()>>> {
    static REMOVING: std::sync::Mutex<Vec<std::thread::JoinHandle<()>>> =
        std::sync::Mutex::new(Vec::new());
    match REMOVING.lock() {
        Ok(guard) => guard,
        Err(poisoned) => poisoned.into_inner(),
    }
}

/// Waits for every old copy to be removed (when the service stops).
pub(crate) fn finish_removals() {
    let running: Vec<_> = removals().drain(..).collect();
    for removing in running {
        let _ = removing.join();
    }
}

/// The current generation, swapped whole by a reload.
#[derive(Debug)]
pub(crate) struct Live {
    current: RwLock<Arc<Generation>>,
}

impl Live {
    /// Loads the first generation; a corpus that cannot be read stops the service from starting.
    pub(crate) async fn load(settings: &Settings) -> Result<Self, Error> {
        let generation = load_generation(settings.clone(), 1).await?;
        Ok(Self {
            current: RwLock::new(Arc::new(generation)),
        })
    }

    /// The generation a request works on to its end.
    #[must_use]
    pub(crate) fn current(&self) -> Arc<Generation> {
        match self.current.read() {
            Ok(guard) => Arc::clone(&guard),
            Err(poisoned) => Arc::clone(&poisoned.into_inner()),
        }
    }

    fn replace(&self, next: Generation) {
        let next = Arc::new(next);
        match self.current.write() {
            Ok(mut guard) => *guard = next,
            Err(poisoned) => *poisoned.into_inner() = next,
        }
    }

    /// Loads the corpus again and swaps it in; on failure the current generation stays.
    pub(crate) async fn reload(&self, settings: &Settings) {
        let number = self.current().number + 1;
        match load_generation(settings.clone(), number).await {
            Ok(next) => {
                super::log::reloaded(next.number, next.report.corpus.plans.len());
                self.replace(next);
            }
            Err(err) => super::log::reload_failed(&err),
        }
    }
}

/// Copies the corpus aside and checks the copy, on a blocking thread.
async fn load_generation(settings: Settings, number: u64) -> Result<Generation, Error> {
    tokio::task::spawn_blocking(move || build(&settings, number))
        .await
        .map_err(|e| {
            Error::Serve(msg!(
                "载入方案库失败：{e}",
                "loading the corpus failed: {e}"
            ))
        })?
}

fn build(settings: &Settings, number: u64) -> Result<Generation, Error> {
    let corpus = &settings.corpus;
    if !corpus.is_dir() {
        return Err(Error::NotFound {
            path: crate::model::span::display_path(corpus),
        });
    }
    let snapshot = tempfile::Builder::new()
        .prefix("planlint-corpus-")
        .tempdir()
        .map_err(|e| {
            Error::Serve(msg!(
                "无法建立方案库副本：{e}",
                "cannot copy the corpus: {e}"
            ))
        })?;
    copy_tree(corpus, snapshot.path())
        .map_err(|e| Error::Serve(msg!("无法复制方案库：{e}", "cannot copy the corpus: {e}")))?;
    // How a `check --corpus DIR` run in the working folder names the corpus folder.
    let shown = crate::model::Sources::rooted(&settings.config.root()).shown(corpus);
    let names = vec![(snapshot.path().to_path_buf(), shown.clone())];
    let inputs = Inputs {
        paths: vec![snapshot.path().to_path_buf()],
        lints_dir: settings.lints_dir.clone(),
        cache: settings.cache,
        names,
        ..Inputs::default()
    };
    let report = engine::check(&settings.config, &inputs)?;
    let ids: Vec<String> = report
        .corpus
        .plans
        .iter()
        .map(|plan| {
            id_of_path(
                &report.corpus.sources.get(plan.source).display_path(),
                &shown,
            )
        })
        .collect();
    let by_id = ids
        .iter()
        .enumerate()
        .map(|(i, id)| (id.clone(), PlanId(i)))
        .collect();
    let counts = counts(&report);
    let haystacks = (0..report.corpus.plans.len())
        .map(|p| haystack(&report, PlanId(p)))
        .collect();
    Ok(Generation {
        number,
        haystacks,
        loaded_at: SystemTime::now(),
        snapshot,
        shown,
        report,
        ids,
        by_id,
        counts,
    })
}

/// Each plan's findings by severity, in one pass over the findings.
fn counts(report: &Report) -> Vec<crate::export::Counts> {
    let mut by_source: HashMap<crate::model::SourceId, crate::export::Counts> = HashMap::new();
    for finding in &report.findings {
        if let Some(source) = finding.source {
            by_source.entry(source).or_default().add(finding.severity);
        }
    }
    report
        .corpus
        .plans
        .iter()
        .map(|plan| by_source.get(&plan.source).copied().unwrap_or_default())
        .collect()
}

/// What search finds a plan by.
fn haystack(report: &Report, id: PlanId) -> String {
    let corpus = &report.corpus;
    let plan = corpus.plan(id);
    let mut words = vec![plan.title.value.clone(), corpus.plan_name(id)];
    words.extend(plan.doc_number.as_ref().map(|n| n.value.written.clone()));
    let chain =
        crate::model::jurisdiction::jurisdiction_chain(&corpus.jurisdictions, plan.jurisdiction);
    words.extend(
        chain
            .iter()
            .flat_map(|&j| corpus.jurisdiction(j).names().map(str::to_string)),
    );
    words.extend(report.graph.campaign(id).map(ToString::to_string));
    words.extend(plan.targets.iter().map(|t| t.indicator.value.clone()));
    fold(&words.join(" "))
}

/// Search's folding: full-width forms to ASCII, lower case.
fn fold(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization as _;
    text.nfkc().flat_map(char::to_lowercase).collect()
}

/// A plan's id in URLs: the path every output shows it by, less the corpus folder's.
pub(crate) fn id_of_path(shown_path: &str, corpus: &str) -> String {
    shown_path
        .strip_prefix(corpus)
        .map_or(shown_path, |rest| rest.trim_start_matches('/'))
        .to_string()
}

/// Copies the regular files and folders under `from`; links are not followed (a corpus never
/// reaches outside itself) and hidden entries (`.git`) are left out, as the checker skips them.
fn copy_tree(from: &Path, to: &Path) -> std::io::Result<()> {
    for entry in walkdir::WalkDir::new(from)
        .follow_links(false)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'))
    {
        let entry = entry.map_err(std::io::Error::other)?;
        let Ok(rest) = entry.path().strip_prefix(from) else {
            continue;
        };
        let target = to.join(rest);
        let kind = entry.file_type();
        if kind.is_dir() {
            std::fs::create_dir_all(&target)?;
        } else if kind.is_file() {
            std::fs::copy(entry.path(), &target)?;
        }
    }
    Ok(())
}

/// Watches the corpus folder and reloads it, once its files have been quiet for a moment.
pub(crate) fn watch(
    live: Arc<Live>,
    settings: Settings,
) -> Result<notify::RecommendedWatcher, Error> {
    use notify::Watcher as _;
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if event.is_ok_and(|e| !matches!(e.kind, notify::EventKind::Access(_))) {
            let _ = tx.send(());
        }
    })
    .map_err(|e| Error::Serve(msg!("无法监视方案库：{e}", "cannot watch the corpus: {e}")))?;
    watcher
        .watch(&settings.corpus, notify::RecursiveMode::Recursive)
        .map_err(|e| Error::Serve(msg!("无法监视方案库：{e}", "cannot watch the corpus: {e}")))?;
    tokio::spawn(async move {
        // An editor's save or a `git pull` is a burst of events: reload once it is over.
        const QUIET: Duration = Duration::from_millis(300);
        while rx.recv().await.is_some() {
            while let Ok(Some(())) = tokio::time::timeout(QUIET, rx.recv()).await {}
            live.reload(&settings).await;
        }
    });
    Ok(watcher)
}

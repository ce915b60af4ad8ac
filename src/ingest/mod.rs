//! Ingestion: files on disk → a [`Corpus`] of model types. Every problem with a file becomes a
//! located diagnostic and the rest of the corpus is still read.

pub(crate) mod cache;
mod corpus;
mod corrections;
mod declarations;
mod discover;
mod hidden;
mod identity;
mod plan_items;
mod plans;
mod prefetch;
use discover::{discover, discover_with_drafts, is_text_plan};
pub(crate) mod jurisdiction_file;
pub(crate) mod places;
pub(crate) mod plan_file;
mod read;
mod reread;
mod rule_data;
mod skipped;
use skipped::{orphan_sidecar, skipped_file};
pub(crate) mod schema;
pub(crate) mod text;
pub(crate) mod text_plan;

use std::path::{Path, PathBuf};

use crate::diagnostics::Diagnostic;
use crate::model::span::display_path;
use crate::model::wording::Abbreviations;
use crate::model::{Jurisdiction, JurisdictionId, Plan, SourceId, Sources};
use crate::source::yaml;
use places::Places;

use crate::msg;
pub use discover::{may_be_read_by_plans, sidecar_path};
pub use identity::{Identity, identity, place_names};
pub use text_plan::SIDECAR_SUFFIX;

/// planlint's configuration file's name.
pub const CONFIG_FILE: &str = "planlint.yaml";

/// The file in each folder of `plans/` that declares its jurisdiction.
pub const JURISDICTION_FILE: &str = "jurisdiction.yaml";

pub use crate::source::MAX_FILE_BYTES;

pub use corpus::Corpus;
pub use reread::reads_back;

/// A path given on the command line that cannot be read at all.
pub type LoadError = crate::error::Error;

/// Plans under review checked against a corpus (`planlint check DRAFT --corpus plans`).
#[derive(Debug, Default, Clone)]
pub struct Drafts {
    pub paths: Vec<PathBuf>,
    /// The jurisdiction the drafts belong to, when neither a folder nor the issuer tells.
    pub jurisdiction: Option<String>,
    /// Paths every output shows by another name (`model::Sources::renamed`).
    pub names: Vec<(PathBuf, String)>,
}

/// Files a run does not read (`exclude:` in planlint.yaml).
pub type Exclude<'a> = &'a dyn Fn(&Path) -> bool;

/// Reads every plan and jurisdiction file under `paths`.
pub fn load(paths: &[PathBuf], lints_dir: Option<&Path>) -> Result<Corpus, LoadError> {
    load_with_drafts(paths, lints_dir, &Drafts::default())
}

/// Reads a corpus and the drafts to check against it. A draft supersedes the corpus's copy of
/// the same document (same issuer and number, or same jurisdiction and title).
pub fn load_with_drafts(
    paths: &[PathBuf],
    lints_dir: Option<&Path>,
    drafts: &Drafts,
) -> Result<Corpus, LoadError> {
    load_filtered(
        paths,
        lints_dir,
        &[],
        drafts,
        &|_| false,
        Path::new("."),
        false,
    )
}

/// [`load_with_drafts`], skipping the plan files `exclude` names (jurisdiction files are always
/// read: they place the plans that remain), with paths shown relative to `root`; with `cache`,
/// what extraction reads from each text plan is kept in the extraction cache and read back
/// from it while the text is unchanged.
pub fn load_filtered(
    paths: &[PathBuf],
    lints_dir: Option<&Path>,
    layers: &[PathBuf],
    drafts: &Drafts,
    exclude: Exclude<'_>,
    root: &Path,
    cache: bool,
) -> Result<Corpus, LoadError> {
    let cache = if cache { cache::Cache::open() } else { None };
    let mut sources = Sources::rooted(root).renamed(&drafts.names);
    let mut diagnostics = Vec::new();
    let catalogue = rule_data::load(lints_dir, layers, &mut sources, &mut diagnostics)?;
    // The sources were empty: all they hold so far is the rule data.
    let rule_files = (0..sources.len()).map(SourceId).collect();
    let (mut files, draft_files) = discover_with_drafts(paths, &drafts.paths)?;
    files.plans.retain(|p| !exclude(p));
    files.orphan_sidecars.retain(|p| !exclude(p));
    files.jurisdictions.extend(draft_files.jurisdictions);
    // Parents first: by depth, then by path.
    crate::model::span::sort_paths(&mut files.jurisdictions, true);
    files.jurisdictions.dedup();
    let mut corpus = Corpus {
        sources,
        jurisdictions: Vec::new(),
        plans: Vec::new(),
        catalogue,
        diagnostics,
        files: files.jurisdictions.len() + files.plans.len() + draft_files.plans.len(),
        drafts: Vec::new(),
        rule_files,
        abbreviations: Abbreviations::default(),
        cache_note: None,
    };
    let folders = load_jurisdictions(&mut corpus, &files.jurisdictions, cache.as_ref());
    places::gazetteer::merge(
        &mut corpus.jurisdictions,
        &mut corpus.sources,
        &crate::gazetteer::BUNDLED,
        &corpus.catalogue,
    );
    let names = crate::model::agency::AgencyNames::default();
    let prefetched = prefetch::prefetch(&files.plans, cache.as_ref(), &names);
    let prefetched_drafts = prefetch::prefetch(&draft_files.plans, cache.as_ref(), &names);
    corpus.cache_note = cache.as_ref().and_then(cache::Cache::note);
    // Zones known only by name (成都高新区), from what the texts and the flag say of their place.
    let named = prefetched
        .iter()
        .chain(&prefetched_drafts)
        .flat_map(prefetch::Prefetched::place_names)
        .chain(drafts.jurisdiction.as_deref());
    places::zones::add_named(&mut corpus.jurisdictions, &mut corpus.sources, named);
    let places = Places::new(&corpus.jurisdictions);
    if let Some(hint) = &drafts.jurisdiction {
        check_hint(&places, &corpus.jurisdictions, hint)?;
    }
    plans::load(
        &mut corpus,
        &files.plans,
        prefetched,
        &folders,
        &places,
        None,
    );
    for path in &files.orphan_sidecars {
        orphan_sidecar(&mut corpus, path);
    }
    for (path, why) in files.skipped.iter().chain(&draft_files.skipped) {
        skipped_file(&mut corpus, path, why);
    }
    let first_draft = corpus.plans.len();
    let before = corpus.sources.len();
    plans::load(
        &mut corpus,
        &draft_files.plans,
        prefetched_drafts,
        &folders,
        &places,
        Some(drafts.jurisdiction.as_deref()),
    );
    corpus
        .drafts
        .extend((before..corpus.sources.len()).map(SourceId));
    supersede(&mut corpus, first_draft);
    corpus.link_indicators();
    if files.plans.is_empty() {
        let shown = paths
            .iter()
            .map(|p| display_path(p))
            .collect::<Vec<_>>()
            .join(", ");
        corpus.diagnostics.push(
            Diagnostic::new(
 crate::code::ToolCode::EmptyCorpus,
 msg!("{shown} 中没有方案文件", "no plan files found in {shown}"),
            )
            .with_help(msg!(
                "方案文件是 jurisdiction.yaml 以外的 .yaml 文件，放在与辖区对应的文件夹中",
                "plan files are the .yaml files other than jurisdiction.yaml, in folders that mirror jurisdictions"
            )),
        );
    }
    Ok(corpus)
}

/// Drops the corpus's copies of documents that a draft is a new version of.
fn supersede(corpus: &mut Corpus, first_draft: usize) {
    let key = |p: &Plan| {
        (
            p.jurisdiction,
            p.number().map(|n| n.key()),
            crate::model::text::plan_title_core(&p.title.value),
        )
    };
    let drafts: Vec<_> = corpus.plans[first_draft..].iter().map(key).collect();
    let mut index = 0;
    corpus.plans.retain(|plan| {
        index += 1;
        if index > first_draft {
            return true;
        }
        let (jurisdiction, number, title) = key(plan);
        !drafts.iter().any(|(j, n, t)| {
            *j == jurisdiction && ((number.is_some() && *n == number) || *t == title)
        })
    });
}

/// Each folder with a jurisdiction file, and its jurisdiction: looked up, never walked in order
/// (a national corpus has thousands; hashing a path once is cheaper than comparing it part by
/// part a dozen times).
pub(crate) type Folders = foldhash::HashMap<PathBuf, JurisdictionId>;

/// Reads the jurisdiction files; returns folder → jurisdiction.
fn load_jurisdictions(
    corpus: &mut Corpus,
    paths: &[PathBuf],
    cache: Option<&cache::Cache>,
) -> Folders {
    let mut folders = Folders::default();
    let fetched = prefetch::prefetch_jurisdictions(paths, cache);
    // Copied: the corpus takes each file as it is read.
    let (aliases, normative) = (
        corpus.catalogue.abbreviations.clone(),
        corpus.catalogue.normative.clone(),
    );
    let mut registries = jurisdiction_file::Registries::new(&aliases, &normative);
    for (path, fetched) in paths.iter().zip(fetched) {
        let Some((source, text)) = read::register(corpus, path, fetched.text) else {
            continue;
        };
        let parsed = fetched.parsed.map_or_else(
            || yaml::parse::<schema::JurisdictionFile>(source, &text).map(Into::into),
            Ok,
        );
        let file = match parsed {
            Ok(file) => file,
            Err(d) => {
                corpus.diagnostics.push(*d);
                continue;
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let parent = nearest_folder(&folders, dir.parent());
        let jurisdiction =
            jurisdiction_file::convert(source, dir.clone(), file, parent, &mut registries);
        corpus.jurisdictions.push(jurisdiction);
        folders.insert(dir, JurisdictionId(corpus.jurisdictions.len() - 1));
    }
    folders
}

fn nearest_folder(folders: &Folders, mut dir: Option<&Path>) -> Option<JurisdictionId> {
    while let Some(d) = dir {
        if let Some(id) = folders.get(d) {
            return Some(*id);
        }
        dir = d.parent();
    }
    None
}

/// `--jurisdiction` must name one place: a wrong or ambiguous name ends the run (exit 2), with
/// a did-you-mean or the candidates.
fn check_hint(
    places: &Places,
    jurisdictions: &[Jurisdiction],
    hint: &str,
) -> Result<(), LoadError> {
    match places::resolve_hint(places, jurisdictions, hint) {
        Ok(_) => Ok(()),
        Err(places::HintProblem::Unknown { did_you_mean }) => {
            Err(crate::error::Error::UnknownJurisdiction {
                name: crate::diagnostics::terminal::safe_text(hint),
                did_you_mean,
            })
        }
        Err(places::HintProblem::Ambiguous { candidates }) => {
            Err(crate::error::Error::AmbiguousJurisdiction {
                name: crate::diagnostics::terminal::safe_text(hint),
                candidates: candidates
                    .into_iter()
                    .map(|id| places::describe(jurisdictions, id))
                    .collect(),
            })
        }
    }
}

//! Finding the files of a corpus: jurisdiction files, plan files (YAML or text), sidecars and
//! the sidecars that have no text beside them.

// Paths are sorted after they are gathered: the sets only make each one once.
use foldhash::{HashSet, HashSetExt};
use rayon::prelude::*;
use std::path::{Path, PathBuf};

use super::{CONFIG_FILE, JURISDICTION_FILE, LoadError, SIDECAR_SUFFIX};
use crate::model::span::{display_path, sort_paths};
use crate::source::{observe, real_path};

pub(super) struct Discovered {
    pub(super) jurisdictions: Vec<PathBuf>,
    pub(super) plans: Vec<PathBuf>,
    /// Sidecars with no text plan beside them.
    pub(super) orphan_sidecars: Vec<PathBuf>,
    /// What was found but not read, and why: never dropped silently.
    pub(super) skipped: Vec<(PathBuf, Skip)>,
    /// The folders walked, as given: the walk takes no link, so a file found beneath one is
    /// spelled as the folder joined with the file's real path below it.
    walked: Vec<PathBuf>,
    /// Files given by name and the jurisdiction files above them, found without a walk.
    named: Vec<PathBuf>,
}

/// Why a file or folder in a corpus was not read.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Skip {
    /// A symbolic link: not followed, so that a corpus cannot reach files outside itself.
    Link,
    /// A pipe, socket or device with a plan's name: reading it could hang.
    NotRegular,
    /// A folder or file that cannot be read (permissions), with the system's reason.
    Unreadable(String),
}

/// The corpus's files and the drafts', each file once whatever path reached it: a draft saved
/// inside a corpus folder is a draft only (never also the corpus's copy of itself), and a
/// jurisdiction file reached both ways is read once.
pub(super) fn discover_with_drafts(
    corpus: &[PathBuf],
    drafts: &[PathBuf],
) -> Result<(Discovered, Discovered), LoadError> {
    let mut files = discover(corpus)?;
    let mut draft_files = discover(drafts)?;
    if drafts.is_empty() {
        return Ok((files, draft_files));
    }
    let spellings = Spellings::of(&files);
    // A draft inside the corpus is named as the corpus names it, so that its folder places it
    // whichever way it was given (`./plans/…`, an absolute path).
    let mut drafted = HashSet::new();
    for draft in &mut draft_files.plans {
        let held = |p: &Path| {
            let at = files.plans.binary_search_by(|q| q.as_path().cmp(p)).ok()?;
            Some(files.plans[at].clone())
        };
        if let Some(spelled) = spellings.find(draft, held) {
            drafted.insert(spelled.clone());
            *draft = spelled;
        }
    }
    files.plans.retain(|p| !drafted.contains(p));
    draft_files.jurisdictions.retain(|j| {
        spellings
            .find(j, |p| files.jurisdictions.iter().find(|q| *q == p).cloned())
            .is_none()
    });
    Ok((files, draft_files))
}

/// How the corpus spells the files it found, resolved once per folder walked rather than once
/// per file (a national corpus holds thousands): two paths name one file when they resolve to
/// the same real path.
struct Spellings {
    /// Each walked folder's real path, with the folder as given.
    walked: Vec<(PathBuf, PathBuf)>,
    /// Each file found without a walk: its real path, with the file as found.
    named: Vec<(PathBuf, PathBuf)>,
}

impl Spellings {
    fn of(files: &Discovered) -> Self {
        let resolved = |p: &PathBuf| (real_path(p), p.clone());
        Spellings {
            walked: files.walked.iter().map(resolved).collect(),
            named: files.named.iter().map(resolved).collect(),
        }
    }

    /// The corpus's spelling of the file at `given`, if `held` finds it among the corpus's. The
    /// real path of `given` has no link and no `.` or `..`, so below a walked folder it has one
    /// spelling only: the folder joined with the rest of it; and the walk took no link, so a
    /// file the corpus found there is spelled exactly so.
    fn find(&self, given: &Path, held: impl Fn(&Path) -> Option<PathBuf>) -> Option<PathBuf> {
        let real = real_path(given);
        let below = self.walked.iter().filter_map(|(folder, spelled)| {
            let rest = real.strip_prefix(folder).ok()?;
            Some(spelled.join(rest))
        });
        let named = self
            .named
            .iter()
            .filter(|(file, _)| *file == real)
            .map(|(_, spelled)| spelled.clone());
        below.chain(named).find_map(|p| held(&p))
    }
}

pub(super) fn discover(paths: &[PathBuf]) -> Result<Discovered, LoadError> {
    let mut jurisdictions = HashSet::new();
    let mut plans = HashSet::new();
    let mut sidecars = HashSet::new();
    let mut skipped = Vec::new();
    let (mut walked, mut named) = (Vec::new(), Vec::new());
    // `check plans ./plans` names every file twice: each is read once, as first named. Only
    // several roots can overlap, so one root costs no resolving of paths.
    let overlapping = paths.len() > 1;
    let mut seen = HashSet::new();
    let mut first = |path: &Path| !overlapping || seen.insert(real_path(path));
    for root in paths {
        if !observe::exists(root) {
            return Err(LoadError::NotFound {
                path: display_path(root),
            });
        }
        if !observe::is_file(root) && !observe::is_dir(root) {
            return Err(LoadError::NotRegular {
                path: display_path(root),
            });
        }
        if observe::is_file(root) {
            if !first(root) {
                continue;
            }
            if is_jurisdiction_file(root) {
                jurisdictions.insert(root.clone());
            } else {
                plans.insert(root.clone());
            }
            named.push(root.clone());
            // A single file is checked with the jurisdictions of the folders above it.
            let mut dir = root.parent();
            while let Some(d) = dir {
                let candidate = d.join(JURISDICTION_FILE);
                if !is_regular(&candidate) {
                    break;
                }
                named.push(candidate.clone());
                jurisdictions.insert(candidate);
                dir = d.parent();
            }
            continue;
        }
        walked.push(root.clone());
        let found = walk(root, root);
        skipped.extend(found.skipped);
        for path in found.files {
            if !first(&path) {
                continue;
            }
            if is_sidecar(&path) {
                sidecars.insert(path);
            } else if is_jurisdiction_file(&path) {
                jurisdictions.insert(path);
            } else {
                plans.insert(path);
            }
        }
    }
    // In no order: `load_filtered` sorts them, parents first, with the drafts' own.
    let jurisdictions: Vec<PathBuf> = jurisdictions.into_iter().collect();
    let mut plans: Vec<PathBuf> = plans.into_iter().collect();
    sort_paths(&mut plans, false);
    // A look on disk per sidecar, on every core (the order is made by the sort).
    let mut orphan_sidecars: Vec<PathBuf> = sidecars
        .into_par_iter()
        .filter(|s| text_of_sidecar(s).is_none())
        .collect();
    sort_paths(&mut orphan_sidecars, false);
    skipped.sort();
    skipped.dedup();
    Ok(Discovered {
        jurisdictions,
        plans,
        orphan_sidecars,
        skipped,
        walked,
        named,
    })
}

/// What a walk found, in the order of a walk sorted by name.
#[derive(Default)]
struct Walked {
    /// Plan files, sidecars and jurisdiction files.
    files: Vec<PathBuf>,
    skipped: Vec<(PathBuf, Skip)>,
}

/// The files under `folder` of the corpus folder `root`, in the order one walk sorted by name
/// gives: its own first, then each of its folders' in order, each walked on a core of its own
/// (a national corpus is thousands of folders, in any shape). No link is taken and nothing
/// hidden is entered.
fn walk(root: &Path, folder: &Path) -> Walked {
    enum Part {
        Seen(Walked),
        Folder(PathBuf),
    }
    let mut parts = Vec::new();
    let mut here = Walked::default();
    for entry in walkdir::WalkDir::new(folder)
        .sort_by_file_name()
        .max_depth(1)
        .into_iter()
        .filter_entry(not_hidden)
    {
        if let Ok(entry) = &entry
            && entry.depth() == 1
            && entry.file_type().is_dir()
            && !entry.path_is_symlink()
        {
            parts.push(Part::Seen(std::mem::take(&mut here)));
            parts.push(Part::Folder(entry.path().to_path_buf()));
            continue;
        }
        visit(root, entry, &mut here);
    }
    parts.push(Part::Seen(here));
    let walked: Vec<Walked> = parts
        .into_par_iter()
        .map(|part| match part {
            Part::Seen(walked) => walked,
            Part::Folder(inner) => walk(root, &inner),
        })
        .collect();
    let mut all = Walked::default();
    for part in walked {
        all.files.extend(part.files);
        all.skipped.extend(part.skipped);
    }
    all
}

/// Hidden files and folders (`.git`) are not part of a corpus; the folder walked from is (a
/// folder within is walked from only when it is not hidden).
fn not_hidden(entry: &walkdir::DirEntry) -> bool {
    entry.depth() == 0 || !entry.file_name().to_string_lossy().starts_with('.')
}

/// One entry of a walk of the corpus folder `root`: a file to read, something skipped and
/// why, or a folder whose stamp a replayed run checks.
fn visit(root: &Path, entry: walkdir::Result<walkdir::DirEntry>, walked: &mut Walked) {
    let entry = match entry {
        Ok(entry) => entry,
        Err(err) => {
            let path = err
                .path()
                .map_or_else(|| root.to_path_buf(), Path::to_path_buf);
            // Made readable again, it changes its own stamp, not its parent's.
            observe::look(&path);
            walked
                .skipped
                .push((path, Skip::Unreadable(err.to_string())));
            return;
        }
    };
    let path = entry.path();
    let wanted = (is_yaml(path) || is_text_plan(path)) && !is_config_file(path);
    if entry.path_is_symlink() {
        if wanted || observe::is_dir(path) {
            walked.skipped.push((path.to_path_buf(), Skip::Link));
        }
        return;
    }
    if entry.file_type().is_dir() {
        // A plan added, removed or renamed in it changes the folder's stamp.
        observe::look(path);
        return;
    }
    if !wanted {
        return;
    }
    if !entry.file_type().is_file() {
        walked.skipped.push((path.to_path_buf(), Skip::NotRegular));
        return;
    }
    walked.files.push(path.to_path_buf());
}

/// A regular file, not a link to one: what a corpus reads.
pub(super) fn is_regular(path: &Path) -> bool {
    observe::is_regular(path)
}

/// planlint's configuration, which may sit in a folder that is checked: not a plan.
pub(super) fn is_config_file(path: &Path) -> bool {
    path.file_name()
        .is_some_and(|n| n == std::ffi::OsStr::new(CONFIG_FILE))
}

/// A plan given as text; README files beside the plans are documentation, not plans.
pub(super) fn is_text_plan(path: &Path) -> bool {
    let readme = path
        .file_stem()
        .and_then(|s| s.to_str())
        .is_some_and(|s| s.eq_ignore_ascii_case("readme"));
    super::text::is_text_plan(path) && !readme
}

pub(super) fn is_sidecar(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.ends_with(SIDECAR_SUFFIX))
}

/// The sidecar of a text plan, if there is one (a regular file: a link is not followed).
pub(super) fn sidecar_of(text: &Path) -> Option<PathBuf> {
    sidecar_path(text).filter(|path| is_regular(path))
}

/// Whether the file at `path` can be a plan, a sidecar or a jurisdiction file (by its name
/// alone): what other plans may read of.
#[must_use]
pub fn may_be_read_by_plans(path: &Path) -> bool {
    is_text_plan(path) || is_yaml(path)
}

/// Where the sidecar of the plan file `plan` would be, when it is a text plan, whether or not
/// there is one: `an-zhengfa-2024-13.txt` → `an-zhengfa-2024-13.sidecar.yaml`.
#[must_use]
pub fn sidecar_path(plan: &Path) -> Option<PathBuf> {
    if !is_text_plan(plan) {
        return None;
    }
    let stem = plan.file_stem()?.to_str()?;
    Some(plan.with_file_name(format!("{stem}{SIDECAR_SUFFIX}")))
}

/// The text plan a sidecar belongs to, if it exists (`.txt`, `.md`, `.docx`, in any case).
pub(super) fn text_of_sidecar(sidecar: &Path) -> Option<PathBuf> {
    let name = sidecar.file_name()?.to_str()?;
    let stem = name.strip_suffix(SIDECAR_SUFFIX)?;
    ["txt", "md", "docx", "TXT", "MD", "DOCX"]
        .iter()
        .map(|ext| sidecar.with_file_name(format!("{stem}.{ext}")))
        .find(|p| is_regular(p))
}

pub(super) fn is_yaml(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"))
}

pub(super) fn is_jurisdiction_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == JURISDICTION_FILE)
}

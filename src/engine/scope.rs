//! Which files a run reads and which it reports on, when the paths given lie inside a larger
//! corpus: a folder or file inside a corpus is checked with the whole corpus around it, so its
//! parents are found; only its own findings are reported.

use std::path::PathBuf;

use super::Inputs;
use crate::config::Config;
use crate::graph::dependents::Affected;
use crate::ingest::{self, Corpus};
use crate::model::SourceId;

/// When the paths given lie inside a larger corpus (an `include:` root of the configuration, or
/// folders above them that declare jurisdictions), the roots to read and the paths whose
/// findings are reported.
pub(super) fn subtree_scope(
    config: &Config,
    inputs: &Inputs,
) -> Option<(Vec<PathBuf>, Vec<PathBuf>)> {
    if !inputs.corpus.is_empty() || inputs.paths.is_empty() {
        return None;
    }
    let wanted: Vec<PathBuf> = inputs.paths.iter().map(|p| absolute(p)).collect();
    let includes: Vec<PathBuf> = config.include.iter().map(|p| absolute(p)).collect();
    let mut roots: Vec<PathBuf> = Vec::new();
    for path in &wanted {
        let root = includes
            .iter()
            .find(|i| path.starts_with(i) && path != *i)
            .cloned()
            .unwrap_or_else(|| topmost_jurisdiction_folder(path));
        if !roots.contains(&root) {
            roots.push(root);
        }
    }
    let widened = roots.iter().zip(&wanted).any(|(r, w)| r != w) || roots.len() != wanted.len();
    widened.then_some((roots, wanted))
}

/// The highest folder above `path` (itself included, for a folder) in an unbroken chain of
/// folders that each declare a jurisdiction.
fn topmost_jurisdiction_folder(path: &std::path::Path) -> PathBuf {
    let start = if crate::source::observe::is_dir(path) {
        path.to_path_buf()
    } else {
        path.parent()
            .map(std::path::Path::to_path_buf)
            .unwrap_or_default()
    };
    let mut top = start.clone();
    let mut dir = start.parent();
    while let Some(d) = dir {
        if !crate::source::observe::is_file(&d.join(ingest::JURISDICTION_FILE)) {
            break;
        }
        top = d.to_path_buf();
        dir = d.parent();
    }
    if top == start && !crate::source::observe::is_dir(path) {
        // A single file in a jurisdiction's folder: its folder is the corpus.
        return path.to_path_buf();
    }
    top
}

/// A path made absolute against the working directory, with `.` and `..` resolved.
pub(super) fn absolute(path: &std::path::Path) -> PathBuf {
    crate::model::span::lexical(&std::env::current_dir().unwrap_or_default().join(path))
}

/// Which files a run reports on: a draft is reviewed, not the corpus, so only the drafts; a
/// folder or file inside a corpus, only its own; after a change, only what it can alter.
#[derive(Debug)]
pub(super) struct View {
    /// Drafts are checked against a corpus.
    pub(super) drafts: bool,
    /// The paths asked for, when the corpus around them was read too.
    pub(super) wanted: Option<Vec<PathBuf>>,
    /// `--changed-since`: what the change can alter.
    pub(super) changed: Option<Affected>,
}

impl View {
    /// Whether the run reports some files only.
    pub(super) fn narrows(&self) -> bool {
        self.drafts || self.wanted.is_some() || matches!(self.changed, Some(Affected::Files(_)))
    }

    pub(super) fn shows(&self, corpus: &Corpus, source: SourceId) -> bool {
        (!self.drafts || corpus.drafts.contains(&source))
            && match &self.changed {
                Some(Affected::Files(files)) => files.contains(&source),
                Some(Affected::Every(_)) | None => true,
            }
            && self.wanted.as_ref().is_none_or(|wanted| {
                let path = absolute(&corpus.sources.get(source).path);
                wanted.iter().any(|w| path.starts_with(w))
            })
    }
}

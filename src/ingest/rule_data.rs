//! The rule data a run reads: the bundled catalogue, or `--lints DIR` instead, with the
//! `catalogue:` folders of planlint.yaml laid over it. Rule data the user named must be whole:
//! with half of it, every check would be wrong, so a problem in it stops the run.

use std::path::{Path, PathBuf};

use super::LoadError;
use crate::catalogue::Catalogue;
use crate::diagnostics::Diagnostic;
use crate::error::Error;
use crate::model::Sources;
use crate::model::span::display_path;

/// The catalogue, or the error that names the folder at fault.
pub(super) fn load(
    lints_dir: Option<&Path>,
    layers: &[PathBuf],
    sources: &mut Sources,
    diagnostics: &mut Vec<Diagnostic>,
) -> Result<Catalogue, LoadError> {
    let catalogue = Catalogue::load(lints_dir, layers, sources, diagnostics);
    let Some(problem) = diagnostics.first() else {
        return Ok(catalogue);
    };
    if lints_dir.is_none() && layers.is_empty() {
        return Ok(catalogue);
    }
    let file = problem
        .source
        .map(|s| sources.get(s).display_path())
        .unwrap_or_default();
    let reason = format!("{file}: {}", problem.message.en());
    if let Some(dir) = lints_dir {
        return Err(Error::RuleData {
            dir: display_path(dir),
            reason,
        });
    }
    // With the bundled data read, the problem is in a `catalogue:` folder: the one its file is
    // in (a folder that is missing has no file).
    let dir = layers
        .iter()
        .find(|l| {
            problem
                .source
                .is_some_and(|s| sources.get(s).path.starts_with(l))
        })
        .or(layers.first())
        .map(|d| display_path(d))
        .unwrap_or_default();
    Err(Error::CatalogueFolder {
        dir,
        reason: reason.trim_start_matches(": ").to_string(),
    })
}

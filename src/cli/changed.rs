//! `check --changed-since REF`: the files git says changed since REF (committed, staged,
//! unstaged or new), for the run to report the findings of the plans they touch.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::process::Command;

use crate::error::Error;

/// What changed since a reference.
pub(super) struct Changes {
    /// The changed files, absolute and canonical.
    pub files: HashSet<PathBuf>,
    /// The bytes at the reference of the changed files that were there.
    pub before: HashMap<PathBuf, Vec<u8>>,
}

/// The changed files, absolute and canonical, as git lists them from the repository around the
/// working directory, with their versions at `reference`.
pub(super) fn changed_files(reference: &str) -> Result<Changes, Error> {
    let failed = |reason: String| Error::ChangedFiles {
        reference: crate::diagnostics::terminal::safe_text(reference),
        reason: crate::diagnostics::terminal::safe_text(&reason),
    };
    let git = |args: &[&str]| -> Result<String, Error> {
        let out = Command::new("git")
            .args(args)
            .output()
            .map_err(|e| failed(e.to_string()))?;
        if !out.status.success() {
            return Err(failed(
                String::from_utf8_lossy(&out.stderr).trim().to_string(),
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    };
    // A reference that looks like an option is never passed to git as one.
    if reference.starts_with('-') {
        return Err(failed("not a git reference".to_string()));
    }
    let top = PathBuf::from(git(&["rev-parse", "--show-toplevel"])?.trim_end());
    let mut names = git(&["diff", "--name-only", "-z", reference, "--"])?;
    names.push_str(&git(&[
        "ls-files",
        "--others",
        "--exclude-standard",
        "-z",
        "--full-name",
        ":/",
    ])?);
    let mut changes = Changes {
        files: HashSet::new(),
        before: HashMap::new(),
    };
    for name in names.split('\0').filter(|name| !name.is_empty()) {
        let path = top.join(name);
        let path = std::fs::canonicalize(&path).unwrap_or(path);
        // `git show REF:path` fails for a file new since REF: it has no earlier version.
        if let Some(bytes) = earlier(reference, name) {
            changes.before.insert(path.clone(), bytes);
        }
        changes.files.insert(path);
    }
    Ok(changes)
}

/// The bytes of `name` (relative to the repository's top) at `reference`, when it was there.
fn earlier(reference: &str, name: &str) -> Option<Vec<u8>> {
    let out = Command::new("git")
        // A path after the colon is from the top of the repository, wherever git runs.
        .args(["show", &format!("{reference}:{name}")])
        .output()
        .ok()?;
    out.status.success().then_some(out.stdout)
}

//! `check --changed-since REF`: the files git says changed since REF (committed, staged,
//! unstaged or new), for the run to report the findings of the plans they touch.

use std::collections::HashSet;
use std::path::PathBuf;
use std::process::Command;

use crate::error::Error;

/// The changed files, absolute and canonical, as git lists them from the repository around the
/// working directory.
pub(super) fn changed_files(reference: &str) -> Result<HashSet<PathBuf>, Error> {
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
    Ok(names
        .split('\0')
        .filter(|name| !name.is_empty())
        .map(|name| {
            let path = top.join(name);
            std::fs::canonicalize(&path).unwrap_or(path)
        })
        .collect())
}

//! `check --changed-since REF`: the files git says changed since REF (committed, staged,
//! unstaged or new), for the run to report the findings of the plans they touch.

use std::collections::{HashMap, HashSet};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::error::Error;
use crate::i18n::Lang;

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
    // The three questions are independent: asked at once, the run waits for the slowest (the
    // walk for new files) rather than for all three in turn. Their answers are read in the
    // order of the questions, so the first failure is the one reported.
    let (top, changed, new) = std::thread::scope(|scope| {
        let top = scope.spawn(|| git(&["rev-parse", "--show-toplevel"]));
        let changed = scope.spawn(|| git(&["diff", "--name-only", "-z", reference, "--"]));
        let new = git(&[
            "ls-files",
            "--others",
            "--exclude-standard",
            "-z",
            "--full-name",
            ":/",
        ]);
        let joined = |handle: std::thread::ScopedJoinHandle<'_, Result<String, Error>>| {
            handle
                .join()
                .unwrap_or_else(|_| Err(failed("git could not be asked".to_string())))
        };
        (joined(top), joined(changed), new)
    });
    let top = PathBuf::from(top?.trim_end());
    let mut names = changed?;
    names.push_str(&new?);
    let names: Vec<&str> = names.split('\0').filter(|name| !name.is_empty()).collect();
    let canonical = |name: &str| crate::source::real_path(&top.join(name));
    // Only a file that can be a plan, a sidecar or a jurisdiction file says what other plans
    // read of it.
    // (A name with a line break cannot be asked for on a line; such a file is taken as new.)
    let read_by_plans: Vec<&str> = names
        .iter()
        .copied()
        .filter(|name| crate::ingest::may_be_read_by_plans(Path::new(name)) && !name.contains('\n'))
        .collect();
    let before = earlier(reference, &read_by_plans)
        .map_err(|e| failed(e.to_string()))?
        .into_iter()
        .map(|(name, bytes)| (canonical(name), bytes))
        .collect();
    Ok(Changes {
        files: names.into_iter().map(canonical).collect(),
        before,
    })
}

/// The bytes at `reference` of the files `names` (paths from the repository's top) that were
/// there, from one `git cat-file --batch`.
fn earlier<'a>(reference: &str, names: &[&'a str]) -> std::io::Result<Vec<(&'a str, Vec<u8>)>> {
    if names.is_empty() {
        return Ok(Vec::new());
    }
    let mut git = Command::new("git")
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()?;
    let mut asked = String::new();
    for name in names {
        // A path after the colon is from the top of the repository, wherever git runs.
        asked.push_str(&format!("{reference}:{name}\n"));
    }
    // Written from a thread: git answers as it reads, and a full pipe would block both.
    let mut stdin = git
        .stdin
        .take()
        .ok_or_else(|| std::io::Error::other("no stdin"))?;
    let writer = std::thread::spawn(move || stdin.write_all(asked.as_bytes()));
    let out = git.wait_with_output()?;
    writer
        .join()
        .map_err(|_| std::io::Error::other("writing to git failed"))??;
    if !out.status.success() {
        return Err(std::io::Error::other("git cat-file failed"));
    }
    batch_answers(&out.stdout, names)
}

/// `git cat-file --batch`'s answers, one per name in order: `<object> <type> <size>` and the
/// bytes, or `<what was asked> missing` for a file new since the reference.
fn batch_answers<'a>(
    mut out: &[u8],
    names: &[&'a str],
) -> std::io::Result<Vec<(&'a str, Vec<u8>)>> {
    let malformed = || std::io::Error::other("git cat-file gave an answer it should not");
    let mut found = Vec::new();
    for name in names {
        let line_end = out.iter().position(|&b| b == b'\n').ok_or_else(malformed)?;
        let line = std::str::from_utf8(&out[..line_end]).map_err(|_| malformed())?;
        out = &out[line_end + 1..];
        if line.ends_with(" missing") || line.ends_with(" ambiguous") {
            continue;
        }
        let size: usize = line
            .rsplit(' ')
            .next()
            .and_then(|size| size.parse().ok())
            .ok_or_else(malformed)?;
        let bytes = out.get(..size).ok_or_else(malformed)?;
        found.push((*name, bytes.to_vec()));
        out = out.get(size + 1..).ok_or_else(malformed)?;
    }
    Ok(found)
}

/// Why `--changed-since` reported every plan, naming the file as the findings name theirs (a
/// file's name is the repository's, so it is made safe to print).
pub(super) fn widened_line(
    why: &crate::graph::dependents::Widened,
    sources: &crate::model::Sources,
    lang: Lang,
) -> String {
    let shown = crate::diagnostics::terminal::safe_text(&sources.shown(&why.file));
    let reason = why.reason.message();
    match lang {
        Lang::Zh => format!(
            "--changed-since：{shown} 的改动可能影响任何方案（{}），已检查全部方案\n",
            reason.get(lang)
        ),
        Lang::En => format!(
            "--changed-since: the change to {shown} can alter any plan's findings ({}): every plan was checked\n",
            reason.get(lang)
        ),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn batch_answers_are_read_in_order_and_a_missing_file_is_left_out() {
        let out = b"abc blob 5\nhello\nHEAD:new.yaml missing\ndef blob 0\n\n";
        let found = super::batch_answers(out, &["a.yaml", "new.yaml", "empty.txt"]).unwrap();
        assert_eq!(
            found,
            vec![("a.yaml", b"hello".to_vec()), ("empty.txt", Vec::new())]
        );
        assert!(super::batch_answers(b"abc blob 9\nshort\n", &["a"]).is_err());
        assert!(super::batch_answers(b"", &["a"]).is_err());
    }
}

//! What a run looked at on disk: every file it read, every file it looked for (found or not)
//! and every folder it listed, each with its stamp (kind, device, inode, size, mode, modification
//! and change times) as it was when looked at. A recorded run is replayed only while every one
//! of these still has its stamp (`cli::replay`), so the log must see every look: all reading
//! goes through [`crate::source::read_bytes`], and every probe through the functions here.
//!
//! Logging is off unless a command turns it on ([`start`]); the library's callers pay one atomic
//! load per look.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, SystemTime};

use rayon::slice::ParallelSliceMut as _;
use serde::{Deserialize, Serialize};

/// A file or folder as it was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Stamp {
    /// Nothing there (or nothing that could be looked at).
    Absent,
    /// Something there, by its identity and times; not following a link at the path's end.
    Present(Identity),
}

/// What tells one version of a file from another without reading it (as git's index does).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Identity {
    pub kind: Kind,
    pub dev: u64,
    pub ino: u64,
    pub size: u64,
    pub mode: u32,
    /// Nanoseconds since the epoch.
    pub modified: i128,
    /// Nanoseconds since the epoch: changed by any write, rename or change of mode, and not
    /// settable by a user.
    pub changed: i128,
}

/// The kind of a path's last component.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Kind {
    File,
    Folder,
    Link,
    Other,
}

impl Stamp {
    /// The stamp of `path` now.
    #[must_use]
    pub fn of(path: &Path) -> Self {
        std::fs::symlink_metadata(path).map_or(Self::Absent, |meta| Self::Present(identity(&meta)))
    }

    /// Whether this version was written within `margin` of `now`: a file changed again within
    /// the same tick of the file system's clock could keep the same times, so such a stamp does
    /// not prove the file unchanged.
    #[must_use]
    pub fn is_recent(&self, now: SystemTime, margin: Duration) -> bool {
        let Self::Present(identity) = self else {
            return false;
        };
        let now = now
            .duration_since(SystemTime::UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos() as i128);
        identity.modified.max(identity.changed) >= now - margin.as_nanos() as i128
    }
}

#[cfg(unix)]
fn identity(meta: &std::fs::Metadata) -> Identity {
    use std::os::unix::fs::MetadataExt;
    let nanos = |secs: i64, nsec: i64| i128::from(secs) * 1_000_000_000 + i128::from(nsec);
    Identity {
        kind: kind(meta),
        dev: meta.dev(),
        ino: meta.ino(),
        size: meta.size(),
        mode: meta.mode(),
        modified: nanos(meta.mtime(), meta.mtime_nsec()),
        changed: nanos(meta.ctime(), meta.ctime_nsec()),
    }
}

#[cfg(not(unix))]
fn identity(meta: &std::fs::Metadata) -> Identity {
    let nanos = |time: std::io::Result<SystemTime>| {
        time.ok()
            .and_then(|t| t.duration_since(SystemTime::UNIX_EPOCH).ok())
            .map_or(0, |d| d.as_nanos() as i128)
    };
    Identity {
        kind: kind(meta),
        dev: 0,
        ino: 0,
        size: meta.len(),
        mode: u32::from(meta.permissions().readonly()),
        modified: nanos(meta.modified()),
        changed: nanos(meta.created()),
    }
}

fn kind(meta: &std::fs::Metadata) -> Kind {
    let kind = meta.file_type();
    if kind.is_symlink() {
        Kind::Link
    } else if kind.is_dir() {
        Kind::Folder
    } else if kind.is_file() {
        Kind::File
    } else {
        Kind::Other
    }
}

static ON: AtomicBool = AtomicBool::new(false);
static LOG: Mutex<Vec<(PathBuf, Stamp)>> = Mutex::new(Vec::new());

/// Starts logging what the process looks at (a command that records its run); `false` when a
/// log is already being kept: the log is the process's, so only one run at a time may record
/// (another run's looks in a log only ever make its record miss more often).
pub fn start() -> bool {
    if ON.swap(true, Ordering::SeqCst) {
        return false;
    }
    if let Ok(mut log) = LOG.lock() {
        log.clear();
    }
    true
}

/// Stops logging and returns what was looked at, each path once (as first seen), in the order
/// of the paths' bytes.
#[must_use]
pub fn finish() -> Vec<(PathBuf, Stamp)> {
    ON.store(false, Ordering::SeqCst);
    let mut log = LOG
        .lock()
        .map(|mut log| std::mem::take(&mut *log))
        .unwrap_or_default();
    // Stable: the first look at a path is the one its read followed (rayon's sort is stable
    // too, on every core). By the path's bytes, not its components (which `Path`'s order parses
    // at every comparison): a national corpus's run looks at 13,000 paths.
    log.par_sort_by(|a, b| a.0.as_os_str().cmp(b.0.as_os_str()));
    log.dedup_by(|later, first| later.0.as_os_str() == first.0.as_os_str());
    log
}

/// Notes that the run looked at `path`, and returns its stamp.
pub fn look(path: &Path) -> Stamp {
    let stamp = Stamp::of(path);
    note(path, stamp);
    stamp
}

/// Logs that `path` had `stamp`, when a log is kept.
fn note(path: &Path, stamp: Stamp) {
    if ON.load(Ordering::Relaxed)
        && let Ok(mut log) = LOG.lock()
    {
        log.push((path.to_path_buf(), stamp));
    }
}

/// Whether `path` is a regular file, following a link (as [`Path::is_file`]); noted.
#[must_use]
pub fn is_file(path: &Path) -> bool {
    metadata(path).is_some_and(|m| m.is_file())
}

/// Whether `path` is a folder, following a link (as [`Path::is_dir`]); noted.
#[must_use]
pub fn is_dir(path: &Path) -> bool {
    metadata(path).is_some_and(|m| m.is_dir())
}

/// Whether anything is at `path`, following a link (as [`Path::exists`]); noted.
#[must_use]
pub fn exists(path: &Path) -> bool {
    metadata(path).is_some()
}

/// Whether `path` is a regular file and not a link to one; noted.
#[must_use]
pub fn is_regular(path: &Path) -> bool {
    matches!(
        look(path),
        Stamp::Present(Identity {
            kind: Kind::File,
            ..
        })
    )
}

/// The metadata of what `path` leads to (as [`std::fs::metadata`]), noting the path and, when it
/// is a link, where the link leads (a link retargeted changes the link's own stamp; the target
/// changed in place changes the target's).
pub fn metadata(path: &Path) -> Option<std::fs::Metadata> {
    // Not logging, a run pays for one `stat`, as before there was a log; logging, one more only
    // for a link (what is not a link has the same metadata either way).
    if !ON.load(Ordering::Relaxed) {
        return std::fs::metadata(path).ok();
    }
    let own = std::fs::symlink_metadata(path).ok();
    note(
        path,
        own.as_ref()
            .map_or(Stamp::Absent, |meta| Stamp::Present(identity(meta))),
    );
    match own {
        Some(meta) if meta.file_type().is_symlink() => {
            if let Ok(target) = std::fs::canonicalize(path) {
                look(&target);
            }
            std::fs::metadata(path).ok()
        }
        own => own,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_or_removed_changes_its_stamp() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.txt");
        assert_eq!(Stamp::of(&path), Stamp::Absent);
        std::fs::write(&path, "到2027年").unwrap();
        let first = Stamp::of(&path);
        assert!(matches!(
            first,
            Stamp::Present(Identity {
                kind: Kind::File,
                size: 10,
                ..
            })
        ));
        assert!(first.is_recent(SystemTime::now(), Duration::from_secs(1)));
        assert!(!first.is_recent(
            SystemTime::now() + Duration::from_secs(60),
            Duration::from_secs(1)
        ));
        std::fs::write(&path, "到2028年").unwrap();
        let second = Stamp::of(&path);
        // Same size; at least the change time moves on (or, within one tick, the check of
        // recency keeps such a stamp out of a record).
        assert!(second != first || second.is_recent(SystemTime::now(), Duration::from_secs(1)));
        std::fs::remove_file(&path).unwrap();
        assert_eq!(Stamp::of(&path), Stamp::Absent);
    }
}

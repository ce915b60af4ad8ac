//! Keeping the cache small: every build of planlint has its own folder, so without pruning each
//! rebuild or upgrade would leave a corpus's worth of entries behind.
//!
//! At most once a day (a stamp file in this build's folder says when it was last done; a run
//! costs one `stat` otherwise): other builds' folders unused for a week are removed, then, when
//! all entries together pass 1 GiB, the least recently used go until three quarters remain.
//!
//! Only what planlint wrote is removed: folders named like a build's folder, subfolders named
//! like its two-digit shards, files named like entries, entries being written and the stamp,
//! all this user's and none of them links (a link is removed never, followed never). Anything
//! else in the cache (a user's notes, another user's folder) is left, and so is the folder
//! holding it.

use std::path::{Path, PathBuf};
use std::time::{Duration, SystemTime};

use super::location::{is_build_folder, is_hex};
use super::private::{self, Owner, TEMP_PREFIX};

/// The file whose time says when this build's folder was last pruned (and used).
pub(super) const STAMP: &str = "last-pruned";

const DAY: Duration = Duration::from_secs(24 * 60 * 60);
/// How often the cache is pruned.
const EVERY: Duration = DAY;
/// How long another build's folder is kept unused (two builds in use, a release and a debug
/// one, do not remove each other's).
const UNUSED: Duration = Duration::from_secs(7 * 24 * 60 * 60);
/// How old an entry left half-written (a run killed while writing it) must be to go.
const ABANDONED: Duration = Duration::from_secs(60 * 60);
/// The size all entries together are kept under.
pub(super) const LIMIT: u64 = 1 << 30;

/// Prunes the cache under `base` when it was not pruned for a day; `current` is this build's
/// folder.
pub(super) fn maybe(base: &Path, current: &Path, me: Owner, now: SystemTime) {
    let stamp = current.join(STAMP);
    let last = std::fs::symlink_metadata(&stamp).and_then(|m| m.modified());
    if last.is_ok_and(|at| age(now, at) < EVERY) {
        return;
    }
    // A stamp that cannot be set would have every run prune: none does.
    if private::touch(&stamp, now).is_ok() {
        prune(base, current, me, now, LIMIT);
    }
}

/// Removes other builds' folders unused for [`UNUSED`], then the least recently used entries
/// while all of them pass `limit`.
pub(super) fn prune(base: &Path, current: &Path, me: Owner, now: SystemTime, limit: u64) {
    let mut kept = vec![current.to_path_buf()];
    for folder in build_folders(base, me) {
        if folder == current {
            continue;
        }
        if age(now, last_use(&folder)) > UNUSED {
            remove_build(&folder, me, now);
        } else {
            kept.push(folder);
        }
    }
    let mut entries: Vec<Entry> = kept
        .iter()
        .flat_map(|folder| shards(folder, me))
        .flat_map(|shard| entries(&shard, me, now))
        .collect();
    let mut total: u64 = entries.iter().map(|e| e.size).sum();
    if total <= limit {
        return;
    }
    entries.sort_by_key(|e| e.used);
    for entry in entries {
        if total <= limit / 4 * 3 {
            break;
        }
        if std::fs::remove_file(&entry.path).is_ok() {
            total = total.saturating_sub(entry.size);
        }
    }
}

/// An entry found while pruning.
struct Entry {
    path: PathBuf,
    size: u64,
    /// When it was last read or written, as far as the file system tells.
    used: SystemTime,
}

/// How long ago `then` was (none when it is in the future).
fn age(now: SystemTime, then: SystemTime) -> Duration {
    now.duration_since(then).unwrap_or_default()
}

/// The build folders in `base`: this user's folders (not links) named as builds' folders are.
fn build_folders(base: &Path, me: Owner) -> Vec<PathBuf> {
    children(base, me, |name, meta| {
        is_build_folder(name) && meta.file_type().is_dir()
    })
}

/// The shard folders of a build folder.
fn shards(folder: &Path, me: Owner) -> Vec<PathBuf> {
    children(folder, me, |name, meta| {
        is_hex(name, 2) && meta.file_type().is_dir()
    })
}

/// The entries of a shard folder, after removing those abandoned half-written.
fn entries(shard: &Path, me: Owner, now: SystemTime) -> Vec<Entry> {
    let mut found = Vec::new();
    for path in children(shard, me, |name, meta| {
        meta.file_type().is_file() && (is_entry_name(name) || is_temp_name(name))
    }) {
        let Ok(meta) = std::fs::symlink_metadata(&path) else {
            continue;
        };
        let modified = meta.modified().unwrap_or(now);
        let name = path.file_name().map(|n| n.to_string_lossy());
        if name.is_some_and(|n| is_temp_name(&n)) {
            if age(now, modified) > ABANDONED {
                drop(std::fs::remove_file(&path));
            }
            continue;
        }
        let accessed = meta.accessed().unwrap_or(modified);
        found.push(Entry {
            path,
            size: meta.len(),
            used: accessed.max(modified),
        });
    }
    found
}

/// The names of entries: the text's BLAKE3 or SHA-256 hash (the builds before BLAKE3) less the
/// shard's two digits, or the xxh3-128 of the builds before either.
fn is_entry_name(name: &str) -> bool {
    is_hex(name, 62) || is_hex(name, 30)
}

/// The names tempfile gives an entry being written: `.tmp` and six letters or digits.
fn is_temp_name(name: &str) -> bool {
    name.strip_prefix(TEMP_PREFIX)
        .is_some_and(|rest| rest.len() == 6 && rest.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// When a build's folder was last used: its stamp's time, or the folder's own (made or given a
/// shard) when that is later.
fn last_use(folder: &Path) -> SystemTime {
    let modified = |path: &Path| {
        std::fs::symlink_metadata(path)
            .and_then(|m| m.modified())
            .unwrap_or(SystemTime::UNIX_EPOCH)
    };
    modified(folder).max(modified(&folder.join(STAMP)))
}

/// Removes another build's folder: its entries, its stamp, then the folders left empty (a
/// folder holding anything else stays, with that).
fn remove_build(folder: &Path, me: Owner, now: SystemTime) {
    for shard in shards(folder, me) {
        for entry in entries(&shard, me, now) {
            drop(std::fs::remove_file(entry.path));
        }
        drop(std::fs::remove_dir(&shard));
    }
    let stamp = folder.join(STAMP);
    let is_stamp =
        std::fs::symlink_metadata(&stamp).is_ok_and(|m| m.file_type().is_file() && me.owns(&m));
    if is_stamp {
        drop(std::fs::remove_file(&stamp));
    }
    drop(std::fs::remove_dir(folder));
}

/// The children of `folder` that are this user's and pass `keep` (by name, and by what they
/// are, not followed through a link).
fn children(
    folder: &Path,
    me: Owner,
    keep: impl Fn(&str, &std::fs::Metadata) -> bool,
) -> Vec<PathBuf> {
    let Ok(read) = std::fs::read_dir(folder) else {
        return Vec::new();
    };
    read.flatten()
        .filter_map(|child| {
            let name = child.file_name();
            let name = name.to_str()?;
            let meta = std::fs::symlink_metadata(child.path()).ok()?;
            (me.owns(&meta) && keep(name, &meta)).then(|| child.path())
        })
        .collect()
}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;

    const OLD: &str = "extract-0.0.1-0123456789abcdef";
    const RECENT: &str = "extract-0.0.2-0123456789abcdef";

    fn entry(folder: &Path, shard: &str, name: char, size: usize) -> PathBuf {
        let dir = folder.join(shard);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(name.to_string().repeat(62));
        std::fs::write(&path, vec![b'x'; size]).unwrap();
        path
    }

    fn set_time(path: &Path, at: SystemTime) {
        let file = std::fs::File::open(path).unwrap();
        file.set_times(std::fs::FileTimes::new().set_accessed(at).set_modified(at))
            .unwrap();
    }

    #[test]
    fn old_builds_go_and_the_least_recently_used_entries_past_the_limit() {
        let base = tempfile::tempdir().unwrap();
        let base = base.path();
        let now = SystemTime::now();
        let long_ago = now - UNUSED - DAY;
        let current = base.join("extract-0.1.0-fedcba9876543210");
        let old = base.join(OLD);
        let gone = entry(&old, "ab", 'a', 10);
        let kept_note = old.join("ab/notes.txt");
        std::fs::write(&kept_note, "mine").unwrap();
        let emptied = base.join("extract-0.0.0-0123456789abcdef");
        let emptied_entry = entry(&emptied, "cd", 'c', 10);
        std::fs::write(emptied.join(STAMP), "").unwrap();
        let recent = base.join(RECENT);
        let in_use = entry(&recent, "ab", 'b', 10);
        for path in [&gone, &emptied_entry, &emptied.join(STAMP)] {
            set_time(path, long_ago);
        }
        for folder in [&old.join("ab"), &old, &emptied.join("cd"), &emptied] {
            set_time(folder, long_ago);
        }
        let unrelated = base.join("extract-notes");
        std::fs::create_dir(&unrelated).unwrap();
        set_time(&unrelated, long_ago);
        let least = entry(&current, "01", '1', 400);
        let most = entry(&current, "02", '2', 400);
        set_time(&least, now - DAY);
        set_time(&in_use, now - DAY / 2);
        prune(base, &current, Owner::current(), now, 1000);
        assert!(!gone.exists() && kept_note.exists() && old.exists());
        assert!(
            !emptied.exists(),
            "a build folder of entries only goes whole"
        );
        assert!(unrelated.exists() && in_use.exists() && least.exists());
        prune(base, &current, Owner::current(), now, 800);
        assert!(!least.exists(), "the least recently used");
        assert!(in_use.exists() && most.exists());
    }

    #[test]
    fn links_are_neither_followed_nor_removed() {
        let base = tempfile::tempdir().unwrap();
        let outside = tempfile::tempdir().unwrap();
        let base = base.path();
        let now = SystemTime::now();
        let current = base.join("extract-0.1.0-fedcba9876543210");
        let target = entry(outside.path(), "ab", 'a', 10);
        let linked_build = base.join(OLD);
        std::os::unix::fs::symlink(outside.path(), &linked_build).unwrap();
        std::fs::create_dir_all(current.join("ab")).unwrap();
        let link = current.join("ab").join("b".repeat(62));
        std::os::unix::fs::symlink(&target, &link).unwrap();
        prune(base, &current, Owner::current(), now, 0);
        assert!(target.exists() && linked_build.exists() && link.exists());
    }

    #[test]
    fn pruning_runs_at_most_once_a_day() {
        let base = tempfile::tempdir().unwrap();
        let base = base.path();
        let now = SystemTime::now();
        let current = base.join("extract-0.1.0-fedcba9876543210");
        std::fs::create_dir(&current).unwrap();
        let old = base.join(OLD);
        let first = entry(&old, "ab", 'a', 10);
        set_time(&old, now - UNUSED - DAY);
        set_time(&old.join("ab"), now - UNUSED - DAY);
        std::fs::write(current.join(STAMP), "").unwrap();
        maybe(base, &current, Owner::current(), now);
        assert!(first.exists(), "pruned less than a day ago");
        set_time(&current.join(STAMP), now - DAY - DAY);
        maybe(base, &current, Owner::current(), now);
        assert!(!first.exists());
    }
}

//! The cache on disk, trusted only where this user alone could have written it: folders that
//! are this user's, mode 0700 and not links; entries that are regular files of this user's,
//! mode 0600. A cache folder can be shared or planted (`PLANLINT_CACHE_DIR` on a shared disk,
//! `/tmp`), so nothing there is believed because of its name.

use std::fs::{File, Metadata, Permissions};
use std::io::{self, Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, PermissionsExt};
use std::path::Path;
use std::time::SystemTime;

use rustix::fs::{Mode, OFlags};

use super::reject::Rejection;

const FOLDER_MODE: u32 = 0o700;
const ENTRY_MODE: u32 = 0o600;

/// The prefix of an entry being written (tempfile's own, named so that pruning knows it).
pub(super) const TEMP_PREFIX: &str = ".tmp";

/// The user the process writes as: every folder and entry of the cache must be this user's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Owner(u32);

impl Owner {
    pub(super) fn current() -> Self {
        Self(rustix::process::geteuid().as_raw())
    }

    /// Whether `meta` is this user's.
    pub(super) fn owns(self, meta: &Metadata) -> bool {
        meta.uid() == self.0
    }
}

/// Creates `base` and its missing parents as private folders; an existing one is left as it is
/// (it may be the user's own `~/.cache`, or a folder they named): only what planlint makes in it
/// must be private.
pub(super) fn make_base(base: &Path) -> io::Result<()> {
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(FOLDER_MODE)
        .create(base)
}

/// Makes `dir` a private folder when it is missing; whether it is one: `Ok(false)` when
/// something else is there (a link, another user's folder, a folder open to others), `Err`
/// when it cannot be made.
pub(super) fn private_folder(dir: &Path, me: Owner) -> io::Result<bool> {
    let created = match std::fs::DirBuilder::new().mode(FOLDER_MODE).create(dir) {
        Ok(()) => true,
        Err(err) if err.kind() == io::ErrorKind::AlreadyExists => false,
        Err(err) => return Err(err),
    };
    // Opened without following a link, then checked and (when new) set on the open folder, so
    // that a folder swapped meanwhile is neither trusted nor changed.
    let Ok(folder) = open(dir, OFlags::DIRECTORY) else {
        return Ok(false);
    };
    if created {
        // The umask may have taken bits from the mode asked for.
        folder.set_permissions(Permissions::from_mode(FOLDER_MODE))?;
    }
    Ok(is_private_folder(&folder.metadata()?, me))
}

/// Whether the folder at `dir` is private: `None` when there is none.
pub(super) fn folder_state(dir: &Path, me: Owner) -> Option<bool> {
    let meta = std::fs::symlink_metadata(dir).ok()?;
    Some(is_private_folder(&meta, me))
}

fn is_private_folder(meta: &Metadata, me: Owner) -> bool {
    meta.file_type().is_dir() && me.owns(meta) && meta.mode() & 0o7777 == FOLDER_MODE
}

/// The bytes of the entry at `path`, at most `cap` of them: `Ok(None)` when there is none.
pub(super) fn read_entry(path: &Path, me: Owner, cap: u64) -> Result<Option<Vec<u8>>, Rejection> {
    let Some((file, len)) = open_entry(path, me, cap)? else {
        return Ok(None);
    };
    // Bounded whatever the size said: the file may grow while read.
    let mut bytes = Vec::with_capacity(usize::try_from(len).unwrap_or(0));
    file.take(cap.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|_| Rejection::Unreadable)?;
    if bytes.len() as u64 > cap {
        return Err(Rejection::TooLarge);
    }
    Ok(Some(bytes))
}

/// The entry at `path` opened for reading, with its length, when it is a private regular file
/// of at most `cap` bytes: `Ok(None)` when there is none.
pub(super) fn open_entry(
    path: &Path,
    me: Owner,
    cap: u64,
) -> Result<Option<(File, u64)>, Rejection> {
    // The kind is known before anything is opened: reading a pipe would wait forever, a link to
    // a device (`/dev/zero`) would never end.
    let before = match std::fs::symlink_metadata(path) {
        Ok(meta) => meta,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(Rejection::Unreadable),
    };
    if !before.file_type().is_file() {
        return Err(Rejection::NotRegular);
    }
    // Should a link or a pipe have taken its place since, the open neither follows it nor waits.
    let file = match open(path, OFlags::NONBLOCK | OFlags::NOCTTY) {
        Ok(file) => file,
        Err(err) if err.kind() == io::ErrorKind::NotFound => return Ok(None),
        Err(_) => return Err(Rejection::Unreadable),
    };
    let meta = file.metadata().map_err(|_| Rejection::Unreadable)?;
    if !meta.file_type().is_file() {
        return Err(Rejection::NotRegular);
    }
    if !me.owns(&meta) {
        return Err(Rejection::Owner);
    }
    if meta.mode() & 0o7777 != ENTRY_MODE {
        return Err(Rejection::Mode);
    }
    if meta.len() > cap {
        return Err(Rejection::TooLarge);
    }
    Ok(Some((file, meta.len())))
}

/// Writes `bytes` as the entry `path` in `folder` (made private when missing): a new file of
/// mode 0600 renamed into place, so a concurrent run never sees half an entry and whatever was
/// at `path` (a link, a pipe) is replaced, never written through.
pub(super) fn write_entry(folder: &Path, path: &Path, bytes: &[u8], me: Owner) -> io::Result<()> {
    let mut temp = new_entry(folder, me)?;
    temp.write_all(bytes)?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// A new entry being written in `folder` (made private when missing): a temporary file of mode
/// 0600, to be renamed into place when whole.
pub(super) fn new_entry(folder: &Path, me: Owner) -> io::Result<tempfile::NamedTempFile> {
    if !private_folder(folder, me)? {
        return Err(io::Error::other("the cache folder is not private"));
    }
    let temp = tempfile::Builder::new()
        .prefix(TEMP_PREFIX)
        .permissions(Permissions::from_mode(ENTRY_MODE))
        .tempfile_in(folder)?;
    // Exactly 0600, as the reader demands, whatever the umask.
    temp.as_file()
        .set_permissions(Permissions::from_mode(ENTRY_MODE))?;
    Ok(temp)
}

/// Marks `path` (a file of planlint's: the time of the last pruning) with the time `now`,
/// making it when missing; a link there is not followed.
pub(super) fn touch(path: &Path, now: SystemTime) -> io::Result<()> {
    let file = rustix::fs::open(
        path,
        OFlags::WRONLY | OFlags::CREATE | OFlags::NOFOLLOW | OFlags::NONBLOCK | OFlags::CLOEXEC,
        Mode::from_raw_mode(ENTRY_MODE),
    )?;
    File::from(file).set_modified(now)
}

/// Opens `path` for reading without following a link at its end.
fn open(path: &Path, flags: OFlags) -> io::Result<File> {
    let fd = rustix::fs::open(
        path,
        flags | OFlags::RDONLY | OFlags::NOFOLLOW | OFlags::CLOEXEC,
        Mode::empty(),
    )?;
    Ok(File::from(fd))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_private_folders_and_entries_are_trusted() {
        let dir = tempfile::tempdir().unwrap();
        let me = Owner::current();
        let folder = dir.path().join("ab");
        assert!(private_folder(&folder, me).unwrap());
        assert_eq!(folder_state(&folder, me), Some(true));
        let entry = folder.join("cd");
        write_entry(&folder, &entry, b"entry", me).unwrap();
        assert_eq!(read_entry(&entry, me, 5).unwrap().unwrap(), b"entry");
        assert_eq!(read_entry(&entry, me, 4), Err(Rejection::TooLarge));
        std::fs::set_permissions(&entry, Permissions::from_mode(0o644)).unwrap();
        assert_eq!(read_entry(&entry, me, 5), Err(Rejection::Mode));
        assert_eq!(read_entry(&folder.join("none"), me, 5), Ok(None));
        let link = folder.join("link");
        std::os::unix::fs::symlink("/dev/zero", &link).unwrap();
        assert_eq!(read_entry(&link, me, 5), Err(Rejection::NotRegular));
        assert_eq!(read_entry(&folder, me, 5), Err(Rejection::NotRegular));
        let other = Owner(me.0.wrapping_add(1));
        std::fs::set_permissions(&entry, Permissions::from_mode(0o600)).unwrap();
        assert_eq!(read_entry(&entry, other, 5), Err(Rejection::Owner));
        assert!(!private_folder(&folder, other).unwrap());
        std::fs::set_permissions(&folder, Permissions::from_mode(0o755)).unwrap();
        assert_eq!(folder_state(&folder, me), Some(false));
        assert!(!private_folder(&folder, me).unwrap());
        let linked = dir.path().join("linked");
        std::os::unix::fs::symlink(&folder, &linked).unwrap();
        assert!(!private_folder(&linked, me).unwrap());
        assert!(write_entry(&folder, &entry, b"x", me).is_err());
    }
}

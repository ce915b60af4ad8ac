//! Where files carry no Unix owner and mode, no folder can be shown to be private: the cache
//! is not used (every text is extracted). The same interface as `private.rs`.

use std::fs::Metadata;
use std::io;
use std::path::Path;
use std::time::SystemTime;

use super::reject::Rejection;

pub(super) const TEMP_PREFIX: &str = ".tmp";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Owner;

impl Owner {
    pub(super) fn current() -> Self {
        Self
    }

    pub(super) fn owns(self, _meta: &Metadata) -> bool {
        false
    }
}

fn unsupported() -> io::Error {
    io::Error::from(io::ErrorKind::Unsupported)
}

pub(super) fn make_base(_base: &Path) -> io::Result<()> {
    Err(unsupported())
}

pub(super) fn private_folder(_dir: &Path, _me: Owner) -> io::Result<bool> {
    Err(unsupported())
}

pub(super) fn folder_state(_dir: &Path, _me: Owner) -> Option<bool> {
    None
}

pub(super) fn read_entry(
    _path: &Path,
    _me: Owner,
    _cap: u64,
) -> Result<Option<Vec<u8>>, Rejection> {
    Ok(None)
}

pub(super) fn open_entry(
    _path: &Path,
    _me: Owner,
    _cap: u64,
) -> Result<Option<(std::fs::File, u64)>, Rejection> {
    Ok(None)
}

pub(super) fn write_entry(
    _folder: &Path,
    _path: &Path,
    _bytes: &[u8],
    _me: Owner,
) -> io::Result<()> {
    Err(unsupported())
}

pub(super) fn new_entry(_folder: &Path, _me: Owner) -> io::Result<tempfile::NamedTempFile> {
    Err(unsupported())
}

pub(super) fn touch(_path: &Path, _now: SystemTime) -> io::Result<()> {
    Err(unsupported())
}

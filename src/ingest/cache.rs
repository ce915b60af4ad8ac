//! The extraction cache: what extraction read from a plan's text, stored under a hash of that
//! text, so that an unchanged plan is never extracted twice (like ruff's cache).
//!
//! - **Where**: `$PLANLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/planlint`, else
//!   `~/.cache/planlint`; a plan repository stays clean. No usable folder: no cache.
//! - **Key**: the planlint binary's identity (version, and the size and time of the build)
//!   names the folder, so a new or rebuilt extractor never reads what an older one wrote; the
//!   text's xxh3-128 names the entry.
//! - **Safe**: an entry is written to a temporary file and renamed into place, so concurrent
//!   runs never see half an entry; an entry that does not read back is a miss (extracted
//!   again and rewritten). The cache is an optimisation only: any failure to read or write it
//!   is silent and the output is the same bytes with or without it.

#[cfg(test)]
use std::path::Path;
use std::path::PathBuf;
use std::sync::OnceLock;

use xxhash_rust::xxh3::xxh3_128;

use super::text::Extracted;

/// An open cache folder for this build of planlint.
#[derive(Debug, Clone)]
pub(crate) struct Cache {
    dir: PathBuf,
}

impl Cache {
    /// The cache for this binary, unless the environment gives no folder for it.
    pub(crate) fn open() -> Option<Self> {
        let base = std::env::var_os("PLANLINT_CACHE_DIR")
            .map(PathBuf::from)
            .or_else(|| {
                std::env::var_os("XDG_CACHE_HOME").map(|d| PathBuf::from(d).join("planlint"))
            })
            .or_else(|| {
                std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache/planlint"))
            })?;
        Some(Self {
            dir: base.join(format!("extract-{}", build_key()?)),
        })
    }

    /// A cache in `dir` (tests).
    #[cfg(test)]
    pub(crate) fn at(dir: &Path) -> Self {
        Self {
            dir: dir.to_path_buf(),
        }
    }

    /// The entry for `text` (its hash computed once, for reading and writing).
    pub(crate) fn entry(&self, text: &str) -> Entry {
        let hash = format!("{:032x}", xxh3_128(text.as_bytes()));
        Entry {
            path: self.dir.join(&hash[..2]).join(&hash[2..]),
        }
    }
}

/// The place of one text's entry.
#[derive(Debug)]
pub(crate) struct Entry {
    path: PathBuf,
}

impl Entry {
    /// What extraction read from the text, when cached.
    pub(crate) fn get(&self) -> Option<Extracted> {
        let bytes = std::fs::read(&self.path).ok()?;
        serde_json::from_slice(&bytes).ok()
    }

    /// Stores what extraction read from the text; failures are ignored.
    pub(crate) fn put(&self, extracted: &Extracted) {
        let path = &self.path;
        let (Some(folder), Ok(bytes)) = (path.parent(), serde_json::to_vec(extracted)) else {
            return;
        };
        let written = std::fs::create_dir_all(folder).and_then(|()| {
            let mut temp = tempfile::NamedTempFile::new_in(folder)?;
            std::io::Write::write_all(&mut temp, &bytes)?;
            temp.persist(path).map_err(|e| e.error)?;
            Ok(())
        });
        drop(written);
    }
}

/// The running binary's identity (version, path, size, modification time): every build of
/// planlint has its own cache folder, without reading the binary through.
fn build_key() -> Option<&'static str> {
    static KEY: OnceLock<Option<String>> = OnceLock::new();
    KEY.get_or_init(|| {
        let exe = std::env::current_exe().ok()?;
        let meta = std::fs::metadata(&exe).ok()?;
        let modified = meta
            .modified()
            .ok()?
            .duration_since(std::time::UNIX_EPOCH)
            .ok()?;
        let identity = format!(
            "{}|{}|{}|{}",
            exe.display(),
            meta.len(),
            modified.as_secs(),
            modified.subsec_nanos()
        );
        Some(format!(
            "{}-{:016x}",
            env!("CARGO_PKG_VERSION"),
            xxh3_128(identity.as_bytes()) as u64
        ))
    })
    .as_deref()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_entry_reads_back_and_a_broken_one_is_a_miss() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let text = "到2027年，关键工序数控化率超过75%。\n";
        let entry = cache.entry(text);
        assert!(entry.get().is_none());
        let extracted = crate::ingest::text::extract(text);
        entry.put(&extracted);
        let back = cache.entry(text).get().unwrap();
        assert_eq!(format!("{back:?}"), format!("{extracted:?}"));
        std::fs::write(&entry.path, b"{ truncated").unwrap();
        assert!(entry.get().is_none());
    }
}

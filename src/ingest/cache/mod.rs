//! The extraction cache: what extraction read from a plan's text, stored under a hash of that
//! text, so that an unchanged plan is never extracted twice (like ruff's cache); and beside it
//! each `jurisdiction.yaml` as parsed, so that an unchanged one is not parsed again (YAML with
//! places is slow to parse, and a national corpus has thousands of these files).
//!
//! - **Where**: `$PLANLINT_CACHE_DIR`, else `$XDG_CACHE_HOME/planlint`, else
//!   `~/.cache/planlint` (an empty variable is unset); a plan repository stays clean. No
//!   folder that can be made: no cache.
//! - **Key**: the planlint binary's identity (version, and the size and time of the build)
//!   names the folder, so a new or rebuilt extractor never reads what an older one wrote; the
//!   text's BLAKE3 hash names the entry.
//! - **Trusted only when private** ([`private`]): this build's folder and its shards must be
//!   this user's, mode 0700, not links; an entry a regular file of this user's, mode 0600,
//!   within a size bound ([`format::cap`]), naming the BLAKE3 hash of the text being read, intact
//!   by its checksum, every place in it inside the text ([`valid`]). Anything else is a miss:
//!   the text is extracted again and the entry rewritten, and the run says so once, on
//!   standard error ([`reject`]). A build folder that is not private is not used at all.
//! - **Safe to share between runs**: an entry is written to a temporary file and renamed into
//!   place, so concurrent runs never see half an entry. The cache is an optimisation only: the
//!   findings are the same bytes with or without it.
//! - **Small**: other builds' folders and the least recently used entries are pruned, at most
//!   once a day ([`prune`]).

pub(crate) mod format;
mod location;
#[cfg(not(unix))]
#[path = "portable.rs"]
mod private;
#[cfg(unix)]
mod private;
mod prune;
mod reject;
mod runs;
pub(crate) use runs::RunWriter;
pub(crate) mod valid;

use std::marker::PhantomData;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use self::format::Kind;
use self::private::Owner;
use self::reject::{Rejection, Rejections};
use crate::i18n::Msg;

/// An open cache folder for this build of planlint.
#[derive(Debug)]
pub(crate) struct Cache {
    /// This build's folder; `None` when it is not private, and nothing is read or written.
    dir: Option<PathBuf>,
    /// The folder that is not private, for the run's note.
    unusable: Option<PathBuf>,
    me: Owner,
    rejections: Rejections,
    /// Whether each shard folder (named by a hash's first byte) is private, once seen to be
    /// there: a run reads thousands of entries from 256 folders. A folder's owner alone can
    /// change its mode, and each entry is still checked as it is opened.
    shards: Box<[OnceLock<bool>; 256]>,
}

impl Cache {
    /// The cache for this binary, unless the environment gives no folder for it or none can
    /// be made.
    pub(crate) fn open() -> Option<Self> {
        let base = location::base()?;
        let key = location::build_key()?;
        let me = Owner::current();
        private::make_base(&base).ok()?;
        let dir = base.join(format!("{}{key}", location::BUILD_PREFIX));
        if !private::private_folder(&dir, me).ok()? {
            return Some(Self {
                dir: None,
                unusable: Some(dir),
                me,
                rejections: Rejections::default(),
                shards: no_shards(),
            });
        }
        prune::maybe(&base, &dir, me, std::time::SystemTime::now());
        Some(Self::at_private(dir, me))
    }

    fn at_private(dir: PathBuf, me: Owner) -> Self {
        Self {
            dir: Some(dir),
            unusable: None,
            me,
            rejections: Rejections::default(),
            shards: no_shards(),
        }
    }

    /// A cache in `dir`, a private folder (tests).
    #[cfg(test)]
    pub(crate) fn at(dir: &Path) -> Self {
        Self::at_private(dir.to_path_buf(), Owner::current())
    }

    /// The entry of kind `K` for `text` (its hash computed once, for reading and writing);
    /// `None` when the cache is not used this run.
    pub(crate) fn entry<K: Kind>(&self, text: &str) -> Option<Entry<'_, K>> {
        let dir = self.dir.as_ref()?;
        let hash = format::hash_of::<K>(text);
        let folder = dir.join(&hash[..2]);
        let path = folder.join(&hash[2..]);
        Some(Entry {
            cache: self,
            folder,
            path,
            hash,
            kind: PhantomData,
        })
    }

    /// Whether the shard folder `folder`, of the entry named `hash`, is private: `None` when
    /// there is none (not remembered: a run may make it).
    fn shard_state(&self, hash: &str, folder: &Path) -> Option<bool> {
        let shard = hash
            .get(..2)
            .and_then(|first| u8::from_str_radix(first, 16).ok())
            .and_then(|byte| self.shards.get(usize::from(byte)));
        if let Some(known) = shard.and_then(OnceLock::get) {
            return Some(*known);
        }
        let state = private::folder_state(folder, self.me)?;
        if let Some(shard) = shard {
            shard.get_or_init(|| state);
        }
        Some(state)
    }

    /// What the run should say about the cache: that its folder is not private, or that
    /// entries in it were not trusted.
    pub(crate) fn note(&self) -> Option<Msg> {
        match &self.unusable {
            Some(folder) => Some(reject::folder_note(folder)),
            None => self.rejections.note(),
        }
    }
}

fn no_shards() -> Box<[OnceLock<bool>; 256]> {
    Box::new(std::array::from_fn(|_| OnceLock::new()))
}

/// The place of one text's entry of kind `K`.
#[derive(Debug)]
pub(crate) struct Entry<'a, K> {
    cache: &'a Cache,
    /// The shard folder it is in.
    folder: PathBuf,
    path: PathBuf,
    /// The BLAKE3 hash of its text, in hexadecimal.
    hash: String,
    kind: PhantomData<K>,
}

impl<K: Kind> Entry<'_, K> {
    /// What was read from `text` (the text of the file at `file`), when a trusted entry holds
    /// it; an entry not trusted is counted for the run's note.
    pub(crate) fn get(&self, text: &str, file: &Path) -> Option<K> {
        self.read(text).unwrap_or_else(|why| {
            self.cache.rejections.record(file, &self.path, why);
            None
        })
    }

    fn read(&self, text: &str) -> Result<Option<K>, Rejection> {
        let me = self.cache.me;
        match self.cache.shard_state(&self.hash, &self.folder) {
            None => return Ok(None),
            Some(false) => return Err(Rejection::FolderNotPrivate),
            Some(true) => {}
        }
        let Some(bytes) = private::read_entry(&self.path, me, format::cap(text.len()))? else {
            return Ok(None);
        };
        format::decode(&bytes, &self.hash, text).map(Some)
    }

    /// Stores what was read from a text of `text_len` bytes; failures are ignored.
    pub(crate) fn put(&self, text_len: usize, value: &K) {
        if let Some(bytes) = format::encode(&self.hash, text_len, value) {
            drop(private::write_entry(
                &self.folder,
                &self.path,
                &bytes,
                self.cache.me,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::text::Extracted;

    #[test]
    fn an_entry_reads_back_and_a_broken_one_is_a_miss_said_once() {
        let dir = tempfile::tempdir().unwrap();
        let cache = Cache::at(dir.path());
        let text = "到2027年，关键工序数控化率超过75%。\n";
        let plan = Path::new("plan.txt");
        let entry = cache.entry::<Extracted>(text).unwrap();
        assert!(entry.get(text, plan).is_none());
        assert!(cache.note().is_none(), "a missing entry is a plain miss");
        let extracted = crate::ingest::text::extract(text);
        entry.put(text.len(), &extracted);
        let back = cache
            .entry::<Extracted>(text)
            .unwrap()
            .get(text, plan)
            .unwrap();
        assert_eq!(format!("{back:?}"), format!("{extracted:?}"));
        std::fs::write(&entry.path, b"{ truncated").unwrap();
        assert!(entry.get(text, plan).is_none());
        let note = cache.note().unwrap();
        assert!(
            note.en().contains("not a valid cache entry"),
            "{}",
            note.en()
        );
        entry.put(text.len(), &extracted);
        assert!(entry.get(text, plan).is_some(), "rewritten");
    }
}

//! Records of whole runs, beside the extraction entries: what a `check` printed and what it
//! looked at on disk, under a hash of everything else that decides its output (`cli::replay`).
//! They are entries like the others (named by a SHA-256, private, written whole and renamed into
//! place, pruned least recently used first), only larger: a national corpus's JSON report is
//! tens of megabytes.

use std::io::{self, Write};
use std::path::PathBuf;

use super::Cache;
use super::private::{self, Owner};

/// The largest record read back: a report past this is printed again rather than read.
const MAX_RECORD: u64 = 1 << 30;

/// Where the record of one run's key lives.
#[derive(Debug)]
pub(crate) struct RunSlot {
    folder: PathBuf,
    path: PathBuf,
    me: Owner,
}

impl Cache {
    /// The slot for the run whose key hashes to `hash` (64 hexadecimal digits); `None` when the
    /// cache is not used this run.
    pub(crate) fn run_slot(&self, hash: &str) -> Option<RunSlot> {
        let dir = self.dir.as_ref()?;
        let (shard, name) = (hash.get(..2)?, hash.get(2..)?);
        Some(RunSlot {
            folder: dir.join(shard),
            path: dir.join(shard).join(name),
            me: self.me,
        })
    }
}

impl RunSlot {
    /// The record opened for reading, with its length, when a private one is there.
    pub(crate) fn open(&self) -> Option<(std::fs::File, u64)> {
        if private::folder_state(&self.folder, self.me) != Some(true) {
            return None;
        }
        private::open_entry(&self.path, self.me, MAX_RECORD)
            .ok()
            .flatten()
    }

    /// A new record, written aside and put in place by [`RunWriter::keep`].
    pub(crate) fn writer(&self) -> io::Result<RunWriter> {
        Ok(RunWriter {
            temp: io::BufWriter::new(private::new_entry(&self.folder, self.me)?),
            path: self.path.clone(),
        })
    }
}

/// A record being written; dropped without [`RunWriter::keep`], it is removed.
pub(crate) struct RunWriter {
    temp: io::BufWriter<tempfile::NamedTempFile>,
    path: PathBuf,
}

impl Write for RunWriter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.temp.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.temp.flush()
    }
}

impl RunWriter {
    /// Puts the whole record in place (replacing an older one of the same key).
    pub(crate) fn keep(self) -> io::Result<()> {
        let temp = self
            .temp
            .into_inner()
            .map_err(io::IntoInnerError::into_error)?;
        temp.persist(&self.path).map_err(|e| e.error)?;
        Ok(())
    }
}

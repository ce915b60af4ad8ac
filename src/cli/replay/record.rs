//! A run record on disk: what the run printed to standard output, then a trailer (what it looked
//! at with each stamp, what it printed to standard error, its exit status), the trailer's and
//! the output's lengths and a checksum of everything before it. The output comes first so that
//! a report of tens of megabytes is streamed to the record as it is printed, never held whole.

use std::io::{self, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

use crate::source::observe::Stamp;

const MAGIC: &[u8] = b"planlint run record 1\n";
/// The trailer's length, the output's length and the checksum, at the end.
const TAIL: usize = 24;

/// What a record keeps besides the output.
#[derive(Debug, Serialize, Deserialize)]
pub(super) struct Trailer {
    /// Each path the run looked at (its bytes as the system gives them) and its stamp then.
    pub looked_at: Vec<(Vec<u8>, Stamp)>,
    pub stderr: Vec<u8>,
    /// 0 clean, 1 findings.
    pub status: u8,
}

/// A record read back and found whole.
pub(super) struct Record {
    bytes: Vec<u8>,
    stdout: std::ops::Range<usize>,
    pub trailer: Trailer,
}

impl Record {
    /// The record in `bytes`; `None` when it is not one, or not whole (a damaged record is a
    /// miss, never an error).
    pub(super) fn decode(bytes: Vec<u8>) -> Option<Self> {
        let body_end = bytes.len().checked_sub(8)?;
        let (body, sum) = bytes.split_at(body_end);
        if !body.starts_with(MAGIC) || u64::from_le_bytes(sum.try_into().ok()?) != checksum(body) {
            return None;
        }
        let tail = bytes.len().checked_sub(TAIL)?;
        let number = |at: usize| -> Option<usize> {
            usize::try_from(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?)).ok()
        };
        let (trailer_len, stdout_len) = (number(tail)?, number(tail + 8)?);
        let stdout = MAGIC.len()..MAGIC.len().checked_add(stdout_len)?;
        let trailer_at = tail.checked_sub(trailer_len)?;
        if stdout.end != trailer_at {
            return None;
        }
        let trailer = postcard::from_bytes(bytes.get(trailer_at..tail)?).ok()?;
        Some(Self {
            bytes,
            stdout,
            trailer,
        })
    }

    pub(super) fn stdout(&self) -> &[u8] {
        self.bytes.get(self.stdout.clone()).unwrap_or_default()
    }
}

fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = Xxh3Default::new();
    hasher.update(bytes);
    hasher.digest()
}

/// A record being written: the output as it is printed, then [`RecordWriter::finish`].
pub(super) struct RecordWriter<W: Write> {
    out: W,
    hasher: Xxh3Default,
    stdout_len: u64,
}

impl<W: Write> RecordWriter<W> {
    pub(super) fn new(mut out: W) -> io::Result<Self> {
        out.write_all(MAGIC)?;
        let mut hasher = Xxh3Default::new();
        hasher.update(MAGIC);
        Ok(Self {
            out,
            hasher,
            stdout_len: 0,
        })
    }

    /// Writes the trailer and the tail; returns the writer to be put in place.
    pub(super) fn finish(mut self, trailer: &Trailer) -> io::Result<W> {
        let encoded = postcard::to_stdvec(trailer).map_err(io::Error::other)?;
        let mut tail = Vec::with_capacity(encoded.len() + 16);
        tail.extend_from_slice(&encoded);
        tail.extend_from_slice(&(encoded.len() as u64).to_le_bytes());
        tail.extend_from_slice(&self.stdout_len.to_le_bytes());
        self.out.write_all(&tail)?;
        self.hasher.update(&tail);
        self.out.write_all(&self.hasher.digest().to_le_bytes())?;
        self.out.flush()?;
        Ok(self.out)
    }
}

impl<W: Write> Write for RecordWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf)?;
        self.hasher.update(&buf[..n]);
        self.stdout_len += n as u64;
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

/// A path as a record keeps it.
#[cfg(unix)]
pub(super) fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    std::os::unix::ffi::OsStrExt::as_bytes(path.as_os_str()).to_vec()
}

#[cfg(not(unix))]
pub(super) fn path_bytes(path: &std::path::Path) -> Vec<u8> {
    path.to_string_lossy().into_owned().into_bytes()
}

/// A path a record kept.
#[cfg(unix)]
pub(super) fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(<std::ffi::OsStr as std::os::unix::ffi::OsStrExt>::from_bytes(bytes))
}

#[cfg(not(unix))]
pub(super) fn path_of(bytes: &[u8]) -> PathBuf {
    PathBuf::from(String::from_utf8_lossy(bytes).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(stdout: &[u8]) -> Vec<u8> {
        let mut writer = RecordWriter::new(Vec::new()).unwrap();
        writer.write_all(stdout).unwrap();
        let trailer = Trailer {
            looked_at: vec![(b"plans/a.txt".to_vec(), Stamp::Absent)],
            stderr: b"note\n".to_vec(),
            status: 1,
        };
        writer.finish(&trailer).unwrap()
    }

    #[test]
    fn a_record_reads_back_and_any_damage_is_a_miss() {
        let bytes = written(b"{\"diagnostics\": []}\n");
        let record = Record::decode(bytes.clone()).unwrap();
        assert_eq!(record.stdout(), b"{\"diagnostics\": []}\n");
        assert_eq!(record.trailer.stderr, b"note\n");
        assert_eq!(record.trailer.status, 1);
        assert_eq!(record.trailer.looked_at.len(), 1);
        for at in [0, MAGIC.len() + 3, bytes.len() - 30, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(Record::decode(damaged).is_none(), "byte {at} flipped");
        }
        for len in [0, 7, 8, MAGIC.len(), bytes.len() - 1] {
            assert!(
                Record::decode(bytes[..len].to_vec()).is_none(),
                "cut at {len}"
            );
        }
        assert!(Record::decode(b"garbage of any length at all, here 45 bytes".to_vec()).is_none());
    }
}

//! A run record on disk: what the run printed to standard output, then a trailer (what it looked
//! at with each stamp, what it printed to standard error, its exit status), the trailer's and
//! the output's lengths and a checksum of everything before it. The output comes first so that
//! a report of tens of megabytes is streamed to the record as it is printed, never held whole.

use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::PathBuf;

use serde::{Deserialize, Serialize};
use xxhash_rust::xxh3::Xxh3Default;

use crate::source::observe::Stamp;

const MAGIC: &[u8] = b"planlint run record 1\n";
/// The trailer's length, the output's length and the checksum, at the end.
const TAIL: usize = 24;

/// What a record keeps besides the output, as read back (written as [`TrailerOut`]).
#[derive(Debug, Deserialize)]
pub(super) struct Trailer {
    /// Each path the run looked at (its bytes as the system gives them) and its stamp then.
    pub looked_at: Vec<(Vec<u8>, Stamp)>,
    pub stderr: Vec<u8>,
    /// 0 clean, 1 findings.
    pub status: u8,
}

/// A [`Trailer`] as it is written: borrowed from the run (a national corpus's run looks at tens
/// of thousands of paths) and streamed into the record, in the form [`Trailer`] reads back.
#[derive(Serialize)]
pub(super) struct TrailerOut<'a> {
    pub looked_at: LookedAt<'a>,
    pub stderr: &'a [u8],
    pub status: u8,
}

/// The paths a run looked at, each written as its bytes, as [`Trailer::looked_at`] reads them.
pub(super) struct LookedAt<'a>(pub &'a [(PathBuf, Stamp)]);

impl Serialize for LookedAt<'_> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(
            self.0
                .iter()
                .map(|(path, stamp)| (os_bytes(path.as_os_str()), stamp)),
        )
    }
}

/// A record opened, found whole, its trailer read; its output is copied out on demand, so that
/// a report of hundreds of megabytes is never held in memory.
pub(super) struct Record<R> {
    source: R,
    stdout_len: u64,
    pub trailer: Trailer,
}

impl<R: Read + Seek> Record<R> {
    /// The record of `len` bytes in `source`; `None` when it is not one, or not whole (a damaged
    /// record is a miss, never an error). The whole record is read once for its checksum before
    /// anything in it is believed.
    pub(super) fn open(mut source: R, len: u64) -> Option<Self> {
        let body_len = len.checked_sub(8)?;
        if body_len < (MAGIC.len() + TAIL - 8) as u64 || !checksum_holds(&mut source, body_len) {
            return None;
        }
        let tail_at = len.checked_sub(TAIL as u64)?;
        let mut tail = [0u8; 16];
        source.seek(SeekFrom::Start(tail_at)).ok()?;
        source.read_exact(&mut tail).ok()?;
        let (trailer_len, stdout_len) = tail.split_at(8);
        let trailer_len = u64::from_le_bytes(trailer_len.try_into().ok()?);
        let stdout_len = u64::from_le_bytes(stdout_len.try_into().ok()?);
        let trailer_at = tail_at.checked_sub(trailer_len)?;
        if (MAGIC.len() as u64).checked_add(stdout_len)? != trailer_at {
            return None;
        }
        let mut trailer = vec![0; usize::try_from(trailer_len).ok()?];
        source.seek(SeekFrom::Start(trailer_at)).ok()?;
        source.read_exact(&mut trailer).ok()?;
        let trailer = postcard::from_bytes(&trailer).ok()?;
        Some(Self {
            source,
            stdout_len,
            trailer,
        })
    }

    /// Copies the output the run printed to `out`.
    pub(super) fn copy_stdout(&mut self, out: &mut impl Write) -> io::Result<()> {
        self.source.seek(SeekFrom::Start(MAGIC.len() as u64))?;
        let copied = io::copy(&mut (&mut self.source).take(self.stdout_len), out)?;
        if copied == self.stdout_len {
            Ok(())
        } else {
            Err(io::Error::from(io::ErrorKind::UnexpectedEof))
        }
    }
}

/// Whether the first `body_len` bytes of `source` begin with the magic line and hash to the
/// checksum that follows them.
fn checksum_holds(source: &mut impl Read, body_len: u64) -> bool {
    let mut hasher = Xxh3Default::new();
    let mut buffer = vec![0; 1 << 16];
    let mut left = body_len;
    let mut first = true;
    while left > 0 {
        let n = usize::try_from(left.min(buffer.len() as u64)).unwrap_or(buffer.len());
        if source.read_exact(&mut buffer[..n]).is_err() || (first && !buffer.starts_with(MAGIC)) {
            return false;
        }
        first = false;
        hasher.update(&buffer[..n]);
        left -= n as u64;
    }
    let mut sum = [0u8; 8];
    source.read_exact(&mut sum).is_ok() && u64::from_le_bytes(sum) == hasher.digest()
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
    pub(super) fn finish(mut self, trailer: &TrailerOut<'_>) -> io::Result<W> {
        let stdout_len = self.stdout_len;
        // Streamed through this writer, which hashes it and counts it as it does the output.
        let mut buffered = io::BufWriter::new(&mut self);
        postcard::to_io(trailer, &mut buffered).map_err(io::Error::other)?;
        buffered.flush()?;
        drop(buffered);
        let trailer_len = self.stdout_len - stdout_len;
        let mut tail = [0u8; 16];
        tail[..8].copy_from_slice(&trailer_len.to_le_bytes());
        tail[8..].copy_from_slice(&stdout_len.to_le_bytes());
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

/// A path (or any name the system gives: a variable, its value) as a record keeps it.
#[cfg(unix)]
pub(super) fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Borrowed(std::os::unix::ffi::OsStrExt::as_bytes(name))
}

#[cfg(not(unix))]
pub(super) fn os_bytes(name: &std::ffi::OsStr) -> std::borrow::Cow<'_, [u8]> {
    std::borrow::Cow::Owned(name.to_string_lossy().into_owned().into_bytes())
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
        let looked_at = [(PathBuf::from("plans/a.txt"), Stamp::Absent)];
        let trailer = TrailerOut {
            looked_at: LookedAt(&looked_at),
            stderr: b"note\n",
            status: 1,
        };
        writer.finish(&trailer).unwrap()
    }

    fn opened(bytes: &[u8]) -> Option<Record<std::io::Cursor<Vec<u8>>>> {
        Record::open(std::io::Cursor::new(bytes.to_vec()), bytes.len() as u64)
    }

    #[test]
    fn a_record_reads_back_and_any_damage_is_a_miss() {
        let bytes = written(b"{\"diagnostics\": []}\n");
        let mut record = opened(&bytes).unwrap();
        let mut stdout = Vec::new();
        record.copy_stdout(&mut stdout).unwrap();
        assert_eq!(stdout, b"{\"diagnostics\": []}\n");
        assert_eq!(record.trailer.stderr, b"note\n");
        assert_eq!(record.trailer.status, 1);
        assert_eq!(
            record.trailer.looked_at,
            [(b"plans/a.txt".to_vec(), Stamp::Absent)]
        );
        for at in [0, MAGIC.len() + 3, bytes.len() - 30, bytes.len() - 1] {
            let mut damaged = bytes.clone();
            damaged[at] ^= 0x20;
            assert!(opened(&damaged).is_none(), "byte {at} flipped");
        }
        for len in [0, 7, 8, MAGIC.len(), bytes.len() - 1] {
            assert!(opened(&bytes[..len]).is_none(), "cut at {len}");
        }
        assert!(opened(b"garbage of any length at all, here 45 bytes").is_none());
        // A record larger than the buffer its checksum is read through.
        let large = vec![b'x'; 200_000];
        let mut record = opened(&written(&large)).unwrap();
        let mut stdout = Vec::new();
        record.copy_stdout(&mut stdout).unwrap();
        assert_eq!(stdout, large);
    }
}

//! A warm `check` of an unchanged corpus prints what the last identical run printed, without
//! reading the corpus: ripgrep's speed for the commonest run in CI and at a reviewer's desk.
//!
//! A run is recorded (in the cache folder, beside the extraction entries) under the SHA-256 of
//! everything that decides its output besides the files: the command line as parsed, the working
//! folder, the environment, whether standard output and error are terminals and the terminal's
//! width. The record keeps every path the run looked at with its stamp ([`observe`]: device,
//! inode, size, mode, modification and change times, or its absence): every file read, every
//! file looked for, every folder listed. A run with the same key replays the record only while
//! every one of those paths still has its stamp; anything else (a plan edited, added, removed or
//! renamed, planlint.yaml created above, a baseline changed, another build of planlint) runs
//! afresh and records anew. Only runs that write nothing but their report are recorded (not
//! `--fix`, `--diff`, `--annotate`, `--write-baseline` or `--changed-since`), and none whose
//! files changed within a second of it starting (a file changed twice within one tick of the
//! file system's clock can keep its times, as git's index knows), nor one that had something to
//! say about the cache. `--no-cache` neither reads nor writes records. A damaged record is a
//! miss (its checksum), and a record is written aside and renamed into place, so concurrent runs
//! never see half of one.

mod record;

use std::io::{self, IsTerminal, Write};
use std::time::{Duration, SystemTime};

use rayon::prelude::*;
use sha2::{Digest, Sha256};

use self::record::{LookedAt, Record, RecordWriter, TrailerOut};
use super::ExitStatus;
use super::args::CheckArgs;
use crate::ingest::cache::{Cache, RunWriter};
use crate::source::observe::{self, Stamp};

/// How recent a file's change may be for a run that read it to be recorded.
const SETTLED: Duration = Duration::from_secs(1);

/// Environment variables that change between shells without changing a run.
const VOLATILE: [&str; 4] = ["_", "OLDPWD", "PWD", "SHLVL"];

/// How a `check` begins.
pub(super) enum Begun {
    /// The record of an identical run was printed again: the run is over.
    Replayed(ExitStatus),
    /// The run goes ahead, printing through the recorder.
    Run(Box<Recorder>),
}

/// Replays the record of an identical earlier run when there is one and nothing it looked at
/// changed; otherwise starts recording this one (when it may be recorded).
pub(super) fn begin(args: &CheckArgs, cache: bool) -> Begun {
    let slot = (cache && recordable(args))
        .then(Cache::open)
        .flatten()
        .and_then(|cache| cache.run_slot(&key(args)));
    let Some(slot) = slot else {
        return Begun::Run(Box::new(Recorder::plain()));
    };
    if let Some(status) = slot
        .open()
        .and_then(|(file, len)| Record::open(file, len))
        .and_then(replay)
    {
        return Begun::Replayed(status);
    }
    let record = slot
        .writer()
        .and_then(RecordWriter::new)
        .ok()
        .filter(|_| observe::start());
    Begun::Run(Box::new(Recorder {
        record,
        ..Recorder::plain()
    }))
}

/// Runs that write nothing but their report, and do not depend on a repository's history.
fn recordable(args: &CheckArgs) -> bool {
    !args.fix
        && !args.diff
        && args.write_baseline.is_none()
        && args.annotate.is_none()
        && args.changed_since.is_none()
}

/// The SHA-256 of everything besides the files that decides what a run prints.
fn key(args: &CheckArgs) -> String {
    let mut hash = Sha256::new();
    let mut field = |bytes: &[u8]| {
        hash.update((bytes.len() as u64).to_le_bytes());
        hash.update(bytes);
    };
    field(b"planlint check run 1");
    field(format!("{args:?}").as_bytes());
    let cwd = std::env::current_dir().unwrap_or_default();
    field(&record::os_bytes(cwd.as_os_str()));
    let mut vars: Vec<_> = std::env::vars_os()
        .filter(|(name, _)| !VOLATILE.iter().any(|v| name == v))
        .collect();
    vars.sort();
    for (name, value) in &vars {
        field(&record::os_bytes(name));
        field(&record::os_bytes(value));
    }
    let terminal = format!(
        "{} {} {:?}",
        io::stdout().is_terminal(),
        io::stderr().is_terminal(),
        super::output::terminal_width()
    );
    field(terminal.as_bytes());
    format!("{:x}", hash.finalize())
}

/// Prints a record again when every path it looked at still has its stamp.
fn replay(mut record: Record<std::fs::File>) -> Option<ExitStatus> {
    let unchanged = record
        .trailer
        .looked_at
        .par_iter()
        .all(|(path, stamp)| Stamp::of(&record::path_of(path)) == *stamp);
    if !unchanged {
        return None;
    }
    let status = match record.trailer.status {
        0 => ExitStatus::Clean,
        1 => ExitStatus::Findings,
        _ => return None,
    };
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    if super::done_if_closed(record.copy_stdout(&mut out).and_then(|()| out.flush())).is_err() {
        return Some(ExitStatus::Failure);
    }
    let mut stderr = io::stderr().lock();
    drop(stderr.write_all(&record.trailer.stderr));
    Some(status)
}

/// Where a `check` prints: standard output and error, and the record being written.
pub(super) struct Recorder {
    record: Option<RecordWriter<RunWriter>>,
    stderr: Vec<u8>,
    started: SystemTime,
}

impl Recorder {
    fn plain() -> Self {
        Self {
            record: None,
            stderr: Vec::new(),
            started: SystemTime::now(),
        }
    }

    /// Standard output, copied into the record; buffered in front of both, so that the record's
    /// checksum is taken over large pieces, not each small write of a serializer.
    pub(super) fn stdout(&mut self) -> io::BufWriter<Tee<'_>> {
        io::BufWriter::with_capacity(
            1 << 16,
            Tee {
                out: io::stdout().lock(),
                recorder: self,
            },
        )
    }

    /// Says `text` on standard error, as part of the run's output.
    pub(super) fn say(&mut self, text: &str) {
        eprint!("{text}");
        if self.record.is_some() {
            self.stderr.extend_from_slice(text.as_bytes());
        }
    }

    /// This run is not to be replayed (it had something to say that is not part of its output,
    /// or its output could not be printed whole): its record and its log are dropped.
    pub(super) fn forgo(&mut self) {
        if self.record.take().is_some() {
            drop(observe::finish());
        }
    }

    /// Ends the run with `status`, keeping its record when the run may be replayed.
    pub(super) fn finish(self, status: ExitStatus) -> ExitStatus {
        let Some(writer) = self.record else {
            return status;
        };
        let looked_at = observe::finish();
        let code = match status {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Failure => return status,
        };
        // What changed while the run read it, or may change unseen, is not to be trusted later.
        let settled = looked_at.par_iter().all(|(path, stamp)| {
            !stamp.is_recent(self.started, SETTLED) && Stamp::of(path) == *stamp
        });
        if settled && !looked_at.is_empty() {
            let trailer = TrailerOut {
                looked_at: LookedAt(&looked_at),
                stderr: &self.stderr,
                status: code,
            };
            // A record that cannot be written is only a slower next run.
            drop(writer.finish(&trailer).and_then(RunWriter::keep));
        }
        status
    }
}

/// Standard output and the record: what reaches one reaches the other, and a failure to print
/// (a closed pipe) leaves the record unwritten.
pub(super) struct Tee<'a> {
    out: io::StdoutLock<'static>,
    recorder: &'a mut Recorder,
}

impl Write for Tee<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let n = self.out.write(buf).inspect_err(|_| self.recorder.forgo())?;
        if let Some(record) = &mut self.recorder.record
            && record.write_all(&buf[..n]).is_err()
        {
            self.recorder.forgo();
        }
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush().inspect_err(|_| self.recorder.forgo())?;
        if let Some(record) = &mut self.recorder.record
            && record.flush().is_err()
        {
            self.recorder.forgo();
        }
        Ok(())
    }
}

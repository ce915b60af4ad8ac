//! Why a cache entry was not used, and the one note a run gives about it.
//!
//! A rejected entry is a miss like any other: the file is read again, the entry rewritten
//! and the findings are the same bytes. The note (on standard error, never among the findings)
//! says once per run that something in the cache was not trusted, since it means a damaged
//! disk, another program or another user writing into the cache.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::i18n::Msg;
use crate::msg;

/// Why an entry, or the whole cache folder, was not trusted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(
    not(unix),
    allow(
        dead_code,
        reason = "without Unix owners and modes no entry is read from disk"
    )
)]
pub(crate) enum Rejection {
    /// A folder of the cache is a link, or not this user's, or open to others (not 0700).
    FolderNotPrivate,
    /// The entry is a link, a pipe, a device or a folder: never opened.
    NotRegular,
    /// The entry belongs to another user.
    Owner,
    /// Others may read or write the entry (not 0600).
    Mode,
    /// Larger than any entry for a text of this length.
    TooLarge,
    /// It could not be read.
    Unreadable,
    /// It names another text (its hash is not this text's).
    OtherText,
    /// Its body is not what its checksum says: damaged or edited in place.
    Damaged,
    /// Not an entry planlint writes.
    Malformed,
    /// A place in it lies outside the text or inside a character.
    OutOfText,
}

impl Rejection {
    /// The reason, in both languages.
    pub(crate) fn reason(self) -> Msg {
        let (zh, en) = match self {
            Rejection::FolderNotPrivate => (
                "所在文件夹不是当前用户私有的（须属于当前用户、权限 0700、不是链接）",
                "its folder is not private (this user's, mode 0700, not a link)",
            ),
            Rejection::NotRegular => (
                "不是普通文件（链接、管道或设备），未打开",
                "not a regular file (a link, a pipe or a device), not opened",
            ),
            Rejection::Owner => ("属于其他用户", "it belongs to another user"),
            Rejection::Mode => ("权限不是 0600", "its mode is not 0600"),
            Rejection::TooLarge => ("大小超出上限", "larger than an entry for this text can be"),
            Rejection::Unreadable => ("无法读取", "it cannot be read"),
            Rejection::OtherText => (
                "记录的文本哈希与本文本不符",
                "the text hash it records is not this text's",
            ),
            Rejection::Damaged => (
                "内容与其校验和不符（已损坏或被改动）",
                "its content does not match its checksum (damaged or edited)",
            ),
            Rejection::Malformed => ("不是有效的缓存条目", "not a valid cache entry"),
            Rejection::OutOfText => (
                "其中的位置超出文本范围或落在字符中间",
                "a position in it lies outside the text or inside a character",
            ),
        };
        Msg::new(zh, en)
    }
}

/// The rejections of one run: how many, and the one to name (that of the first plan in path
/// order, so that the note is the same whatever the thread count).
#[derive(Debug, Default)]
pub(crate) struct Rejections {
    seen: Mutex<Option<Seen>>,
}

#[derive(Debug)]
struct Seen {
    count: usize,
    plan: PathBuf,
    entry: PathBuf,
    why: Rejection,
}

impl Rejections {
    /// Records that the entry at `entry` for the file `plan` (a plan's text or a
    /// `jurisdiction.yaml`) was rejected.
    pub(crate) fn record(&self, plan: &Path, entry: &Path, why: Rejection) {
        let mut seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        match &mut *seen {
            Some(first) => {
                first.count += 1;
                if plan < first.plan.as_path() {
                    (first.plan, first.entry, first.why) = (plan.into(), entry.into(), why);
                }
            }
            None => {
                *seen = Some(Seen {
                    count: 1,
                    plan: plan.into(),
                    entry: entry.into(),
                    why,
                });
            }
        }
    }

    /// The note for the run, when an entry was rejected.
    pub(crate) fn note(&self) -> Option<Msg> {
        let seen = self.seen.lock().unwrap_or_else(PoisonError::into_inner);
        let Seen {
            count, entry, why, ..
        } = seen.as_ref()?;
        let entry = entry.display();
        let reason = why.reason();
        let (zh, en) = (reason.zh(), reason.en());
        Some(msg!(
            "提取缓存中有 {count} 个条目未被采用，已重新读取其文件并改写条目（首个：{entry}：{zh}）",
            "{count} extraction cache entries were not trusted: their files were read again and the entries rewritten (the first: {entry}: {en})"
        ))
    }
}

/// The note for a cache folder that is not private: the cache is not used this run.
pub(crate) fn folder_note(folder: &Path) -> Msg {
    let folder = folder.display();
    msg!(
        "提取缓存文件夹 {folder} 不是当前用户私有的（须属于当前用户、权限 0700、不是链接），本次运行不使用缓存",
        "the extraction cache folder {folder} is not private (this user's, mode 0700, not a link): the cache is not used this run"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_note_counts_and_names_the_first_plan_in_path_order() {
        let rejections = Rejections::default();
        assert!(rejections.note().is_none());
        rejections.record(Path::new("b.txt"), Path::new("/c/2"), Rejection::Mode);
        rejections.record(Path::new("a.txt"), Path::new("/c/1"), Rejection::OtherText);
        rejections.record(Path::new("c.txt"), Path::new("/c/3"), Rejection::Owner);
        let note = rejections.note().unwrap();
        assert!(
            note.en().starts_with("3 extraction cache entries"),
            "{}",
            note.en()
        );
        assert!(note.en().contains("/c/1: the text hash"), "{}", note.en());
        assert!(note.zh().contains("/c/1：记录的文本哈希"), "{}", note.zh());
    }
}

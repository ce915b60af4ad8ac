//! Source files and byte spans: every model value remembers where it was written, so a
//! diagnostic can underline the exact YAML node or sentence.

use std::path::{Path, PathBuf};
use std::sync::Arc;

/// A byte range in one source file.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Default,
    serde::Serialize,
    serde::Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub len: usize,
}

impl Span {
    #[must_use]
    pub const fn new(start: usize, len: usize) -> Self {
        Self { start, len }
    }

    #[must_use]
    pub const fn end(self) -> usize {
        self.start + self.len
    }
}

/// Index of a file in [`Sources`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SourceId(pub usize);

/// A file read from disk: where it is, how output names it, and its text.
#[derive(Debug)]
pub struct SourceFile {
    /// The path it was read from (and is written back to by `--fix`).
    pub path: PathBuf,
    /// The path as every output prints it: relative to the project root when it is inside it,
    /// with `/` separators, so output and baselines do not depend on where the project lies.
    shown: String,
    pub text: Arc<str>,
    /// Where each line starts, built on first use: a position is found by a binary search, not
    /// by counting from the start of the file (or of its line) for every label.
    lines: std::sync::OnceLock<super::line_index::LineIndex>,
    /// Where each line and character was printed, for a text read from a PDF or an OFD.
    printed: Option<Arc<super::printed::Printed>>,
}

impl SourceFile {
    /// The 1-based line and column (in characters, as a person counts them) of a byte offset.
    #[must_use]
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let lines = self
            .lines
            .get_or_init(|| super::line_index::LineIndex::new(&self.text));
        let line = lines.line(&self.text, offset);
        let line_start = lines.line_range(&self.text, line).start;
        let column =
            lines.chars_before(&self.text, offset) - lines.chars_before(&self.text, line_start);
        (line + 1, column + 1)
    }

    /// The page, the line on that page (both from 1) and the column of a byte offset, for a
    /// text read from a fixed-layout document.
    #[must_use]
    pub fn printed_at(&self, offset: usize) -> Option<(usize, usize, usize)> {
        let (line, column) = self.line_col(offset);
        let (page, page_line) = self.printed.as_ref()?.page_line(line - 1)?;
        Some((page, page_line, column))
    }

    /// Where the text was printed, for a text read from a PDF or an OFD.
    #[must_use]
    pub fn printed(&self) -> Option<&Arc<super::printed::Printed>> {
        self.printed.as_ref()
    }

    /// The path as printed in every output format.
    #[must_use]
    pub fn display_path(&self) -> String {
        self.shown.clone()
    }

    /// The same, borrowed: for comparing and writing without a copy per finding.
    #[must_use]
    pub fn shown_path(&self) -> &str {
        &self.shown
    }
}

/// Sorts `paths` in `Path`'s own order (component by component), each path parsed into its
/// components once rather than at every comparison: a national corpus sorts thousands. With
/// `parents_first`, by the number of components first.
pub(crate) fn sort_paths(paths: &mut Vec<PathBuf>, parents_first: bool) {
    use rayon::prelude::*;
    // On every core (a national corpus sorts 32,000 paths on the main thread); rayon's sort is
    // stable, so the order is the same as one thread's.
    let order: Vec<usize> = {
        let mut keyed: Vec<(Vec<std::path::Component<'_>>, usize)> = paths
            .par_iter()
            .enumerate()
            .map(|(i, path)| (path.components().collect(), i))
            .collect();
        keyed.par_sort_by(|(a, _), (b, _)| {
            let depth = if parents_first {
                a.len().cmp(&b.len())
            } else {
                std::cmp::Ordering::Equal
            };
            depth.then_with(|| a.cmp(b))
        });
        keyed.into_iter().map(|(_, i)| i).collect()
    };
    let mut unsorted: Vec<Option<PathBuf>> = std::mem::take(paths).into_iter().map(Some).collect();
    *paths = order
        .into_iter()
        .filter_map(|i| unsorted[i].take())
        .collect();
}

/// A path with `/` separators whatever the platform, so output is the same everywhere.
#[must_use]
pub fn display_path(path: &Path) -> String {
    lossless(path)
}

/// A path as text with `/` separators and nothing lost: bytes that are not UTF-8 written as
/// `\xNN`, so that two file names that differ only there never print alike.
fn lossless(path: &Path) -> String {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let mut out = String::new();
        for chunk in path.as_os_str().as_bytes().utf8_chunks() {
            out.push_str(&chunk.valid().replace('\\', "/"));
            for byte in chunk.invalid() {
                out.push_str(&format!("\\x{byte:02X}"));
            }
        }
        out
    }
    #[cfg(not(unix))]
    {
        path.to_string_lossy().replace('\\', "/")
    }
}

/// A path with `.` and `..` resolved without touching the file system.
#[must_use]
pub fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for part in path.components() {
        match part {
            std::path::Component::CurDir => {}
            std::path::Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    while offset > 0 && !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// Every file of one run.
#[derive(Debug, Default)]
pub struct Sources {
    files: Vec<SourceFile>,
    /// The project root paths are shown relative to, and the folder relative paths start from.
    root: Option<(PathBuf, PathBuf)>,
    /// Paths shown under another name (see [`Sources::renamed`]), absolute.
    names: Vec<(PathBuf, String)>,
}

impl Sources {
    /// Sources whose paths are shown relative to `root` (the configuration file's folder, or
    /// the working directory): `plans/x.yaml` whether it was reached as `plans`, `./plans`,
    /// an absolute path or from a subfolder.
    #[must_use]
    pub fn rooted(root: &Path) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        let root = lexical(&cwd.join(root));
        Self {
            files: Vec::new(),
            root: Some((root, cwd)),
            names: Vec::new(),
        }
    }

    /// Shows each file at or under a path of `names` by the name given with it: an upload by
    /// the file name its reviewer gave, the review service's private copy of a corpus by the
    /// corpus's own path. Output then names them as a run on the originals would.
    #[must_use]
    pub fn renamed(mut self, names: &[(PathBuf, String)]) -> Self {
        let cwd = std::env::current_dir().unwrap_or_default();
        self.names = names
            .iter()
            .map(|(path, name)| (lexical(&cwd.join(path)), name.clone()))
            .collect();
        self
    }

    /// The project root, when paths are shown relative to one.
    #[must_use]
    pub fn root(&self) -> Option<&Path> {
        self.root.as_ref().map(|(root, _)| root.as_path())
    }

    pub fn add(&mut self, path: PathBuf, text: impl Into<Arc<str>>) -> SourceId {
        self.add_printed(path, text, None)
    }

    /// Adds a text read from a fixed-layout document, with where it was printed.
    pub fn add_printed(
        &mut self,
        path: PathBuf,
        text: impl Into<Arc<str>>,
        printed: Option<Arc<super::printed::Printed>>,
    ) -> SourceId {
        let shown = self.shown(&path);
        self.files.push(SourceFile {
            path,
            shown,
            text: text.into(),
            lines: std::sync::OnceLock::new(),
            printed,
        });
        SourceId(self.files.len() - 1)
    }

    /// How every output names `path`: by its new name when it is at or under a renamed path,
    /// else relative to the project root when it is inside it.
    #[must_use]
    pub fn shown(&self, path: &Path) -> String {
        self.renaming(path).unwrap_or_else(|| match &self.root {
            Some((root, cwd)) => {
                let absolute = lexical(&cwd.join(path));
                absolute
                    .strip_prefix(root)
                    .map_or_else(|_| display_path(path), display_path)
            }
            None => display_path(path),
        })
    }

    /// The name `path` is shown by, when it is at or under a renamed path.
    fn renaming(&self, path: &Path) -> Option<String> {
        if self.names.is_empty() {
            return None;
        }
        let cwd = std::env::current_dir().unwrap_or_default();
        let absolute = lexical(&cwd.join(path));
        self.names.iter().find_map(|(renamed, name)| {
            let rest = absolute.strip_prefix(renamed).ok()?;
            Some(match (name.is_empty(), rest.as_os_str().is_empty()) {
                (_, true) => name.clone(),
                // A folder shown as the project root itself: its files by their own paths.
                (true, false) => display_path(rest),
                (false, false) => format!("{name}/{}", display_path(rest)),
            })
        })
    }

    #[must_use]
    pub fn get(&self, id: SourceId) -> &SourceFile {
        &self.files[id.0]
    }

    pub fn iter(&self) -> impl Iterator<Item = (SourceId, &SourceFile)> {
        self.files.iter().enumerate().map(|(i, f)| (SourceId(i), f))
    }

    #[must_use]
    pub fn len(&self) -> usize {
        self.files.len()
    }

    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

/// A value and where it was written.
#[derive(Debug, Clone, PartialEq)]
pub struct Located<T> {
    pub value: T,
    pub source: SourceId,
    pub span: Span,
}

impl<T> Located<T> {
    pub fn new(value: T, source: SourceId, span: Span) -> Self {
        Self {
            value,
            source,
            span,
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Located<U> {
        Located {
            value: f(self.value),
            source: self.source,
            span: self.span,
        }
    }

    pub fn as_ref(&self) -> Located<&T> {
        Located {
            value: &self.value,
            source: self.source,
            span: self.span,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_sort_as_path_sorts_them_parents_first_when_asked() {
        let given: Vec<PathBuf> = [
            "a/./z", "a/c", "a-b", "a/b", "./x", "/abs", "a//b", "a/b/", "a", "a/b/c", "b", "a/b",
        ]
        .into_iter()
        .map(PathBuf::from)
        .collect();
        let mut by_path = given.clone();
        by_path.sort();
        let mut sorted = given.clone();
        sort_paths(&mut sorted, false);
        assert_eq!(sorted, by_path);
        let mut by_depth = given.clone();
        by_depth.sort_by_key(|p| p.components().count());
        let mut parents_first = by_path;
        parents_first.sort_by_key(|p| p.components().count());
        sort_paths(&mut by_depth, true);
        assert_eq!(by_depth, parents_first);
        // Equal paths keep their order: the first spelling stays first.
        let mut twins = vec![PathBuf::from("a/b/"), PathBuf::from("a//b")];
        sort_paths(&mut twins, false);
        assert_eq!(twins[0].as_os_str(), "a/b/");
    }
}

//! Ingestion: files on disk → a [`Corpus`] of model types. Every problem with a file becomes a
//! located diagnostic and the rest of the corpus is still read.

mod jurisdiction_file;
mod plan_file;
pub(crate) mod schema;
pub(crate) mod text;
pub(crate) mod yaml;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

use crate::catalogue::Catalogue;
use crate::diagnostics::{Diagnostic, Severity};
use crate::model::span::display_path;
use crate::model::{Jurisdiction, JurisdictionId, Plan, SourceId, Sources, Span};
use crate::msg;

/// The file in each folder of `plans/` that declares its jurisdiction.
pub const JURISDICTION_FILE: &str = "jurisdiction.yaml";

/// Plan files larger than this are refused: the largest real plan is well under 1 MiB, and a
/// file of tens of megabytes is a mistake (a binary, a dump) that should not stall a run.
pub const MAX_FILE_BYTES: u64 = 8 * 1024 * 1024;

/// Everything one run read.
#[derive(Debug)]
pub struct Corpus {
    pub sources: Sources,
    pub jurisdictions: Vec<Jurisdiction>,
    pub plans: Vec<Plan>,
    pub catalogue: Catalogue,
    /// Problems found while reading.
    pub diagnostics: Vec<Diagnostic>,
    /// How many plan and jurisdiction files were read.
    pub files: usize,
}

/// A path given on the command line that cannot be read at all.
#[derive(Debug, thiserror::Error, miette::Diagnostic)]
pub enum LoadError {
    #[error("{path}: no such file or folder / 文件或文件夹不存在")]
    #[diagnostic(code(planlint::ingest::not_found))]
    NotFound { path: String },
}

/// Reads every plan and jurisdiction file under `paths`.
pub fn load(paths: &[PathBuf], lints_dir: Option<&Path>) -> Result<Corpus, LoadError> {
    let mut sources = Sources::default();
    let mut diagnostics = Vec::new();
    let catalogue = Catalogue::load(lints_dir, &mut sources, &mut diagnostics);
    let files = discover(paths)?;
    let mut corpus = Corpus {
        sources,
        jurisdictions: Vec::new(),
        plans: Vec::new(),
        catalogue,
        diagnostics,
        files: files.jurisdictions.len() + files.plans.len(),
    };
    let folders = load_jurisdictions(&mut corpus, &files.jurisdictions);
    let by_name = jurisdictions_by_name(&corpus.jurisdictions);
    for path in &files.plans {
        load_plan(&mut corpus, path, &folders, &by_name);
    }
    if files.plans.is_empty() {
        let shown = paths
            .iter()
            .map(|p| display_path(p))
            .collect::<Vec<_>>()
            .join(", ");
        corpus.diagnostics.push(
            Diagnostic::new(
                "empty-corpus",
                Severity::Error,
                msg!("{shown} 中没有方案文件", "no plan files found in {shown}"),
            )
            .with_help(msg!(
                "方案文件是 jurisdiction.yaml 以外的 .yaml 文件，放在与辖区对应的文件夹中",
                "plan files are the .yaml files other than jurisdiction.yaml, in folders that mirror jurisdictions"
            )),
        );
    }
    Ok(corpus)
}

struct Discovered {
    jurisdictions: Vec<PathBuf>,
    plans: Vec<PathBuf>,
}

fn discover(paths: &[PathBuf]) -> Result<Discovered, LoadError> {
    let mut jurisdictions = HashSet::new();
    let mut plans = HashSet::new();
    for root in paths {
        if !root.exists() {
            return Err(LoadError::NotFound {
                path: display_path(root),
            });
        }
        if root.is_file() {
            if is_jurisdiction_file(root) {
                jurisdictions.insert(root.clone());
            } else {
                plans.insert(root.clone());
            }
            // A single file is checked with the jurisdictions of the folders above it.
            let mut dir = root.parent();
            while let Some(d) = dir {
                let candidate = d.join(JURISDICTION_FILE);
                if !candidate.is_file() {
                    break;
                }
                jurisdictions.insert(candidate);
                dir = d.parent();
            }
            continue;
        }
        let walker = walkdir::WalkDir::new(root)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
        for entry in walker.filter_map(Result::ok) {
            let path = entry.path();
            if !entry.file_type().is_file() || !is_yaml(path) {
                continue;
            }
            if is_jurisdiction_file(path) {
                jurisdictions.insert(path.to_path_buf());
            } else {
                plans.insert(path.to_path_buf());
            }
        }
    }
    let mut jurisdictions: Vec<PathBuf> = jurisdictions.into_iter().collect();
    // Parents before children, then by name: a folder's parent jurisdiction is always known.
    jurisdictions.sort_by(|a, b| {
        a.components()
            .count()
            .cmp(&b.components().count())
            .then(a.cmp(b))
    });
    let mut plans: Vec<PathBuf> = plans.into_iter().collect();
    plans.sort();
    Ok(Discovered {
        jurisdictions,
        plans,
    })
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

fn is_jurisdiction_file(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == JURISDICTION_FILE)
}

/// Reads the jurisdiction files; returns folder → jurisdiction.
fn load_jurisdictions(corpus: &mut Corpus, paths: &[PathBuf]) -> BTreeMap<PathBuf, JurisdictionId> {
    let mut folders = BTreeMap::new();
    for path in paths {
        let Some((source, text)) = read_source(corpus, path) else {
            continue;
        };
        let file = match yaml::parse::<schema::JurisdictionFile>(source, &text) {
            Ok(file) => file,
            Err(d) => {
                corpus.diagnostics.push(*d);
                continue;
            }
        };
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let parent = nearest_folder(&folders, dir.parent());
        let jurisdiction = jurisdiction_file::convert(
            source,
            dir.clone(),
            file,
            parent,
            &corpus.catalogue.abbreviations,
        );
        corpus.jurisdictions.push(jurisdiction);
        folders.insert(dir, JurisdictionId(corpus.jurisdictions.len() - 1));
    }
    folders
}

fn nearest_folder(
    folders: &BTreeMap<PathBuf, JurisdictionId>,
    mut dir: Option<&Path>,
) -> Option<JurisdictionId> {
    while let Some(d) = dir {
        if let Some(id) = folders.get(d) {
            return Some(*id);
        }
        dir = d.parent();
    }
    None
}

fn load_plan(
    corpus: &mut Corpus,
    path: &Path,
    folders: &BTreeMap<PathBuf, JurisdictionId>,
    by_name: &HashMap<String, JurisdictionId>,
) {
    let Some((source, text)) = read_source(corpus, path) else {
        return;
    };
    let file = match yaml::parse::<schema::PlanFile>(source, &text) {
        Ok(file) => file,
        Err(d) => {
            corpus.diagnostics.push(*d);
            return;
        }
    };
    let lookup = plan_file::JurisdictionLookup {
        jurisdictions: &corpus.jurisdictions,
        by_name,
        folder: nearest_folder(folders, path.parent()),
    };
    if let Some(plan) = plan_file::convert(source, file, &lookup, &mut corpus.diagnostics) {
        corpus.plans.push(plan);
    }
}

/// Reads a file as UTF-8 text and registers it; problems become diagnostics.
fn read_source(corpus: &mut Corpus, path: &Path) -> Option<(SourceId, std::sync::Arc<str>)> {
    let shown = display_path(path);
    let metadata = std::fs::metadata(path);
    if let Ok(meta) = &metadata
        && meta.len() > MAX_FILE_BYTES
    {
        let (size, limit) = (meta.len() / 1024 / 1024, MAX_FILE_BYTES / 1024 / 1024);
        let source = corpus.sources.add(path.to_path_buf(), "");
        corpus.diagnostics.push(
            Diagnostic::new(
                "file-too-large",
                Severity::Error,
                msg!(
                    "文件过大（{size} MiB，上限 {limit} MiB），未读取",
                    "file too large ({size} MiB, the limit is {limit} MiB); not read"
                ),
            )
            .in_file(source),
        );
        return None;
    }
    let bytes = match std::fs::read(path) {
        Ok(bytes) => bytes,
        Err(err) => {
            let source = corpus.sources.add(path.to_path_buf(), "");
            corpus.diagnostics.push(
                Diagnostic::new(
                    "io-error",
                    Severity::Error,
                    msg!("无法读取 {shown}：{err}", "cannot read {shown}: {err}"),
                )
                .in_file(source),
            );
            return None;
        }
    };
    match decode_utf8(&bytes) {
        Ok(text) => {
            let text: std::sync::Arc<str> = text.into();
            let source = corpus
                .sources
                .add(path.to_path_buf(), std::sync::Arc::clone(&text));
            Some((source, text))
        }
        Err(problem) => {
            let source = corpus
                .sources
                .add(path.to_path_buf(), problem.readable_prefix);
            corpus.diagnostics.push(
                Diagnostic::new("invalid-encoding", Severity::Error, problem.message)
                    .at(source, Span::new(problem.offset, 0), msg!("此处", "here"))
                    .with_help(msg!("请将文件另存为 UTF-8 编码", "save the file as UTF-8")),
            );
            None
        }
    }
}

struct EncodingProblem {
    message: crate::i18n::Msg,
    offset: usize,
    readable_prefix: String,
}

/// Plan and jurisdiction files are UTF-8 (a BOM is allowed). Anything else is named as well as
/// it can be: a UTF-16 BOM, or GBK/GB18030 bytes at the first invalid offset.
fn decode_utf8(bytes: &[u8]) -> Result<String, EncodingProblem> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(EncodingProblem {
            message: msg!(
                "文件为 UTF-16 编码，不是 UTF-8",
                "the file is UTF-16, not UTF-8"
            ),
            offset: 0,
            readable_prefix: String::new(),
        });
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(text.to_string()),
        Err(err) => {
            let offset = err.valid_up_to();
            let prefix = String::from_utf8_lossy(&bytes[..offset]).into_owned();
            let line = prefix.matches('\n').count() + 1;
            Err(EncodingProblem {
                message: msg!(
                    "文件不是有效的 UTF-8（第 {line} 行，字节 {offset}；可能是 GBK/GB18030 编码）",
                    "the file is not valid UTF-8 (line {line}, byte {offset}; GBK/GB18030 perhaps)"
                ),
                offset,
                readable_prefix: prefix,
            })
        }
    }
}

/// Jurisdiction ids by folded name and alias; the first jurisdiction to claim a name keeps it.
fn jurisdictions_by_name(jurisdictions: &[Jurisdiction]) -> HashMap<String, JurisdictionId> {
    let mut map = HashMap::new();
    for (i, j) in jurisdictions.iter().enumerate() {
        for name in j.names() {
            map.entry(crate::model::text::fold(name))
                .or_insert(JurisdictionId(i));
        }
    }
    map
}

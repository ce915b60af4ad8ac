//! Plan files, read ahead (`prefetch`), turned into plans: first registered one by one in file
//! order (their sources, sidecars and the notes on reading them), then converted and placed on
//! every core, then taken into the corpus in file order with each plan's notes where a single
//! thread would have put them. The output is the same bytes at any thread count.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::places::{self, Places};
use super::read;
use super::{Corpus, hidden, nearest_folder, plan_file, prefetch, schema, skipped, text_plan};
use crate::diagnostics::Diagnostic;
use crate::model::{JurisdictionId, Plan, SourceId};
use crate::source::yaml;

/// Takes the plan files `paths`, read ahead as `prefetched`, into the corpus. `draft`: whether
/// they are drafts under review, and the jurisdiction `--jurisdiction` gives them.
pub(super) fn load(
    corpus: &mut Corpus,
    paths: &[PathBuf],
    prefetched: Vec<prefetch::Prefetched>,
    folders: &super::Folders,
    places: &Places,
    draft: Option<Option<&str>>,
) {
    let staged: Vec<Staged> = paths
        .iter()
        .zip(prefetched)
        .map(|(path, fetched)| {
            let before = corpus.diagnostics.len();
            let file = stage(corpus, path, fetched, draft.is_some());
            Staged {
                file,
                folder: nearest_folder(folders, path.parent()),
                notes: corpus.diagnostics.split_off(before),
            }
        })
        .collect();
    let jurisdictions = &corpus.jurisdictions;
    let converted: Vec<(Option<Plan>, Vec<Diagnostic>)> = staged
        .into_par_iter()
        .map(|staged| {
            let lookup = places::JurisdictionLookup {
                jurisdictions,
                places,
                folder: staged.folder,
            };
            let mut notes = staged.notes;
            let plan = staged
                .file
                .and_then(|file| file.convert(&lookup, draft.flatten(), &mut notes));
            (plan, notes)
        })
        .collect();
    for (plan, notes) in converted {
        corpus.diagnostics.extend(notes);
        corpus.plans.extend(plan);
    }
}

/// A plan file registered, with the notes on reading it.
struct Staged {
    /// `None` when there is no plan to make of it (unreadable, not a plan, a YAML error).
    file: Option<StagedFile>,
    /// The jurisdiction of the folder it is in.
    folder: Option<JurisdictionId>,
    notes: Vec<Diagnostic>,
}

enum StagedFile {
    Yaml {
        source: SourceId,
        file: Box<schema::PlanFile>,
    },
    Text(Box<StagedText>),
}

struct StagedText {
    source: SourceId,
    text: Arc<str>,
    prepared: super::plan_items::Prepared,
    stem: String,
    sidecar: Option<(SourceId, schema::SidecarFile)>,
}

impl StagedFile {
    fn convert(
        self,
        lookup: &places::JurisdictionLookup<'_>,
        hint: Option<&str>,
        notes: &mut Vec<Diagnostic>,
    ) -> Option<Plan> {
        match self {
            StagedFile::Yaml { source, file } => {
                plan_file::convert(source, *file, lookup, hint, notes)
            }
            StagedFile::Text(staged) => {
                let StagedText {
                    source,
                    text,
                    prepared,
                    stem,
                    sidecar,
                } = *staged;
                let input = text_plan::TextPlan {
                    source,
                    prepared,
                    stem,
                    sidecar,
                    hint,
                    text: &text,
                };
                text_plan::convert(input, lookup, notes)
            }
        }
    }
}

/// Registers a plan file's sources in the corpus and reports what stops it being a plan.
fn stage(
    corpus: &mut Corpus,
    path: &Path,
    fetched: prefetch::Prefetched,
    draft: bool,
) -> Option<StagedFile> {
    let fetched = match fetched {
        prefetch::Prefetched::Yaml(fetched) => fetched,
        prefetch::Prefetched::Text(fetched) => return stage_text(corpus, path, fetched, draft),
    };
    let prefetch::FetchedYaml { text, parsed } = *fetched;
    let (source, text) = read::register(corpus, path, text)?;
    let parsed = parsed.map_or_else(|| yaml::parse::<schema::PlanFile>(source, &text), Ok);
    match parsed {
        Ok(file) => Some(StagedFile::Yaml {
            source,
            file: Box::new(file),
        }),
        Err(d) => {
            corpus.diagnostics.push(*d);
            None
        }
    }
}

fn stage_text(
    corpus: &mut Corpus,
    path: &Path,
    fetched: prefetch::FetchedText,
    draft: bool,
) -> Option<StagedFile> {
    let prefetch::ReadText {
        text,
        prepared,
        sidecar,
        hidden,
        printed,
    } = match fetched {
        prefetch::FetchedText::Read(read) => *read,
        prefetch::FetchedText::Unreadable(problem) => {
            read::report(corpus, path, problem);
            return None;
        }
        prefetch::FetchedText::Undecodable(bytes, problem) => {
            read::undecodable(corpus, path, &bytes, problem);
            return None;
        }
    };
    let source = corpus
        .sources
        .add_printed(path.to_path_buf(), Arc::clone(&text), printed);
    hidden::report(corpus, source, &hidden);
    let sidecar = sidecar.and_then(|(sidecar_path, fetched)| {
        let (sidecar_source, sidecar_text) = read::register(corpus, &sidecar_path, fetched.text)?;
        let parsed = fetched.parsed.map_or_else(
            || yaml::parse::<schema::SidecarFile>(sidecar_source, &sidecar_text),
            Ok,
        );
        match parsed {
            Ok(file) => Some((sidecar_source, file)),
            Err(d) => {
                corpus.diagnostics.push(*d);
                None
            }
        }
    });
    // A stray note in a corpus folder (notes.md, a README) is no plan: said, never an error.
    // A draft named for review is checked whatever it holds.
    if !draft && sidecar.is_none() && !prepared.holds_a_plan {
        skipped::not_a_plan(corpus, source);
        return None;
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    Some(StagedFile::Text(Box::new(StagedText {
        source,
        text,
        prepared,
        stem,
        sidecar,
    })))
}

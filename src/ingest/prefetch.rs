//! The part of reading plans that needs nothing but the file: its bytes, its decoded text and
//! what extraction reads from a text plan. It runs on every core (rayon), then the corpus takes
//! the results one by one in file order, registering sources and placing plans exactly as a
//! single thread would: the output is the same bytes at any thread count.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::cache::Cache;
use super::discover::sidecar_of;
use super::is_text_plan;
use super::jurisdiction_file::Declared;
use super::plan_items::Prepared;
use super::schema::{JurisdictionFile, PlanFile, SidecarFile};
use super::text;
use crate::model::SourceId;
use crate::model::agency::AgencyNames;
use crate::source::{self, Unreadable, yaml};

/// A plan file as read ahead.
pub(super) enum Prefetched {
    Text(FetchedText),
    Yaml(Box<FetchedYaml<PlanFile>>),
}

/// A text plan decoded and extracted.
pub(super) struct ReadText {
    pub text: Arc<str>,
    /// What extraction read, its items made.
    pub prepared: Prepared,
    /// Its sidecar, when it has one: where, and its YAML read ahead.
    pub sidecar: Option<(PathBuf, FetchedYaml<SidecarFile>)>,
    /// The text its reader does not see (a .docx's hidden text).
    pub hidden: Vec<text::docx::HiddenText>,
    /// Where a PDF's or an OFD's text was printed.
    pub printed: Option<Arc<crate::model::printed::Printed>>,
}

/// A text plan as read ahead.
pub(super) enum FetchedText {
    /// Its bytes could not be read.
    Unreadable(Unreadable),
    /// Its bytes do not decode: the bytes and the problem.
    Undecodable(Vec<u8>, text::Unreadable),
    /// Decoded and extracted.
    Read(Box<ReadText>),
}

impl Prefetched {
    /// What a text says of its place, for finding zones known only by name: its issuer, its
    /// title and the X of its 结合X实际.
    pub(super) fn place_names(&self) -> impl Iterator<Item = &str> {
        let header = match self {
            Prefetched::Text(FetchedText::Read(read)) => Some(&read.prepared.header),
            _ => None,
        };
        header
            .into_iter()
            .flat_map(super::text::header::Header::place_names)
    }
}

/// Reads and extracts `paths` in parallel, in their order.
pub(super) fn prefetch(
    paths: &[PathBuf],
    cache: Option<&Cache>,
    names: &AgencyNames,
) -> Vec<Prefetched> {
    paths
        .par_iter()
        .map(|path| one(path, cache, names))
        .collect()
}

fn one(path: &Path, cache: Option<&Cache>, names: &AgencyNames) -> Prefetched {
    if is_text_plan(path) {
        Prefetched::Text(fetch_text(path, cache, names))
    } else {
        Prefetched::Yaml(Box::new(fetch_yaml(path)))
    }
}

fn fetch_text(path: &Path, cache: Option<&Cache>, names: &AgencyNames) -> FetchedText {
    let bytes = match source::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(problem) => return FetchedText::Unreadable(problem),
    };
    match text::read_document(path, &bytes) {
        Ok(document) => {
            let decoded = document.text;
            let entry = cache.and_then(|cache| cache.entry(&decoded));
            let cached = entry.as_ref().and_then(|entry| entry.get(&decoded, path));
            let extracted = cached.unwrap_or_else(|| {
                let extracted = text::extract(&decoded);
                if let Some(entry) = &entry {
                    entry.put(decoded.len(), &extracted);
                }
                extracted
            });
            let sidecar = sidecar_of(path).map(|sidecar| {
                let fetched = fetch_yaml::<SidecarFile>(&sidecar);
                (sidecar, fetched)
            });
            let corrects = sidecar
                .as_ref()
                .and_then(|(_, fetched)| fetched.parsed.as_ref());
            FetchedText::Read(Box::new(ReadText {
                text: decoded,
                prepared: Prepared::new(extracted, corrects, names),
                sidecar,
                hidden: document.hidden,
                printed: document.printed.map(Arc::new),
            }))
        }
        Err(problem) => FetchedText::Undecodable(bytes, problem),
    }
}

/// A YAML file read ahead, and parsed when it parses: one that does not is parsed again in its
/// turn, to report the problem at its place in its source.
pub(super) struct FetchedYaml<T> {
    pub text: Result<String, Unreadable>,
    pub parsed: Option<T>,
}

/// Reads the `jurisdiction.yaml` files `paths` in parallel, in their order, each parsed or
/// taken from the cache when it holds the file as parsed.
pub(super) fn prefetch_jurisdictions(
    paths: &[PathBuf],
    cache: Option<&Cache>,
) -> Vec<FetchedYaml<Declared>> {
    paths
        .par_iter()
        .map(|path| fetch_jurisdiction(path, cache))
        .collect()
}

fn fetch_jurisdiction(path: &Path, cache: Option<&Cache>) -> FetchedYaml<Declared> {
    let text = source::read_text(path);
    let Ok(read) = &text else {
        return FetchedYaml { text, parsed: None };
    };
    let entry = cache.and_then(|cache| cache.entry::<Declared>(read));
    let parsed = entry
        .as_ref()
        .and_then(|entry| entry.get(read, path))
        .or_else(|| {
            let parsed = parse::<JurisdictionFile>(read).map(Declared::from)?;
            if let Some(entry) = &entry {
                entry.put(read.len(), &parsed);
            }
            Some(parsed)
        });
    FetchedYaml { text, parsed }
}

fn fetch_yaml<T: DeserializeOwned>(path: &Path) -> FetchedYaml<T> {
    let text = source::read_text(path);
    let parsed = text.as_ref().ok().and_then(|text| parse::<T>(text));
    FetchedYaml { text, parsed }
}

/// `text` parsed, when it parses. The source id is not known yet; it only names the file in a
/// parse error, and a file with an error is parsed again with its own.
fn parse<T: DeserializeOwned>(text: &str) -> Option<T> {
    yaml::parse::<T>(SourceId(usize::MAX), text).ok()
}

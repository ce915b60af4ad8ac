//! The part of reading plans that needs nothing but the file: its bytes, its decoded text and
//! what extraction reads from a text plan. It runs on every core (rayon), then the corpus takes
//! the results one by one in file order, registering sources and placing plans exactly as a
//! single thread would: the output is the same bytes at any thread count.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;
use serde::de::DeserializeOwned;

use super::cache::Cache;
use super::is_text_plan;
use super::schema::PlanFile;
use super::text::{self, Extracted};
use crate::model::SourceId;
use crate::source::{self, Unreadable, yaml};

/// A plan file as read ahead.
pub(super) enum Prefetched {
    /// A text plan: its bytes could not be read.
    Unreadable(Unreadable),
    /// A text plan whose bytes do not decode: the bytes and the problem.
    Undecodable(Vec<u8>, text::Unreadable),
    /// A text plan, decoded and extracted.
    Text(Arc<str>, Box<Extracted>),
    /// A YAML plan, read and parsed ahead.
    Yaml(Box<FetchedYaml<PlanFile>>),
}

/// Reads and extracts `paths` in parallel, in their order.
pub(super) fn prefetch(paths: &[PathBuf], cache: Option<&Cache>) -> Vec<Prefetched> {
    paths.par_iter().map(|path| one(path, cache)).collect()
}

fn one(path: &Path, cache: Option<&Cache>) -> Prefetched {
    if !is_text_plan(path) {
        return Prefetched::Yaml(Box::new(fetch_yaml(path)));
    }
    let bytes = match source::read_bytes(path) {
        Ok(bytes) => bytes,
        Err(problem) => return Prefetched::Unreadable(problem),
    };
    match text::read_bytes(path, &bytes) {
        Ok(decoded) => {
            let cached = cache.and_then(|c| c.get(&decoded));
            let extracted = cached.unwrap_or_else(|| {
                let extracted = text::extract(&decoded);
                if let Some(cache) = cache {
                    cache.put(&decoded, &extracted);
                }
                extracted
            });
            Prefetched::Text(decoded.into(), Box::new(extracted))
        }
        Err(problem) => Prefetched::Undecodable(bytes, problem),
    }
}

/// A YAML file read ahead, and parsed when it parses: one that does not is parsed again in its
/// turn, to report the problem at its place in its source.
pub(super) struct FetchedYaml<T> {
    pub text: Result<String, Unreadable>,
    pub parsed: Option<T>,
}

/// Reads and parses the YAML files `paths` in parallel, in their order.
pub(super) fn prefetch_yaml<T: DeserializeOwned + Send>(paths: &[PathBuf]) -> Vec<FetchedYaml<T>> {
    paths.par_iter().map(|path| fetch_yaml(path)).collect()
}

fn fetch_yaml<T: DeserializeOwned>(path: &Path) -> FetchedYaml<T> {
    let text = source::read_text(path);
    // The source id is not known yet; it only names the file in a parse error, and a file with
    // an error is parsed again with its own.
    let parsed = text
        .as_ref()
        .ok()
        .and_then(|text| yaml::parse::<T>(SourceId(usize::MAX), text).ok());
    FetchedYaml { text, parsed }
}

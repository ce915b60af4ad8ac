//! The part of reading plans that needs nothing but the file: its bytes, its decoded text and
//! what extraction reads from a text plan. It runs on every core (rayon), then the corpus takes
//! the results one by one in file order, registering sources and placing plans exactly as a
//! single thread would: the output is the same bytes at any thread count.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use super::cache::Cache;
use super::text::{self, Extracted, is_text_plan};
use crate::source::{self, Unreadable};

/// A plan file as read ahead.
pub(super) enum Prefetched {
    /// A text plan: its bytes could not be read.
    Unreadable(Unreadable),
    /// A text plan whose bytes do not decode: the bytes and the problem.
    Undecodable(Vec<u8>, text::Unreadable),
    /// A text plan, decoded and extracted.
    Text(Arc<str>, Box<Extracted>),
    /// A YAML plan: read when its turn comes (its parse needs its source id).
    Yaml,
}

/// Reads and extracts `paths` in parallel, in their order.
pub(super) fn prefetch(paths: &[PathBuf], cache: Option<&Cache>) -> Vec<Prefetched> {
    paths.par_iter().map(|path| one(path, cache)).collect()
}

fn one(path: &Path, cache: Option<&Cache>) -> Prefetched {
    if !is_text_plan(path) {
        return Prefetched::Yaml;
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

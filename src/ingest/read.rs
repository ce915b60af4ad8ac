//! Reading one file of the corpus through [`crate::source`]: a problem becomes a located
//! diagnostic in the corpus and the file is left out.

use std::path::Path;
use std::sync::Arc;

use super::Corpus;
use crate::model::SourceId;
use crate::source::{self, Unreadable};

/// Records that `path` could not be read.
pub(super) fn report(corpus: &mut Corpus, path: &Path, problem: Unreadable) {
    let diagnostic = problem.into_diagnostic(&mut corpus.sources, path);
    corpus.diagnostics.push(diagnostic);
}

/// A file as UTF-8 text, registered in the corpus's sources.
pub(super) fn read_source(corpus: &mut Corpus, path: &Path) -> Option<(SourceId, Arc<str>)> {
    match source::read_text(path) {
        Ok(text) => {
            let text: Arc<str> = text.into();
            let id = corpus.sources.add(path.to_path_buf(), Arc::clone(&text));
            Some((id, text))
        }
        Err(problem) => {
            report(corpus, path, problem);
            None
        }
    }
}

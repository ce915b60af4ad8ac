//! Shared helpers: run the checker on a folder and render its findings as a reviewer sees them.

use std::path::{Path, PathBuf};

use planlint::diagnostics::render::{HumanRenderer, RenderOptions};
use planlint::diagnostics::{self, Diagnostic, Summary};
use planlint::i18n::Lang;
use planlint::ingest::{self, Corpus};
use planlint::lints::{self, LintMeta};

/// The repository root (tests run from it, and fixture paths in output are relative to it).
pub(crate) fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// A path relative to the root, as output prints it.
pub(crate) fn relative(path: &Path) -> PathBuf {
    path.strip_prefix(root()).unwrap_or(path).to_path_buf()
}

/// Reads `paths`, runs `only` (all lints when `None`), and returns the sorted findings.
pub(crate) fn check(
    paths: &[PathBuf],
    only: Option<&[&'static LintMeta]>,
) -> (Corpus, Vec<Diagnostic>) {
    let mut corpus = ingest::load(paths, None).expect("fixture paths exist");
    let graph = planlint::graph::build(&mut corpus);
    let mut findings = std::mem::take(&mut corpus.diagnostics);
    findings.extend(lints::run(&corpus, &graph, only));
    diagnostics::sort(&mut findings, &corpus.sources);
    (corpus, findings)
}

/// Findings rendered without colour at a fixed width, then the summary line.
pub(crate) fn render(corpus: &Corpus, findings: &[Diagnostic], lang: Lang) -> String {
    let renderer = HumanRenderer::new(
        &corpus.sources,
        RenderOptions {
            lang,
            color: false,
            width: 100,
        },
    );
    let mut text = String::new();
    for finding in findings {
        renderer.render(finding, &mut text).unwrap();
        text.push('\n');
    }
    text.push_str(&Summary::of(findings, corpus.files).line(lang));
    text.push('\n');
    text
}

/// Both languages, one after the other.
pub(crate) fn render_both(corpus: &Corpus, findings: &[Diagnostic]) -> String {
    format!(
        "--- zh ---\n{}\n--- en ---\n{}",
        render(corpus, findings, Lang::Zh),
        render(corpus, findings, Lang::En)
    )
}

//! Benchmarks on a generated corpus (`planlint::generate`, 400 plans, seed 1; set
//! `PLANLINT_BENCH_PLANS` for another size): reading and extraction (per byte of plan text),
//! aligning indicators by wording, building the graph, each lint, and a whole `check`. Run with `cargo bench --bench scale`;
//! `bench/compare` times the command line against ripgrep on the same files.

#![expect(
    clippy::expect_used,
    reason = "a benchmark whose corpus cannot be set up has nothing to measure"
)]

use std::path::PathBuf;
use std::sync::LazyLock;

use divan::counter::{BytesCount, ItemsCount};
use planlint::config::Config;
use planlint::engine::{self, BaselineUse, Inputs};
use planlint::generate::{Options, generate};
use planlint::ingest::Corpus;

fn main() {
    divan::main();
}

/// The generated corpus: its folder (kept for the run) and its size in bytes of plan text.
static CORPUS: LazyLock<(tempfile::TempDir, PathBuf, u64)> = LazyLock::new(|| {
    let plans = std::env::var("PLANLINT_BENCH_PLANS")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(400);
    let dir = tempfile::tempdir().expect("a temporary folder for the corpus");
    let root = dir.path().join("corpus");
    let generated = generate(
        &Options {
            plans,
            seed: 1,
            fault_every: 7,
        },
        &root,
    )
    .expect("the corpus is generated");
    (dir, root, generated.bytes)
});

fn load() -> Corpus {
    planlint::ingest::load(std::slice::from_ref(&CORPUS.1), None).expect("the corpus loads")
}

static LOADED: LazyLock<(Corpus, planlint::graph::KnowledgeGraph)> = LazyLock::new(|| {
    let corpus = load();
    let graph = planlint::graph::build(&corpus);
    (corpus, graph)
});

/// Reading every file and extracting every text plan, per byte of plan text.
#[divan::bench(sample_count = 10)]
fn read_and_extract(bencher: divan::Bencher) {
    bencher.counter(BytesCount::new(CORPUS.2)).bench(load);
}

/// Aligning indicators the catalogue does not name: the corpus's bracketed abbreviations
/// gathered, then every target's wording normalised (`model::wording`), per target. Pairing the
/// normalised wordings across plans is a hash lookup inside `build_graph`.
#[divan::bench(sample_count = 10)]
fn align_indicators(bencher: divan::Bencher) {
    use planlint::model::wording::Abbreviations;
    let corpus = &LOADED.0;
    let targets = corpus.plans.iter().map(|p| p.targets.len()).sum::<usize>();
    bencher.counter(ItemsCount::new(targets)).bench(|| {
        let wordings = corpus.plans.iter().flat_map(|p| {
            let targets = p.targets.iter().map(|t| t.indicator.value.as_str());
            targets.chain(p.qualitative.iter().map(|q| q.indicator.value.as_str()))
        });
        let abbreviations = Abbreviations::gather(wordings);
        corpus
            .plans
            .iter()
            .flat_map(|p| &p.targets)
            .map(|t| abbreviations.normalise(&t.indicator.value).len())
            .sum::<usize>()
    });
}

#[divan::bench(sample_count = 10)]
fn build_graph(bencher: divan::Bencher) {
    let corpus = &LOADED.0;
    bencher.bench(|| planlint::graph::build(corpus));
}

/// Each lint alone over the whole corpus.
#[divan::bench(sample_count = 10, args = planlint::lints::ALL.iter().map(|l| l.doc.code))]
fn lint(bencher: divan::Bencher, code: &str) {
    let (corpus, graph) = &*LOADED;
    let lint = planlint::lints::ALL
        .iter()
        .find(|l| l.doc.code == code)
        .copied()
        .expect("a registered lint");
    let comparisons = planlint::comparison::compare(corpus, graph, Default::default());
    bencher.bench(|| {
        let mut found = Vec::new();
        planlint::lints::run(corpus, graph, &comparisons, &[lint], None, &mut found);
        found
    });
}

/// Every plan's targets against its parents' (the verdicts the lints and exports read).
#[divan::bench(sample_count = 10)]
fn compare_targets(bencher: divan::Bencher) {
    let (corpus, graph) = &*LOADED;
    bencher.bench(|| planlint::comparison::compare(corpus, graph, Default::default()));
}

/// `planlint check` on the corpus, as the engine runs it (output not rendered).
#[divan::bench(sample_count = 10)]
fn check(bencher: divan::Bencher) {
    let config = Config::defaults();
    let inputs = Inputs {
        paths: vec![CORPUS.1.clone()],
        baseline: BaselineUse::Off,
        ..Inputs::default()
    };
    bencher
        .counter(BytesCount::new(CORPUS.2))
        .bench(|| engine::check(&config, &inputs).expect("the check runs"));
}

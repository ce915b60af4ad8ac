//! The cost of knowing every jurisdiction: parsing the bundled gazetteer, and checking one draft
//! against the bundled corpus (the gazetteer joined, the draft placed by its issuer). Run with
//! `cargo bench --bench placement`; prints the median of repeated runs.

use std::hint::black_box;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use planlint::config::Config;
use planlint::engine::{self, BaselineUse, Inputs};
use planlint::gazetteer::Gazetteer;

const PROVINCES: &str = include_str!("../lints/gazetteer/provinces.csv");
const CITIES: &str = include_str!("../lints/gazetteer/cities.csv");
const AREAS: &str = include_str!("../lints/gazetteer/areas.csv");

fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() {
    let parse = median(50, || {
        black_box(Gazetteer::parse(PROVINCES, CITIES, AREAS).ok());
    });
    println!(
        "parse the gazetteer ({} divisions): {parse:?}",
        planlint::gazetteer::BUNDLED.divisions.len()
    );

    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let inputs = Inputs {
        paths: vec![root.join("tests/fixtures/places/pingdu-draft.txt")],
        corpus: vec![root.join("plans")],
        baseline: BaselineUse::Off,
        ..Inputs::default()
    };
    let config = Config::defaults();
    let check = median(20, || {
        black_box(engine::check(&config, &inputs).ok());
    });
    println!("check one draft against plans/ (placed by its issuer): {check:?}");
}

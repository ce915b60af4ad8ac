//! Writes a deterministic corpus of text plans for benchmarks and recall tests (see
//! `planlint::generate`):
//!
//! ```sh
//! cargo run --release --example gen-corpus -- --plans 3209 --seed 1 /tmp/corpus
//! ```
//!
//! Options: `--plans N` (default 3209, one campaign), `--seed S` (default 1), `--faults-every
//! K` (one plan in K carries an injected fault, listed in OUT/faults.json; default 7, 0 for
//! none).

use std::path::PathBuf;
use std::process::ExitCode;

use planlint::generate::{Options, generate};

fn main() -> ExitCode {
    let mut options = Options {
        plans: 3209,
        seed: 1,
        fault_every: 7,
    };
    let mut out = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        let mut number = |name: &str| {
            args.next()
                .and_then(|v| v.parse::<u64>().ok())
                .ok_or_else(|| format!("{name} takes a number"))
        };
        let parsed = match arg.as_str() {
            "--plans" => number("--plans").map(|n| options.plans = n as usize),
            "--seed" => number("--seed").map(|n| options.seed = n),
            "--faults-every" => number("--faults-every").map(|n| options.fault_every = n as usize),
            "-h" | "--help" => {
                println!("usage: gen-corpus [--plans N] [--seed S] [--faults-every K] OUT");
                return ExitCode::SUCCESS;
            }
            _ if out.is_none() && !arg.starts_with('-') => {
                out = Some(PathBuf::from(&arg));
                Ok(())
            }
            _ => Err(format!("unexpected argument {arg}")),
        };
        if let Err(message) = parsed {
            eprintln!("gen-corpus: {message}");
            return ExitCode::from(2);
        }
    }
    let Some(out) = out else {
        eprintln!("gen-corpus: give the folder to write (it must not exist or be empty)");
        return ExitCode::from(2);
    };
    match generate(&options, &out) {
        Ok(generated) => {
            println!(
                "wrote {} plans ({:.1} MB) and {} injected faults to {}",
                generated.plans,
                generated.bytes as f64 / 1e6,
                generated.faults.len(),
                out.display()
            );
            ExitCode::SUCCESS
        }
        Err(err) => {
            eprintln!("gen-corpus: {err}");
            ExitCode::from(2)
        }
    }
}

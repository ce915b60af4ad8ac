//! Writes a plain-text plan as an OFD the way the tests build one (`tests/it/ofd_builder.rs`):
//! 30 printed lines a page, tab separated lines as ruled tables, and with `--head TEXT` a
//! running head and a page-number foot on every page. `bench/fixed-layout` scores these.
//!
//! ```sh
//! cargo run --release --example ofd-of-text -- [--head TEXT] PLAN.txt OUT.ofd
//! ```

#![allow(
    dead_code,
    clippy::unwrap_used,
    reason = "the builder is the tests' own, its failures a bench's"
)]

#[path = "../tests/it/ofd_builder.rs"]
mod ofd_builder;

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let head = args
        .iter()
        .position(|a| a == "--head")
        .filter(|&i| i + 1 < args.len())
        .map(|i| {
            let head = args.remove(i + 1);
            args.remove(i);
            head
        });
    let [text, out] = args.as_slice() else {
        eprintln!("usage: ofd-of-text [--head TEXT] PLAN.txt OUT.ofd");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(text) {
        Ok(text) => text,
        Err(err) => {
            eprintln!("{text}: {err}");
            return ExitCode::from(2);
        }
    };
    let pages = ofd_builder::ofd_pages(&text, 30);
    if let Err(err) = std::fs::write(out, ofd_builder::ofd(&pages, head.as_deref())) {
        eprintln!("{out}: {err}");
        return ExitCode::from(2);
    }
    ExitCode::SUCCESS
}

#![no_main]
//! Fuzz target: `planlint::fuzz::pdf` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::pdf(data);
});

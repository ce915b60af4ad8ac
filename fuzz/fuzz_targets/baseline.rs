#![no_main]
//! Fuzz target: `planlint::fuzz::baseline` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::baseline(data);
});

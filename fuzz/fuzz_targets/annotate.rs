#![no_main]
//! Fuzz target: `planlint::fuzz::annotate` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::annotate(data);
});

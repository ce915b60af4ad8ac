#![no_main]
//! Fuzz target: `planlint::fuzz::config` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::config(data);
});

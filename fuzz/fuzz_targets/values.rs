#![no_main]
//! Fuzz target: `planlint::fuzz::values` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::values(data);
});

#![no_main]
//! Fuzz target: `planlint::fuzz::ofd` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::ofd(data);
});

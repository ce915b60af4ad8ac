#![no_main]
//! Fuzz target: `planlint::fuzz::text_plan` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::text_plan(data);
});

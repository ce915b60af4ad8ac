#![no_main]
//! Fuzz target: `planlint::fuzz::plan_yaml` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::plan_yaml(data);
});

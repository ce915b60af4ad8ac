#![no_main]
//! Fuzz target: `planlint::fuzz::jurisdiction_yaml` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::jurisdiction_yaml(data);
});

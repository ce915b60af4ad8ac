#![no_main]
//! Fuzz target: `planlint::fuzz::sidecar_yaml` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::sidecar_yaml(data);
});

#![no_main]
//! Fuzz target: `planlint::fuzz::docx` on arbitrary bytes.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::docx(data);
});

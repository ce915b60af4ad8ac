#![no_main]
//! Fuzz target: `planlint::fuzz::cache_entry` on arbitrary bytes (a text, 0xFF, an entry).

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    planlint::fuzz::cache_entry(data);
});

#![no_main]
//! See docs/src/fuzzing.md and `ecospec::fuzzing::parse_property`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec::fuzzing::parse_property(data) {
        panic!("parse property failed: {why}");
    }
});

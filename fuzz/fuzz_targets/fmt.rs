#![no_main]
//! See docs/src/fuzzing.md and `ecospec::fuzzing::fmt_property`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec::fuzzing::fmt_property(data) {
        panic!("fmt property failed: {why}");
    }
});

#![no_main]
//! See docs/src/fuzzing.md and `ecospec::fuzzing::fix_property`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec::fuzzing::fix_property(data) {
        panic!("fix property failed: {why}");
    }
});

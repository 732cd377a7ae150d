#![no_main]
//! See docs/src/fuzzing.md and `ecospec::fuzzing::check_property`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec::fuzzing::check_property(data) {
        panic!("check property failed: {why}");
    }
});

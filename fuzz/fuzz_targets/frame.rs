#![no_main]
//! See docs/src/fuzzing.md and `ecospec_lsp::transport::frame_property`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec_lsp::transport::frame_property(data) {
        panic!("frame property failed: {why}");
    }
});

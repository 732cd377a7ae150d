#![no_main]
//! See docs/fuzzing.md and `ecospec_lsp::fuzz_frames`.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Err(why) = ecospec_lsp::fuzz_frames(data) {
        panic!("frame property failed: {why}");
    }
});

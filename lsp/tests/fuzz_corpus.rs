//! The committed corpus of the `frame` fuzz target (fuzz/corpus/frame/),
//! replayed on the stable toolchain. See docs/src/fuzzing.md; the frames the
//! fuzzer found first (a `Content-Length` of 2^40, a header line that is not
//! UTF-8) are protocol tests of their own in `protocol.rs`.

#![allow(clippy::unwrap_used)]

#[test]
fn frame_corpus_replays() {
    let failures = ecospec::fuzzing::replay("frame", ecospec_lsp::transport::frame_property)
        .err()
        .unwrap_or_default();
    assert!(
        failures.is_empty(),
        "the `frame` corpus fails its property:\n{failures}"
    );
}

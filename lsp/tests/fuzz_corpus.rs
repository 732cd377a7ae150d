//! The committed corpus of the `frame` fuzz target (fuzz/corpus/frame/),
//! replayed on the stable toolchain. See docs/fuzzing.md.

#![allow(clippy::unwrap_used)]

#[test]
fn frame_corpus_replays() {
    let failures = ecospec::fuzzing::replay("frame", ecospec_lsp::fuzz_frames)
        .err()
        .unwrap_or_default();
    assert!(
        failures.is_empty(),
        "the `frame` corpus fails its property:\n{failures}"
    );
}

/// The bodies `read_frame` reads from `input`, until it stops.
fn frames(input: &[u8]) -> Vec<Vec<u8>> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .unwrap();
    runtime.block_on(async {
        let mut reader = tokio::io::BufReader::new(input);
        let mut out = Vec::new();
        while let Some(body) = ecospec_lsp::transport::read_frame(&mut reader).await {
            out.push(body);
        }
        out
    })
}

/// The `frame` fuzz target's first run aborted on this seed (finding 7 of
/// issue 9): the body was allocated at the length claimed, 2^40 bytes.
#[test]
fn content_length_of_2_pow_40_is_not_allocated() {
    let input = b"Content-Length: 1099511627776\r\n\r\n{}";
    assert_eq!(frames(input), Vec::<Vec<u8>>::new());
    ecospec_lsp::fuzz_frames(input).unwrap();
}

/// A frame above the limit is skipped, and the next one is read.
#[test]
fn frame_above_the_limit_is_skipped_and_the_next_read() {
    let big = ecospec_lsp::transport::MAX_FRAME + 1;
    let mut input = format!("Content-Length: {big}\r\n\r\n").into_bytes();
    input.resize(input.len() + usize::try_from(big).unwrap(), b' ');
    input.extend_from_slice(b"Content-Length: 2\r\n\r\n{}");
    assert_eq!(frames(&input), vec![b"{}".to_vec()]);
}

/// A seed of the `frame` target (finding 7 of issue 9): `read_line` failed
/// on a header line that is not UTF-8, and the session ended.
#[test]
fn header_line_not_utf8_keeps_the_session() {
    let input = b"X-\xff\xfe: 1\r\nContent-Length: 2\r\n\r\n{}Content-Length: 2\r\n\r\n[]";
    assert_eq!(frames(input), vec![b"{}".to_vec(), b"[]".to_vec()]);
}

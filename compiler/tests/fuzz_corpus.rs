//! The committed fuzz corpora (fuzz/corpus/<target>/), replayed on the
//! stable toolchain: each target's property (`ecospec::fuzzing`) on each
//! input. See docs/fuzzing.md.

use ecospec::fuzzing::{check_property, fix_property, fmt_property, parse_property, replay};

fn assert_replays(target: &str, property: fn(&[u8]) -> Result<(), String>) {
    let failures = replay(target, property).err().unwrap_or_default();
    assert!(
        failures.is_empty(),
        "the `{target}` corpus fails its property:\n{failures}"
    );
}

#[test]
fn parse_corpus_replays() {
    assert_replays("parse", parse_property);
}

#[test]
fn check_corpus_replays() {
    assert_replays("check", check_property);
}

#[test]
fn fmt_corpus_replays() {
    assert_replays("fmt", fmt_property);
}

#[test]
fn fix_corpus_replays() {
    assert_replays("fix", fix_property);
}

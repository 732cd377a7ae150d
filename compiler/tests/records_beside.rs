//! A long ecosystem's records are computed on two threads (the second half
//! beside the first, `resolve/ecosystem.rs`): the model and the diagnostics
//! must be exactly those of one thread, whether the second half reports
//! nothing, or reports something (then it is entered as one thread would).
//! Recording names (as the language server does) keeps resolution on one
//! thread, which is the reference here.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::load::{load, Input, LoadOptions};
use ecospec::memfs::MemFs;
use ecospec::resolve::resolve;
use ecospec::testgen;

/// Lines of a generated ecosystem holding well over the declarations from
/// which the second thread is used.
const LINES: usize = 40_000;

/// The baseline and the diagnostics, on two threads and on one.
fn both_ways(spec: &str) -> ((String, String), (String, String)) {
    let mut fs = MemFs::new();
    fs.insert("/spec/generated.eco", spec.as_bytes().to_vec());
    let ws = load(
        &fs,
        &[Input::Folder("/spec".into())],
        LoadOptions {
            allow_outside_imports: false,
        },
    );
    let root = ws.ecosystems[0].root;
    let outcome = |record_names| {
        let resolved = resolve(&ws, root, record_names);
        (
            format!("{:?}", resolved.baseline),
            format!("{:?}", resolved.diagnostics),
        )
    };
    (outcome(false), outcome(true))
}

/// The generated spec with the `n`th `provides` lists (counted from 1)
/// for which `typo(n)` given a typo in their first entry: an unknown
/// capability name.
fn with_typos(spec: &str, typo: impl Fn(usize) -> bool) -> String {
    let mut out = String::with_capacity(spec.len() + 64);
    let mut seen = 0;
    for line in spec.lines() {
        if line.trim_start().starts_with("provides: cap_") {
            seen += 1;
            if typo(seen) {
                out.push_str(&line.replacen("cap_", "capp_", 1));
                out.push('\n');
                continue;
            }
        }
        out.push_str(line);
        out.push('\n');
    }
    out
}

#[test]
fn a_clean_ecosystem_resolves_on_two_threads_as_on_one() {
    let spec = testgen::ecosystem(LINES);
    let (two, one) = both_ways(&spec);
    assert_eq!(two.1, "[]", "the generated spec reports nothing");
    assert_eq!(two, one);
}

#[test]
fn a_typo_in_the_second_half_resolves_as_on_one_thread() {
    let spec = testgen::ecosystem(LINES);
    let actors = spec.matches("provides: cap_").count();
    let spec = with_typos(&spec, |n| n > actors - 3);
    let (two, one) = both_ways(&spec);
    assert!(two.1.contains("E0201"), "{}", two.1);
    assert_eq!(two, one);
}

#[test]
fn a_typo_in_the_first_half_resolves_as_on_one_thread() {
    let spec = testgen::ecosystem(LINES);
    let spec = with_typos(&spec, |n| n <= 3);
    let (two, one) = both_ways(&spec);
    assert!(two.1.contains("E0201"), "{}", two.1);
    assert_eq!(two, one);
}

#[test]
fn typos_everywhere_resolve_as_on_one_thread() {
    let spec = with_typos(&testgen::ecosystem(LINES), |n| n % 7 == 0);
    let (two, one) = both_ways(&spec);
    assert!(two.1.matches("E0201").count() > 500, "{}", &two.1[..200]);
    assert_eq!(two, one);
}

//! What several test binaries share: a spec checked from memory.

use ecospec::check::{check, Options};
use ecospec::load::Input;
use ecospec::memfs::MemFs;
use ecospec::resolve::Resolved;

/// `spec` as the one file of an in-memory folder, checked with the default
/// options; its ecosystem, resolved. Fails the test on any error (a
/// warning is what these tests look at).
pub fn resolved_without_errors(spec: &str) -> Resolved {
    let mut fs = MemFs::new();
    fs.insert("/w/main.eco", spec);
    let outcome = check(
        &fs,
        &[Input::File("/w/main.eco".into())],
        &Options::default(),
    )
    .unwrap();
    assert!(
        outcome
            .diagnostics
            .iter()
            .all(|d| !d.code.as_str().starts_with('E')),
        "{:?}",
        outcome.diagnostics
    );
    outcome.ecosystems.into_iter().next().unwrap()
}

//! The committed fuzz corpora (fuzz/corpus/<target>/), replayed on the
//! stable toolchain: each target's property (`ecospec::fuzzing`) on each
//! input. See docs/src/fuzzing.md.

#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

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

/// Found by the `fix` target (`actor _{rovide:t,s}`, from a seed of
/// examples/training): renaming the unknown field `rovide` to `provides`
/// turns one error (E0204: its values are not checked) into two (E0201 for
/// `t` and `s`). The fix is right; the errors were hidden. The property
/// allows more errors after a field rename, and only then. Since
/// section 9.5 a misspelt field counts as its did-you-mean, so its
/// values are checked before the fix too: the fix removes the E0204 only.
#[test]
fn fixing_an_unknown_field_may_reveal_errors_in_its_values() {
    assert_eq!(fix_property(b"actor _{rovide:t,s}"), Ok(()));
    let (fs, paths) = ecospec::fuzzing::folder(b"actor _{rovide:t,s}");
    let inputs: Vec<_> = paths.into_iter().map(ecospec::load::Input::File).collect();
    let before = ecospec::check::check(&fs, &inputs, &Default::default()).unwrap();
    let codes = |o: &ecospec::check::Outcome| -> Vec<&str> {
        o.diagnostics
            .iter()
            .filter(|d| d.severity == ecospec::diagnostic::Severity::Error)
            .map(|d| d.code.as_str())
            .collect()
    };
    assert_eq!(codes(&before), ["E0204", "E0201", "E0201"]);
    let fixes = ecospec::fix::safe_fixes(&before);
    assert_eq!(fixes.len(), 1);
    assert_eq!(fixes[0].text, "actor _{provides:t,s}");
    let mut fs = fs;
    fs.insert("/fuzz/a.eco", fixes[0].text.clone());
    let after = ecospec::check::check(&fs, &inputs, &Default::default()).unwrap();
    assert_eq!(codes(&after), ["E0201", "E0201"]);
}

/// Found by the `fix` target: `a.eco`, a root and imported by the three
/// other roots, refers to `moion`; one ecosystem suggests `mobion`, the
/// others nothing, so their diagnostics were one. After the rename the others suggest `mobn` and
/// `mobi`: three wordings of one error at one place, counted as three. The
/// property counts errors by code and place.
#[test]
fn fix_in_a_file_shared_by_ecosystems_keeps_its_errors_at_one_place() {
    let input = b"actor s{in:moion}\0import\"a.eco\ncluster mobn\0import\"a.eco\ncluster mobion\0import\"a.eco\"cluster mobi";
    assert_eq!(fix_property(input), Ok(()));
}

/// Found by the `fix` target (docs/src/fuzzing.md): the did-you-mean of a
/// bridge's cluster `o` is `m`, which the bridge already lists; `--fix`
/// wrote `among m,m` and added E0208. Now the suggestion comes without a fix.
#[test]
fn fix_renaming_a_bridge_end_to_a_cluster_it_lists_adds_e0208() {
    assert_eq!(
        fix_property(b"bridge s among o,m\0import\"a.eco\"cluster m"),
        Ok(())
    );
}

/// Found by the `fix` target (docs/src/fuzzing.md): both ends of
/// `bridge s between m and ma` had the did-you-mean `mt`, and `--fix`
/// applied both (`between mt and mt`, E0208). The second suggestion now
/// comes without a fix.
#[test]
fn fix_renaming_both_bridge_ends_to_one_cluster_adds_e0208() {
    assert_eq!(
        fix_property(b"bridge s between m and ma\0import\"a.eco\"cluster mt"),
        Ok(())
    );
}

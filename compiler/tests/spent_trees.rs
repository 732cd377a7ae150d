//! Trees taken out of the workspace by a consuming check are kept, spent,
//! with the outcome (freed when it goes, never one by one during
//! resolution); a check that does not consume them leaves them in the
//! workspace and keeps none.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::check::{check, Options};
use ecospec::load::Input;
use ecospec::memfs::MemFs;

const SPEC: &str = r#"
capability legal
scenario crackdown
cluster streets { bets_on: crackdown needs: legal }
actor lawyers { in: streets provides: legal }
on crackdown { activate: streets }
intervention grow {
    actor guild { in: streets provides: legal }
}
"#;

fn spent(consume_trees: bool) -> (usize, usize) {
    let mut fs = MemFs::new();
    fs.insert("/spec/spec.eco", SPEC.as_bytes().to_vec());
    let options = Options {
        consume_trees,
        ..Options::default()
    };
    let outcome = check(&fs, &[Input::Folder("/spec".into())], &options).unwrap();
    let resolved = &outcome.ecosystems[0];
    let left_in_workspace = outcome
        .workspace
        .files
        .iter()
        .flatten()
        .map(|file| file.ast.items.len())
        .sum();
    (resolved.spent.len(), left_in_workspace)
}

#[test]
fn a_consuming_check_keeps_every_declaration_spent_with_its_outcome() {
    // Six declarations, the intervention included.
    assert_eq!(spent(true), (6, 0));
}

#[test]
fn a_check_that_does_not_consume_keeps_none() {
    assert_eq!(spent(false), (0, 6));
}

//! A model of many actors has its per-cluster and per-capability lists
//! built on two threads (`model/facts.rs`): they must be the lists one
//! thread builds, every list in the order of the actors. The oracle here
//! is the definition itself, written out plainly.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::check::{check, Options};
use ecospec::load::Input;
use ecospec::memfs::MemFs;
use ecospec::model::Facts;
use ecospec::testgen;

#[test]
fn the_lists_of_many_actors_are_those_of_one_thread() {
    let mut fs = MemFs::new();
    fs.insert("/spec/g.eco", testgen::ecosystem(110_000).into_bytes());
    let outcome = check(&fs, &[Input::Folder("/spec".into())], &Options::default()).unwrap();
    let model = &outcome.ecosystems[0].baseline;
    // Well over the 16,384 actors from which the second thread is used.
    assert!(model.actors.len() > 17_000, "{}", model.actors.len());
    let mut members = vec![Vec::new(); model.clusters.len()];
    let mut serving = vec![Vec::new(); model.clusters.len()];
    let mut providers = vec![Vec::new(); model.capabilities.len()];
    for (a, actor) in model.actors.iter().enumerate() {
        for c in actor.member_of.iter().filter_map(|r| r.index) {
            if !members[c].contains(&a) {
                members[c].push(a);
            }
        }
        for c in actor
            .member_of
            .iter()
            .chain(&actor.serves)
            .filter_map(|r| r.index)
        {
            if !serving[c].contains(&a) {
                serving[c].push(a);
            }
        }
        for k in actor.provides.iter().filter_map(|r| r.index) {
            if !providers[k].contains(&a) {
                providers[k].push(a);
            }
        }
    }
    let facts = Facts::new(model);
    assert_eq!(facts.members, members);
    assert_eq!(facts.serving, serving);
    assert_eq!(facts.providers, providers);
}

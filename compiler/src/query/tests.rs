#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ecospec_syntax::DeclKind;

use super::*;
use crate::check::{check, Options, Outcome};
use crate::load::Input;
use crate::memfs::MemFs;
use crate::resolve::schema::FieldType;
use crate::source::FileId;

const MAIN: &str = r#"import "caps.eco"
/// The street cluster.
cluster streets "On the streets" { needs: comms bets_on: moment }
scenario moment
actor crew { in: streets provides: comms }
intervention more {
    capability local
    extend actor crew { provides: local }
}
"#;
const CAPS: &str = "capability comms \"Communication teams\"\n";

fn outcome() -> (Outcome, FileId, FileId) {
    let mut fs = MemFs::new();
    fs.insert("/w/main.eco", MAIN);
    fs.insert("/w/caps.eco", CAPS);
    let outcome = check(
        &fs,
        &[Input::File("/w/main.eco".into())],
        &Options {
            record_names: true,
            consume_trees: false,
            ..Options::default()
        },
    )
    .unwrap();
    let main = outcome.sources.find(Path::new("/w/main.eco")).unwrap();
    let caps = outcome.sources.find(Path::new("/w/caps.eco")).unwrap();
    (outcome, main, caps)
}

fn at(text: &str, needle: &str) -> u32 {
    u32::try_from(text.find(needle).unwrap()).unwrap()
}

#[test]
fn a_use_finds_its_definition_in_another_file() {
    let (outcome, main, caps) = outcome();
    let found = symbol_at(&outcome, main, at(MAIN, "comms bets_on")).unwrap();
    assert_eq!(found.definition.kind, DeclKind::Capability);
    assert_eq!(found.definition.loc.file, caps);
    let refs = references(&outcome, found.definition.loc);
    assert_eq!(refs.len(), 3, "{refs:?}");
    assert_eq!(refs[0], found.definition.loc);
}

#[test]
fn rename_refuses_bad_and_clashing_names() {
    let (outcome, main, _) = outcome();
    let found = symbol_at(&outcome, main, at(MAIN, "streets \"On")).unwrap();
    assert!(rename(&outcome, found.definition.loc, "not a name").is_err());
    assert!(rename(&outcome, found.definition.loc, "cluster").is_err());
    assert!(rename(&outcome, found.definition.loc, "moment").is_err());
    // A name declared inside an intervention clashes with the ecosystem's.
    assert!(rename(&outcome, found.definition.loc, "local").is_err());
    assert_eq!(
        rename(&outcome, found.definition.loc, "avenues")
            .unwrap()
            .len(),
        2
    );
}

#[test]
fn hover_shows_label_doc_and_facts() {
    let (outcome, main, _) = outcome();
    let found = symbol_at(&outcome, main, at(MAIN, "streets \"On")).unwrap();
    let text = describe(&found);
    assert!(
        text.contains("cluster streets \"On the streets\""),
        "{text}"
    );
    assert!(text.contains("The street cluster."), "{text}");
    assert!(text.contains("members: `crew`"), "{text}");
    assert!(text.contains("needs `comms`: provided by `crew`"), "{text}");
}

#[test]
fn completion_contexts() {
    let ctx = |text: &str| completion_context(text, text.len());
    assert_eq!(ctx(""), Context::TopLevel);
    assert_eq!(ctx("actor a { "), Context::FieldName(DeclKind::Actor));
    assert_eq!(ctx("actor a { pro"), Context::FieldName(DeclKind::Actor));
    assert_eq!(
        ctx("actor a { in: "),
        Context::Value(FieldType::Names(DeclKind::Cluster))
    );
    assert_eq!(
        ctx("actor a { in: x, y"),
        Context::Value(FieldType::Names(DeclKind::Cluster))
    );
    assert_eq!(ctx("actor a { in: x "), Context::FieldName(DeclKind::Actor));
    assert_eq!(ctx("actor a: "), Context::ActorKind);
    assert_eq!(ctx("bridge b between "), Context::Names(DeclKind::Cluster));
    assert_eq!(ctx("on "), Context::Names(DeclKind::Scenario));
    assert_eq!(ctx("@allow("), Context::Lint);
    assert_eq!(ctx("intervention i { extend "), Context::ExtendKind);
    assert_eq!(
        ctx("intervention i { extend actor "),
        Context::Names(DeclKind::Actor)
    );
    assert_eq!(
        ctx("intervention i { extend actor a { "),
        Context::FieldName(DeclKind::Actor)
    );
    assert_eq!(ctx("cluster c { strategy: \"a "), Context::Nothing);
    assert_eq!(ctx("cluster c { // needs: "), Context::Nothing);
    assert_eq!(ctx("cluster c { needs: a }\n"), Context::TopLevel);
}

#[test]
fn completion_offers_names_of_the_expected_kind() {
    let (outcome, main, _) = outcome();
    let offset = at(MAIN, "comms bets_on");
    let labels: Vec<String> = complete(
        Some(&outcome),
        Some(main),
        offset,
        &Context::Value(FieldType::Names(DeclKind::Capability)),
    )
    .into_iter()
    .map(|c| c.label)
    .collect();
    // `local` exists only inside the intervention.
    assert_eq!(labels, ["comms"]);
}

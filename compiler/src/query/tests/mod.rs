#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use ecospec_syntax::{DeclKind, Span};

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
    assert_eq!(
        ctx("scenario s { removes: a, "),
        Context::AnyNames(crate::resolve::schema::REMOVABLE)
    );
    assert_eq!(
        ctx("intervention i { removes: "),
        Context::AnyNames(crate::resolve::schema::REMOVABLE)
    );
    assert_eq!(
        ctx("on s { support: "),
        Context::AnyNames(crate::resolve::schema::SUPPORTERS)
    );
    assert_eq!(
        ctx("intervention i { extend on s { support: a, "),
        Context::AnyNames(crate::resolve::schema::SUPPORTERS)
    );
    assert_eq!(
        ctx("cluster c { support: "),
        Context::Nothing,
        "`support` is a field of `on` rules only"
    );
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

#[test]
fn the_word_under_the_cursor_spans_both_sides() {
    let text = "@allow(dead-capability) x";
    let at = text.find("capability").unwrap_or(0);
    assert_eq!(word_at(text, at), Some(Span::new(7, 22)));
    assert_eq!(
        word_at(text, 22),
        Some(Span::new(7, 22)),
        "its end included"
    );
    assert_eq!(word_at(text, 0), None, "`@` starts no word");
    assert_eq!(word_at("é", 1), None, "not between characters");
}

#[test]
fn the_typed_prefix_stops_at_the_first_non_name_character() {
    assert_eq!(typed_prefix("needs: com", 10), "com");
    assert_eq!(typed_prefix("needs: ", 7), "");
    assert_eq!(typed_prefix("a-b_c", 5), "a-b_c");
}

#[test]
fn the_outline_nests_what_an_intervention_declares_and_extends() {
    let (outcome, main, _) = outcome();
    let outline = outline(&outcome, main).unwrap();
    let names: Vec<&str> = outline.iter().map(|i| i.name.as_str()).collect();
    assert_eq!(names, ["streets", "moment", "crew", "more"]);
    assert_eq!(outline[0].detail.as_deref(), Some("On the streets"));
    let inside: Vec<(&str, DeclKind)> = outline[3]
        .children
        .iter()
        .map(|i| (i.name.as_str(), i.kind))
        .collect();
    assert_eq!(
        inside,
        [
            ("local", DeclKind::Capability),
            ("extend actor crew", DeclKind::Actor)
        ]
    );
    assert_eq!(&MAIN[outline[3].name_span.range()], "more");
}

#[test]
fn declarations_over_several_lines_and_comment_runs_fold() {
    let mut fs = MemFs::new();
    fs.insert(
        "/w/f.eco",
        "// a\n// b\n/// doc\ncluster c {\n    needs: x\n}\n",
    );
    let outcome = check(&fs, &[Input::File("/w/f.eco".into())], &Options::default()).unwrap();
    let file = outcome.sources.find(Path::new("/w/f.eco")).unwrap();
    let folds = folding_ranges(&outcome, file).unwrap();
    assert_eq!(
        folds,
        [
            Fold {
                start_line: 3,
                end_line: 5,
                kind: FoldKind::Region
            },
            // The two line comments, not the doc comment after them.
            Fold {
                start_line: 0,
                end_line: 1,
                kind: FoldKind::Comment
            },
        ]
    );
}

#[test]
fn highlights_classify_names_by_what_they_name() {
    let (outcome, main, _) = outcome();
    let highlights = highlight(&outcome, main).unwrap();
    let tag_at = |needle: &str| {
        let start = at(MAIN, needle);
        let h = highlights.iter().find(|h| h.span.start == start).unwrap();
        (&MAIN[h.span.range()], h.tag, h.declaration, h.documentation)
    };
    assert_eq!(
        tag_at("streets \"On"),
        (
            "streets",
            HighlightTag::Name(DeclKind::Cluster),
            true,
            false
        )
    );
    assert_eq!(
        tag_at("comms bets_on"),
        (
            "comms",
            HighlightTag::Name(DeclKind::Capability),
            false,
            false
        )
    );
    assert_eq!(
        tag_at("needs"),
        ("needs", HighlightTag::Property, false, false)
    );
    assert_eq!(
        tag_at("/// The"),
        (
            "/// The street cluster.",
            HighlightTag::Comment,
            false,
            true
        )
    );
    assert!(highlights
        .windows(2)
        .all(|w| w[0].span.start < w[1].span.start));
}

#[test]
fn the_allow_fix_goes_above_the_declaration_indented_like_it() {
    let mut fs = MemFs::new();
    let text =
        "capability comms\n  capability other\nintervention more {\n    capability local\n}\n";
    fs.insert("/w/a.eco", text);
    let outcome = check(&fs, &[Input::File("/w/a.eco".into())], &Options::default()).unwrap();
    let fixes: Vec<(String, u32, String)> = outcome
        .diagnostics
        .iter()
        .flat_map(|d| &d.fixes)
        .map(|fix| {
            let edit = &fix.edits[0];
            assert_eq!(edit.loc.span.start, edit.loc.span.end, "an insertion");
            assert!(!fix.is_safe(), "never applied by `check --fix`");
            (
                fix.message.clone(),
                edit.loc.span.start,
                edit.replacement.clone(),
            )
        })
        .collect();
    let expected = [
        (
            "Allow `unused-capability` on `comms`",
            0,
            "@allow(unused-capability)\n",
        ),
        (
            "Allow `unused-capability` on `other`",
            17,
            "  @allow(unused-capability)\n",
        ),
        (
            "Allow `intervention-opens-gap` on `more`",
            at(text, "intervention"),
            "@allow(intervention-opens-gap)\n",
        ),
        (
            "Allow `intervention-without-effect` on `more`",
            at(text, "intervention"),
            "@allow(intervention-without-effect)\n",
        ),
    ];
    let expected: Vec<(String, u32, String)> = expected
        .into_iter()
        .map(|(m, at, r)| (m.to_string(), at, r.to_string()))
        .collect();
    assert_eq!(fixes, expected);
    let errors: Vec<_> = outcome
        .diagnostics
        .iter()
        .filter(|d| d.lint.is_none())
        .collect();
    assert!(errors.is_empty(), "{errors:?}");
}

mod fixtures;

#[test]
fn v1_words_are_classified_like_the_other_enum_words_and_kinds() {
    let text = "capability legal\n\
        scenario raid { removes: guild, watch, legal }\n\
        cluster streets { needs: legal approach: mass_protest }\n\
        cluster courts\n\
        bridge watch between streets and courts\n\
        actor guild: legal_group { serves: streets provides: legal roles: change_agent }\n\
        on raid { activate: streets support: courts, guild }\n";
    let mut fs = MemFs::new();
    fs.insert("/w/v1.eco", text);
    let options = Options {
        record_names: true,
        consume_trees: false,
        ..Options::default()
    };
    let outcome = check(&fs, &[Input::File("/w/v1.eco".into())], &options).unwrap();
    let file = outcome.sources.find(Path::new("/w/v1.eco")).unwrap();
    let highlights = highlight(&outcome, file).unwrap();
    let tag_at = |needle: &str| {
        let start = at(text, needle);
        highlights
            .iter()
            .find(|h| h.span.start == start)
            .map(|h| (&text[h.span.range()], h.tag))
            .unwrap()
    };
    assert_eq!(
        tag_at("mass_protest"),
        ("mass_protest", HighlightTag::EnumMember)
    );
    assert_eq!(
        tag_at("change_agent"),
        ("change_agent", HighlightTag::EnumMember)
    );
    assert_eq!(tag_at("legal_group"), ("legal_group", HighlightTag::Type));
    assert_eq!(tag_at("roles"), ("roles", HighlightTag::Property));
    assert_eq!(tag_at("approach"), ("approach", HighlightTag::Property));
    assert_eq!(tag_at("removes"), ("removes", HighlightTag::Property));
    assert_eq!(
        tag_at("guild, watch"),
        ("guild", HighlightTag::Name(DeclKind::Actor))
    );
    assert_eq!(
        tag_at("watch, legal"),
        ("watch", HighlightTag::Name(DeclKind::Bridge))
    );
    assert_eq!(
        tag_at("legal }\ncluster"),
        ("legal", HighlightTag::Name(DeclKind::Capability))
    );
    assert_eq!(
        tag_at("guild }\n"),
        ("guild", HighlightTag::Name(DeclKind::Actor))
    );
    assert_eq!(
        tag_at("courts, guild"),
        ("courts", HighlightTag::Name(DeclKind::Cluster))
    );
}

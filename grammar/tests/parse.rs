//! The syntax crate on its own: trees, spans, doc comments and recovery.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec_syntax::{parse, DeclKind, Entry, Item, SyntaxErrorKind, TokenKind, Value};

fn errors(src: &str) -> Vec<(String, &'static str, String)> {
    parse(src)
        .errors
        .iter()
        .map(|e| {
            (
                src[e.span.range()].to_string(),
                e.kind.code(),
                format!("{:?}", e.kind),
            )
        })
        .collect()
}

#[test]
fn parses_every_declaration_kind() {
    let src = r#"
import "shared.eco"
ecosystem "All In" { task: "System change" }
capability communications "Communication teams"
scenario escalation
cluster antimilitarist "Against wars" {
    bets_on: escalation
    strategy: "Agitate; "
              "organize"
    needs: communications, coordination
}
actor youth: campaign "Youth" { in: antimilitarist provides: communications }
@allow(critical-bridge)
bridge comms between antimilitarist and mobilization { via: communications }
bridge spokes among a, b, c
on escalation { activate: antimilitarist support: mobilization }
intervention joint "Joint conference" {
    goal: "Trust"
    bridge conference between a and b { form: conference }
    extend actor youth { provides: spokespeople }
    extend on escalation { support: care }
}
"#;
    let file = parse(src);
    assert!(file.errors.is_empty(), "{:?}", file.errors);
    let kinds: Vec<DeclKind> = file.decls().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DeclKind::Ecosystem,
            DeclKind::Capability,
            DeclKind::Scenario,
            DeclKind::Cluster,
            DeclKind::Actor,
            DeclKind::Bridge,
            DeclKind::Bridge,
            DeclKind::On,
            DeclKind::Intervention
        ]
    );
    let cluster = file.decls().nth(3).unwrap();
    let strategy = cluster
        .fields()
        .find(|f| f.name.as_str() == "strategy")
        .unwrap();
    let Value::Text(text) = &strategy.value else {
        panic!()
    };
    assert_eq!(&*text.value, "Agitate; organize");
    assert_eq!(text.parts.len(), 2);
    let needs = cluster
        .fields()
        .find(|f| f.name.as_str() == "needs")
        .unwrap();
    let Value::Names(names) = &needs.value else {
        panic!()
    };
    assert_eq!(&src[names[1].span.range()], "coordination");
    let bridge = file.decls().nth(5).unwrap();
    assert_eq!(bridge.attrs[0].args[0].as_str(), "critical-bridge");
    assert_eq!(&src[bridge.span.range()][..6], "@allow");
    let intervention = file.decls().last().unwrap();
    let entries = &intervention.body.as_ref().unwrap().entries;
    assert!(matches!(entries[0], Entry::Field(_)));
    assert!(matches!(entries[1], Entry::Decl(_)));
    assert!(matches!(entries[2], Entry::Extend(_)));
    assert!(matches!(entries[3], Entry::Extend(_)));
}

#[test]
fn doc_comments_attach_to_the_next_declaration() {
    let src = "/// Lawyers on call\n//// not a doc comment\n@allow(orphan-actor)\nactor lawyers\n/// dangling\n";
    let file = parse(src);
    let actor = file.decls().next().unwrap();
    assert_eq!(actor.doc.as_deref(), Some("Lawyers on call"));
    assert_eq!(file.comments.len(), 3);
}

#[test]
fn reports_every_syntax_error_in_one_run() {
    let src = "cluster a {\n    needs: x,\n}\nactor b: { in: a }\nscenario \"s\"\ncluster c { bets_on: s }\n";
    let found = errors(src);
    assert_eq!(found.len(), 3, "{found:?}");
    // A trailing comma is reported at the comma.
    assert_eq!(found[0].0, ",");
    assert_eq!(found[1].0, "{");
    assert_eq!(found[2].0, "\"s\"");
    let file = parse(src);
    // The declarations after the errors are still read.
    assert!(file
        .decls()
        .any(|d| d.name.as_ref().is_some_and(|n| n.as_str() == "c")));
    // A declaration whose name parsed is kept, marked broken.
    let b = file
        .decls()
        .find(|d| d.name.as_ref().is_some_and(|n| n.as_str() == "b"))
        .unwrap();
    assert!(b.broken);
    // A trailing comma does not break its declaration, and its list keeps
    // every entry.
    let a = file.decls().next().unwrap();
    assert!(!a.broken);
}

#[test]
fn a_trailing_comma_keeps_the_list_and_the_declaration() {
    let src = "cluster a {\n    needs: x, y,\n    cohesion: tight\n}\nactor b { provides: x, }\n";
    let found = errors(src);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found.iter().all(|(text, _, _)| text == ","), "{found:?}");
    let file = parse(src);
    for decl in file.decls() {
        assert!(!decl.broken);
    }
    let a = file.decls().next().unwrap();
    let fields = &a.body.as_ref().unwrap().entries;
    assert_eq!(fields.len(), 2, "{fields:?}");
}

#[test]
fn a_run_inside_a_word_becomes_one_underscore() {
    for (src, name, runs) in [
        ("actor kotti&co\n", "kotti_co", 1),
        ("actor a&&b\n", "a_b", 1),
        ("actor a&b$c\n", "a_b_c", 2),
        ("actor çevre—derneği\n", "çevre_derneği", 1),
        ("actor a&3\n", "a_3", 1),
    ] {
        let file = parse(src);
        let actor = file.decls().next().unwrap();
        assert_eq!(actor.name.as_ref().unwrap().as_str(), name, "{src}");
        assert_eq!(errors(src).len(), runs, "{src}");
        assert!(!actor.broken, "{src}");
    }
    // A word too long for a help: each run is still one error, and the name
    // is not copied into each.
    let src = format!("actor {}a\n", "a&".repeat(100));
    let found = errors(&src);
    assert_eq!(found.len(), 100);
    assert!(found
        .iter()
        .all(|(_, _, kind)| kind.contains("in_name: None")));
    // A run that holds a no-break space ends the word (section 2's rule);
    // a run at a word's end or start is skipped.
    for (src, name) in [
        ("actor a&\u{a0}b\n", "a"),
        ("actor a\u{a0}b\n", "a"),
        ("actor a& { }\n", "a"),
        ("actor &a { }\n", "a"),
        ("actor a// comment\n", "a"),
    ] {
        let file = parse(src);
        let actor = file.decls().next().unwrap();
        assert_eq!(actor.name.as_ref().unwrap().as_str(), name, "{src:?}");
    }
}

#[test]
fn what_was_found_and_expected_are_kinds_of_tokens() {
    let file = parse("cluster a { needs }");
    assert_eq!(file.errors.len(), 1);
    assert_eq!(
        file.errors[0].kind,
        SyntaxErrorKind::UnexpectedToken {
            found: TokenKind::RBrace,
            expected: vec![TokenKind::Colon],
        }
    );
}

#[test]
fn a_missing_brace_does_not_swallow_the_next_declaration() {
    let src = "cluster a {\n    needs: x\nactor b { in: a }\n";
    let file = parse(src);
    assert_eq!(file.errors.len(), 1);
    assert_eq!(&src[file.errors[0].span.range()], "actor");
    let names: Vec<&str> = file
        .decls()
        .filter_map(|d| d.name.as_ref())
        .map(|n| n.as_str())
        .collect();
    assert_eq!(names, ["a", "b"]);
}

#[test]
fn unexpected_end_of_file_is_at_the_end() {
    let src = "cluster a {\n";
    let file = parse(src);
    assert_eq!(file.errors.len(), 1);
    assert!(matches!(
        file.errors[0].kind,
        SyntaxErrorKind::UnexpectedEof { .. }
    ));
    assert_eq!(file.errors[0].span.start as usize, src.len());
}

#[test]
fn invalid_characters_are_reported_and_skipped() {
    let src = "cluster a $$ { needs: x }\nactor\u{a0}b";
    let found = errors(src);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].0.as_str(), found[0].1), ("$$", "E0103"));
    assert_eq!((found[1].0.as_str(), found[1].1), ("\u{a0}", "E0103"));
}

#[test]
fn strings_report_bad_escapes_and_missing_quotes_without_parse_errors() {
    let src = "capability c \"bad \\q and \\w\"\ncapability d \"open\ncapability e\n";
    let found = errors(src);
    let codes: Vec<&str> = found.iter().map(|f| f.1).collect();
    assert_eq!(codes, ["E0102", "E0102", "E0102"], "{found:?}");
    assert_eq!(found[0].0, "\\q");
    assert_eq!(found[2].0, "\"open");
    assert_eq!(parse(src).decls().count(), 3);
}

#[test]
fn an_error_inside_an_intervention_recovers_inside_it() {
    let src = "intervention i {\n    bridge b between x y { via: c }\n    extend actor a { provides: d }\n}\ncluster after\n";
    let file = parse(src);
    assert_eq!(file.errors.len(), 1, "{:?}", file.errors);
    let i = file.decls().next().unwrap();
    assert!(i.broken);
    let extends = i
        .body
        .as_ref()
        .unwrap()
        .entries
        .iter()
        .filter(|e| matches!(e, Entry::Extend(_)))
        .count();
    assert_eq!(extends, 1);
    assert!(file
        .decls()
        .any(|d| d.name.as_ref().is_some_and(|n| n.as_str() == "after")));
}

#[test]
fn crlf_and_unicode_names() {
    let src = "cluster çevre_derneği {\r\n    needs: 🎉\r\n}\r\n";
    let file = parse(src);
    assert_eq!(
        file.decls().next().unwrap().name.as_ref().unwrap().as_str(),
        "çevre_derneği"
    );
    let found = errors(src);
    assert_eq!(found[0].1, "E0103");
    assert_eq!(found[0].0, "🎉");
}

#[test]
fn garbage_never_panics() {
    for src in [
        "",
        "}",
        "{{{{",
        "@",
        "@allow(",
        "intervention",
        "\"",
        "on on on",
        "extend actor a {}",
        "\u{feff}x",
    ] {
        let _ = parse(src);
    }
    assert!(matches!(parse("import").items[0], Item::Error(_)));
}

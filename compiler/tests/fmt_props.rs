//! Properties of `ecospec fmt` over the examples, the UI corpus and
//! generated specs: formatting is idempotent, keeps every comment's text in
//! order, and changes no diagnostic of the spec.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use ecospec::check::{check, Options};
use ecospec::fmt::{format_source, FormatError};
use ecospec::load::{discover, Input, RealFs};
use proptest::prelude::*;
use test_support::{is_config, is_eco, repo_root, walk};

fn comment_texts(text: &str) -> Vec<String> {
    let body = text.strip_prefix('\u{feff}').unwrap_or(text);
    ecospec_syntax::parse(body)
        .comments
        .iter()
        .map(|c| body[c.span.range()].trim_end().to_string())
        .collect()
}

/// (code, message) of every diagnostic of the folder, sorted.
fn diagnostics(folder: &Path) -> Vec<(String, String)> {
    let outcome = check(
        &RealFs,
        &[Input::Folder(folder.to_path_buf())],
        &Options::default(),
    )
    .unwrap();
    let mut list: Vec<(String, String)> = outcome
        .diagnostics
        .iter()
        .map(|d| (d.code.to_string(), d.message.clone()))
        .collect();
    list.sort();
    list
}

/// Formats one text and checks the properties that need no checker.
fn format_checked(name: &str, text: &str) -> Option<String> {
    match format_source(text) {
        Ok(once) => {
            let twice = format_source(&once).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert_eq!(twice, once, "{name}: not idempotent");
            assert_eq!(
                comment_texts(&once),
                comment_texts(text),
                "{name}: comments changed"
            );
            Some(once)
        }
        Err(FormatError::Syntax { .. }) => None,
        Err(error) => panic!("{name}: {error}"),
    }
}

/// Copies every `.eco` and `ecospec.toml` under `from` into a temporary
/// folder, formats the copies, and compares the diagnostics before and after.
fn check_corpus(from: &Path) {
    let dir = tempfile::tempdir().unwrap();
    let mut copied: Vec<PathBuf> = Vec::new();
    for path in walk(from).into_iter().filter(|p| is_eco(p) || is_config(p)) {
        let relative = path.strip_prefix(from).unwrap();
        let target = dir.path().join(relative);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::copy(&path, &target).unwrap();
        if is_eco(&target) {
            copied.push(target);
        }
    }
    assert!(!copied.is_empty(), "no .eco file under {}", from.display());
    let before = diagnostics(dir.path());
    for path in &copied {
        // A file that is not UTF-8 (an E0304 case) is not formatted.
        let Ok(text) = String::from_utf8(std::fs::read(path).unwrap()) else {
            continue;
        };
        if let Some(formatted) = format_checked(&path.display().to_string(), &text) {
            std::fs::write(path, formatted).unwrap();
        }
    }
    assert_eq!(
        diagnostics(dir.path()),
        before,
        "{}: diagnostics changed",
        from.display()
    );
}

#[test]
fn the_examples_keep_their_comments_and_diagnostics() {
    check_corpus(&repo_root().join("examples"));
}

#[test]
fn the_ui_corpus_keeps_its_comments_and_diagnostics() {
    let ui = repo_root().join("tests/ui");
    if ui.is_dir() && !discover(&ui).is_empty() {
        check_corpus(&ui);
    }
}

#[test]
fn the_examples_are_formatted() {
    for path in discover(&repo_root().join("examples")) {
        let text = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            format_source(&text).as_deref(),
            Ok(text.as_str()),
            "{}: run `ecospec fmt examples`",
            path.display()
        );
    }
}

// Generated specs: valid token sequences with random whitespace and
// comments between the tokens.

const NAMES: &[&str] = &[
    "a",
    "b",
    "c",
    "çevre_derneği",
    "lawyers-guild",
    "a_rather_long_capability_name",
    "another_rather_long_cluster_name",
];

fn name() -> impl Strategy<Value = String> {
    prop::sample::select(NAMES).prop_map(str::to_string)
}

fn label() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(&["\"A label\"", "\"é \\\"quoted\\\" \"", "\"\"", "\"tab\\t\""][..]),
        0..3,
    )
    .prop_map(|parts| parts.into_iter().map(str::to_string).collect())
}

fn list(min: usize) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(name(), min..9).prop_map(|names| {
        let mut tokens = Vec::new();
        for (i, n) in names.into_iter().enumerate() {
            if i > 0 {
                tokens.push(",".to_string());
            }
            tokens.push(n);
        }
        tokens
    })
}

fn field(names: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    (
        prop::sample::select(names),
        prop::bool::ANY,
        list(1),
        label(),
    )
        .prop_map(|(field, text, list, label)| {
            let mut tokens = vec![field.to_string(), ":".to_string()];
            if text && !label.is_empty() {
                tokens.extend(label);
            } else {
                tokens.extend(list);
            }
            tokens
        })
}

fn block(names: &'static [&'static str]) -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(field(names), 0..4).prop_map(|fields| {
        let mut tokens = vec!["{".to_string()];
        tokens.extend(fields.into_iter().flatten());
        tokens.push("}".to_string());
        tokens
    })
}

const CLUSTER_FIELDS: &[&str] = &["bets_on", "needs", "cohesion", "strategy", "nedds"];
const ACTOR_FIELDS: &[&str] = &["in", "serves", "provides", "organizes"];
const BRIDGE_FIELDS: &[&str] = &["via", "through", "form", "unity"];
const ON_FIELDS: &[&str] = &["activate", "support"];

fn member() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (
            prop::sample::select(&["capability", "scenario", "cluster"][..]),
            name(),
            label(),
            prop::option::of(block(CLUSTER_FIELDS))
        )
            .prop_map(|(kw, n, l, b)| [vec![kw.to_string(), n], l, b.unwrap_or_default()].concat()),
        (
            name(),
            prop::option::of(prop::sample::select(&["campaign", "union", "gang"][..])),
            label(),
            prop::option::of(block(ACTOR_FIELDS))
        )
            .prop_map(|(n, kind, l, b)| {
                let mut t = vec!["actor".to_string(), n];
                if let Some(kind) = kind {
                    t.push(":".to_string());
                    t.push(kind.to_string());
                }
                [t, l, b.unwrap_or_default()].concat()
            }),
        (
            name(),
            name(),
            name(),
            prop::bool::ANY,
            list(2),
            prop::option::of(block(BRIDGE_FIELDS))
        )
            .prop_map(|(n, x, y, between, among, b)| {
                let ends = if between {
                    vec!["between".to_string(), x, "and".to_string(), y]
                } else {
                    [vec!["among".to_string()], among].concat()
                };
                [vec!["bridge".to_string(), n], ends, b.unwrap_or_default()].concat()
            }),
        (name(), block(ON_FIELDS)).prop_map(|(n, b)| [vec!["on".to_string(), n], b].concat()),
    ]
}

fn attributes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(
        prop::sample::select(&["orphan-actor", "critical-bridge", "W0403", "no-such-lint"][..]),
        0..3,
    )
    .prop_map(|lints| {
        if lints.is_empty() {
            return Vec::new();
        }
        let mut t = vec!["@".to_string(), "allow".to_string(), "(".to_string()];
        for (i, lint) in lints.into_iter().enumerate() {
            if i > 0 {
                t.push(",".to_string());
            }
            t.push(lint.to_string());
        }
        t.push(")".to_string());
        t
    })
}

fn item() -> impl Strategy<Value = Vec<String>> {
    prop_oneof![
        (attributes(), member()).prop_map(|(a, m)| [a, m].concat()),
        (
            name(),
            label(),
            prop::collection::vec((attributes(), member()), 0..3),
            prop::collection::vec((name(), block(ACTOR_FIELDS)), 0..2)
        )
            .prop_map(|(n, l, members, extends)| {
                let mut t = [
                    vec!["intervention".to_string(), n],
                    l,
                    vec![
                        "{".to_string(),
                        "goal".to_string(),
                        ":".to_string(),
                        "\"g\"".to_string(),
                    ],
                ]
                .concat();
                for (a, m) in members {
                    t.extend(a);
                    t.extend(m);
                }
                for (n, b) in extends {
                    t.extend(["extend".to_string(), "actor".to_string(), n]);
                    t.extend(b);
                }
                t.push("}".to_string());
                t
            }),
        label().prop_map(|l| [
            vec!["ecosystem".to_string()],
            l,
            vec!["{".to_string(), "}".to_string()]
        ]
        .concat()),
    ]
}

const SEPARATORS: &[&str] = &[
    " ",
    " ",
    " ",
    "\n",
    "\n",
    "\n    ",
    "\n\n",
    "\n\n\n",
    "\t",
    " // trailing\n",
    "   // aligned\n",
    "\n// own line\n",
    "\n\n// after a blank\n\n",
    "\n/// doc\n",
    "\r\n",
];

fn spec() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(item(), 0..8),
        prop::collection::vec(prop::sample::select(SEPARATORS), 64),
        prop::option::of(prop::sample::select(
            &["// header\n\n", "/// doc first\n"][..],
        )),
    )
        .prop_map(|(items, seps, header)| {
            let mut text = header.unwrap_or_default().to_string();
            for (i, token) in items.into_iter().flatten().enumerate() {
                text.push_str(&token);
                text.push_str(seps[i % seps.len()]);
            }
            text
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    #[test]
    fn generated_specs_format_idempotently_with_the_same_comments_and_diagnostics(text in spec()) {
        let formatted = format_checked("generated", &text);
        prop_assert!(formatted.is_some(), "a generated spec has a syntax error:\n{text}");
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("spec.eco");
        std::fs::write(&path, &text).unwrap();
        let before = diagnostics(dir.path());
        std::fs::write(&path, formatted.unwrap_or_default()).unwrap();
        prop_assert_eq!(diagnostics(dir.path()), before);
    }
}

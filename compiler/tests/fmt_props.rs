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
use test_support::generated::spec;
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

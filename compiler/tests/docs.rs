//! `docs/src/diagnostics.md` is generated from the explanations (the SARIF
//! rules' `helpUri` points into it); this keeps the committed file current.
//! `UPDATE_DOCS=1 cargo test -p ecospec --test docs` rewrites it. The
//! chapter each explanation names to read next is a page of the book, with
//! the title it is named by.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::catalog::{anchor, diagnostics_markdown, rules};
use ecospec::read_next::BOOK_SOURCE;
use test_support::repo_root;

#[test]
fn diagnostics_page_is_up_to_date() {
    let path = repo_root().join("docs/src/diagnostics.md");
    let expected = diagnostics_markdown();
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &expected).unwrap();
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == expected,
        "docs/src/diagnostics.md is out of date: run `UPDATE_DOCS=1 cargo test -p ecospec --test docs`"
    );
    // Every rule's helpUri anchor is a heading of the page.
    for rule in rules() {
        let heading = format!("\n## {}\n", rule.heading());
        assert!(committed.contains(&heading), "{}", rule.code);
        assert!(rule
            .help_uri()
            .ends_with(&format!("#{}", anchor(&rule.heading()))));
    }
}

#[test]
fn every_chapter_to_read_next_is_a_page_with_its_title() {
    for rule in rules() {
        let chapter = rule.read_next;
        let path = repo_root().join(BOOK_SOURCE).join(chapter.path);
        let page = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{}: no page {}", rule.code, path.display()));
        let heading = page.lines().next().unwrap_or_default();
        assert_eq!(heading, format!("# {}", chapter.title), "{}", rule.code);
    }
}

//! `docs/src/diagnostics.md` is generated from the explanations (the SARIF
//! rules' `helpUri` points into it); this keeps the committed file current.
//! `UPDATE_DOCS=1 cargo test -p ecospec --test docs` rewrites it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use ecospec::catalog::{anchor, diagnostics_markdown, rules};
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

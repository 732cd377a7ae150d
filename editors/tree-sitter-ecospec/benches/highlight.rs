//! `cargo bench -p tree-sitter-ecospec --bench highlight`: how long
//! tree-sitter takes over the generated ecosystem of 20,000 lines
//! (`ecospec::testgen`, the spec of `cargo run --release -p ecospec
//! --example gen -- 20000`), the bound being 100 ms:
//!  - parse: a fresh parse of the whole text;
//!  - highlight: `tree-sitter-highlight` with `queries/highlights.scm`,
//!    every event read (it parses the text itself, so this is parse and
//!    query together), as the CLI and editors that embed the library do;
//!  - query: the captures of `highlights.scm` over a tree already parsed,
//!    which is what an editor runs again as the view scrolls.
//!
//! A plain program (`harness = false`), as the compiler's benchmarks: each
//! figure is the median of 21 runs. Pass a number of lines to try another
//! size (`cargo bench -p tree-sitter-ecospec --bench highlight -- 100000`).
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::time::Duration;

use test_support::median;
use tree_sitter::{Parser, Query, QueryCursor, StreamingIterator};
use tree_sitter_highlight::{HighlightConfiguration, HighlightEvent, Highlighter};

const RUNS: usize = 21;

fn ms(time: Duration) -> String {
    format!("{:.1} ms", time.as_secs_f64() * 1e3)
}

fn main() {
    let lines = std::env::args()
        .skip(1)
        .find_map(|a| a.replace('_', "").parse().ok())
        .unwrap_or(20_000);
    let text = ecospec::testgen::ecosystem(lines);
    let source = text.as_bytes();
    let language: tree_sitter::Language = tree_sitter_ecospec::LANGUAGE.into();

    let mut parser = Parser::new();
    parser.set_language(&language).unwrap();
    let parse = median(RUNS, || {
        let tree = parser.parse(source, None).unwrap();
        assert!(!tree.root_node().has_error(), "the generated spec is valid");
    });

    let mut config = HighlightConfiguration::new(
        language.clone(),
        "ecospec",
        tree_sitter_ecospec::HIGHLIGHTS_QUERY,
        "",
        "",
    )
    .unwrap();
    // Every capture of the query is a highlight, as in a full theme.
    let names: Vec<String> = config.names().iter().map(|n| n.to_string()).collect();
    config.configure(&names);
    let mut highlighter = Highlighter::new();
    let mut highlighted = 0;
    let highlight = median(RUNS, || {
        highlighted = 0;
        let events = highlighter
            .highlight(&config, source, None, |_| None)
            .unwrap();
        for event in events {
            if let HighlightEvent::HighlightStart(_) = event.unwrap() {
                highlighted += 1;
            }
        }
    });

    let tree = parser.parse(source, None).unwrap();
    let query = Query::new(&language, tree_sitter_ecospec::HIGHLIGHTS_QUERY).unwrap();
    let mut cursor = QueryCursor::new();
    let mut captured = 0;
    let captures = median(RUNS, || {
        captured = 0;
        let mut captures = cursor.captures(&query, tree.root_node(), source);
        while captures.next().is_some() {
            captured += 1;
        }
    });

    println!(
        "{} lines, {:.2} MB, {highlighted} highlighted nodes, {captured} captures",
        text.lines().count(),
        text.len() as f64 / 1e6,
    );
    println!("| parse | highlight (parse and query) | query over a parsed tree |");
    println!("|---:|---:|---:|");
    println!("| {} | {} | {} |", ms(parse), ms(highlight), ms(captures));
}

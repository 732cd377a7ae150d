//! Every command output shown in the book is the real one: a ```console
//! block of `docs/src` holds lines `$ ecospec ARGS`, each followed by what
//! the command prints (standard output, then standard error) when run from
//! the repository's root. A stale block fails; `BLESS=1` rewrites every
//! block from the binary (review the diff).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;

use test_support::{repo_root, text, walk, Program};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));
const PROMPT: &str = "$ ecospec ";

/// What `ecospec ARGS` prints, run from the repository's root.
fn printed(args: &str) -> String {
    assert!(
        !args.contains(['"', '\'', '|', '>', '<']),
        "`{args}`: a shown command takes plain words only"
    );
    let args: Vec<&str> = args.split_whitespace().collect();
    let output = ECOSPEC.run(&repo_root(), &args);
    text(&output.stdout) + &text(&output.stderr)
}

/// The page with every console block's outputs made again.
fn regenerated(page: &str) -> String {
    let mut out = String::new();
    let mut in_console = false;
    let mut skipping = false;
    for line in page.lines() {
        let trimmed = line.trim_end();
        if !in_console {
            in_console = trimmed == "```console";
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if trimmed == "```" {
            in_console = false;
            skipping = false;
            out.push_str(line);
            out.push('\n');
        } else if let Some(args) = trimmed.strip_prefix(PROMPT) {
            out.push_str(line);
            out.push('\n');
            out.push_str(&printed(args));
            skipping = true;
        } else if !skipping {
            // Lines before the first command (none is expected) are kept.
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn every_output_shown_in_the_book_is_the_binarys() {
    let mut stale = Vec::new();
    let pages = walk(&repo_root().join("docs/src"));
    for path in pages
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
    {
        let page = std::fs::read_to_string(path).unwrap();
        if !page.contains("```console") {
            continue;
        }
        let fresh = regenerated(&page);
        if fresh == page {
            continue;
        }
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(path, &fresh).unwrap();
        } else {
            stale.push(shown(path));
        }
    }
    assert!(
        stale.is_empty(),
        "command outputs in the book are stale (BLESS=1 cargo test -p ecospec-cli --test book_outputs): {stale:?}"
    );
}

fn shown(path: &Path) -> String {
    path.strip_prefix(repo_root())
        .unwrap_or(path)
        .display()
        .to_string()
}

#[test]
fn a_console_block_is_made_again_from_its_commands() {
    let page = "x\n```console\n$ ecospec --version\nold\n```\ny\n";
    let fresh = regenerated(page);
    assert!(fresh.starts_with("x\n```console\n$ ecospec --version\necospec "));
    assert!(!fresh.contains("old"));
    assert!(fresh.ends_with("\n```\ny\n"));
    // Another block is left alone.
    let other = "```sh\n$ ecospec --version\nold\n```\n";
    assert_eq!(regenerated(other), other);
}

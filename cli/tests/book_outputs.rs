//! Every command output shown in the book is the real one: a ```console
//! block of `docs/src` (or ````console, for an output with fences of its
//! own) holds lines `$ ecospec ARGS`, each followed by what
//! the command prints (standard output, then standard error) when run from
//! the repository's root. A block whose first command is `ecospec init`
//! runs every command in a new empty folder instead, so that what it writes
//! stays out of the repository. A stale block fails; `BLESS=1` rewrites
//! every block from the binary (review the diff).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::{Path, PathBuf};

use test_support::{folder, repo_root, text, walk, Program, TempDir};

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));
const PROMPT: &str = "$ ecospec ";

/// What `ecospec ARGS` prints, run in `dir`.
fn printed(dir: &Path, args: &str) -> String {
    assert!(
        !args.contains(['"', '\'', '|', '>', '<']),
        "`{args}`: a shown command takes plain words only"
    );
    let args: Vec<&str> = args.split_whitespace().collect();
    let output = ECOSPEC.run(dir, &args);
    text(&output.stdout) + &text(&output.stderr)
}

/// The page with every console block's outputs made again.
fn regenerated(page: &str) -> String {
    let mut out = String::new();
    // The open console block's fence: three backticks or more, as many
    // as it takes to hold an output that has fences of its own (a report).
    let mut in_console: Option<&str> = None;
    let mut skipping = false;
    // The folder the block's commands run in: the repository's root, or an
    // empty one of its own when the block starts with `ecospec init`.
    let mut block_dir: Option<(PathBuf, Option<TempDir>)> = None;
    for line in page.lines() {
        let trimmed = line.trim_end();
        let Some(fence) = in_console else {
            in_console = trimmed
                .strip_suffix("console")
                .filter(|fence| fence.len() >= 3 && fence.chars().all(|ch| ch == '`'));
            out.push_str(line);
            out.push('\n');
            continue;
        };
        if trimmed == fence {
            in_console = None;
            skipping = false;
            block_dir = None;
            out.push_str(line);
            out.push('\n');
        } else if let Some(args) = trimmed.strip_prefix(PROMPT) {
            out.push_str(line);
            out.push('\n');
            let (dir, _) = block_dir.get_or_insert_with(|| {
                if args.split_whitespace().next() == Some("init") {
                    let empty = folder(&[]);
                    (empty.path().to_path_buf(), Some(empty))
                } else {
                    (repo_root(), None)
                }
            });
            out.push_str(&printed(dir, args));
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

/// The tutorial's pictures of its ecosystem, each with the command that
/// draws it (run from the repository's root).
const PICTURES: &[(&str, &str)] = &[
    (
        "docs/src/tutorial/map.svg",
        "graph examples/tutorial/6-intervention --format svg",
    ),
    (
        "docs/src/tutorial/map-applied.svg",
        "graph examples/tutorial/6-intervention --format svg --apply spokespeople_network",
    ),
];

#[test]
fn every_picture_in_the_tutorial_is_the_binarys() {
    let mut stale = Vec::new();
    for (file, args) in PICTURES {
        let path = repo_root().join(file);
        let drawn = printed(&repo_root(), args);
        assert!(drawn.starts_with("<?xml"), "`ecospec {args}`: {drawn}");
        if std::fs::read_to_string(&path).ok().as_deref() == Some(drawn.as_str()) {
            continue;
        }
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&path, &drawn).unwrap();
        } else {
            stale.push(format!("{file} (`ecospec {args}`)"));
        }
    }
    assert!(
        stale.is_empty(),
        "pictures in the book are stale (BLESS=1 cargo test -p ecospec-cli --test book_outputs): {stale:?}"
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
    // An output with a fence of its own stays inside a longer one.
    let long = "````console\n$ ecospec --version\n```\nold\n````\n";
    let fresh = regenerated(long);
    assert!(fresh.starts_with("````console\n$ ecospec --version\necospec "));
    assert!(
        fresh.ends_with("\n````\n") && !fresh.contains("old"),
        "{fresh}"
    );
}

#[test]
fn a_block_that_starts_with_init_runs_in_an_empty_folder() {
    let page = "```console\n$ ecospec init here\n$ ecospec check here\n```\n";
    let fresh = regenerated(page);
    assert!(fresh.contains("created here/ecosystem.eco\n"), "{fresh}");
    assert!(fresh.contains("in 1 file\n"), "{fresh}");
    assert!(!repo_root().join("here").exists());
}

//! The tree-sitter grammar and the project's parser agree on every `.eco`
//! file of `examples/` and `tests/ui/`: a file has a syntax error for one
//! exactly when it has one for the other, and the files of `examples/`
//! parse without any.
#![allow(clippy::unwrap_used)]

use std::path::{Path, PathBuf};

use test_support::{is_eco, repo_root, walk};
use tree_sitter::{Node, Parser, Tree};

fn parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_ecospec::LANGUAGE.into())
        .unwrap();
    parser
}

/// Whether the tree holds an error: an `ERROR` or `MISSING` node, or a
/// node that stands for an error the project's parser reports where
/// tree-sitter read on.
fn has_error(tree: &Tree) -> bool {
    fn walk_node(node: Node<'_>) -> bool {
        if node.is_error()
            || node.is_missing()
            || tree_sitter_ecospec::ERROR_KINDS.contains(&node.kind())
        {
            return true;
        }
        let mut cursor = node.walk();
        let found = node.children(&mut cursor).any(walk_node);
        found
    }
    tree.root_node().has_error() || walk_node(tree.root_node())
}

/// The `.eco` files under `folder` (of the repository), sorted.
fn eco_files(folder: &str) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = walk(&repo_root().join(folder))
        .into_iter()
        .filter(|path| is_eco(path))
        .collect();
    files.sort();
    files
}

/// The text the project's parser reads (its loader skips a BOM), or none
/// for a file that is not UTF-8 (a load error, E0304, not a syntax error).
fn text(path: &Path) -> Option<String> {
    let bytes = std::fs::read(path).unwrap();
    let text = String::from_utf8(bytes).ok()?;
    Some(text.strip_prefix('\u{feff}').unwrap_or(&text).to_string())
}

#[test]
fn examples_parse_without_an_error() {
    let mut parser = parser();
    let files = eco_files("examples");
    assert!(files.len() > 10, "examples/ has its .eco files");
    let broken: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = text(path).unwrap();
            has_error(&parser.parse(&text, None).unwrap())
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(broken.is_empty(), "errors in {broken:#?}");
}

#[test]
fn a_file_has_a_syntax_error_for_tree_sitter_exactly_when_it_has_one_for_the_project_parser() {
    let mut parser = parser();
    let mut files = eco_files("examples");
    files.extend(eco_files("tests/ui"));
    let (mut checked, mut with_errors) = (0, 0);
    let mut disagreements = Vec::new();
    for path in &files {
        let Some(text) = text(path) else { continue };
        let project = !ecospec_syntax::parse(&text).errors.is_empty();
        let tree_sitter = has_error(&parser.parse(&text, None).unwrap());
        if project != tree_sitter {
            disagreements.push(format!(
                "{}: project parser {}, tree-sitter {}",
                path.display(),
                if project { "error" } else { "clean" },
                if tree_sitter { "error" } else { "clean" },
            ));
        }
        checked += 1;
        with_errors += usize::from(project);
    }
    // The corpus has both kinds of file: the test could fail either way.
    assert!(
        checked > 100 && with_errors >= 15,
        "{checked} files, {with_errors} with errors"
    );
    assert!(disagreements.is_empty(), "{disagreements:#?}");
}

//! The tree-sitter grammar and the project's parser agree on every `.eco`
//! file of `examples/` and `tests/ui/`: a file has a syntax error for one
//! exactly when it has one for the other, the files of `examples/` parse
//! without any, and both read the same declarations (those inside an
//! intervention too), recovery aside.
#![allow(clippy::unwrap_used)]

mod trees;

use std::path::{Path, PathBuf};

use test_support::{is_eco, repo_root, walk};
use trees::{has_error, parser, project_declarations, tree_declarations};

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

#[test]
fn the_declarations_are_the_same_and_recovery_keeps_the_project_parsers_but_in_two_known_files() {
    let mut parser = parser();
    let mut files = eco_files("examples");
    files.extend(eco_files("tests/ui"));
    let mut differences = Vec::new();
    for path in &files {
        let Some(text) = text(path) else { continue };
        let tree = parser.parse(&text, None).unwrap();
        let project = project_declarations(&text);
        let found = tree_declarations(&tree, &text);
        if has_error(&tree) {
            // Recovery: every declaration the project's parser kept is in
            // tree-sitter's tree too.
            let lost: Vec<_> = project.iter().filter(|d| !found.contains(d)).collect();
            if !lost.is_empty() {
                differences.push(format!("{}: lost {lost:?}", path.display()));
            }
        } else if project != found {
            differences.push(format!("{}: {project:?} != {found:?}", path.display()));
        }
    }
    // Known, and the only ones: a word with a character that cannot start
    // a token is one name for the project's lexer and an error here; and
    // tree-sitter's recovery from `between a, b, c` reads the rest of the
    // file as one error (its error mode takes the keywords after it for
    // names), where the project's parser resumes at the next declaration.
    let known = [
        "tests/ui/syntax/E0101-between-three.eco: lost [(\"bridge\", \"spokes\"), \
         (\"actor\", \"trainers\"), (\"on\", \"outrageous_moment\")]",
        "tests/ui/syntax/E0103-inside-word.eco: lost [(\"actor\", \"kotti_co\"), \
         (\"actor\", \"a_b\")]",
    ];
    let root = format!("{}/", repo_root().display());
    let differences: Vec<String> = differences
        .iter()
        .map(|d| d.replacen(&root, "", 1))
        .collect();
    assert_eq!(differences, known);
}

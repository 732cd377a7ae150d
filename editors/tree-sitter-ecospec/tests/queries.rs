//! What the queries other than highlighting capture, on one small spec:
//! folds, definitions and references, text objects, indents. (Highlighting
//! has its scope assertions in test/highlight/, run by `tree-sitter test`.)
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use std::collections::BTreeSet;

use tree_sitter::{Parser, Query, QueryCursor, StreamingIterator, Tree};

const SPEC: &str = r#"/// Doc.
cluster care {
    needs: legal
    cohesion: tight
}
capability legal
intervention meet {
    goal: "g"
    extend cluster care {
        needs: legal
    }
}
"#;

fn tree() -> Tree {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_ecospec::LANGUAGE.into())
        .unwrap();
    parser.parse(SPEC, None).unwrap()
}

/// (capture name, first line, last line, text's first line) of every
/// capture of `query`, sorted.
fn captures(query: &str) -> BTreeSet<(String, usize, usize, String)> {
    let tree = tree();
    let query = Query::new(&tree_sitter_ecospec::LANGUAGE.into(), query).unwrap();
    let mut cursor = QueryCursor::new();
    let mut found = BTreeSet::new();
    let mut matches = cursor.matches(&query, tree.root_node(), SPEC.as_bytes());
    while let Some(m) = matches.next() {
        for capture in m.captures {
            let node = capture.node;
            let text = node.utf8_text(SPEC.as_bytes()).unwrap();
            found.insert((
                query.capture_names()[capture.index as usize].to_string(),
                node.start_position().row,
                node.end_position().row,
                text.lines().next().unwrap_or("").to_string(),
            ));
        }
    }
    found
}

fn c(name: &str, first: usize, last: usize, text: &str) -> (String, usize, usize, String) {
    (name.to_string(), first, last, text.to_string())
}

#[test]
fn every_braced_body_folds() {
    let expected: BTreeSet<_> = [
        c("fold", 1, 4, "{"),
        c("fold", 6, 11, "{"),
        c("fold", 8, 10, "{"),
    ]
    .into();
    assert_eq!(captures(tree_sitter_ecospec::FOLDS_QUERY), expected);
}

#[test]
fn locals_know_the_declared_names_and_the_references_but_not_enum_words() {
    let expected: BTreeSet<_> = [
        c("local.scope", 0, 12, "/// Doc."),
        c("local.scope", 6, 11, "{"),
        c("local.definition", 1, 1, "care"),
        c("local.definition", 5, 5, "legal"),
        c("local.definition", 6, 6, "meet"),
        c("local.reference", 2, 2, "legal"),
        c("local.reference", 8, 8, "care"),
        c("local.reference", 9, 9, "legal"),
    ]
    .into();
    assert_eq!(captures(tree_sitter_ecospec::LOCALS_QUERY), expected);
}

#[test]
fn text_objects_are_declarations_blocks_fields_and_comments_for_neovim_and_helix() {
    let found = captures(tree_sitter_ecospec::TEXTOBJECTS_QUERY);
    for expected in [
        c("class.outer", 1, 4, "cluster care {"),
        c("class.outer", 5, 5, "capability legal"),
        c("class.outer", 6, 11, "intervention meet {"),
        c("class.outer", 8, 10, "extend cluster care {"),
        c("class.inner", 1, 4, "{"),
        c("parameter.outer", 2, 2, "needs: legal"),
        c("parameter.inner", 7, 7, "\"g\""),
        c("comment.outer", 0, 0, "/// Doc."),
        // Helix's names of the same objects.
        c("class.around", 6, 11, "intervention meet {"),
        c("class.inside", 8, 10, "{"),
        c("parameter.around", 2, 2, "needs: legal"),
        c("parameter.inside", 7, 7, "\"g\""),
        c("comment.around", 0, 0, "/// Doc."),
    ] {
        assert!(found.contains(&expected), "{expected:?} not in {found:#?}");
    }
}

#[test]
fn indents_open_at_each_body_and_close_at_its_brace_for_helix_and_neovim() {
    let found = captures(tree_sitter_ecospec::INDENTS_QUERY);
    let indents = found.iter().filter(|c| c.0 == "indent").count();
    let outdents: Vec<_> = found
        .iter()
        .filter(|c| c.0 == "outdent")
        .map(|c| c.1)
        .collect();
    assert_eq!(indents, 3);
    assert_eq!(outdents, [4, 10, 11]);
    // nvim-treesitter's names: the same nodes.
    let lines =
        |name: &str| -> Vec<usize> { found.iter().filter(|c| c.0 == name).map(|c| c.1).collect() };
    assert_eq!(lines("indent.begin"), lines("indent"));
    assert_eq!(lines("indent.branch"), outdents);
    assert_eq!(lines("indent.end"), outdents);
}

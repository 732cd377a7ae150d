//! The ecospec language for [tree-sitter](https://tree-sitter.github.io/):
//! the parser generated from `grammar.js` and its queries.
//!
//! ```
//! let mut parser = tree_sitter::Parser::new();
//! parser
//!     .set_language(&tree_sitter_ecospec::LANGUAGE.into())
//!     .expect("the grammar's version is one the runtime reads");
//! let tree = parser.parse("cluster care {}\n", None).expect("a tree");
//! assert_eq!(tree.root_node().child(0).map(|n| n.kind()), Some("cluster_declaration"));
//! ```

use tree_sitter_language::LanguageFn;

extern "C" {
    fn tree_sitter_ecospec() -> *const ();
}

/// The language, for [`tree_sitter::Parser::set_language`] (with `.into()`).
///
/// [`tree_sitter::Parser::set_language`]: https://docs.rs/tree-sitter/*/tree_sitter/struct.Parser.html#method.set_language
// The one unsafe of the crate: `tree_sitter_ecospec` is the entry point
// `tree-sitter generate` writes in src/parser.c, a function that returns
// a pointer to the language's static tables.
#[allow(unsafe_code)]
pub const LANGUAGE: LanguageFn = unsafe { LanguageFn::from_raw(tree_sitter_ecospec) };

/// The node types (`src/node-types.json`).
pub const NODE_TYPES: &str = include_str!("../../src/node-types.json");

/// The highlighting query (`queries/highlights.scm`).
pub const HIGHLIGHTS_QUERY: &str = include_str!("../../queries/highlights.scm");

/// The definitions and references (`queries/locals.scm`).
pub const LOCALS_QUERY: &str = include_str!("../../queries/locals.scm");

/// The folds (`queries/folds.scm`).
pub const FOLDS_QUERY: &str = include_str!("../../queries/folds.scm");

/// The text objects (`queries/textobjects.scm`, nvim-treesitter-textobjects'
/// captures and Helix's).
pub const TEXTOBJECTS_QUERY: &str = include_str!("../../queries/textobjects.scm");

/// The indentation (`queries/indents.scm`, Helix's captures and nvim-treesitter's).
pub const INDENTS_QUERY: &str = include_str!("../../queries/indents.scm");

/// The kinds of node that stand for a syntax error of the project's parser
/// where tree-sitter read on (they are not `ERROR` or `MISSING` nodes): a
/// `}` the scanner supplied, a string's missing closing quote, an unknown
/// escape.
pub const ERROR_KINDS: [&str; 3] = ["missing_close", "missing_quote", "invalid_escape"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_query_compiles_against_the_language() {
        let language = LANGUAGE.into();
        for (name, source) in [
            ("highlights", HIGHLIGHTS_QUERY),
            ("locals", LOCALS_QUERY),
            ("folds", FOLDS_QUERY),
            ("textobjects", TEXTOBJECTS_QUERY),
            ("indents", INDENTS_QUERY),
        ] {
            if let Err(e) = tree_sitter::Query::new(&language, source) {
                panic!("{name}.scm: {e}");
            }
        }
    }

    #[test]
    fn error_kinds_are_node_kinds_of_the_language() {
        let language: tree_sitter::Language = LANGUAGE.into();
        for kind in ERROR_KINDS {
            assert_ne!(language.id_for_node_kind(kind, true), 0, "{kind}");
        }
    }
}

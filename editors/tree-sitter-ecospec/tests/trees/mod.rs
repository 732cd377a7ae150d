//! What the agreement tests share: a parser of the grammar, whether a tree
//! holds a syntax error, and the declarations of a file as each parser
//! reads them.

use ecospec_syntax::{Decl, Entry, Item};
use tree_sitter::{Node, Parser, Tree};

/// A parser of the grammar.
pub fn parser() -> Parser {
    let mut parser = Parser::new();
    parser
        .set_language(&tree_sitter_ecospec::LANGUAGE.into())
        .unwrap();
    parser
}

/// Whether the tree holds an error: an `ERROR` or `MISSING` node, or a
/// node that stands for an error the project's parser reports where
/// tree-sitter read on.
pub fn has_error(tree: &Tree) -> bool {
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

/// A declaration as (kind, name): `on` names its scenario, `ecosystem`
/// has no name, an `extend` is `extend KIND`.
pub type Declaration = (String, String);

/// The declarations the project's parser read, in order, those of an
/// intervention after it (its members and each `extend`, where they are).
pub fn project_declarations(text: &str) -> Vec<Declaration> {
    fn push(decl: &Decl, into: &mut Vec<Declaration>) {
        let name = decl.name.as_ref().map_or("", |n| n.as_str());
        into.push((decl.kind.keyword().to_string(), name.to_string()));
        let Some(body) = &decl.body else {
            return;
        };
        for entry in &body.entries {
            match entry {
                Entry::Decl(inner) => push(inner, into),
                Entry::Extend(extend) => into.push((
                    format!("extend {}", extend.target_kind.keyword()),
                    extend.name.as_str().to_string(),
                )),
                Entry::Field(_) | Entry::Error(_) => {}
            }
        }
    }
    let mut found = Vec::new();
    for item in &ecospec_syntax::parse(text).items {
        if let Item::Decl(decl) = item {
            push(decl, &mut found);
        }
    }
    found
}

/// The same of tree-sitter's tree: the `*_declaration` and `extend`
/// nodes, in order.
pub fn tree_declarations(tree: &Tree, text: &str) -> Vec<Declaration> {
    fn push(node: Node<'_>, text: &str, into: &mut Vec<Declaration>) {
        let field = |name: &str| {
            node.child_by_field_name(name)
                .map_or("", |n| n.utf8_text(text.as_bytes()).unwrap())
        };
        let kind = if node.kind() == "extend" {
            format!("extend {}", field("kind"))
        } else if let Some(kind) = node.kind().strip_suffix("_declaration") {
            kind.to_string()
        } else {
            return;
        };
        let name = match field("name") {
            "" => field("scenario"),
            name => name,
        };
        into.push((kind, name.to_string()));
        if let Some(body) = node.child_by_field_name("body") {
            let mut cursor = body.walk();
            for child in body.named_children(&mut cursor) {
                push(child, text, into);
            }
        }
    }
    let root = tree.root_node();
    let mut cursor = root.walk();
    let mut found = Vec::new();
    for node in root.named_children(&mut cursor) {
        push(node, text, &mut found);
    }
    found
}

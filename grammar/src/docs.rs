//! Attaches `///` doc comments to the declaration that follows them.
//!
//! The lexer collects comments in a side table; a doc comment belongs to the
//! next declaration when nothing but whitespace, other comments and
//! attributes stand between them (as in Rust). A doc comment followed by
//! something else (a field, the end of a block) documents nothing.

use crate::ast::{Comment, CommentKind, Decl, DeclKind, Entry, File, Item, Span};

pub fn attach_doc_comments(src: &str, file: &mut File) {
    attach_to_items(src, &mut file.items, &file.comments);
}

/// The doc comments among `comments` attached to `items`, the declarations
/// of a whole file or of one piece of it (`parallel.rs`).
pub fn attach_to_items(src: &str, items: &mut [Item], comments: &[Comment]) {
    let docs = doc_spans(comments);
    if docs.is_empty() {
        return;
    }
    let mut floor = 0;
    for item in items {
        match item {
            Item::Decl(decl) => {
                attach(src, &docs, floor, decl);
                floor = decl.span.end;
            }
            Item::Import(import) => floor = import.span.end,
            Item::Error(span) => floor = span.end,
        }
    }
}

/// Attaches again the doc comments of the declaration `items[at]`, among
/// every comment of the file: the first declaration of a piece may be
/// documented by comments at the end of the piece before it.
pub fn attach_again(src: &str, items: &mut [Item], comments: &[Comment], at: usize) {
    let floor = match at.checked_sub(1).and_then(|before| items.get(before)) {
        Some(Item::Decl(decl)) => decl.span.end,
        Some(Item::Import(import)) => import.span.end,
        Some(Item::Error(span)) => span.end,
        None => 0,
    };
    if let Some(Item::Decl(decl)) = items.get_mut(at) {
        attach(src, &doc_spans(comments), floor, decl);
    }
}

fn doc_spans(comments: &[Comment]) -> Vec<Span> {
    comments
        .iter()
        .filter(|c| c.kind == CommentKind::Doc)
        .map(|c: &Comment| c.span)
        .collect()
}

fn attach(src: &str, docs: &[Span], floor: u32, decl: &mut Decl) {
    let first = docs.partition_point(|d| d.start < floor);
    let last = docs.partition_point(|d| d.start < decl.span.start);
    let lines: Vec<&str> = docs
        .get(first..last)
        .unwrap_or_default()
        .iter()
        .filter_map(|span| src.get(span.range()))
        .map(|line| {
            let text = line.strip_prefix("///").unwrap_or(line);
            text.strip_prefix(' ').unwrap_or(text)
        })
        .collect();
    // Set or cleared: a re-parsed file attaches again over kept items.
    decl.doc = (!lines.is_empty()).then(|| lines.join("\n").into_boxed_str());
    // Only an intervention's block holds declarations: any other block is
    // fields (a long file is mostly actors: their blocks are not walked).
    if decl.kind != DeclKind::Intervention {
        return;
    }
    let mut inner_floor = decl.body.as_ref().map_or(decl.span.end, |b| b.open.end);
    let Some(body) = decl.body.as_mut() else {
        return;
    };
    for entry in &mut body.entries {
        match entry {
            Entry::Decl(inner) => {
                attach(src, docs, inner_floor, inner);
                inner_floor = inner.span.end;
            }
            Entry::Field(field) => inner_floor = field.span().end,
            Entry::Extend(extend) => inner_floor = extend.span.end,
            Entry::Error(span) => inner_floor = span.end,
        }
    }
}

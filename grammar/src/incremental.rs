//! Re-parsing an edited file: only the top-level items around the edit.
//!
//! The argument is the one of the parallel split: a text cut at the
//! starts of top-level items, every piece parsing with no error, has the
//! tree of one parse (LR(1), no conflict: one derivation of the
//! concatenation). An old tree with no error is such a parse, so its items
//! before the edit, and its items after it (spans shifted), are the pieces
//! of the new text around the edit; only the piece between them is parsed.
//! Anything doubtful (an old tree with errors, a piece with an error) falls
//! back to a whole parse, so the result is always the tree [`crate::parse`]
//! builds.

use crate::ast::{
    Attribute, Block, BridgeEnds, CommentKind, Decl, Entry, Extend, File, Item, Span, Text, Value,
};
use crate::docs;
use crate::parse::parse;
use crate::piece::parse_piece;

/// The tree of `new_src`, given `old`, the tree of `old_src`.
pub fn reparse(old_src: &str, old: &File, new_src: &str) -> File {
    reparse_pieces(old_src, old, new_src).unwrap_or_else(|| parse(new_src))
}

fn reparse_pieces(old_src: &str, old: &File, new_src: &str) -> Option<File> {
    if !old.errors.is_empty() || u32::try_from(new_src.len()).is_err() {
        return None;
    }
    let (old_bytes, new_bytes) = (old_src.as_bytes(), new_src.as_bytes());
    let prefix = old_bytes
        .iter()
        .zip(new_bytes)
        .take_while(|(a, b)| a == b)
        .count();
    let room = old_bytes.len().min(new_bytes.len()) - prefix;
    let suffix = old_bytes
        .iter()
        .rev()
        .zip(new_bytes.iter().rev())
        .take(room)
        .take_while(|(a, b)| a == b)
        .count();
    let old_edit_end = old_bytes.len() - suffix;
    let delta = i64::try_from(new_bytes.len()).ok()? - i64::try_from(old_bytes.len()).ok()?;
    // The items kept before the edit: those starting at or before it, but
    // the last of them (it may end in the edit) is parsed again.
    let starts_before = old
        .items
        .partition_point(|item| item_span(item).start as usize <= prefix);
    let first = starts_before.saturating_sub(1);
    let start = match starts_before {
        0 => 0,
        _ => old
            .items
            .get(first)
            .map_or(0, |item| item_span(item).start as usize),
    };
    // The items kept after the edit: those starting after it.
    let after = old
        .items
        .partition_point(|item| (item_span(item).start as usize) < old_edit_end)
        .max(first);
    let old_end = old
        .items
        .get(after)
        .map_or(old_bytes.len(), |item| item_span(item).start as usize);
    let end = usize::try_from(i64::try_from(old_end).ok()? + delta).ok()?;
    // The cuts must fall between tokens of the new text too (an edit may
    // glue a name to the keyword after it): after whitespace.
    let after_space =
        |at: usize| at == 0 || new_bytes.get(at - 1).is_some_and(u8::is_ascii_whitespace);
    if start > end || end > new_src.len() || !after_space(start) {
        return None;
    }
    // The piece must also end where no comment can run on into the kept
    // items: after a newline (an edit that removes the newline ending a
    // line comment makes the comment swallow what follows on its line).
    // (A piece that ends at the very start, `end == 0`, has no newline
    // before it: the whole text is parsed again.)
    if end < new_src.len() && end.checked_sub(1).and_then(|at| new_bytes.get(at)) != Some(&b'\n') {
        return None;
    }
    let (items, comments) = parse_piece(new_src, start, end)?;
    let mut file = File::default();
    file.items.extend(old.items.get(..first)?.iter().cloned());
    file.items.extend(items);
    file.items
        .extend(old.items.get(after..)?.iter().map(|item| {
            let mut item = item.clone();
            shift_item(&mut item, delta);
            item
        }));
    let kept_comments = old
        .comments
        .partition_point(|c| (c.span.start as usize) < start);
    let later_comments = old
        .comments
        .partition_point(|c| (c.span.start as usize) < old_end);
    file.comments
        .extend(old.comments.get(..kept_comments)?.iter().copied());
    file.comments.extend(comments);
    file.comments
        .extend(old.comments.get(later_comments..)?.iter().map(|comment| {
            let mut comment = *comment;
            shift(&mut comment.span, delta);
            comment
        }));
    // Attaching clears the doc of a kept declaration whose doc comment was
    // edited away, but only in a file that still has one.
    let has_docs = |file: &File| file.comments.iter().any(|c| c.kind == CommentKind::Doc);
    if has_docs(old) && !has_docs(&file) {
        return None;
    }
    docs::attach_doc_comments(new_src, &mut file);
    Some(file)
}

fn item_span(item: &Item) -> Span {
    match item {
        Item::Import(import) => import.span,
        Item::Decl(decl) => decl.span,
        Item::Error(span) => *span,
    }
}

/// Spans after the edit move by the length it added (or removed); they
/// stay within the new text, which holds them.
fn shift(span: &mut Span, delta: i64) {
    let moved = |at: u32| u32::try_from(i64::from(at) + delta).unwrap_or(at);
    span.start = moved(span.start);
    span.end = moved(span.end);
}

fn shift_item(item: &mut Item, delta: i64) {
    match item {
        Item::Import(import) => {
            shift(&mut import.keyword, delta);
            shift_text(&mut import.path, delta);
            shift(&mut import.span, delta);
        }
        Item::Decl(decl) => shift_decl(decl, delta),
        Item::Error(span) => shift(span, delta),
    }
}

fn shift_text(text: &mut Text, delta: i64) {
    for part in &mut text.parts {
        shift(part, delta);
    }
}

fn shift_names<'a>(names: impl IntoIterator<Item = &'a mut crate::ast::Ident>, delta: i64) {
    for name in names {
        shift(&mut name.span, delta);
    }
}

fn shift_attrs(attrs: &mut [Attribute], delta: i64) {
    for attr in attrs {
        shift(&mut attr.name.span, delta);
        shift_names(&mut attr.args, delta);
        shift(&mut attr.span, delta);
    }
}

fn shift_decl(decl: &mut Decl, delta: i64) {
    shift_attrs(&mut decl.attrs, delta);
    shift(&mut decl.keyword, delta);
    shift_names(&mut decl.name, delta);
    shift_names(&mut decl.actor_kind, delta);
    if let Some(BridgeEnds::Between(names) | BridgeEnds::Among(names)) = &mut decl.ends {
        shift_names(names, delta);
    }
    if let Some(label) = &mut decl.label {
        shift_text(label, delta);
    }
    if let Some(body) = &mut decl.body {
        shift_block(body, delta);
    }
    shift(&mut decl.span, delta);
}

fn shift_extend(extend: &mut Extend, delta: i64) {
    shift_attrs(&mut extend.attrs, delta);
    shift(&mut extend.keyword, delta);
    shift(&mut extend.target_keyword, delta);
    shift(&mut extend.name.span, delta);
    if let Some(body) = &mut extend.body {
        shift_block(body, delta);
    }
    shift(&mut extend.span, delta);
}

fn shift_block(block: &mut Block, delta: i64) {
    shift(&mut block.open, delta);
    if let Some(close) = &mut block.close {
        shift(close, delta);
    }
    for entry in &mut block.entries {
        match entry {
            Entry::Field(field) => {
                shift(&mut field.name.span, delta);
                match &mut field.value {
                    Value::Text(text) => shift_text(text, delta),
                    Value::Names(names) => {
                        shift_names(names.iter_mut().map(|n| &mut n.ident), delta)
                    }
                }
            }
            Entry::Decl(decl) => shift_decl(decl, delta),
            Entry::Extend(extend) => shift_extend(extend, delta),
            Entry::Error(span) => shift(span, delta),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;
    use proptest::prelude::*;

    fn examples() -> Vec<String> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples");
        let mut texts = Vec::new();
        let mut dirs = vec![root];
        while let Some(dir) = dirs.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                if path.is_dir() {
                    dirs.push(path);
                } else if path.extension().is_some_and(|e| e == "eco") {
                    texts.push(std::fs::read_to_string(&path).unwrap());
                }
            }
        }
        texts.sort();
        texts
    }

    /// An edit: replace `len` bytes at `at` by a piece of the same text
    /// (so edits insert keywords, braces, names and comments).
    fn edit(text: &str, at: usize, len: usize, from: usize, take: usize, lines: bool) -> String {
        let boundary = |mut i: usize| {
            i = i.min(text.len());
            while !text.is_char_boundary(i) {
                i -= 1;
            }
            if lines {
                i = text[..i].rfind('\n').map_or(0, |n| n + 1);
            }
            i
        };
        let (at, from) = (boundary(at), boundary(from));
        let (end, to) = (boundary(at + len), boundary(from + take));
        let mut out = String::new();
        out.push_str(&text[..at]);
        out.push_str(&text[from..to]);
        out.push_str(&text[end..]);
        out
    }

    /// The proptest below found it: an edit that turns the newline ending a
    /// line comment into a space makes the comment swallow the declaration
    /// after it; the kept declaration must not survive the re-parse.
    #[test]
    fn a_comment_that_runs_on_into_a_kept_declaration_swallows_it() {
        let old_src = "// note\ncapability a\ncapability b\n";
        let new_src = "// note capability a\ncapability b\n";
        let old = parse(old_src);
        let new = reparse(old_src, &old, new_src);
        assert_eq!(new, parse(new_src));
        assert_eq!(new.items.len(), 1);
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]
        #[test]
        fn reparsed_trees_equal_whole_parses(
            which in 0usize..64,
            edits in proptest::collection::vec((0usize..100_000, 0usize..80, 0usize..100_000, 0usize..80, any::<bool>()), 1..6),
        ) {
            let texts = examples();
            let mut text = texts[which % texts.len()].clone();
            let mut tree = parse(&text);
            for (at, len, from, take, lines) in edits {
                let n = text.len().max(1);
                let edited = edit(&text, at % n, len, from % n, take, lines);
                let reparsed = reparse(&text, &tree, &edited);
                prop_assert_eq!(&reparsed, &parse(&edited), "edit of {:?} into {:?}", text, edited);
                text = edited;
                tree = reparsed;
            }
        }
    }

    #[test]
    fn an_edit_in_one_declaration_of_a_long_file_parses_only_around_it() {
        let text: String = (0..200)
            .map(|i| format!("/// Cluster {i}.\ncluster c{i} {{ needs: k{i} }}\n"))
            .collect();
        let old = parse(&text);
        let edited = text.replacen("needs: k100 }", "needs: k100, k7 }", 1);
        assert_eq!(reparse_pieces(&text, &old, &edited), Some(parse(&edited)));
        // A doc comment edited: the declaration after it gets the new one.
        let edited = text.replacen("/// Cluster 50.", "/// The fiftieth.", 1);
        let reparsed = reparse_pieces(&text, &old, &edited).unwrap();
        assert_eq!(
            reparsed.decls().nth(50).unwrap().doc.as_deref(),
            Some("The fiftieth.")
        );
        assert_eq!(reparsed, parse(&edited));
        // An edit that breaks the file: a whole parse, with its errors.
        let broken = text.replacen("needs: k100 }", "needs: k100 ", 1);
        assert!(reparse_pieces(&text, &old, &broken).is_none());
        assert!(!reparse(&text, &old, &broken).errors.is_empty());
    }
}

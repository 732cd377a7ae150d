//! Folding ranges (as rust-analyzer's folding ranges): each
//! declaration over more than one line, those inside it, and runs of
//! comment lines of one kind.

use ecospec_syntax::{CommentKind, Entry, Span};

use crate::check::Outcome;
use crate::source::FileId;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FoldKind {
    Region,
    Comment,
}

/// Lines `start_line..=end_line` (0-based) fold into the first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Fold {
    pub start_line: usize,
    pub end_line: usize,
    pub kind: FoldKind,
}

/// The folds of `file`: declarations first (in text order, each before
/// those inside it), then comment runs.
pub fn folding_ranges(outcome: &Outcome, file: FileId) -> Option<Vec<Fold>> {
    let ast = &outcome.workspace.file(file)?.ast;
    let source = outcome.sources.get(file)?;
    let mut out = Vec::new();
    let mut fold = |span: Span, kind: FoldKind| {
        let start_line = source.line_of(span.start);
        let end_line = source.line_of(span.end);
        if end_line > start_line {
            out.push(Fold {
                start_line,
                end_line,
                kind,
            });
        }
    };
    for decl in ast.decls() {
        fold(decl.span, FoldKind::Region);
        for entry in decl.body.iter().flat_map(|b| &b.entries) {
            match entry {
                Entry::Decl(inner) => fold(inner.span, FoldKind::Region),
                Entry::Extend(extend) => fold(extend.span, FoldKind::Region),
                Entry::Field(_) | Entry::Error(_) => {}
            }
        }
    }
    let mut run: Option<(Span, CommentKind, usize)> = None;
    for comment in &ast.comments {
        let line = source.line_of(comment.span.start);
        run = match run {
            Some((span, kind, last)) if kind == comment.kind && last + 1 == line => {
                Some((span.to(comment.span), kind, line))
            }
            Some((span, _, _)) => {
                fold(span, FoldKind::Comment);
                Some((comment.span, comment.kind, line))
            }
            None => Some((comment.span, comment.kind, line)),
        };
    }
    if let Some((span, _, _)) = run {
        fold(span, FoldKind::Comment);
    }
    Some(out)
}

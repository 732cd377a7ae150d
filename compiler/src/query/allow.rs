//! Where an `@allow(lint)` goes to silence a finding: on its own line above
//! the innermost declaration (or `extend`) holding the finding, indented
//! like it; offered as a [`Fix`] that is never applied without review.

use ecospec_syntax::Entry;

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Edit, Fix, Loc};
use crate::source::FileId;

/// The fix that silences the lint of `diagnostic` with `@allow`; `None` for
/// a diagnostic that is no lint or lies outside every declaration.
pub fn allow_fix(outcome: &Outcome, diagnostic: &Diagnostic) -> Option<Fix> {
    let lint = diagnostic.lint?;
    let at = diagnostic.primary?;
    let (line_start, indent, name) = allow_place(outcome, at)?;
    let message = match name {
        Some(name) => format!("Allow `{lint}` on `{name}`"),
        None => format!("Allow `{lint}` here"),
    };
    Some(Fix {
        message,
        edits: vec![Edit {
            loc: Loc::new(at.file, ecospec_syntax::Span::new(line_start, line_start)),
            replacement: format!("{indent}@allow({lint})\n"),
        }],
        // Silencing a finding is a choice, never made by `check --fix`.
        safe: false,
    })
}

/// The start of the line of the innermost declaration holding `at`, that
/// line's indentation, and the declaration's name.
fn allow_place(outcome: &Outcome, at: Loc) -> Option<(usize, String, Option<String>)> {
    let file: FileId = at.file;
    let ast = &outcome.workspace.file(file)?.ast;
    let source = outcome.sources.get(file)?;
    let decl = ast.decls().find(|d| d.span.contains(at.span))?;
    let mut target = (decl.span, decl.name.as_ref().map(|n| n.to_string()));
    for entry in decl.body.iter().flat_map(|b| &b.entries) {
        match entry {
            Entry::Decl(inner) if inner.span.contains(at.span) => {
                target = (inner.span, inner.name.as_ref().map(|n| n.to_string()));
            }
            Entry::Extend(extend) if extend.span.contains(at.span) => {
                target = (extend.span, Some(extend.name.to_string()));
            }
            _ => {}
        }
    }
    let (span, name) = target;
    let line_start = source.line_start(source.line_of(span.start));
    let indent: String = source
        .text
        .get(line_start as usize..span.start as usize)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    Some((line_start as usize, indent, name))
}

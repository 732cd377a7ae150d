//! Code actions for the diagnostics under the cursor: apply a suggested fix
//! (a did-you-mean), or silence a lint with `@allow(lint)` above the
//! declaration it was found in.

use std::collections::HashMap;

use ecospec::diagnostic::Diagnostic;
use ecospec_syntax::{Entry, Span};
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Query;

pub fn code_actions(q: &Query, range: Range) -> Option<CodeActionResponse> {
    let outcome = &q.analysis.outcome;
    let file = outcome.sources.get(q.file)?;
    let start = convert::offset(file, range.start, q.encoding);
    let end = convert::offset(file, range.end, q.encoding);
    let mut actions = Vec::new();
    for diagnostic in &outcome.diagnostics {
        let Some(primary) = diagnostic.primary else {
            continue;
        };
        if primary.file != q.file || primary.span.end < start || primary.span.start > end {
            continue;
        }
        let lsp_diagnostic = convert::diagnostic(outcome, diagnostic, q.encoding);
        for fix in &diagnostic.fixes {
            let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
            for edit in &fix.edits {
                if let Some(location) = convert::location(outcome, edit.loc, q.encoding) {
                    changes.entry(location.uri).or_default().push(TextEdit {
                        range: location.range,
                        new_text: edit.replacement.clone(),
                    });
                }
            }
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: fix.message.clone(),
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: lsp_diagnostic.clone().map(|d| vec![d]),
                edit: Some(WorkspaceEdit {
                    changes: Some(changes),
                    ..WorkspaceEdit::default()
                }),
                is_preferred: Some(fix.safe),
                ..CodeAction::default()
            }));
        }
        if let Some(action) = allow_action(q, diagnostic, primary.span, lsp_diagnostic) {
            actions.push(action);
        }
    }
    Some(actions)
}

/// `@allow(lint)` on its own line above the innermost declaration holding
/// the finding, indented like it.
fn allow_action(
    q: &Query,
    diagnostic: &Diagnostic,
    at: Span,
    lsp_diagnostic: Option<tower_lsp_server::ls_types::Diagnostic>,
) -> Option<CodeActionOrCommand> {
    let lint = diagnostic.lint?;
    let outcome = &q.analysis.outcome;
    let ast = &outcome.workspace.file(q.file)?.ast;
    let file = outcome.sources.get(q.file)?;
    let decl = ast.decls().find(|d| d.span.contains(at))?;
    let mut target = (decl.span, decl.name.as_ref().map(|n| n.to_string()));
    for entry in decl.body.iter().flat_map(|b| &b.entries) {
        match entry {
            Entry::Decl(inner) if inner.span.contains(at) => {
                target = (inner.span, inner.name.as_ref().map(|n| n.to_string()));
            }
            Entry::Extend(extend) if extend.span.contains(at) => {
                target = (extend.span, Some(extend.name.to_string()));
            }
            _ => {}
        }
    }
    let (span, name) = target;
    let line = file.line_of(span.start);
    let line_start = file.line_start(line);
    let indent: String = file
        .text
        .get(line_start as usize..span.start as usize)
        .unwrap_or_default()
        .chars()
        .take_while(|c| c.is_whitespace())
        .collect();
    let insert_at = convert::position(file, line_start, q.encoding);
    let uri = convert::uri(&file.path)?;
    let edit = TextEdit {
        range: Range {
            start: insert_at,
            end: insert_at,
        },
        new_text: format!("{indent}@allow({lint})\n"),
    };
    let title = match name {
        Some(name) => format!("Allow `{lint}` on `{name}`"),
        None => format!("Allow `{lint}` here"),
    };
    Some(CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: lsp_diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri, vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    }))
}

//! Code actions for the diagnostics under the cursor: their fixes, as the
//! compiler offers them (a did-you-mean; `@allow(lint)` above the
//! declaration of a finding).

use std::collections::HashMap;

use ecospec::diagnostic::Fix;
use tower_lsp_server::ls_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionResponse, Diagnostic, Range,
    TextEdit, Uri, WorkspaceEdit,
};

use crate::analysis::Query;
use crate::convert;

pub fn code_actions(q: &Query, range: Range) -> Option<CodeActionResponse> {
    let outcome = q.outcome();
    let file = q.source()?;
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
            actions.push(action(q, fix, lsp_diagnostic.clone()));
        }
    }
    Some(actions)
}

/// A quick fix doing `fix`, for `diagnostic`.
fn action(q: &Query, fix: &Fix, diagnostic: Option<Diagnostic>) -> CodeActionOrCommand {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for edit in &fix.edits {
        if let Some(location) = convert::location(q.outcome(), edit.loc, q.encoding) {
            changes.entry(location.uri).or_default().push(TextEdit {
                range: location.range,
                new_text: edit.replacement.clone(),
            });
        }
    }
    CodeActionOrCommand::CodeAction(CodeAction {
        title: fix.message.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: diagnostic.map(|d| vec![d]),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        is_preferred: Some(fix.is_safe()),
        ..CodeAction::default()
    })
}

//! Rename: the name under the cursor and every place naming the same
//! declaration, refused when the new name is not an identifier or is taken.

use std::collections::HashMap;

use ecospec::query;
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::{Position, PrepareRenameResponse, TextEdit, Uri, WorkspaceEdit};

use crate::analysis::Query;
use crate::convert;

pub fn prepare_rename(q: &Query, position: Position) -> Option<PrepareRenameResponse> {
    let found = q.symbol_at(position)?;
    let file = q.source()?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(file, found.at.span, q.encoding),
        placeholder: found.definition.name.to_string(),
    })
}

pub fn rename(q: &Query, position: Position, new_name: &str) -> Result<Option<WorkspaceEdit>> {
    let Some(found) = q.symbol_at(position) else {
        return Err(Error::invalid_params("there is no name to rename here"));
    };
    let outcome = q.outcome();
    let places =
        query::rename(outcome, found.definition.loc, new_name).map_err(Error::invalid_params)?;
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for loc in places {
        if let Some(location) = convert::location(outcome, loc, q.encoding) {
            changes.entry(location.uri).or_default().push(TextEdit {
                range: location.range,
                new_text: new_name.to_string(),
            });
        }
    }
    Ok(Some(WorkspaceEdit {
        changes: Some(changes),
        ..WorkspaceEdit::default()
    }))
}

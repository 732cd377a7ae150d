//! Hover, go to definition, find references and rename, on the compiler's
//! queries.

use std::collections::HashMap;

use ecospec::query::{self, Found};
use tower_lsp_server::jsonrpc::{Error, Result};
use tower_lsp_server::ls_types::*;

use crate::convert;
use crate::server::Query;

fn found_at(q: &Query, position: Position) -> Option<Found<'_>> {
    query::symbol_at(&q.analysis.outcome, q.file, q.offset(position))
}

pub fn hover(q: &Query, position: Position) -> Option<Hover> {
    let offset = q.offset(position);
    let outcome = &q.analysis.outcome;
    let (text, span) = match query::symbol_at(outcome, q.file, offset) {
        Some(found) => (query::describe(&found), found.at.span),
        None => lint_at(q, offset)?,
    };
    let file = outcome.sources.get(q.file)?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(convert::range(file, span, q.encoding)),
    })
}

/// A lint name in `@allow(...)`, or a diagnostic code in a comment: its
/// explanation.
fn lint_at(q: &Query, offset: u32) -> Option<(String, ecospec_syntax::Span)> {
    let file = q.analysis.outcome.sources.get(q.file)?;
    let text = file.text.as_str();
    let at = offset as usize;
    let is_word = |c: char| c.is_alphanumeric() || c == '-' || c == '_';
    let start = text
        .get(..at)?
        .rfind(|c: char| !is_word(c))
        .map_or(0, |i| i + 1);
    let end = text
        .get(at..)?
        .find(|c: char| !is_word(c))
        .map_or(text.len(), |i| at + i);
    let word = text.get(start..end)?;
    if word.is_empty() {
        return None;
    }
    let explanation = ecospec::lints::explanation(word)?;
    Some((
        explanation.to_string(),
        ecospec_syntax::Span::new(start, end),
    ))
}

pub fn definition(q: &Query, position: Position) -> Option<GotoDefinitionResponse> {
    let found = found_at(q, position)?;
    let location = convert::location(&q.analysis.outcome, found.definition.loc, q.encoding)?;
    Some(GotoDefinitionResponse::Scalar(location))
}

pub fn references(
    q: &Query,
    position: Position,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let found = found_at(q, position)?;
    let outcome = &q.analysis.outcome;
    let locations = query::references(outcome, found.definition.loc)
        .into_iter()
        .filter(|loc| include_declaration || *loc != found.definition.loc)
        .filter_map(|loc| convert::location(outcome, loc, q.encoding))
        .collect();
    Some(locations)
}

pub fn prepare_rename(q: &Query, position: Position) -> Option<PrepareRenameResponse> {
    let found = found_at(q, position)?;
    let file = q.analysis.outcome.sources.get(q.file)?;
    Some(PrepareRenameResponse::RangeWithPlaceholder {
        range: convert::range(file, found.at.span, q.encoding),
        placeholder: found.definition.name.to_string(),
    })
}

pub fn rename(q: &Query, position: Position, new_name: &str) -> Result<Option<WorkspaceEdit>> {
    let Some(found) = found_at(q, position) else {
        return Err(Error::invalid_params("there is no name to rename here"));
    };
    let outcome = &q.analysis.outcome;
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

//! Find references: every place that names the declaration under the cursor.

use ecospec::query;
use tower_lsp_server::ls_types::{Location, Position};

use crate::analysis::Query;
use crate::convert;

pub fn references(
    q: &Query,
    position: Position,
    include_declaration: bool,
) -> Option<Vec<Location>> {
    let found = q.symbol_at(position)?;
    let outcome = q.outcome();
    let locations = query::references(outcome, found.definition.loc)
        .into_iter()
        .filter(|loc| include_declaration || *loc != found.definition.loc)
        .filter_map(|loc| convert::location(outcome, loc, q.encoding))
        .collect();
    Some(locations)
}

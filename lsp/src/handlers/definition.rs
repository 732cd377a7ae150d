//! Go to definition: where the declaration named under the cursor is.

use tower_lsp_server::ls_types::{GotoDefinitionResponse, Position};

use crate::analysis::Query;
use crate::convert;

pub fn definition(q: &Query, position: Position) -> Option<GotoDefinitionResponse> {
    let found = q.symbol_at(position)?;
    let location = convert::location(q.outcome(), found.definition.loc, q.encoding)?;
    Some(GotoDefinitionResponse::Scalar(location))
}

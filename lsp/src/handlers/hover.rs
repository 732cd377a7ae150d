//! Hover: the compiler's description of the declaration, lint or code under
//! the cursor.

use ecospec::query;
use tower_lsp_server::ls_types::{Hover, HoverContents, MarkupContent, MarkupKind, Position};

use crate::analysis::Query;
use crate::convert;

pub fn hover(q: &Query, position: Position) -> Option<Hover> {
    let (text, span) = query::hover(q.outcome(), q.file, q.offset(position))?;
    let file = q.source()?;
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: text,
        }),
        range: Some(convert::range(file, span, q.encoding)),
    })
}

//! What to show on hover: a declaration's description (by its name or a
//! use of it), or the explanation of the lint or diagnostic code under the
//! cursor (in `@allow(...)` or a comment), as `ecospec explain` prints it.

use ecospec_syntax::Span;

use super::describe::describe;
use super::names::symbol_at;
use super::words::word_at;
use crate::check::Outcome;
use crate::source::FileId;

/// The hover text at byte `offset` of `file`, and the span it is about.
pub fn hover(outcome: &Outcome, file: FileId, offset: u32) -> Option<(String, Span)> {
    if let Some(found) = symbol_at(outcome, file, offset) {
        return Some((describe(&found), found.at.span));
    }
    let text = outcome.sources.get(file)?.text.as_str();
    let span = word_at(text, offset as usize)?;
    // The same text as `ecospec explain`, with its last line naming the
    // chapter of the book to read next.
    let explanation = crate::catalog::explain(text.get(span.range())?)?;
    Some((explanation, span))
}

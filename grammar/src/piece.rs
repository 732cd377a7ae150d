//! A part of a text that starts and ends between top-level items, parsed on
//! its own: the unit of the parallel split and of re-parsing an edit.

use crate::ast::{Comment, Item};
use crate::{grammar, lexer};

/// The items and comments of `src[start..end]` (spans into `src`), if it
/// parses with no error at all.
pub fn parse_piece(src: &str, start: usize, end: usize) -> Option<(Vec<Item>, Vec<Comment>)> {
    let text = src.get(..end)?;
    let mut lexer = lexer::Lexer::starting_at(text, start);
    let mut recovered = Vec::new();
    let items = grammar::ItemsParser::new()
        .parse(&mut recovered, &mut lexer)
        .ok()?;
    if !recovered.is_empty() || !lexer.errors.is_empty() {
        return None;
    }
    Some((items, std::mem::take(&mut lexer.comments)))
}

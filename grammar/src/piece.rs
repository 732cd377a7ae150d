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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_piece_has_spans_into_the_whole_text_and_no_error() {
        let src = "capability k\n// note\ncluster c { needs: k }\n";
        let start = src.find("// note").unwrap();
        let (items, comments) = parse_piece(src, start, src.len()).unwrap();
        assert_eq!(items.len(), 1);
        let Some(Item::Decl(cluster)) = items.first() else {
            panic!("{items:?}");
        };
        assert_eq!(&src[cluster.span.range()], "cluster c { needs: k }");
        assert_eq!(comments.len(), 1);
        assert_eq!(comments[0].span.start as usize, start);
        assert!(parse_piece(src, 0, src.find("k }").unwrap()).is_none());
    }
}

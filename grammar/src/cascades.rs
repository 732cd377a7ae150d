//! Cascades of one slip: errors that only repeat an earlier one are
//! dropped, and a field name a list swallowed is taken out of the tree.
//! Each decides on the kinds of tokens an error found and expected.

use crate::ast::{Decl, Entry, Field, Item, Span, Value};
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::token::TokenKind;

/// A keyword used as a name (`actor bridge { ... }`) is one error: recovery
/// resumes at that keyword and reads it as the start of a declaration, whose
/// own error on the very next token only repeats the first.
pub fn drop_keyword_cascades(src: &str, errors: &mut Vec<SyntaxError>) {
    let mut previous: Option<Span> = None;
    errors.retain(|error| {
        let cascade = previous.is_some_and(|keyword| {
            src.get(keyword.end as usize..error.span.start as usize)
                .is_some_and(|between| between.chars().all(char::is_whitespace))
        });
        previous = match &error.kind {
            SyntaxErrorKind::UnexpectedToken { found, expected }
                if found.is_keyword() && expected.as_slice() == [TokenKind::Name] =>
            {
                Some(error.span)
            }
            _ => None,
        };
        !cascade
    });
}

/// Characters that cannot start a token (E0103) are skipped and never cause
/// an E0101: when one stood where a token was needed (`actor 🌳 { ... }`),
/// the error on the token right after it only repeats it.
pub fn drop_invalid_character_cascades(
    src: &str,
    lexer_errors: &[SyntaxError],
    errors: &mut Vec<SyntaxError>,
) {
    errors.retain(|error| {
        !lexer_errors.iter().any(|invalid| {
            matches!(invalid.kind, SyntaxErrorKind::InvalidCharacter { .. })
                && invalid.span.end <= error.span.start
                && src
                    .get(invalid.span.end as usize..error.span.start as usize)
                    .is_some_and(|between| between.chars().all(char::is_whitespace))
        })
    });
}

/// Takes out of the tree the field names that lists swallowed: one before
/// each unexpected `:` (see [`drop_field_name_from_list`]).
pub fn drop_swallowed_field_names(src: &str, errors: &[SyntaxError], items: &mut [Item]) {
    for error in errors {
        if matches!(
            error.kind,
            SyntaxErrorKind::UnexpectedToken {
                found: TokenKind::Colon,
                ..
            }
        ) {
            drop_field_name_from_list(src, items, error.span.start as usize);
        }
    }
}

/// After a trailing comma (`needs: a, b,` then `cohesion: tight`), the list
/// swallows the next field's name before the parser meets its `:`. That
/// name is not an entry of the list: take it out, so no error but the
/// syntax error is reported about it.
fn drop_field_name_from_list(src: &str, items: &mut [Item], colon: usize) {
    fn in_entries(src: &str, entries: &mut [Entry], colon: usize) -> bool {
        entries.iter_mut().any(|entry| match entry {
            Entry::Field(field) => in_field(src, field, colon),
            Entry::Decl(decl) => in_decl(src, decl, colon),
            Entry::Extend(extend) => extend
                .body
                .as_mut()
                .is_some_and(|body| in_entries(src, &mut body.entries, colon)),
            Entry::Error(_) => false,
        })
    }
    fn in_decl(src: &str, decl: &mut Decl, colon: usize) -> bool {
        decl.body
            .as_mut()
            .is_some_and(|body| in_entries(src, &mut body.entries, colon))
    }
    fn in_field(src: &str, field: &mut Field, colon: usize) -> bool {
        let Value::Names(names) = &mut field.value else {
            return false;
        };
        let swallowed = names.len() >= 2
            && names.last().is_some_and(|last| {
                src.get(last.span.end as usize..colon)
                    .is_some_and(|between| between.chars().all(char::is_whitespace))
            });
        if swallowed {
            names.pop();
        }
        swallowed
    }
    for item in items {
        if let Item::Decl(decl) = item {
            if in_decl(src, decl, colon) {
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::lexer::Lexer;
    use crate::token::Keyword;

    fn unexpected(at: &str, src: &str, found: TokenKind, expected: &[TokenKind]) -> SyntaxError {
        let start = src.find(at).unwrap();
        SyntaxError {
            kind: SyntaxErrorKind::UnexpectedToken {
                found,
                expected: expected.to_vec(),
            },
            span: Span::new(start, start + at.len()),
        }
    }

    #[test]
    fn only_the_error_right_after_a_keyword_used_as_a_name_is_dropped() {
        let src = "actor bridge { x } actor among b { }";
        let bridge = TokenKind::Keyword(Keyword::Bridge);
        let mut errors = vec![
            unexpected("bridge", src, bridge, &[TokenKind::Name]),
            unexpected("{ x", src, TokenKind::LBrace, &[TokenKind::Name]),
            unexpected("x }", src, TokenKind::Name, &[TokenKind::Colon]),
            // A keyword where more than a name may stand is no such slip.
            unexpected(
                "among",
                src,
                TokenKind::Among,
                &[TokenKind::Name, TokenKind::Colon],
            ),
            unexpected("b {", src, TokenKind::Name, &[TokenKind::LBrace]),
        ];
        let kept: Vec<Span> = [0, 2, 3, 4].map(|i| errors[i].span).to_vec();
        drop_keyword_cascades(src, &mut errors);
        assert_eq!(errors.iter().map(|e| e.span).collect::<Vec<_>>(), kept);
    }

    #[test]
    fn only_the_error_right_after_invalid_characters_is_dropped() {
        let src = "actor $$ { } actor a { }";
        let invalid = SyntaxError {
            kind: SyntaxErrorKind::InvalidCharacter {
                text: "$$".to_string(),
                in_name: None,
            },
            span: Span::new(6, 8),
        };
        let mut errors = vec![
            unexpected("{ }", src, TokenKind::LBrace, &[TokenKind::Name]),
            unexpected("} actor", src, TokenKind::RBrace, &[TokenKind::Name]),
        ];
        let kept = errors[1].span;
        drop_invalid_character_cascades(src, &[invalid], &mut errors);
        assert_eq!(errors.iter().map(|e| e.span).collect::<Vec<_>>(), [kept]);
    }

    #[test]
    fn a_field_name_a_list_swallowed_is_taken_out() {
        // The lexer takes a trailing comma out before the parser sees it,
        // so the list of the tree below holds `cohesion` only because the
        // `:` is left out; the error stands where it would.
        let src = "cluster c {\n  needs: a, b, cohesion\n}\n";
        let mut recovered = Vec::new();
        let mut items = crate::grammar::ItemsParser::new()
            .parse(&mut recovered, Lexer::new(src))
            .unwrap();
        let colon = unexpected("\n}", src, TokenKind::Colon, &[TokenKind::RBrace]);
        let names = |items: &[Item]| -> Vec<String> {
            let Some(Item::Decl(decl)) = items.first() else {
                return Vec::new();
            };
            let entries = decl.body.iter().flat_map(|body| &body.entries);
            entries
                .filter_map(|entry| match entry {
                    Entry::Field(Field {
                        value: Value::Names(names),
                        ..
                    }) => Some(names.iter().map(|n| n.as_str().to_string())),
                    _ => None,
                })
                .flatten()
                .collect()
        };
        assert_eq!(names(&items), ["a", "b", "cohesion"]);
        drop_swallowed_field_names(src, &[colon], &mut items);
        assert_eq!(names(&items), ["a", "b"]);
    }
}

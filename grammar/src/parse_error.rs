//! LALRPOP's parse errors as [`SyntaxError`]s: the token found and the
//! terminals expected become [`TokenKind`]s (no words here: the compiler
//! writes the message).

use std::convert::Infallible;

use lalrpop_util::ParseError;

use crate::ast::Span;
use crate::error::{SyntaxError, SyntaxErrorKind};
use crate::lexer::Tok;
use crate::token::TokenKind;

pub fn syntax_error(src: &str, error: ParseError<usize, Tok<'_>, Infallible>) -> SyntaxError {
    match error {
        ParseError::UnrecognizedToken {
            token: (start, tok, end),
            expected,
        } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedToken {
                found: tok.kind(),
                expected: expected_kinds(&expected),
            },
            span: Span::new(start, end),
        },
        ParseError::ExtraToken {
            token: (start, tok, end),
        } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedToken {
                found: tok.kind(),
                expected: vec![TokenKind::EndOfFile],
            },
            span: Span::new(start, end),
        },
        // The contract places an unexpected end of file at the end of the
        // file, not at the end of the last token.
        ParseError::UnrecognizedEof { expected, .. } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedEof {
                expected: expected_kinds(&expected),
            },
            span: Span::new(src.len(), src.len()),
        },
        ParseError::InvalidToken { location } => SyntaxError {
            kind: SyntaxErrorKind::InvalidCharacter {
                text: String::new(),
                in_name: None,
            },
            span: Span::new(location, location),
        },
        ParseError::User { error } => match error {},
    }
}

/// The kinds of the terminals LALRPOP expected, each once, in its order: a
/// keyword's two terminals (`"cluster"` at the top level, `INNER_CLUSTER`
/// inside braces) are one kind.
fn expected_kinds(terminals: &[String]) -> Vec<TokenKind> {
    let mut kinds: Vec<TokenKind> = Vec::new();
    for kind in terminals.iter().filter_map(|t| terminal_kind(t)) {
        if !kinds.contains(&kind) {
            kinds.push(kind);
        }
    }
    kinds
}

/// The kind of a terminal as `grammar.lalrpop` names it: `IDENT`, `STRING`,
/// a quoted spelling (`"\"{\""`) or an inner keyword (`INNER_ACTOR`).
fn terminal_kind(terminal: &str) -> Option<TokenKind> {
    match terminal {
        "IDENT" | "JOINED_IDENT" => Some(TokenKind::Name),
        "STRING" => Some(TokenKind::String),
        _ => match terminal.strip_prefix("INNER_") {
            Some(keyword) => TokenKind::spelled(&keyword.to_lowercase()),
            None => TokenKind::spelled(terminal.strip_prefix('"')?.strip_suffix('"')?),
        },
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use crate::token::Keyword;

    /// Every terminal the grammar declares (its `extern` block) has a kind.
    #[test]
    fn every_terminal_of_the_grammar_has_a_kind() {
        let grammar = include_str!("grammar.lalrpop");
        let terminals: Vec<&str> = grammar
            .lines()
            .filter(|line| line.contains("=> Tok::"))
            .filter_map(|line| line.split(" => ").next())
            .map(str::trim)
            .collect();
        assert_eq!(terminals.len(), 32);
        for terminal in terminals {
            assert!(terminal_kind(terminal).is_some(), "{terminal}");
        }
    }

    #[test]
    fn a_keyword_expected_at_two_depths_is_one_kind() {
        let terminals =
            ["\"cluster\"", "INNER_CLUSTER", "IDENT", "\"}\"", "\"{\""].map(String::from);
        assert_eq!(
            expected_kinds(&terminals),
            [
                TokenKind::Keyword(Keyword::Cluster),
                TokenKind::Name,
                TokenKind::RBrace,
                TokenKind::LBrace
            ]
        );
    }
}

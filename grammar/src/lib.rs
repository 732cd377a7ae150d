//! The syntax of ecospec: text → tokens → syntax tree.
//!
//! [`parse`] never fails: it returns a [`File`] with every syntax error of the
//! text and a tree of everything it could read. This crate knows nothing of
//! names, lints or how errors are shown.

mod actions;
pub mod ast;
mod docs;
mod error;
pub mod lexer;

pub use ast::*;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use lexer::is_identifier;

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing,
        unused
    )]
    grammar
);

use lalrpop_util::ParseError;

/// Parses one file's text (BOM already removed).
pub fn parse(src: &str) -> File {
    let mut lexer = lexer::Lexer::new(src);
    let mut recovered = Vec::new();
    let result = grammar::ItemsParser::new().parse(&mut recovered, &mut lexer);
    let mut errors = std::mem::take(&mut lexer.errors);
    let comments = std::mem::take(&mut lexer.comments);
    let mut parse_errors: Vec<SyntaxError> = recovered
        .into_iter()
        .map(|r| syntax_error(src, r.error))
        .collect();
    let items = match result {
        Ok(items) => items,
        Err(error) => {
            parse_errors.push(syntax_error(src, error));
            Vec::new()
        }
    };
    // Two recoveries can stop at the same token: report it once.
    parse_errors.dedup_by(|a, b| a.span.start == b.span.start);
    errors.extend(parse_errors);
    errors.sort_by_key(|e| (e.span.start, e.span.end));
    let mut file = File {
        items,
        comments,
        errors,
    };
    docs::attach_doc_comments(src, &mut file);
    file
}

fn syntax_error(
    src: &str,
    error: ParseError<usize, lexer::Tok<'_>, std::convert::Infallible>,
) -> SyntaxError {
    match error {
        ParseError::UnrecognizedToken {
            token: (start, tok, end),
            expected,
        } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedToken {
                found: tok.describe(),
                expected: friendly_expected(&expected),
            },
            span: Span::new(start, end),
        },
        ParseError::ExtraToken {
            token: (start, tok, end),
        } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedToken {
                found: tok.describe(),
                expected: vec!["end of file".to_string()],
            },
            span: Span::new(start, end),
        },
        // The contract places an unexpected end of file at the end of the
        // file, not at the end of the last token.
        ParseError::UnrecognizedEof { expected, .. } => SyntaxError {
            kind: SyntaxErrorKind::UnexpectedEof {
                expected: friendly_expected(&expected),
            },
            span: Span::new(src.len(), src.len()),
        },
        ParseError::InvalidToken { location } => SyntaxError {
            kind: SyntaxErrorKind::InvalidCharacter {
                text: String::new(),
            },
            span: Span::new(location, location),
        },
        ParseError::User { error } => match error {},
    }
}

/// Terminal names of the grammar in words: `"\"cluster\""` and
/// `INNER_CLUSTER` both become `` `cluster` ``, `IDENT` a name.
fn friendly_expected(expected: &[String]) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    for terminal in expected {
        let word = match terminal.as_str() {
            "IDENT" => "a name".to_string(),
            "STRING" => "a string".to_string(),
            other => {
                let bare = other
                    .strip_prefix("INNER_")
                    .map(str::to_lowercase)
                    .unwrap_or_else(|| other.trim_matches('"').to_string());
                format!("`{bare}`")
            }
        };
        if !words.contains(&word) {
            words.push(word);
        }
    }
    words
}

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
    drop_keyword_cascades(src, &mut parse_errors);
    drop_invalid_character_cascades(src, &errors, &mut parse_errors);
    let mut items = items;
    for error in &parse_errors {
        if matches!(&error.kind, SyntaxErrorKind::UnexpectedToken { found, .. } if found == "`:`") {
            drop_field_name_from_list(src, &mut items, error.span.start as usize);
        }
    }
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

/// A keyword used as a name (`actor bridge { ... }`) is one error: recovery
/// resumes at that keyword and reads it as the start of a declaration, whose
/// own error on the very next token only repeats the first.
fn drop_keyword_cascades(src: &str, errors: &mut Vec<SyntaxError>) {
    let mut previous: Option<Span> = None;
    errors.retain(|error| {
        let cascade = previous.is_some_and(|keyword| {
            src.get(keyword.end as usize..error.span.start as usize)
                .is_some_and(|between| between.chars().all(char::is_whitespace))
        });
        previous = match &error.kind {
            SyntaxErrorKind::UnexpectedToken { found, expected }
                if found.starts_with("keyword ")
                    && expected.len() == 1
                    && expected.iter().any(|e| e == "a name") =>
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
fn drop_invalid_character_cascades(
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
            if let Some(last) = names.last() {
                field.span = Span::new(field.span.start as usize, last.span.end as usize);
            }
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

//! The syntax of ecospec: text → tokens → syntax tree.
//!
//! [`parse`] never fails: it returns a [`File`] with every syntax error of the
//! text and a tree of everything it could read. This crate knows nothing of
//! names, lints or how errors are shown.

mod actions;
pub mod ast;
mod docs;
mod error;
mod incremental;
pub mod lexer;

pub use ast::*;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use incremental::reparse;
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
    parse_in_parallel(src).unwrap_or_else(|| parse_on_one_thread(src))
}

/// Below this many bytes per thread, a file is parsed on one thread.
const BYTES_PER_THREAD: usize = 1 << 20;

/// A long file is cut at lines that begin with a declaration keyword, and
/// the pieces are parsed on as many threads. The tree is the one a single
/// parse would build only when every piece parses with no error of any
/// kind: each piece then ends at depth 0 after whole items, and the grammar
/// (LR(1), no conflicts) has one derivation of their concatenation. So the
/// pieces are kept only then (`None` otherwise: the file is parsed again on
/// one thread, errors and their recovery as always). Spans are offsets into
/// the whole text, and doc comments are attached over the whole file.
fn parse_in_parallel(src: &str) -> Option<File> {
    // Asking for the parallelism reads files (cgroup limits): not for the
    // many short files of a folder or an editor's keystrokes.
    if src.len() < 2 * BYTES_PER_THREAD {
        return None;
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZeroUsize::get)
        .min(src.len() / BYTES_PER_THREAD);
    parse_in_pieces(src, threads)
}

fn parse_in_pieces(src: &str, threads: usize) -> Option<File> {
    if threads < 2 {
        return None;
    }
    let mut cuts = vec![0];
    for k in 1..threads {
        let from = (src.len() / threads * k).max(cuts.last().copied().unwrap_or(0));
        if let Some(cut) = item_line_after(src, from) {
            cuts.push(cut);
        }
    }
    cuts.push(src.len());
    cuts.dedup();
    if cuts.len() < 3 {
        return None;
    }
    let pieces: Vec<Option<(Vec<Item>, Vec<Comment>)>> = std::thread::scope(|scope| {
        let mut ranges = cuts.windows(2).filter_map(|w| match w {
            [start, end] => Some((*start, *end)),
            _ => None,
        });
        let first = ranges.next();
        let handles: Vec<_> = ranges
            .map(|(start, end)| scope.spawn(move || parse_piece(src, start, end)))
            .collect();
        let mut pieces = vec![first.and_then(|(start, end)| parse_piece(src, start, end))];
        pieces.extend(handles.into_iter().map(|h| h.join().ok().flatten()));
        pieces
    });
    let mut file = File::default();
    for piece in pieces {
        let (items, comments) = piece?;
        file.items.extend(items);
        file.comments.extend(comments);
    }
    docs::attach_doc_comments(src, &mut file);
    Some(file)
}

/// The first line at or after byte `from` that begins with a declaration
/// keyword and a space, after a line that is not an attribute.
fn item_line_after(src: &str, from: usize) -> Option<usize> {
    const STARTS: [&str; 6] = [
        "actor ",
        "cluster ",
        "bridge ",
        "scenario ",
        "capability ",
        "on ",
    ];
    let rest = src.get(from..)?;
    let mut previous_line = from;
    rest.match_indices('\n').find_map(|(i, _)| {
        let line = from + i + 1;
        let previous = src.get(previous_line..line).unwrap_or_default();
        previous_line = line;
        let starts_item = src
            .get(line..)
            .is_some_and(|text| STARTS.iter().any(|kw| text.starts_with(kw)));
        (starts_item && !previous.trim_start().starts_with('@')).then_some(line)
    })
}

/// The items and comments of `src[start..end]` (spans into `src`), if it
/// parses with no error at all.
fn parse_piece(src: &str, start: usize, end: usize) -> Option<(Vec<Item>, Vec<Comment>)> {
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

fn parse_on_one_thread(src: &str) -> File {
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn spec(clusters: usize) -> String {
        let mut text = String::from("ecosystem \"E\" { task: \"t\" }\n");
        for c in 0..clusters {
            text.push_str(&format!(
                "/// Cluster {c}.\ncluster c{c} \"C {c}\" {{ bets_on: s needs: k }}\n\
                 @allow(orphan-actor)\nactor a{c}: campaign {{ in: c{c} provides: k }}\n\
                 // a comment\nbridge b{c} among c{c}, c0, c1 {{ via: k }}\n\n"
            ));
        }
        text
    }

    #[test]
    fn pieces_build_the_tree_of_one_parse() {
        let text = spec(2000);
        for threads in [2, 3, 7] {
            let pieces = parse_in_pieces(&text, threads).unwrap();
            assert_eq!(pieces, parse_on_one_thread(&text));
        }
    }

    #[test]
    fn a_piece_with_an_error_is_parsed_again_whole() {
        let mut text = spec(2000);
        text.push_str("cluster broken {");
        assert!(parse_in_pieces(&text, 3).is_none());
        let text = spec(2000).replacen("cluster c1500 ", "cluster c1500 { ", 1);
        assert!(parse_in_pieces(&text, 3).is_none());
        assert!(!parse(&text).errors.is_empty());
    }
}

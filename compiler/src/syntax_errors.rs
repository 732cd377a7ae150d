//! Syntax errors (E0101–E0103) as diagnostics, with targeted help for the
//! common slips (after Cedar and Elm): a missing colon, a trailing comma, a
//! keyword used as a name, quotes, separators. The syntax crate says what
//! it found and expected as kinds of tokens; here they become words (after
//! Cedar's parser errors, which name tokens for people in one place).

use ecospec_syntax::{Span, SyntaxError, SyntaxErrorKind, TokenKind};

use crate::code::Code;
use crate::diagnostic::{Applicability, Diagnostic, Edit, Fix, Loc};
use crate::source::FileId;

/// The code of a syntax error: what the parser stopped at (E0101), a
/// string (E0102), a character that starts no token (E0103).
fn code(kind: &SyntaxErrorKind) -> Code {
    match kind {
        SyntaxErrorKind::UnexpectedToken { .. }
        | SyntaxErrorKind::UnexpectedEof { .. }
        | SyntaxErrorKind::TrailingComma { .. } => Code::E0101,
        SyntaxErrorKind::UnterminatedString | SyntaxErrorKind::UnknownEscape { .. } => Code::E0102,
        SyntaxErrorKind::InvalidCharacter { .. } => Code::E0103,
    }
}

pub fn syntax_diagnostic(file: FileId, text: &str, error: &SyntaxError) -> Diagnostic {
    let loc = Loc::new(file, error.span);
    let code = code(&error.kind);
    match &error.kind {
        SyntaxErrorKind::UnexpectedToken { found, expected } => {
            let found = *found;
            let written = text.get(error.span.range()).unwrap_or_default();
            let expected_words = one_of(&expected_names(expected));
            let mut diagnostic = Diagnostic::error(
                code,
                format!("expected {expected_words}, found {}", found_name(found, written)),
            )
            .at(loc, format!("expected {expected_words}"));
            if let Some((comma, field)) = trailing_comma(text, error.span, found) {
                if let Some(field) = field {
                    diagnostic = diagnostic.label(
                        Loc::new(file, comma),
                        format!("this comma makes `{field}` an entry of the list, not the next field"),
                    );
                }
                diagnostic = diagnostic
                    .help("a list takes no trailing comma: remove the `,`")
                    .fix(Fix {
                        message: "remove the trailing comma".to_string(),
                        edits: vec![Edit {
                            loc: Loc::new(file, comma),
                            replacement: String::new(),
                        }],
                        applicability: Applicability::Unsafe,
                    });
            } else if let Some(help) = token_help(found, expected) {
                diagnostic = diagnostic.help(help);
            }
            diagnostic
        }
        SyntaxErrorKind::UnexpectedEof { expected } => {
            let mut diagnostic = Diagnostic::error(
                code,
                format!(
                    "unexpected end of file: expected {}",
                    one_of(&expected_names(expected))
                ),
            )
            .at(loc, "the file ends here");
            if expected.contains(&TokenKind::RBrace) {
                diagnostic = diagnostic.help("a block opened with `{` must be closed with `}`");
            }
            diagnostic
        }
        SyntaxErrorKind::UnterminatedString => Diagnostic::error(code, "unterminated string")
            .at(loc, "this string does not end on its line")
            .help("strings end on their line: close it with `\"`, and continue a long text with another string on the next line"),
        SyntaxErrorKind::UnknownEscape { escape } => {
            Diagnostic::error(code, format!("unknown escape `{escape}` in a string"))
                .at(loc, "unknown escape")
                .help("the escapes are `\\\"`, `\\\\`, `\\n` and `\\t`; write `\\\\` for a backslash")
        }
        SyntaxErrorKind::InvalidCharacter {
            text: first,
            in_name: Some(name),
        } => {
            let run = text.get(error.span.range()).unwrap_or(first);
            Diagnostic::error(
                code,
                format!("{} cannot stand in a name", show_chars(run)),
            )
            .at(loc, format!("read as `_`: the name is `{name}`"))
            .help(format!(
                "names are letters, digits, `_` and `-`: write `{name}`"
            ))
        }
        SyntaxErrorKind::InvalidCharacter {
            text: first,
            in_name: None,
        } => {
            let run = text.get(error.span.range()).unwrap_or(first);
            let diagnostic = Diagnostic::error(
                code,
                format!("{} cannot start a name, a string or a symbol", show_chars(run)),
            )
            .at(loc, "not part of the language");
            match invalid_char_help(run) {
                Some(help) => diagnostic.help(help),
                None => diagnostic,
            }
        }
        SyntaxErrorKind::TrailingComma { next_field } => {
            let mut diagnostic = Diagnostic::error(code, "a list ends with a comma")
                .at(loc, "no entry follows this comma");
            if let Some(field) = next_field {
                let name = text.get(field.range()).unwrap_or_default();
                diagnostic = diagnostic.label(
                    Loc::new(file, *field),
                    format!("`{name}` is the next field, not an entry of the list"),
                );
            }
            diagnostic
                .help("a list takes no trailing comma: remove the `,`")
                .fix(Fix {
                    message: "remove the trailing comma".to_string(),
                    edits: vec![Edit {
                        loc,
                        replacement: String::new(),
                    }],
                    applicability: Applicability::Unsafe,
                })
        }
    }
}

/// How a message names a token it expected: `` `cluster` ``, `` `{` ``, a
/// name, a string.
fn expected_name(kind: TokenKind) -> String {
    match (kind, kind.spelling()) {
        (TokenKind::Name, _) => "a name".to_string(),
        (TokenKind::String, _) => "a string".to_string(),
        (_, Some(spelling)) => format!("`{spelling}`"),
        (TokenKind::EndOfFile, _) | (_, None) => "end of file".to_string(),
    }
}

fn expected_names(expected: &[TokenKind]) -> Vec<String> {
    expected.iter().map(|kind| expected_name(*kind)).collect()
}

/// How a message names the token it found, `written` in the text:
/// `` name `x` ``, `` keyword `actor` ``, `` `{` ``, a string.
fn found_name(kind: TokenKind, written: &str) -> String {
    match (kind, kind.spelling()) {
        (TokenKind::Name, _) => format!("name `{written}`"),
        (_, Some(spelling)) if kind.is_keyword() => format!("keyword `{spelling}`"),
        _ => expected_name(kind),
    }
}

/// `` `:` ``, `` a name or `}` ``, `` one of a name, `}`, `,` ``.
pub fn one_of(expected: &[String]) -> String {
    match expected {
        [] => "something else".to_string(),
        [one] => one.clone(),
        [first, second] => format!("{first} or {second}"),
        many => format!("one of {}", many.join(", ")),
    }
}

/// The span of a `,` right before the unexpected token, when what follows
/// cannot continue a list; or, when the unexpected token is a `:`, the span
/// of a `,` before the name in front of it (`needs: a, b,` then
/// `cohesion: tight`: the list took `cohesion`), with that name.
fn trailing_comma(text: &str, at: Span, found: TokenKind) -> Option<(Span, Option<String>)> {
    let before = text.get(..at.start as usize)?.trim_end();
    if before.ends_with(',') {
        return Some((comma_ending_at(before.len()), None));
    }
    if found != TokenKind::Colon {
        return None;
    }
    let name_start = before
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_alphanumeric() || *c == '_' || *c == '-')
        .last()
        .map(|(i, _)| i)?;
    let name = before.get(name_start..)?;
    let ahead = before.get(..name_start)?.trim_end();
    if ahead.ends_with(',') && ecospec_syntax::is_identifier(name) {
        Some((comma_ending_at(ahead.len()), Some(name.to_string())))
    } else {
        None
    }
}

/// The span of the `,` that ends at byte `end`.
fn comma_ending_at(end: usize) -> Span {
    Span::new(end - ','.len_utf8(), end)
}

fn token_help(found: TokenKind, expected: &[TokenKind]) -> Option<String> {
    let only = |what: TokenKind| expected == [what];
    if let (true, Some(keyword)) = (found.is_keyword(), found.spelling()) {
        if only(TokenKind::Name) {
            return Some(format!(
                "`{keyword}` is a keyword and cannot be used as a name; choose another name"
            ));
        }
        if expected.contains(&TokenKind::RBrace) {
            return Some("close the block with `}` before the next declaration".to_string());
        }
    }
    if found == TokenKind::String && only(TokenKind::Name) {
        return Some("names are written without quotes".to_string());
    }
    if found == TokenKind::Comma && only(TokenKind::And) {
        return Some("a bridge among three or more clusters: `bridge N among a, b, c`".to_string());
    }
    if only(TokenKind::Colon) {
        return Some(
            "a field is written `name: value`; is a `:` missing, or a `,` between list entries?"
                .to_string(),
        );
    }
    None
}

/// `` `$$` ``, or `U+00A0` for characters one cannot see.
/// The characters of a run that cannot start a token, as written between
/// backquotes or, when one is invisible, as code points; a run longer than
/// [`SHOWN_CHARS`] shows its first ones and how many more there are (a
/// 100 MB line of NULs is one short message).
fn show_chars(run: &str) -> String {
    let invisible = |c: char| c.is_whitespace() || c.is_control() || c == '\u{feff}';
    let shown = run
        .char_indices()
        .nth(SHOWN_CHARS)
        .map_or(run, |(end, _)| run.get(..end).unwrap_or(run));
    let mut message = if shown.chars().any(invisible) {
        let codes: Vec<String> = shown
            .chars()
            .map(|c| format!("U+{:04X}", u32::from(c)))
            .collect();
        codes.join(" ")
    } else {
        format!("`{shown}`")
    };
    if shown.len() < run.len() {
        let more = run.chars().count() - SHOWN_CHARS;
        message.push_str(&format!(" and {more} more characters"));
    }
    message
}

/// Characters of an E0103 run named in its message.
pub const SHOWN_CHARS: usize = 8;

fn invalid_char_help(text: &str) -> Option<String> {
    let first = text.chars().next()?;
    let help = match first {
        '\'' | '‘' | '’' | '“' | '”' => {
            "strings are written in straight double quotes: \"like this\""
        }
        ';' => "fields need no separator: remove the `;`",
        '=' => "a field is written `name: value`, with a colon",
        '[' | ']' => "a list is written without brackets: `needs: a, b`",
        '0'..='9' => "names start with a letter or `_`",
        '-' => "names start with a letter or `_` (a `-` may follow)",
        '#' => "comments start with `//`",
        '\u{a0}' | '\u{2007}' | '\u{202f}' => {
            "this is a no-break space: replace it with an ordinary space"
        }
        c if c.is_whitespace() => "this is an unusual space: replace it with an ordinary space",
        _ => return None,
    };
    Some(help.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use ecospec_syntax::lexer::Keyword;

    #[test]
    fn tokens_are_named_in_words() {
        let cluster = TokenKind::Keyword(Keyword::Cluster);
        assert_eq!(found_name(TokenKind::Name, "needs"), "name `needs`");
        assert_eq!(found_name(cluster, "cluster"), "keyword `cluster`");
        assert_eq!(found_name(TokenKind::Among, "among"), "keyword `among`");
        assert_eq!(found_name(TokenKind::String, "\"x\""), "a string");
        assert_eq!(found_name(TokenKind::Colon, ":"), "`:`");
        assert_eq!(
            one_of(&expected_names(&[
                TokenKind::Name,
                cluster,
                TokenKind::RBrace
            ])),
            "one of a name, `cluster`, `}`"
        );
        assert_eq!(expected_name(TokenKind::EndOfFile), "end of file");
    }

    #[test]
    fn a_keyword_where_a_name_is_expected_is_explained() {
        let help = token_help(TokenKind::Keyword(Keyword::Bridge), &[TokenKind::Name]);
        assert_eq!(
            help.as_deref(),
            Some("`bridge` is a keyword and cannot be used as a name; choose another name")
        );
        assert!(token_help(TokenKind::Name, &[TokenKind::Name]).is_none());
    }
}

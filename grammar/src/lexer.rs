//! The lexer: logos for the tokens, plus what logos cannot know.
//!
//! - Errors never reach the parser. A character that cannot start a token is
//!   reported (E0103, adjacent ones merged) and skipped, except inside a
//!   word (`kotti&co`): there the run stays in the word, whose name reads it
//!   as one `_` ([`ident_name`]). A trailing comma (before `}` or the next
//!   field) is reported (E0101) and not given to the parser. An unterminated
//!   string or an unknown escape is reported (E0102) and the string token is
//!   still produced, so the parse goes on as if it were well formed.
//! - Identifiers are lexed as ASCII fast, and any run with non-ASCII
//!   characters is checked against Unicode XID with `unicode-ident`
//!   (cheaper to compile than Unicode classes in the regex).
//! - Declaration keywords come in two kinds: at brace depth 0 (`Tok::Kw`) and
//!   inside braces (`Tok::InnerKw`). The grammar accepts the first kind only
//!   at the top level and the second only inside an intervention, so error
//!   recovery never resumes in the middle of a block. A declaration keyword
//!   that begins a line where it cannot be nested closes the unclosed braces
//!   before it, so one missing `}` does not swallow the rest of the file.
//! - Comments are kept in a side table for doc comments and the formatter.

use std::collections::VecDeque;

use logos::Logos;

use crate::ast::{Comment, CommentKind, Span};
use crate::error::{SyntaxError, SyntaxErrorKind};
pub use crate::token::Keyword;
use crate::token::TokenKind;

// Comments, strings and words are read to their end by callbacks, in loops:
// logos's generated code reads a run of non-ASCII characters by mutual
// recursion between states, which overflows the stack on a long run when
// it is not optimized into a loop (debug builds, small thread stacks).
#[derive(Logos, Clone, Copy, Debug, PartialEq, Eq)]
#[logos(skip r"[ \t\r\n]+")]
enum Raw {
    /// `//` to the end of the line.
    #[token("//", comment)]
    Comment,
    /// `"...`: `true` when the closing quote is on the line. Else the
    /// string runs to the end of the line (a last `\` included).
    #[token("\"", string)]
    String(bool),
    /// `[A-Za-z_]` or a non-ASCII character, then `[A-Za-z0-9_-]` or
    /// non-ASCII characters.
    #[regex(r"[A-Za-z_]|[^\x00-\x7F]", word)]
    Word,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    #[token("(")]
    LParen,
    #[token(")")]
    RParen,
    #[token(":")]
    Colon,
    #[token(",")]
    Comma,
    #[token("@")]
    At,
}

fn comment(lex: &mut logos::Lexer<'_, Raw>) {
    let rest = lex.remainder().as_bytes();
    let len = rest.iter().position(|b| *b == b'\n').unwrap_or(rest.len());
    lex.bump(len);
}

/// As the regexes `"([^"\\\n]|\\[^\n])*"` (terminated) and
/// `"([^"\\\n]|\\[^\n])*\\?` (unterminated), longest match first.
fn string(lex: &mut logos::Lexer<'_, Raw>) -> bool {
    let rest = lex.remainder().as_bytes();
    let mut i = 0;
    let (len, terminated) = loop {
        match rest.get(i) {
            None | Some(b'\n') => break (i, false),
            Some(b'"') => break (i + 1, true),
            Some(b'\\') => match rest.get(i + 1) {
                // A backslash at the end of the line belongs to the string.
                None | Some(b'\n') => break (i + 1, false),
                // An escaped byte (the rest of a multi-byte character is
                // read as content: continuation bytes are never `"`, `\`, LF).
                Some(_) => i += 2,
            },
            Some(_) => i += 1,
        }
    };
    lex.bump(len);
    terminated
}

fn word(lex: &mut logos::Lexer<'_, Raw>) {
    let rest = lex.remainder().as_bytes();
    let len = rest
        .iter()
        .position(|b| !(b.is_ascii_alphanumeric() || *b == b'_' || *b == b'-' || !b.is_ascii()))
        .unwrap_or(rest.len());
    lex.bump(len);
}

/// A string literal as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StrLit<'a> {
    /// From the opening quote to the closing one (or the end of the line).
    pub raw: &'a str,
    pub terminated: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tok<'a> {
    Ident(&'a str),
    /// A word with runs of characters that cannot start a token inside it
    /// (`kotti&co`, reported): a name, read by [`ident_name`].
    JoinedIdent(&'a str),
    Str(StrLit<'a>),
    Kw(Keyword),
    InnerKw(Keyword),
    Between,
    And,
    Among,
    Extend,
    LBrace,
    RBrace,
    LParen,
    RParen,
    Colon,
    Comma,
    At,
}

impl Tok<'_> {
    /// What kind of token this is, as a syntax error names it.
    pub fn kind(&self) -> TokenKind {
        match self {
            Tok::Ident(_) | Tok::JoinedIdent(_) => TokenKind::Name,
            Tok::Str(_) => TokenKind::String,
            Tok::Kw(kw) | Tok::InnerKw(kw) => TokenKind::Keyword(*kw),
            Tok::Between => TokenKind::Between,
            Tok::And => TokenKind::And,
            Tok::Among => TokenKind::Among,
            Tok::Extend => TokenKind::Extend,
            Tok::LBrace => TokenKind::LBrace,
            Tok::RBrace => TokenKind::RBrace,
            Tok::LParen => TokenKind::LParen,
            Tok::RParen => TokenKind::RParen,
            Tok::Colon => TokenKind::Colon,
            Tok::Comma => TokenKind::Comma,
            Tok::At => TokenKind::At,
        }
    }
}

pub type Spanned<'a> = (usize, Tok<'a>, usize);

pub fn keyword(word: &str) -> Option<Tok<'static>> {
    let kw = match word {
        "import" => Keyword::Import,
        "ecosystem" => Keyword::Ecosystem,
        "capability" => Keyword::Capability,
        "scenario" => Keyword::Scenario,
        "cluster" => Keyword::Cluster,
        "actor" => Keyword::Actor,
        "bridge" => Keyword::Bridge,
        "on" => Keyword::On,
        "intervention" => Keyword::Intervention,
        "between" => return Some(Tok::Between),
        "and" => return Some(Tok::And),
        "among" => return Some(Tok::Among),
        "extend" => return Some(Tok::Extend),
        _ => return None,
    };
    Some(Tok::Kw(kw))
}

/// Whether `name` is a valid identifier that is not a keyword.
pub fn is_identifier(name: &str) -> bool {
    let mut chars = name.chars();
    let starts = chars
        .next()
        .is_some_and(|c| c == '_' || unicode_ident::is_xid_start(c));
    starts && chars.all(is_ident_continue) && keyword(name).is_none()
}

fn is_ident_continue(c: char) -> bool {
    c == '-' || unicode_ident::is_xid_continue(c)
}

/// A character that cannot start a token and is not white space: inside a
/// word, a run of them becomes one `_` of its name.
fn stray(c: char) -> bool {
    !(is_ident_continue(c)
        || c.is_whitespace()
        || matches!(c, '"' | '{' | '}' | '(' | ')' | ':' | ',' | '@'))
}

/// Whether a character right after an ASCII word may continue it as a run
/// of characters that cannot start a token (a cheap first test).
fn may_continue_word(b: u8) -> bool {
    !(b.is_ascii_whitespace() || matches!(b, b'"' | b'{' | b'}' | b'(' | b')' | b':' | b',' | b'@'))
}

/// The name a word stands for: each run of characters that cannot start a
/// token becomes one `_` (`kotti&co` → `kotti_co`, `a&&b` → `a_b`).
pub fn ident_name(word: &str) -> Box<str> {
    if word.chars().all(is_ident_continue) {
        return word.into();
    }
    let mut name = String::with_capacity(word.len());
    let mut in_run = false;
    for c in word.chars() {
        if is_ident_continue(c) {
            name.push(c);
            in_run = false;
        } else if !in_run {
            name.push('_');
            in_run = true;
        }
    }
    name.into()
}

pub struct Lexer<'a> {
    src: &'a str,
    raw: logos::Lexer<'a, Raw>,
    queued: VecDeque<Spanned<'a>>,
    /// Tokens read ahead to find a trailing comma, not yet given out.
    ahead: VecDeque<Spanned<'a>>,
    depth: u32,
    in_intervention: bool,
    /// The run of characters that cannot start a token, not yet reported.
    invalid: Option<Span>,
    pub errors: Vec<SyntaxError>,
    pub comments: Vec<Comment>,
}

/// The longest name (in characters) an E0103 inside a word carries for its
/// help; a longer word's runs are reported as runs outside a word are.
pub const NAMED_CHARS: usize = 64;

/// Characters of a run that cannot start a token kept in its
/// [`SyntaxErrorKind::InvalidCharacter`] (the span covers the whole run).
pub const INVALID_TEXT_CHARS: usize = 16;

impl<'a> Lexer<'a> {
    pub fn new(src: &'a str) -> Lexer<'a> {
        Lexer {
            src,
            raw: Raw::lexer(src),
            queued: VecDeque::new(),
            ahead: VecDeque::new(),
            depth: 0,
            in_intervention: false,
            invalid: None,
            errors: Vec::new(),
            comments: Vec::new(),
        }
    }

    /// A lexer of `src` from byte `offset` on (a character boundary), at
    /// brace depth 0: spans stay offsets into the whole of `src`.
    pub fn starting_at(src: &'a str, offset: usize) -> Lexer<'a> {
        let mut lexer = Lexer::new(src);
        if offset <= src.len() && src.is_char_boundary(offset) {
            lexer.raw.bump(offset);
        }
        lexer
    }

    fn invalid_char(&mut self, start: usize, end: usize) {
        let span = Span::new(start, end);
        match &mut self.invalid {
            Some(run) if run.end == span.start => run.end = span.end,
            _ => {
                self.flush_invalid();
                self.invalid = Some(span);
            }
        }
    }

    fn flush_invalid(&mut self) {
        if let Some(span) = self.invalid.take() {
            // The run's first characters only: the diagnostic names at most
            // a few (a 100 MB run of NULs is not copied).
            let run = self.src.get(span.range()).unwrap_or_default();
            let end = run
                .char_indices()
                .nth(INVALID_TEXT_CHARS)
                .map_or(run.len(), |(end, _)| end);
            let text = run.get(..end).unwrap_or_default().to_string();
            self.errors.push(SyntaxError {
                kind: SyntaxErrorKind::InvalidCharacter {
                    text,
                    in_name: None,
                },
                span,
            });
        }
    }

    /// Reports a run of characters that cannot start a token inside the
    /// word `name` becomes (one E0103 per run).
    fn invalid_in_word(&mut self, run: Span, name: Option<&str>) {
        self.flush_invalid();
        let text = self
            .src
            .get(run.range())
            .unwrap_or_default()
            .chars()
            .take(INVALID_TEXT_CHARS)
            .collect();
        self.errors.push(SyntaxError {
            kind: SyntaxErrorKind::InvalidCharacter {
                text,
                in_name: name.map(str::to_string),
            },
            span: run,
        });
    }

    /// The word that starts at `start` (a character that starts a word),
    /// queued: identifier characters, and runs of characters that cannot
    /// start a token when an identifier character follows them (`kotti&co`
    /// is one name, `kotti_co`, and one E0103 per run). A run that holds
    /// white space (a no-break space) ends the word, as section 2 says.
    /// Returns the word's end.
    fn read_word(&mut self, start: usize) -> usize {
        let src = self.src;
        let rest = src.get(start..).unwrap_or_default();
        let mut end = 0;
        let mut runs: Vec<Span> = Vec::new();
        let mut chars = rest.char_indices().peekable();
        // The first character starts the word.
        if let Some((_, c)) = chars.next() {
            end = c.len_utf8();
        }
        loop {
            while let Some(&(i, c)) = chars.peek() {
                if !is_ident_continue(c) {
                    break;
                }
                end = i + c.len_utf8();
                chars.next();
            }
            // A run of characters that cannot start a token, then an
            // identifier character?
            let run_start = end;
            let mut run_end = end;
            let mut lookahead = chars.clone();
            while let Some(&(i, c)) = lookahead.peek() {
                let comment = c == '/' && rest.get(i + 1..).is_some_and(|r| r.starts_with('/'));
                if !stray(c) || comment {
                    break;
                }
                run_end = i + c.len_utf8();
                lookahead.next();
            }
            match lookahead.peek() {
                Some(&(_, c)) if run_end > run_start && is_ident_continue(c) => {
                    runs.push(Span::new(start + run_start, start + run_end));
                    end = run_end;
                    chars = lookahead;
                }
                _ => break,
            }
        }
        let slice = rest.get(..end).unwrap_or_default();
        let tok = if runs.is_empty() {
            self.classify(slice, start)
        } else {
            // A name too long to be written out in a help (a 100 MB word
            // of `a&a&…`) is not copied into each of its errors.
            let name = ident_name(slice);
            let name = (name.chars().nth(NAMED_CHARS).is_none()).then_some(name);
            for run in runs {
                self.invalid_in_word(run, name.as_deref());
            }
            Tok::JoinedIdent(slice)
        };
        self.queued.push_back((start, tok, start + end));
        start + end
    }

    /// Reads the words of a logos word with non-ASCII characters (or one
    /// followed by a character that cannot start a token): characters that
    /// cannot start one before a word are reported and skipped. Returns the
    /// end of what was read (past the logos word when a word goes on).
    fn split_word(&mut self, word: &'a str, base: usize) -> usize {
        let mut offset = 0;
        while let Some(c) = word.get(offset..).and_then(|rest| rest.chars().next()) {
            if c == '_' || unicode_ident::is_xid_start(c) {
                offset = self.read_word(base + offset) - base;
            } else {
                self.invalid_char(base + offset, base + offset + c.len_utf8());
                offset += c.len_utf8();
            }
        }
        base + offset
    }

    fn classify(&mut self, word: &'a str, start: usize) -> Tok<'a> {
        match keyword(word) {
            None => Tok::Ident(word),
            Some(Tok::Kw(kw)) => {
                if self.depth > 0 && begins_line(self.src, start) {
                    let nestable = self.in_intervention && kw.nests_in_intervention();
                    self.depth = self.depth.min(u32::from(nestable));
                }
                if self.depth == 0 {
                    self.in_intervention = kw == Keyword::Intervention;
                    Tok::Kw(kw)
                } else {
                    Tok::InnerKw(kw)
                }
            }
            Some(Tok::Extend) => {
                if self.in_intervention && self.depth > 1 && begins_line(self.src, start) {
                    self.depth = 1;
                }
                Tok::Extend
            }
            Some(tok) => tok,
        }
    }

    fn string(&mut self, raw: &'a str, start: usize, terminated: bool) -> Tok<'a> {
        let raw = if terminated {
            raw
        } else {
            raw.strip_suffix('\r').unwrap_or(raw)
        };
        if !terminated {
            self.errors.push(SyntaxError {
                kind: SyntaxErrorKind::UnterminatedString,
                span: Span::new(start, start + raw.len()),
            });
        }
        let mut chars = raw.char_indices().skip(1);
        while let Some((offset, c)) = chars.next() {
            if c != '\\' {
                continue;
            }
            match chars.next() {
                Some((_, '"' | '\\' | 'n' | 't')) => {}
                Some((next, escaped)) => self.errors.push(SyntaxError {
                    kind: SyntaxErrorKind::UnknownEscape {
                        escape: format!("\\{escaped}"),
                    },
                    span: Span::new(start + offset, start + next + escaped.len_utf8()),
                }),
                // A backslash at the end of the line: the string is unterminated.
                None => {}
            }
        }
        Tok::Str(StrLit { raw, terminated })
    }
}

/// Whether only spaces and tabs stand between the line start and `offset`.
fn begins_line(src: &str, offset: usize) -> bool {
    src.get(..offset)
        .map(|before| {
            before
                .bytes()
                .rev()
                .take_while(|b| *b != b'\n')
                .all(|b| b == b' ' || b == b'\t' || b == b'\r')
        })
        .unwrap_or(false)
}

impl<'a> Iterator for Lexer<'a> {
    type Item = Result<Spanned<'a>, std::convert::Infallible>;

    /// The next token, without a trailing comma: a `,` before `}` or before
    /// the next field (`name :`) is reported (E0101) and not given to the
    /// parser, so its list keeps every entry and its declaration is whole.
    fn next(&mut self) -> Option<Self::Item> {
        loop {
            let tok = if self.ahead.is_empty() {
                self.next_token()?
            } else {
                self.ahead.pop_front()?
            };
            if !matches!(tok.1, Tok::Comma) {
                return Some(Ok(tok));
            }
            let next_field = match self.peek(0) {
                Some(Tok::RBrace) => None,
                Some(Tok::Ident(_)) if matches!(self.peek(1), Some(Tok::Colon)) => self
                    .ahead
                    .front()
                    .map(|(start, _, end)| Span::new(*start, *end)),
                _ => return Some(Ok(tok)),
            };
            self.errors.push(SyntaxError {
                kind: SyntaxErrorKind::TrailingComma { next_field },
                span: Span::new(tok.0, tok.2),
            });
        }
    }
}

impl<'a> Lexer<'a> {
    /// Every token as written, a trailing comma included: what an editor
    /// query reads (completion after `a, ` offers the list's next entry).
    pub fn as_written(mut self) -> impl Iterator<Item = Spanned<'a>> {
        std::iter::from_fn(move || self.next_token())
    }

    /// The `n`th token after the one given last (read ahead).
    fn peek(&mut self, n: usize) -> Option<Tok<'a>> {
        while self.ahead.len() <= n {
            let tok = self.next_token()?;
            self.ahead.push_back(tok);
        }
        self.ahead.get(n).map(|(_, tok, _)| *tok)
    }

    #[inline(always)]
    fn next_token(&mut self) -> Option<Spanned<'a>> {
        loop {
            if let Some(tok) = self.queued.pop_front() {
                return Some(tok);
            }
            let Some(raw) = self.raw.next() else {
                self.flush_invalid();
                return None;
            };
            let span = self.raw.span();
            let slice = self.raw.slice();
            let (start, end) = (span.start, span.end);
            let tok = match raw {
                Err(()) => {
                    self.invalid_char(start, end);
                    continue;
                }
                Ok(Raw::Comment) => {
                    let bytes = slice.as_bytes();
                    let doc = bytes.get(2) == Some(&b'/') && bytes.get(3) != Some(&b'/');
                    let end = start + slice.strip_suffix('\r').unwrap_or(slice).len();
                    self.comments.push(Comment {
                        kind: if doc {
                            CommentKind::Doc
                        } else {
                            CommentKind::Line
                        },
                        span: Span::new(start, end),
                    });
                    continue;
                }
                Ok(Raw::Word) => {
                    let plain = slice.is_ascii()
                        && !self
                            .src
                            .as_bytes()
                            .get(end)
                            .copied()
                            .is_some_and(may_continue_word);
                    if plain {
                        self.classify(slice, start)
                    } else {
                        let read = self.split_word(slice, start);
                        if read > end {
                            self.raw.bump(read - end);
                        }
                        continue;
                    }
                }
                Ok(Raw::String(terminated)) => self.string(slice, start, terminated),
                Ok(Raw::LBrace) => {
                    self.depth = self.depth.saturating_add(1);
                    Tok::LBrace
                }
                Ok(Raw::RBrace) => {
                    self.depth = self.depth.saturating_sub(1);
                    Tok::RBrace
                }
                Ok(Raw::LParen) => Tok::LParen,
                Ok(Raw::RParen) => Tok::RParen,
                Ok(Raw::Colon) => Tok::Colon,
                Ok(Raw::Comma) => Tok::Comma,
                Ok(Raw::At) => Tok::At,
            };
            // The queue is empty here (it is drained first): the token goes
            // straight to the parser.
            return Some((start, tok, end));
        }
    }
}

/// The value of a string literal, escapes resolved (an unknown escape is
/// kept as written; the lexer has reported it).
pub fn unescape(lit: StrLit<'_>) -> String {
    let inner = lit.raw.strip_prefix('"').unwrap_or(lit.raw);
    let inner = if lit.terminated {
        inner.strip_suffix('"').unwrap_or(inner)
    } else {
        inner
    };
    if !inner.contains('\\') {
        return inner.to_string();
    }
    let mut value = String::with_capacity(inner.len());
    let mut chars = inner.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            value.push(c);
            continue;
        }
        match chars.next() {
            Some('n') => value.push('\n'),
            Some('t') => value.push('\t'),
            Some(escaped @ ('"' | '\\')) => value.push(escaped),
            Some(other) => {
                value.push('\\');
                value.push(other);
            }
            None => value.push('\\'),
        }
    }
    value
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_keywords_token_kinds_list_are_the_lexers_keywords() {
        let listed: Vec<&str> = TokenKind::keywords().collect();
        assert_eq!(listed.len(), 13, "{listed:?}");
        assert_eq!(listed.first(), Some(&"import"));
        assert_eq!(listed.last(), Some(&"extend"));
        for word in listed {
            assert!(keyword(word).is_some(), "{word}");
        }
        assert!(keyword("cohesion").is_none());
    }
}

//! Syntax errors as data. The compiler turns them into diagnostics
//! (E0101, E0102, E0103); this crate knows nothing of how they are shown.

use crate::ast::Span;
use crate::token::TokenKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    pub span: Span,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    /// E0101: a token the grammar does not accept here (the error's span
    /// is that token's).
    UnexpectedToken {
        found: TokenKind,
        /// What the grammar accepts here, each kind once, in the order of
        /// the grammar's terminals.
        expected: Vec<TokenKind>,
    },
    /// E0101: the file ends where more was expected.
    UnexpectedEof { expected: Vec<TokenKind> },
    /// E0102: a string that does not end on its line.
    UnterminatedString,
    /// E0102: an escape other than `\" \\ \n \t`.
    UnknownEscape { escape: String },
    /// E0103: a run of characters that cannot start a token; `text` holds
    /// its first characters (at most `lexer::INVALID_TEXT_CHARS`), the span
    /// the whole run.
    InvalidCharacter {
        text: String,
        /// When the run stands inside a word (`kotti&co`): the name the
        /// word becomes (`kotti_co`).
        in_name: Option<String>,
    },
    /// E0101: a comma that ends a list (before `}` or the next field); the
    /// span is the comma's, `next_field` the name of the field after it.
    TrailingComma { next_field: Option<Span> },
}

impl SyntaxErrorKind {
    pub fn code(&self) -> &'static str {
        match self {
            SyntaxErrorKind::UnexpectedToken { .. }
            | SyntaxErrorKind::UnexpectedEof { .. }
            | SyntaxErrorKind::TrailingComma { .. } => "E0101",
            SyntaxErrorKind::UnterminatedString | SyntaxErrorKind::UnknownEscape { .. } => "E0102",
            SyntaxErrorKind::InvalidCharacter { .. } => "E0103",
        }
    }
}

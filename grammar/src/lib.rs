//! The syntax of ecospec: text → tokens → syntax tree.
//!
//! [`parse`] never fails: it returns a [`File`] with every syntax error of the
//! text and a tree of everything it could read. This crate knows nothing of
//! names, lints or how errors are shown.

mod actions;
pub mod ast;
mod cascades;
mod docs;
mod error;
mod grammar;
mod incremental;
pub mod lexer;
mod parallel;
mod parse;
mod parse_error;
mod piece;
mod recovery;
mod token;

pub use ast::*;
pub use error::{SyntaxError, SyntaxErrorKind};
pub use incremental::reparse;
pub use lexer::is_identifier;
pub use parse::parse;
pub use token::TokenKind;

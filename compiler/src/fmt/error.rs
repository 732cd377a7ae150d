//! Why a text was not formatted.

use std::fmt;

use ecospec_syntax::Span;

use crate::code::Code;

/// Why a text was not formatted.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormatError {
    /// The text has syntax errors; the first one is described.
    Syntax {
        /// `E0101`, `E0102` or `E0103`.
        code: Code,
        /// The error's message, as `ecospec check` words it.
        message: String,
        /// Where it is, in bytes of the text given (a BOM included).
        span: Span,
        /// How many syntax errors the text has.
        count: usize,
    },
    /// The formatter's own checks failed (a bug in ecospec): the text is left
    /// as it is.
    Internal(String),
}

impl fmt::Display for FormatError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FormatError::Syntax {
                code,
                message,
                count,
                ..
            } => {
                write!(f, "error[{code}]: {message}")?;
                if *count > 1 {
                    write!(f, " (and {} more syntax errors)", count - 1)?;
                }
                Ok(())
            }
            FormatError::Internal(message) => {
                write!(f, "internal formatter error (please report it): {message}")
            }
        }
    }
}

impl std::error::Error for FormatError {}

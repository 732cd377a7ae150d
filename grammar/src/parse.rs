//! The entry point: a file's text to its tree and syntax errors.

use crate::ast::File;
use crate::{parallel, recovery};

/// Parses one file's text (BOM already removed): on several threads when it
/// is long and has no error, else on one, recovering from its errors.
pub fn parse(src: &str) -> File {
    parallel::parse_in_parallel(src).unwrap_or_else(|| recovery::parse_recovering(src))
}

//! Renderers: each turns the one diagnostic model into its own output.
//! Nothing outside this module knows about terminals or JSON.

mod github;
mod human;
mod json;
mod sarif;
mod short;

pub use github::github;
pub use human::{human, HumanOptions};
pub use json::{json, write_json};
pub use sarif::sarif;
pub use short::short;

use crate::diagnostic::Loc;
use crate::source::{Position, SourceMap};

/// What human and short output print at most; JSON, SARIF and GitHub never cap.
pub const PRINT_CAP: usize = 200;

/// The file name and the 1-based start and end positions of a place.
pub fn place(sources: &SourceMap, loc: Loc) -> Option<(&str, Position, Position)> {
    let file = sources.get(loc.file)?;
    Some((
        file.name.as_str(),
        file.position(loc.span.start),
        file.position(loc.span.end),
    ))
}

/// `2 errors, 1 warning, 3 notes`
pub fn counts(errors: usize, warnings: usize, notes: usize) -> String {
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}, {}",
        plural(errors, "error"),
        plural(warnings, "warning"),
        plural(notes, "note")
    )
}

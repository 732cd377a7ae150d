//! A place in one side's files, as every diff renderer shows it.

use crate::diagnostic::Loc;
use crate::source::{Position, SourceMap};

/// A file as shown (relative to the working directory) and the 1-based
/// start and end of a place in it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Place {
    pub file: String,
    pub start: Position,
    pub end: Position,
}

impl Place {
    pub fn of(sources: &SourceMap, loc: Loc) -> Option<Place> {
        let file = sources.get(loc.file)?;
        Some(Place {
            file: file.name.clone(),
            start: file.position(loc.span.start),
            end: file.position(loc.span.end),
        })
    }
}

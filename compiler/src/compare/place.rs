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

/// A path relative to `folder`, with `/` between folders: how both sides
/// of a diff name the same file.
pub fn relative(folder: &std::path::Path, path: &std::path::Path) -> String {
    let relative = path.strip_prefix(folder).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

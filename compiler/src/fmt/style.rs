//! The layout's measures.

/// Spaces per indentation level.
pub const INDENT: usize = 4;
/// The width lines aim at, in characters.
pub const WIDTH: usize = 80;

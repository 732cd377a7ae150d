//! A what-if's output formats: human (a tree for a terminal), Markdown
//! (the same tree as nested lists) and JSON (versioned, with a schema);
//! the ranking of `--losses` in the same three (`losses.rs`).

mod human;
mod json;
pub mod losses;
mod markdown;
mod tree;

pub use human::human;
pub use json::{json, VERSION};
pub use markdown::markdown;
pub use tree::{level_word, tree, Line, Style};

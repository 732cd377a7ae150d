//! The renderers of `ecospec diff` (a [`Comparison`](crate::compare::Comparison)):
//! human, Markdown (a pull-request comment), JSON (versioned,
//! `docs/src/diff-json.md`) and GitHub annotations of the opened findings.

mod github;
mod human;
mod json;
mod markdown;
mod words;

pub use github::diff_github;
pub use human::diff_human;
pub use json::{diff_json, DIFF_JSON_VERSION};
pub use markdown::{diff_markdown, MARKER};

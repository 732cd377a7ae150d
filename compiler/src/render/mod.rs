//! Renderers: each turns the one diagnostic model into its own output.
//! Nothing outside this module knows about terminals or JSON.

mod diff;
mod github;
mod human;
mod json;
mod places;
mod sarif;
mod short;
mod summary;

pub use diff::{diff_github, diff_human, diff_json, diff_markdown, DIFF_JSON_VERSION, MARKER};
pub use github::github;
pub use human::{human, HumanOptions};
pub use json::{json, write_json, ChangeJson};
pub use places::{escape_controls, exact_name, percent_encoded, place, shown_bytes};
pub use sarif::sarif;
pub use short::short;
pub use summary::{counts, PRINT_CAP};

//! `ecospec diff`: what a change does to the movement's configuration.
//! Two sides (two revisions of a git repository read without a checkout,
//! or two folders) are each checked as `check` would ([`Side`]), then
//! compared ([`compare`]): ecosystems matched by root path, declarations
//! added, removed and changed, findings opened and closed by identity with
//! the gap ladder (as interventions are judged), errors introduced. The
//! renderers are `render::diff_*`.

mod comparison;
mod declarations;
mod errors;
mod findings;
mod git;
mod place;
mod revisions;
mod side;
mod tree;

pub use comparison::{compare, Comparison, RootChange, RootStatus};
pub use declarations::{DeclChange, DeclStatus};
pub use errors::ErrorChange;
pub use findings::{FindingChange, Rung};
pub use git::{Repository, Revision};
pub use place::Place;
pub use revisions::{check_folders, check_revisions};
pub use side::{Root, Side};
pub use tree::{TreeEntry, TreeFs};

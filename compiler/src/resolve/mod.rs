//! Name resolution and typing of one ecosystem (E0201–E0209, E0302):
//! syntax trees in → the baseline [`Model`] and one [`Delta`] per
//! intervention out, with a diagnostic for everything that did not fit.
//!
//! Resolution keeps going after every error: an unresolved reference stays in
//! its list (`index: None`), so the lints still see everything that resolved.

mod declarations;
mod ecosystem;
mod fields;
mod intervention;
mod kind_counts;
mod names;
mod order;
mod record;
mod removes;
mod resolved;
mod resolver;
pub mod schema;
mod suggest;
mod support;
mod unknown_lint;

pub use ecosystem::{resolve, resolve_all, resolve_consuming};
pub use kind_counts::KindCounts;
pub use record::add_record;
pub use resolved::{Definition, Delta, ExtendOp, FieldValue, NameUse, Record, Resolved, Target};
pub use suggest::{closest, level_word, lint_name_for};
pub use unknown_lint::{unknown_lint, LintNamePlace};

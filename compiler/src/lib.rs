//! ecospec: checks movement-ecosystem specs.
//!
//! Data flows one way: text → tokens → syntax tree (`ecospec-syntax`) →
//! resolved ecosystem ([`resolve`]) → model and facts ([`model`]) → findings
//! ([`lints`]) → diagnostics ([`diagnostic`]) → renderers ([`render`]).
//! [`check::check`] runs the whole pipeline; the `ecospec` command and the
//! language server both call it.

pub mod apply;
pub mod catalog;
pub mod check;
pub mod code;
pub mod compare;
pub mod diagnostic;
pub mod export;
pub mod files;
pub mod fix;
pub mod fmt;
pub mod fuzzing;
pub mod incremental;
pub mod levels;
pub mod lints;
pub mod load;
pub mod memfs;
pub mod model;
pub mod picture;
pub mod query;
pub mod read_next;
pub mod removal;
pub mod render;
pub mod report;
pub mod resolve;
pub mod scenario;
pub mod source;
pub mod syntax_errors;
pub mod testgen;

mod explanations {
    include!(concat!(env!("OUT_DIR"), "/explanations.rs"));
}

pub use explanations::EXPLANATIONS;

//! The data exports of a checked folder (`graph --format json|kumu`): the
//! resolved model of every root with its facts and findings, as JSON
//! (`docs/src/model.schema.json`) or as a Kumu blueprint (`docs/src/kumu.md`).
//! Both read what `check` produced ([`crate::check::Outcome`]), with or
//! without `--apply`.

mod configuration;
mod json;
mod kumu;

pub use configuration::{configurations, Configuration, Leveled};
pub use json::{model_json, write_model_json, VERSION};
pub use kumu::kumu;

#[cfg(test)]
mod tests;

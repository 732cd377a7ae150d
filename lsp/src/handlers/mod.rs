//! One module per feature of the protocol, each reading the analysis
//! snapshot ([`crate::analysis`]) and converting positions
//! ([`crate::convert`]); none depends on another or on the server.

pub mod code_actions;
pub mod completion;
pub mod definition;
pub mod explain;
pub mod folding;
pub mod formatting;
pub mod graph;
pub mod hover;
pub mod interventions;
pub mod references;
pub mod rename;
pub mod scenarios;
pub mod semantic_tokens;
pub mod symbols;
pub mod what_if;

//! The resolved ecosystem: every declaration that entered the model, with
//! its references resolved to indices, and the facts the lints read
//! (serving, members, providers, the cluster graph).
//!
//! Only the first definition of a name and the first `on` rule of a scenario
//! enter the model. A reference that did not resolve stays in its list with
//! `index: None`: it was reported, it makes the list non-empty, and it joins
//! nothing.

mod adjacency;
mod declarations;
mod facts;
mod refs;

pub use adjacency::Adjacency;
pub use declarations::*;
pub use facts::Facts;
pub use refs::{distinct, Ref, Seen};

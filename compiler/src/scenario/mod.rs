//! The configuration under a scenario and what it says: the one
//! computation that the `scenario-gap` lint, `ecospec what-if`, the graph
//! of a scenario and the report read (section 9.2 and 10).

mod configuration;
mod paths;
mod walk;

pub use configuration::{rule_of, Configuration};
pub use paths::{Distances, Graph, Step};
pub use walk::{ClusterNeeds, Need, Route, Supporter, Walk, Who};

//! The configuration under a scenario and what it says: the one
//! computation that the `scenario-gap` lint, `ecospec what-if`, the graph
//! of a scenario and the report read (section 9.2 and 10).

pub mod ask;
pub mod configuration;
pub mod losses;
mod opens;
mod paths;
pub mod render;
pub mod walk;

pub use ask::{pick_root, Answer, Now};
pub use configuration::{rule_of, Configuration};
pub use opens::{opened, Opened};
pub use paths::{Distances, Graph, Step};
pub use walk::{ClusterNeeds, Need, Route, Supporter, Walk, Who};

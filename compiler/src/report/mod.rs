//! `ecospec report`: what a checked folder says, for people (section 10):
//! the task, the map, who provides what each cluster needs, each scenario
//! walked through, the findings with their explanations and each
//! intervention before and after. [`report`] gathers it as data
//! (`content.rs`, from the exports' configurations); [`markdown`] and
//! [`html`] lay it out.

mod cells;
mod content;
mod html;
mod losses;
mod markdown;
mod pictures;
mod walk;

pub use cells::{Cell, Named, PROVIDERS_SHOWN};
pub use content::{report, Coverage, EcosystemReport, Report, TABLE_COLUMNS};
pub use html::html;
pub use losses::TOP;
pub use markdown::markdown;
pub use pictures::{map, Map};
pub use walk::{scenarios, walk_limit, Scenarios, Walked};

#[cfg(test)]
mod tests;

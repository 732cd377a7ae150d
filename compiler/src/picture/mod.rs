//! Pictures of an ecosystem (`ecospec graph`, section 10 of the contract):
//! a [`Picture`] built once from the checked model, its facts and findings
//! for one view (`build.rs`), then drawn by one renderer per format (`dot.rs`,
//! `mermaid.rs`, `svg.rs` over the layered layout of `layout.rs`).

mod build;
mod dot;
mod drawing;
mod findings;
mod layout;
mod mermaid;
mod scenario;
mod svg;
mod text;

pub use build::{picture, root_title, Request};
pub use dot::render_dot;
pub use drawing::*;
pub use mermaid::render_mermaid;
pub use scenario::{under_scenario, UnderScenario};
pub use svg::{render_svg, xml_text};

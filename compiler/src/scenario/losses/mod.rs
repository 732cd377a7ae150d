//! `what-if --losses`: the movement's single points of failure, computed
//! from what each loss touches.

mod actor;
mod bridge;
mod cluster;
mod connectivity;
mod cuts;
mod found;
mod graph;
mod index;
mod rank;

pub use rank::{losses, Loss, Lost};

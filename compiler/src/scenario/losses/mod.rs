//! `what-if --losses`: the movement's single points of failure, computed
//! from what each loss touches.

mod after;
mod connectivity;
mod cuts;
mod index;
mod rank;

pub use rank::{losses, Loss, Lost};

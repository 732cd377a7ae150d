//! The parser LALRPOP generates from `grammar.lalrpop` at build time (into
//! the build's output folder, never committed). Its code is not ours to
//! lint.
#![allow(
    clippy::all,
    clippy::pedantic,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing,
    unused
)]

include!(concat!(env!("OUT_DIR"), "/grammar.rs"));

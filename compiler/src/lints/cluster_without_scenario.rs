//! # W0408 `cluster-without-scenario`
//!
//! ## What it finds
//! A cluster whose `bets_on` is empty (or missing). It is reported at the
//! cluster's name; default level `warn`. A `bets_on` holding a name that
//! matches no declaration (E0201) is not empty, so a typo gives only the
//! error.
//!
//! ## Why it matters
//! Clusters are "separate, not only because they focus on different
//! opportunities but also because in real life they will operate separately".
//! What holds a cluster together is its bet: the scenario it prepares for,
//! which lets its members "stay focused on their plan and consolidate their
//! convictions". A cluster with no bet cannot be told apart from the others,
//! and the response rules have nothing to activate it for.
//!
//! ## Example
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster mobilization "Seize the outrageous moments"
//! ```
//!
//! ## How to fix it
//! Name the scenario (or scenarios) the cluster bets on in `bets_on`, declaring
//! it if needed. If the cluster deliberately bets on none (a support structure
//! rather than a strategy, say), write `@allow(cluster-without-scenario)` before
//! it, set `cluster-without-scenario = "allow"` under `[lints]` in
//! `ecospec.toml`, or pass `-A cluster-without-scenario`.
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     bets_on: outrageous_moment
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0408"),
    name: "cluster-without-scenario",
    default: Level::Warn,
    summary: "a cluster that bets on no scenario",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    for cluster in &model.clusters {
        if !cluster.bets_on.is_empty() {
            continue;
        }
        let name = &*cluster.common.name;
        out.push(
            Finding::new(
                &LINT,
                &[name],
                cluster.common.name_loc,
                format!("cluster `{name}` bets on no scenario"),
            )
            .primary_label("no `bets_on`")
            .help("add `bets_on: SCENARIO`: the moment this cluster prepares for"),
        );
    }
}

//! # W0406 `empty-cluster`
//!
//! ## What it finds
//! A cluster with no members: no actor has it in `in`. Actors that only
//! `serves` it do not count as members. It is reported at the cluster's name;
//! default level `warn`.
//!
//! ## Why it matters
//! A cluster is "a cluster of movement actors", "campaigns, alliances and
//! organizations of different kinds" gathered around one grand strategy and
//! knit tightly enough for "constant communication and detailed coordination".
//! Support from outside, however valuable, does not make a cluster: without
//! members, the bet on its scenario is a bet nobody places.
//!
//! ## Example
//! The lawyers serve the cluster, but nobody is in it:
//! ```eco
//! cluster mobilization "Seize the outrageous moments"
//!
//! actor lawyers: association "Lawyers' association" {
//!     serves: mobilization
//! }
//! ```
//!
//! ## How to fix it
//! Add the actors that carry the cluster's strategy with `in:`. If the cluster
//! is an aspiration still looking for its organizations, keep it and silence
//! the finding: write `@allow(empty-cluster)` before it, set
//! `empty-cluster = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A empty-cluster`.
//! ```eco
//! cluster mobilization "Seize the outrageous moments"
//!
//! actor lawyers: association "Lawyers' association" {
//!     serves: mobilization
//! }
//!
//! actor climate_network: network "Climate justice network" {
//!     in: mobilization
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0406"),
    name: "empty-cluster",
    default: Level::Warn,
    summary: "a cluster with no members",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for (index, cluster) in model.clusters.iter().enumerate() {
        let members = facts.members.get(index).map_or(0, Vec::len);
        if members > 0 {
            continue;
        }
        let name = &*cluster.common.name;
        out.push(
            Finding::new(&LINT, &[name], cluster.common.name_loc, format!("cluster `{name}` has no members"))
                .primary_label("no actor is `in` this cluster")
                .help(format!("add `in: {name}` to the actors that belong to it (actors that only `serves` it are not members)")),
        );
    }
}

//! # W0401 `unbridged-cluster`
//!
//! ## What it finds
//! A cluster that no bridge names, in an ecosystem with two or more clusters.
//! It is reported at the cluster's name; default level `warn`. Every resolved
//! name in a bridge's header counts, so a bridge with one misspelt end (E0201)
//! still bridges the other.
//!
//! ## Why it matters
//! Clusters are meant to be separate: each bets on its own scenario and stays
//! focused on its plan. But "these clusters would have to be bridged", first so
//! that they trust each other ("if there is an outrageous moment and the second
//! cluster is activated, then the first cluster should join in to support
//! them"), and second so that capabilities travel between them. A cluster with
//! no bridge at all will face its moment alone.
//!
//! ## Example
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster antimilitarist { bets_on: escalation }
//! cluster mobilization { bets_on: outrageous_moment }
//! ```
//!
//! ## How to fix it
//! Add a bridge that names the cluster: `between` it and one other cluster, or
//! `among` several (a movement-wide network of spokespeople, say). A loose,
//! informal bridge is enough to count; "the bridges between the clusters are
//! probably not as tight as within the clusters". If a cluster is deliberately
//! on its own for now, write `@allow(unbridged-cluster)` before it, set
//! `unbridged-cluster = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A unbridged-cluster`.
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster antimilitarist { bets_on: escalation }
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! bridge spokes between antimilitarist and mobilization {
//!     form: network
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0401"),
    name: "unbridged-cluster",
    default: Level::Warn,
    summary: "a cluster in no bridge at all",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    if facts.clusters_left < 2 {
        return;
    }
    for (index, cluster) in model.clusters.iter().enumerate() {
        if facts.bridged.get(index).copied().unwrap_or(true) {
            continue;
        }
        let name = &*cluster.common.name;
        out.push(
            Finding::new(&LINT, &[name], cluster.common.name_loc, format!("cluster `{name}` is not bridged to any other cluster"))
                .primary_label("no bridge names this cluster")
                .help(format!("add a bridge, such as `bridge {name}_link between {name} and {}`, so that when reality proves one cluster right the others can join in", other_cluster(model, index))),
        );
    }
}

fn other_cluster(model: &Model, index: usize) -> &str {
    model
        .clusters
        .iter()
        .enumerate()
        .find(|(i, c)| *i != index && !c.common.removed)
        .map_or("another_cluster", |(_, c)| &c.common.name)
}

//! # W0401 `unbridged-cluster`
//!
//! ## What it finds
//! A cluster that no bridge names, in an ecosystem with two or more clusters.
//! It is reported at the cluster's name; default level `warn`. Every declared
//! name in a bridge's header counts, so a bridge with one misspelt end (E0201)
//! still bridges the other. Its help proposes a bridge to a cluster that
//! shares a scenario or a need with it, else to one that an actor serving it
//! already serves, and names an actor that serves both for `through`.
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
    let mut partners: Option<Partners> = None;
    for (index, cluster) in model.clusters.iter().enumerate() {
        if facts.bridged.get(index).copied().unwrap_or(true) {
            continue;
        }
        let partners = partners.get_or_insert_with(|| Partners::new(model));
        let name = &*cluster.common.name;
        let partner = partners.partner(model, facts, index);
        let other = partner.cluster.map_or("another_cluster", |j| model.cluster_name(j));
        let bridge = match partner.through {
            Some(actor) => format!(
                "bridge {name}_link between {name} and {other} {{ through: {} }}",
                model.actor_name(actor)
            ),
            None => format!("bridge {name}_link between {name} and {other}"),
        };
        let why = match partner.why {
            Some(why) => format!(" ({why})"),
            None => String::new(),
        };
        out.push(
            Finding::new(&LINT, &[name], cluster.common.name_loc, format!("cluster `{name}` is not bridged to any other cluster"))
                .primary_label("no bridge names this cluster")
                .help(format!("add a bridge, such as `{bridge}`{why}, so that when reality proves one cluster right the others can join in")),
        );
    }
}

/// The first cluster besides `index` that a removal has not taken out.
fn first_other(model: &Model, index: usize) -> Option<usize> {
    model
        .clusters
        .iter()
        .enumerate()
        .find(|(i, c)| *i != index && !c.common.removed)
        .map(|(i, _)| i)
}

/// Entries of an actor's or a cluster's lists read to find a partner: the
/// help of one finding costs at most this many steps per list.
const LOOKED_AT: usize = 16;

/// What a cluster would best be bridged to (9.5): one that shares a
/// scenario or a need with it (the first declared), else one that an actor
/// serving it already serves, else the first other cluster; and an actor
/// serving both, for `through`.
struct Partner {
    cluster: Option<usize>,
    through: Option<usize>,
    why: Option<String>,
}

/// Per scenario and per capability, the first two clusters betting on it or
/// needing it: a partner is found without comparing every pair of clusters.
struct Partners {
    betting: Vec<[Option<usize>; 2]>,
    needing: Vec<[Option<usize>; 2]>,
}

impl Partners {
    fn new(model: &Model) -> Partners {
        let mut betting = vec![[None; 2]; model.scenarios.len()];
        let mut needing = vec![[None; 2]; model.capabilities.len()];
        for (index, cluster) in model.clusters.iter().enumerate() {
            for (refs, firsts) in [(&cluster.bets_on, &mut betting), (&cluster.needs, &mut needing)] {
                for target in refs.iter().filter_map(|r| r.index) {
                    if let Some(slots) = firsts.get_mut(target) {
                        match slots {
                            [None, _] => slots[0] = Some(index),
                            [Some(first), None] if *first != index => slots[1] = Some(index),
                            _ => {}
                        }
                    }
                }
            }
        }
        Partners { betting, needing }
    }

    fn partner(&self, model: &Model, facts: &Facts, index: usize) -> Partner {
        let other = |slots: Option<&[Option<usize>; 2]>| {
            slots.and_then(|s| s.iter().flatten().copied().find(|c| *c != index))
        };
        let mut best: Option<(usize, String)> = None;
        if let Some(cluster) = model.clusters.get(index) {
            let shared = [
                (&cluster.bets_on, &self.betting, "bets on"),
                (&cluster.needs, &self.needing, "needs"),
            ];
            for (refs, firsts, verb) in shared {
                for target in refs.iter().take(LOOKED_AT).filter_map(|r| r.index) {
                    if let Some(j) = other(firsts.get(target)) {
                        if best.as_ref().is_none_or(|(b, _)| j < *b) {
                            let what = refs
                                .iter()
                                .find(|r| r.index == Some(target))
                                .map_or("", |r| &*r.name);
                            best = Some((j, format!("`{}` also {verb} `{what}`", model.cluster_name(j))));
                        }
                    }
                }
            }
        }
        let serving: &[usize] = facts.serving.get(index).map_or(&[], Vec::as_slice);
        let served_by = |actor: usize| -> Vec<usize> {
            model.actors.get(actor).map_or(Vec::new(), |a| {
                a.member_of
                    .iter()
                    .chain(&a.serves)
                    .take(LOOKED_AT)
                    .filter_map(|r| r.index)
                    .collect()
            })
        };
        let (cluster, why) = match best {
            Some((j, why)) => (Some(j), Some(why)),
            None => {
                // A cluster an actor serving this one already serves.
                let touched = serving
                    .iter()
                    .take(LOOKED_AT)
                    .flat_map(|a| served_by(*a))
                    .filter(|j| *j != index)
                    .min();
                match touched {
                    Some(j) => (Some(j), None),
                    None => (first_other(model, index), None),
                }
            }
        };
        let through = cluster.and_then(|j| {
            serving
                .iter()
                .take(LOOKED_AT)
                .copied()
                .find(|a| served_by(*a).contains(&j))
        });
        let serves_both = through.map(|actor| format!("`{}` already serves both", model.actor_name(actor)));
        let why = match (why, serves_both) {
            (Some(why), Some(both)) => Some(format!("{why}; {both}")),
            (why, both) => why.or(both),
        };
        Partner { cluster, through, why }
    }
}

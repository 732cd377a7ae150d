//! # W0418 `critical-bridge`
//!
//! ## What it finds
//! A critical bridge: one whose removal (with all it joins) splits a connected
//! part of the cluster graph. A bridge with a parallel bridge (another joining
//! the same clusters) is never critical. It is reported at the bridge's name;
//! its message names the clusters that removing it cuts off (the smallest
//! side, when one of a few dozen clusters and bridges is found)
//! and the bridge's clusters on the other side.
//! Default level `allow`, so it is not shown until enabled:
//! `critical-bridge = "warn"` under `[lints]` in `ecospec.toml`, or
//! `-W critical-bridge`. Even when allowed it is measured: an intervention that
//! removes it has an effect (W0417).
//!
//! ## Why it matters
//! "These clusters would have to be bridged", for trust and for capabilities.
//! When one bridge is all that holds two parts of the movement together, that
//! trust hangs on a handful of people: one burnt-out spokesperson, one network
//! that stops meeting, and the parts drift apart. "In some cases, specific
//! capabilities might have stable networks of their own": more than one path
//! is what makes the ecosystem hold.
//!
//! ## Example
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//!
//! bridge spokes between antimilitarist and mobilization
//! ```
//!
//! ## How to fix it
//! Add another bridge between the same clusters (or another path around the
//! bridge): a network of communication teams beside the spokespeople, a joint
//! conference. Young ecosystems often have a single bridge by necessity; keep
//! the lint at `allow`, or write `@allow(critical-bridge)` before the bridge,
//! or pass `-A critical-bridge`.
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//!
//! bridge spokes between antimilitarist and mobilization
//! bridge comms_teams between antimilitarist and mobilization {
//!     form: network
//! }
//! ```

use crate::code::Code;
use crate::model::{Adjacency, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0418"),
    name: "critical-bridge",
    default: Level::Allow,
    summary: "a bridge whose removal splits the ecosystem",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    let mut graph: Option<Graph> = None;
    for (index, bridge) in model.bridges.iter().enumerate() {
        if !facts.critical.get(index).copied().unwrap_or(false) {
            continue;
        }
        let graph = graph.get_or_insert_with(|| Graph::new(model));
        let name = &*bridge.common.name;
        let cut = match graph.cut_off(model, index) {
            Some(side) => {
                let others: Vec<usize> = bridge
                    .joins()
                    .into_iter()
                    .filter(|c| side.binary_search(c).is_err())
                    .collect();
                format!(
                    ": without it, {} would be cut off from {}",
                    names(model, &side),
                    names(model, &others)
                )
            }
            None => String::new(),
        };
        out.push(
            Finding::new(&LINT, &[name], bridge.common.name_loc, format!("bridge `{name}` is the only link holding its clusters together{cut}"))
                .primary_label("removing this bridge splits the ecosystem")
                .help("add a parallel bridge (another network, a joint conference) so that trust does not hang on one link"),
        );
    }
}

/// Clusters a message names; more are counted.
const NAMED: usize = 4;
/// Steps (clusters and bridges visited) the search for one side may take:
/// a side larger than this is not named (the cost of a finding stays
/// bounded on a chain of 100,000 critical bridges).
const STEPS: usize = 64;

/// Steps all the searches of one model may take together: on a chain of
/// 60,000 critical bridges (the generated 1M-line ecosystem), or judged once
/// per intervention, the names cost next to nothing; a finding past the
/// budget keeps the message without them.
const BUDGET: usize = 4096;

/// Ends of a bridge whose sides are searched (a bridge `among` 100,000
/// clusters is not searched from each).
const STARTS: usize = 4;

/// `` `a` ``, `` `a` and `b` ``, `` `a`, `b`, `c`, `d` and 3 more ``.
fn names(model: &Model, clusters: &[usize]) -> String {
    let named: Vec<String> = clusters
        .iter()
        .take(NAMED)
        .map(|c| format!("`{}`", model.cluster_name(*c)))
        .collect();
    let more = clusters.len().saturating_sub(NAMED);
    match (named.as_slice(), more) {
        ([one], 0) => one.clone(),
        ([init @ .., last], 0) => format!("{} and {last}", init.join(", ")),
        (all, more) => format!("{} and {more} more", all.join(", ")),
    }
}

/// Clusters and the bridges that name them, both ways.
struct Graph {
    /// Per cluster: the bridges that join it.
    bridges_of: Vec<Vec<usize>>,
    /// Per bridge: the clusters it joins.
    joins: Vec<Vec<usize>>,
    /// The search that last saw each cluster and bridge (no clearing
    /// between searches).
    cluster_seen: Vec<u32>,
    bridge_seen: Vec<u32>,
    stamp: u32,
    /// Steps left for the searches of this model ([`BUDGET`]).
    left: usize,
}

impl Graph {
    fn new(model: &Model) -> Graph {
        let Adjacency { bridges_of, joins } = Adjacency::new(model);
        Graph {
            cluster_seen: vec![0; bridges_of.len()],
            bridge_seen: vec![0; joins.len()],
            bridges_of,
            joins,
            stamp: 0,
            left: BUDGET,
        }
    }

    /// The clusters that removing `bridge` cuts off: the smallest of the
    /// sides its clusters fall into without it (sorted by declaration), if
    /// one is found within [`STEPS`].
    fn cut_off(&mut self, model: &Model, bridge: usize) -> Option<Vec<usize>> {
        let mut ends = self.joins.get(bridge)?.clone();
        let starts: Vec<usize> = ends.iter().take(STARTS).copied().collect();
        ends.sort_unstable();
        let mut best: Option<Vec<usize>> = None;
        for start in starts {
            let Some(side) = self.side(bridge, start) else {
                continue;
            };
            // A side that holds another end is not cut off from it.
            if side.iter().filter(|c| ends.binary_search(c).is_ok()).count() > 1 {
                continue;
            }
            if best.as_ref().is_none_or(|b| side.len() < b.len()) {
                best = Some(side);
            }
        }
        best.filter(|side| side.len() < model.clusters.len())
    }

    /// The clusters reachable from `start` without `removed`, sorted, if
    /// found within [`STEPS`].
    fn side(&mut self, removed: usize, start: usize) -> Option<Vec<usize>> {
        self.stamp += 1;
        let stamp = self.stamp;
        mark(&mut self.bridge_seen, removed, stamp);
        mark(&mut self.cluster_seen, start, stamp);
        let mut side = vec![start];
        let mut queue = vec![start];
        let mut steps = 0usize;
        while let Some(c) = queue.pop() {
            for b in self.bridges_of.get(c).into_iter().flatten() {
                steps += 1;
                if steps > STEPS || !take(&mut self.left) {
                    return None;
                }
                if !mark(&mut self.bridge_seen, *b, stamp) {
                    continue;
                }
                for next in self.joins.get(*b).into_iter().flatten() {
                    steps += 1;
                    if steps > STEPS || !take(&mut self.left) {
                        return None;
                    }
                    if mark(&mut self.cluster_seen, *next, stamp) {
                        side.push(*next);
                        queue.push(*next);
                    }
                }
            }
        }
        side.sort_unstable();
        Some(side)
    }
}

/// Takes one step from what is left for the whole model.
fn take(left: &mut usize) -> bool {
    match left.checked_sub(1) {
        Some(rest) => {
            *left = rest;
            true
        }
        None => false,
    }
}

/// Marks `index` as seen in the search `stamp`; whether it was not yet.
fn mark(seen: &mut [u32], index: usize, stamp: u32) -> bool {
    match seen.get_mut(index) {
        Some(s) if *s != stamp => {
            *s = stamp;
            true
        }
        _ => false,
    }
}

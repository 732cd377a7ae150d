//! What `--losses` reads for every candidate, computed once from the
//! configuration: how many actors provide each capability in each cluster,
//! each cluster's needs, how often each capability is named, how many
//! clusters bet on each scenario, the cluster graph and its components,
//! how each loss splits it (`cuts.rs`), and each scenario that takes
//! something away.

use rustc_hash::FxHashMap;

use crate::diagnostic::Loc;
use crate::model::{distinct, Adjacency, Facts, Model};
use crate::scenario::configuration::Configuration;

use super::cuts::Cuts;

/// A scenario with a `removes` that resolved and an unbroken `on` rule:
/// the configuration under it (W0422 reads it).
pub struct GapScenario<'m> {
    pub config: Configuration<'m>,
    pub adjacency: Adjacency,
    /// Component representative under the scenario → its clusters.
    pub members: FxHashMap<usize, Vec<usize>>,
    /// How each loss splits the cluster graph under the scenario.
    pub cuts: Cuts,
}

pub struct Index<'m> {
    pub model: &'m Model,
    pub facts: &'m Facts,
    pub adjacency: Adjacency,
    /// (cluster, capability) → actors serving the cluster that provide it.
    pub count: FxHashMap<(usize, usize), u32>,
    /// Per cluster: its needs, each once, at its first entry.
    pub needs: Vec<Vec<(usize, Loc)>>,
    /// Per capability: entries naming it in `needs`, `provides` and `via`.
    pub uses: Vec<u32>,
    /// Per capability: some cluster needs it.
    pub needed: Vec<bool>,
    /// Per scenario: clusters betting on it.
    pub bet_count: Vec<u32>,
    /// Scenarios some cluster bets on.
    pub bet_on: usize,
    /// (bridge, capability of its `via`) → the sum of `count` over its clusters.
    pub total: FxHashMap<(usize, usize), u32>,
    /// Actors that might provide more than they say, not removed.
    pub unsure: Vec<usize>,
    /// Component representative → its clusters, in index order.
    pub members: FxHashMap<usize, Vec<usize>>,
    /// (first cluster, representative) of each component of two or more
    /// clusters, sorted: W0402 reads the first two.
    pub big_firsts: Vec<(usize, usize)>,
    pub gap_scenarios: Vec<GapScenario<'m>>,
    /// How each loss splits the cluster graph.
    pub cuts: Cuts,
}

impl<'m> Index<'m> {
    pub fn new(model: &'m Model, facts: &'m Facts) -> Index<'m> {
        let mut count: FxHashMap<(usize, usize), u32> = FxHashMap::default();
        for (c, serving) in facts.serving.iter().enumerate() {
            for a in serving {
                if let Some(actor) = model.actors.get(*a) {
                    for (k, _) in distinct(&actor.provides) {
                        *count.entry((c, k)).or_default() += 1;
                    }
                }
            }
        }
        let needs = model
            .clusters
            .iter()
            .map(|c| distinct(&c.needs).map(|(k, r)| (k, r.loc)).collect())
            .collect();
        let mut needed = vec![false; model.capabilities.len()];
        for k in model
            .clusters
            .iter()
            .flat_map(|c| &c.needs)
            .filter_map(|r| r.index)
        {
            if let Some(flag) = needed.get_mut(k) {
                *flag = true;
            }
        }
        let mut uses = vec![0u32; model.capabilities.len()];
        let entries = model
            .clusters
            .iter()
            .flat_map(|c| &c.needs)
            .chain(model.actors.iter().flat_map(|a| &a.provides))
            .chain(model.bridges.iter().flat_map(|b| &b.via));
        for k in entries.filter_map(|r| r.index) {
            if let Some(n) = uses.get_mut(k) {
                *n += 1;
            }
        }
        let mut bet_count = vec![0u32; model.scenarios.len()];
        for cluster in &model.clusters {
            for (s, _) in distinct(&cluster.bets_on) {
                if let Some(n) = bet_count.get_mut(s) {
                    *n += 1;
                }
            }
        }
        let bet_on = bet_count.iter().filter(|n| **n > 0).count();
        let adjacency = Adjacency::new(model);
        let mut total = FxHashMap::default();
        for (b, bridge) in model.bridges.iter().enumerate() {
            let joins = adjacency.joins.get(b).map_or(&[][..], Vec::as_slice);
            for (k, _) in distinct(&bridge.via) {
                let sum = joins
                    .iter()
                    .map(|c| count.get(&(*c, k)).copied().unwrap_or(0))
                    .sum::<u32>();
                total.insert((b, k), sum);
            }
        }
        let unsure = model
            .actors
            .iter()
            .enumerate()
            .filter(|(_, a)| a.unsure && !a.common.removed)
            .map(|(i, _)| i)
            .collect();
        let members = components(facts);
        let mut big_firsts: Vec<(usize, usize)> = members
            .iter()
            .filter(|(_, m)| m.len() >= 2)
            .filter_map(|(k, m)| Some((*m.first()?, *k)))
            .collect();
        big_firsts.sort_unstable();
        let gap_scenarios = (0..model.scenarios.len())
            .filter(|s| {
                model
                    .scenarios
                    .get(*s)
                    .is_some_and(|sc| sc.removes.iter().any(|r| r.symbol.is_some()))
            })
            .filter(|s| {
                crate::scenario::configuration::rule_of(model, *s)
                    .and_then(|r| model.rules.get(r))
                    .is_some_and(|r| !r.broken)
            })
            .map(|s| {
                let config = Configuration::new(model, facts, s, &[]);
                let adjacency = Adjacency::new(&config.under);
                let members = components(&config.facts);
                let cuts = Cuts::new(&config.under, &adjacency);
                GapScenario {
                    config,
                    adjacency,
                    members,
                    cuts,
                }
            })
            .collect();
        let cuts = Cuts::new(model, &adjacency);
        Index {
            model,
            facts,
            adjacency,
            count,
            needs,
            uses,
            needed,
            bet_count,
            bet_on,
            total,
            unsure,
            members,
            big_firsts,
            cuts,
            gap_scenarios,
        }
    }

    pub fn count(&self, c: usize, k: usize) -> u32 {
        self.count.get(&(c, k)).copied().unwrap_or(0)
    }

    /// Cluster `c` needs capability `k`: the entry of its first need of it.
    pub fn need(&self, c: usize, k: usize) -> Option<Loc> {
        self.needs
            .get(c)?
            .iter()
            .find(|(n, _)| *n == k)
            .map(|(_, loc)| *loc)
    }

    /// The clusters an actor is in or serves, each once.
    pub fn clusters_of(&self, a: usize) -> Vec<usize> {
        self.model
            .actors
            .get(a)
            .map(|actor| actor.clusters())
            .unwrap_or_default()
    }
}

/// Component representative → its clusters, in index order.
fn components(facts: &Facts) -> FxHashMap<usize, Vec<usize>> {
    let mut members: FxHashMap<usize, Vec<usize>> = FxHashMap::default();
    for (c, k) in facts.component.iter().enumerate() {
        members.entry(*k).or_default().push(c);
    }
    members
}

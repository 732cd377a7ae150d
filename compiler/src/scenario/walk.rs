//! A scenario walked through (`ecospec what-if --scenario`, the report, the
//! hover on a scenario): under the scenario, which clusters activate, which
//! supporters join in and over which bridges (a shortest path, or none),
//! and, for each cluster that responds, each need and who provides it.

use ecospec_syntax::DeclKind;

use crate::model::{distinct, Symbol};

use super::configuration::Configuration;
use super::paths::{shorter, Graph, Step};

/// A supporter: a cluster or an actor in the rule's `support`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Who {
    Cluster(usize),
    Actor(usize),
}

/// How a supporter reaches one activated cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// The activated cluster.
    pub to: usize,
    /// The cluster the path starts from (the supporter itself, or a
    /// cluster the supporting actor is in or serves) and its steps; `None`
    /// when no path exists under the scenario.
    pub path: Option<(usize, Vec<Step>)>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Supporter {
    pub who: Who,
    /// One per activated cluster (but itself), in the order of `activated`.
    pub routes: Vec<Route>,
}

/// A need of a responding cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Need {
    pub capability: usize,
    /// The actors serving the cluster that provide it under the scenario.
    pub providers: Vec<usize>,
    /// Provided now and not under the scenario: the removals took it.
    pub taken: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ClusterNeeds {
    pub cluster: usize,
    /// Activated (else: supporting).
    pub activated: bool,
    pub needs: Vec<Need>,
}

/// The walk; indices point into `config.under` (and `config.now`: the same
/// indices).
pub struct Walk<'m> {
    pub config: Configuration<'m>,
    /// The clusters that activate, in order of first entry.
    pub activated: Vec<usize>,
    pub supporters: Vec<Supporter>,
    /// Activated clusters first, then supporting ones.
    pub needs: Vec<ClusterNeeds>,
    /// Entries of the rule that the removals took out (clusters of
    /// `activate` and `support`, actors of `support`), in rule order.
    pub taken_from_rule: Vec<Symbol>,
}

impl<'m> Walk<'m> {
    /// Walks `config`: one breadth-first search per activated cluster, then
    /// each path step by step.
    pub fn new(config: Configuration<'m>) -> Walk<'m> {
        let activated = config.activated();
        let graph = Graph::new(&config.under);
        let distances: Vec<_> = activated.iter().map(|a| graph.distances_to(*a)).collect();
        let mut supporters = Vec::new();
        for (x, _) in config.supporting_clusters() {
            let routes = activated
                .iter()
                .zip(&distances)
                .filter(|(a, _)| **a != x)
                .map(|(a, d)| Route {
                    to: *a,
                    path: graph.path(d, x).map(|steps| (x, steps)),
                })
                .collect();
            supporters.push(Supporter {
                who: Who::Cluster(x),
                routes,
            });
        }
        for (x, _) in config.supporting_actors() {
            let clusters: Vec<usize> = config
                .under
                .actors
                .get(x)
                .map(|actor| actor.clusters())
                .unwrap_or_default();
            let routes = activated
                .iter()
                .zip(&distances)
                .map(|(a, d)| {
                    let mut best: Option<(usize, Vec<Step>)> = None;
                    for &c in &clusters {
                        if let Some(steps) = graph.path(d, c) {
                            let candidate = (c, steps);
                            if best
                                .as_ref()
                                .is_none_or(|b| shorter(&config.under, &candidate, b))
                            {
                                best = Some(candidate);
                            }
                        }
                    }
                    Route { to: *a, path: best }
                })
                .collect();
            supporters.push(Supporter {
                who: Who::Actor(x),
                routes,
            });
        }
        let mut needs: Vec<ClusterNeeds> = config
            .responding()
            .into_iter()
            .map(|c| ClusterNeeds {
                cluster: c,
                activated: activated.contains(&c),
                needs: Vec::new(),
            })
            .collect();
        for (c, k, _) in config.needs() {
            if let Some(entry) = needs.iter_mut().find(|n| n.cluster == c) {
                entry.needs.push(Need {
                    capability: k,
                    providers: config.providers(c, k),
                    taken: config.takes_away(c, k),
                });
            }
        }
        let taken_from_rule = taken_from_rule(&config);
        Walk {
            config,
            activated,
            supporters,
            needs,
            taken_from_rule,
        }
    }
}

fn taken_from_rule(config: &Configuration<'_>) -> Vec<Symbol> {
    let Some(rule) = config.rule_now() else {
        return Vec::new();
    };
    let under = &config.under;
    let mut taken = Vec::new();
    let clusters: Vec<_> = rule.activate.iter().chain(&rule.support).cloned().collect();
    for (c, _) in distinct(&clusters) {
        if under.clusters.get(c).is_some_and(|d| d.common.removed) {
            taken.push(Symbol {
                kind: DeclKind::Cluster,
                index: c,
            });
        }
    }
    for (a, _) in distinct(&rule.support_actors) {
        if under.actors.get(a).is_some_and(|d| d.common.removed) {
            taken.push(Symbol {
                kind: DeclKind::Actor,
                index: a,
            });
        }
    }
    taken
}

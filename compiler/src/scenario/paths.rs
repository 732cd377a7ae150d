//! Shortest paths of bridges in a configuration's cluster graph: clusters
//! are joined by the bridges that name them (an `among` bridge joins all
//! its clusters in one step). Among the shortest paths, the one taken is
//! the smallest step by step: at each step the bridge with the smallest
//! name, then the cluster with the smallest name (names compared by code
//! points), so the walk is the same on every run.

use std::collections::VecDeque;

use crate::model::{Adjacency, Model};

/// One step of a path: over `bridge` into cluster `to`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Step {
    pub bridge: usize,
    pub to: usize,
}

/// The cluster graph of one model: the bridges of each cluster and the
/// clusters of each bridge.
pub struct Graph<'m> {
    model: &'m Model,
    bridges_of: Vec<Vec<usize>>,
    joins: Vec<Vec<usize>>,
}

/// Per cluster, the number of bridges to a target cluster (none: no path).
pub struct Distances(Vec<Option<u32>>);

impl Distances {
    pub fn to(&self, cluster: usize) -> Option<u32> {
        self.0.get(cluster).copied().flatten()
    }
}

impl<'m> Graph<'m> {
    /// Linear in the clusters and the bridges' ends.
    pub fn new(model: &'m Model) -> Graph<'m> {
        let Adjacency { bridges_of, joins } = Adjacency::new(model);
        Graph {
            model,
            bridges_of,
            joins,
        }
    }

    /// The distance of every cluster to `target` (a breadth-first search
    /// from it; linear in the graph).
    pub fn distances_to(&self, target: usize) -> Distances {
        let mut distance = vec![None; self.bridges_of.len()];
        let mut bridge_seen = vec![false; self.joins.len()];
        let mut queue = VecDeque::new();
        if let Some(slot) = distance.get_mut(target) {
            *slot = Some(0);
            queue.push_back((target, 0u32));
        }
        while let Some((c, d)) = queue.pop_front() {
            for &b in self.bridges_of.get(c).into_iter().flatten() {
                if bridge_seen.get(b).copied().unwrap_or(true) {
                    continue;
                }
                if let Some(seen) = bridge_seen.get_mut(b) {
                    *seen = true;
                }
                for &next in self.joins.get(b).into_iter().flatten() {
                    if let Some(slot) = distance.get_mut(next) {
                        if slot.is_none() {
                            *slot = Some(d + 1);
                            queue.push_back((next, d + 1));
                        }
                    }
                }
            }
        }
        Distances(distance)
    }

    /// The shortest path from `from` to the target of `distances`, smallest
    /// by name step by step; `None` when there is none (an empty path when
    /// `from` is the target).
    pub fn path(&self, distances: &Distances, from: usize) -> Option<Vec<Step>> {
        let mut d = distances.to(from)?;
        let mut at = from;
        let mut steps = Vec::with_capacity(d as usize);
        while d > 0 {
            let next = self
                .bridges_of
                .get(at)
                .into_iter()
                .flatten()
                .flat_map(|&b| {
                    self.joins
                        .get(b)
                        .into_iter()
                        .flatten()
                        .filter(|&&c| distances.to(c) == Some(d - 1))
                        .map(move |&c| Step { bridge: b, to: c })
                })
                .min_by(|x, y| self.key(*x).cmp(&self.key(*y)))?;
            steps.push(next);
            at = next.to;
            d -= 1;
        }
        Some(steps)
    }

    fn key(&self, step: Step) -> (&str, &str) {
        let bridge = self
            .model
            .bridges
            .get(step.bridge)
            .map_or("", |b| &*b.common.name);
        (bridge, self.model.cluster_name(step.to))
    }
}

/// Of several paths, the shortest, then the smallest by name step by step
/// (its start cluster's name first).
pub fn shorter(model: &Model, a: &(usize, Vec<Step>), b: &(usize, Vec<Step>)) -> bool {
    let key = |(from, steps): &(usize, Vec<Step>)| {
        let names: Vec<(&str, &str)> = steps
            .iter()
            .map(|s| {
                let bridge = model.bridges.get(s.bridge).map_or("", |b| &*b.common.name);
                (bridge, model.cluster_name(s.to))
            })
            .collect();
        (steps.len(), model.cluster_name(*from), names)
    };
    key(a) < key(b)
}

//! The blocks of a lost cluster or bridge with it taken out: which bridges
//! hold them together alone then (W0418, when it counts at `warn` or
//! `deny`). A search over those blocks only.

use petgraph::graph::{NodeIndex, UnGraph};
use rustc_hash::FxHashMap;

use crate::model::Adjacency;

/// What a loss takes out of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    Cluster(usize),
    Bridge(usize),
}

/// The bridges among `nodes` (clusters, and bridges as `clusters + b`)
/// that are critical once node `blocked` is out: their node is an
/// articulation point of the graph of those nodes (as `Facts` computes it
/// for a whole model). `nodes` are the blocks of the lost node, so a
/// bridge critical only through them is found, and one critical already
/// is the configuration's own finding.
pub fn critical_after(adjacency: &Adjacency, nodes: &[usize], blocked: usize) -> Vec<usize> {
    let clusters = adjacency.bridges_of.len();
    let mut graph: UnGraph<(), ()> = UnGraph::default();
    let mut index: FxHashMap<usize, NodeIndex> = FxHashMap::default();
    for &n in nodes {
        if n != blocked {
            index.insert(n, graph.add_node(()));
        }
    }
    let mut bridge_nodes: Vec<(usize, NodeIndex)> = Vec::new();
    for &n in nodes.iter().filter(|n| **n >= clusters && **n != blocked) {
        let b = n - clusters;
        let Some(&node) = index.get(&n) else { continue };
        for c in adjacency.joins.get(b).into_iter().flatten() {
            if let Some(other) = index.get(c) {
                graph.add_edge(node, *other, ());
            }
        }
        bridge_nodes.push((b, node));
    }
    let points = petgraph::algo::articulation_points::articulation_points(&graph);
    let mut critical: Vec<usize> = bridge_nodes
        .into_iter()
        .filter(|(_, node)| points.contains(node))
        .map(|(b, _)| b)
        .collect();
    critical.sort_unstable();
    critical
}

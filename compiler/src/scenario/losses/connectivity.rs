//! The cluster graph of one component with one cluster or bridge taken
//! out: which bridges hold it together alone then (W0418, when it counts
//! at `warn` or `deny`). A search over that component only.

use petgraph::graph::{NodeIndex, UnGraph};
use rustc_hash::{FxHashMap, FxHashSet};

use crate::model::Adjacency;

/// What a loss takes out of the graph.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Blocked {
    Cluster(usize),
    Bridge(usize),
}

/// The bridges of the clusters of `members` that are critical once
/// `blocked` is out: their node is an articulation point of the graph of
/// those clusters and bridges (as `Facts` computes it for a whole model).
pub fn critical_after(adjacency: &Adjacency, members: &[usize], blocked: Blocked) -> Vec<usize> {
    let mut graph: UnGraph<(), ()> = UnGraph::default();
    let mut cluster_node: FxHashMap<usize, NodeIndex> = FxHashMap::default();
    for &c in members {
        if blocked != Blocked::Cluster(c) {
            cluster_node.insert(c, graph.add_node(()));
        }
    }
    let mut bridge_nodes: Vec<(usize, NodeIndex)> = Vec::new();
    let mut seen: FxHashSet<usize> = FxHashSet::default();
    for &c in members {
        for &b in adjacency.bridges_of.get(c).into_iter().flatten() {
            if blocked == Blocked::Bridge(b) || !seen.insert(b) {
                continue;
            }
            let node = graph.add_node(());
            for next in adjacency.joins.get(b).into_iter().flatten() {
                if let Some(n) = cluster_node.get(next) {
                    graph.add_edge(node, *n, ());
                }
            }
            bridge_nodes.push((b, node));
        }
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

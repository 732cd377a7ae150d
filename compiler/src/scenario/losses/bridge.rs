//! Losing a bridge: the clusters it joins (W0401), the uses of its `via`
//! (W0410), and the cluster graph of its component (`graph.rs`).

use crate::model::distinct;

use super::connectivity::Blocked;
use super::found::{unused, Out};
use super::graph::graph;
use super::index::Index;

/// Losing bridge `b`.
pub fn bridge(ix: &Index<'_>, b: usize, out: &mut Out<'_>) {
    let model = ix.model;
    let Some(bridge) = model.bridges.get(b) else {
        return;
    };
    let joins = ix.adjacency.joins.get(b).map_or(&[][..], Vec::as_slice);
    if ix.facts.clusters_left >= 2 {
        for &c in joins {
            let only = ix
                .adjacency
                .bridges_of
                .get(c)
                .is_some_and(|bs| bs.as_slice() == [b]);
            if let (true, Some(cluster)) = (only, model.clusters.get(c)) {
                out.push("W0401", &[&cluster.common.name], cluster.common.name_loc);
            }
        }
    }
    for (k, _) in distinct(&bridge.via) {
        let mine = bridge.via.iter().filter(|r| r.index == Some(k)).count();
        unused(ix, k, mine, out);
    }
    let Some(first) = joins.first() else { return };
    let Some(component) = ix.facts.component.get(*first).copied() else {
        return;
    };
    let critical = ix.facts.critical.get(b).copied().unwrap_or(false);
    graph(ix, component, Blocked::Bridge(b), critical, out);
}

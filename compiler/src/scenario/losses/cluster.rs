//! Losing a cluster: the actors in or serving it (W0405, W0411, W0412),
//! the scenarios it bets on (W0407, W0409), its needs and the `via` of the
//! bridges it takes along (W0410), the clusters those bridges joined
//! (W0401), and the cluster graph of its component (`graph.rs`).

use crate::model::distinct;

use super::connectivity::Blocked;
use super::found::{unused, Out};
use super::graph::graph;
use super::index::Index;

/// Losing cluster `c`.
pub fn cluster(ix: &Index<'_>, c: usize, out: &mut Out<'_>) {
    let model = ix.model;
    let Some(cluster) = model.clusters.get(c) else {
        return;
    };
    // The bridges it leaves with fewer than two clusters go too.
    let bridges = ix
        .adjacency
        .bridges_of
        .get(c)
        .map_or(&[][..], Vec::as_slice);
    let gone = |b: usize| ix.adjacency.joins.get(b).is_some_and(|j| j.len() <= 2);
    if ix.facts.clusters_left >= 3 {
        let mut others: Vec<usize> = bridges
            .iter()
            .flat_map(|b| ix.adjacency.joins.get(*b).into_iter().flatten().copied())
            .filter(|x| *x != c)
            .collect();
        others.sort_unstable();
        others.dedup();
        for x in others {
            let all_gone = ix
                .adjacency
                .bridges_of
                .get(x)
                .is_some_and(|bs| bs.iter().all(|b| bridges.contains(b) && gone(*b)));
            if let (true, Some(other)) = (all_gone, model.clusters.get(x)) {
                out.push("W0401", &[&other.common.name], other.common.name_loc);
            }
        }
    }
    // W0405: an actor whose every cluster entry is `c`.
    for &a in ix.facts.serving.get(c).into_iter().flatten() {
        let Some(actor) = model.actors.get(a) else {
            continue;
        };
        if actor
            .member_of
            .iter()
            .chain(&actor.serves)
            .all(|r| r.index == Some(c))
        {
            out.push("W0405", &[&actor.common.name], actor.common.name_loc);
        }
    }
    // W0407 and W0409: the scenarios it bets on.
    let bets: Vec<usize> = distinct(&cluster.bets_on).map(|(s, _)| s).collect();
    for &s in &bets {
        if ix.bet_count.get(s).copied() == Some(1) {
            if let Some(scenario) = model.scenarios.get(s) {
                out.push("W0407", &[&scenario.common.name], scenario.common.name_loc);
            }
        }
    }
    let lost = bets
        .iter()
        .filter(|s| ix.bet_count.get(**s).copied() == Some(1))
        .count();
    if ix.facts.clusters_left >= 3 && ix.bet_on.checked_sub(lost) == Some(1) {
        let left = ix.bet_count.iter().enumerate().find(|(s, n)| {
            let mine = u32::from(bets.contains(s));
            **n > mine
        });
        if let Some(scenario) = left.and_then(|(s, _)| model.scenarios.get(s)) {
            out.push("W0409", &[&scenario.common.name], scenario.common.name_loc);
        }
    }
    // W0410: its needs, and the `via` of the bridges it takes along.
    let mut lost_uses: Vec<usize> = cluster.needs.iter().filter_map(|r| r.index).collect();
    for &b in bridges.iter().filter(|b| gone(**b)) {
        if let Some(bridge) = model.bridges.get(b) {
            lost_uses.extend(bridge.via.iter().filter_map(|r| r.index));
        }
    }
    lost_uses.sort_unstable();
    for (i, &k) in lost_uses.iter().enumerate() {
        if i == 0 || lost_uses.get(i - 1) != Some(&k) {
            let n = lost_uses.iter().filter(|x| **x == k).count();
            unused(ix, k, n, out);
        }
    }
    // W0411 and W0412: the bridges that stay, without `c`.
    for &b in bridges.iter().filter(|b| !gone(**b)) {
        let Some(bridge) = model.bridges.get(b) else {
            continue;
        };
        let joins = ix.adjacency.joins.get(b).map_or(&[][..], Vec::as_slice);
        for (k, entry) in distinct(&bridge.via) {
            let total = ix.total.get(&(b, k)).copied().unwrap_or(0);
            if total > 0 && total == ix.count(c, k) {
                out.push(
                    "W0411",
                    &[&bridge.common.name, model.capability_name(k)],
                    entry.loc,
                );
            }
        }
        for (a, entry) in distinct(&bridge.through) {
            let clusters = ix.clusters_of(a);
            let inside = clusters.iter().filter(|x| joins.contains(x)).count();
            if inside == 1 && clusters.contains(&c) {
                out.push(
                    "W0412",
                    &[&bridge.common.name, model.actor_name(a)],
                    entry.loc,
                );
            }
        }
    }
    if let Some(component) = ix.facts.component.get(c).copied() {
        graph(ix, component, Blocked::Cluster(c), true, out);
    }
}

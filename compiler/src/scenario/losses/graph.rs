//! What losing a bridge or a cluster changes in the cluster graph: W0402,
//! W0413, W0418 and W0422 (b), read off the depth-first searches of
//! `cuts.rs` (the pieces the lost node leaves, the rules joined through
//! it).

use crate::model::distinct;

use super::connectivity::{critical_after, Blocked};
use super::found::Out;
use super::index::{GapScenario, Index};

/// W0402, W0413, W0418 and W0422 (b): the component of the loss without
/// it. `split` is false when the loss cannot split it (a bridge that is
/// not critical): then only W0418 can change.
pub fn graph(ix: &Index<'_>, component: usize, blocked: Blocked, split: bool, out: &mut Out<'_>) {
    let model = ix.model;
    let members = ix.members.get(&component).map_or(&[][..], Vec::as_slice);
    let node = match blocked {
        Blocked::Cluster(c) => c,
        Blocked::Bridge(b) => model.clusters.len() + b,
    };
    if (out.wanted)("W0418") {
        let nodes = ix.cuts.blocks_of(node);
        for b in critical_after(&ix.adjacency, &nodes, node) {
            if let Some(bridge) = model.bridges.get(b) {
                out.push("W0418", &[&bridge.common.name], bridge.common.name_loc);
            }
        }
    }
    if !split && ix.gap_scenarios.is_empty() {
        return;
    }
    let removed = match blocked {
        Blocked::Cluster(c) => Some(c),
        Blocked::Bridge(_) => None,
    };
    // A loss that cannot split its component leaves every cluster where
    // it was (a bridge that is not critical).
    let cut = split.then(|| ix.cuts.split(node, members.len()));
    // Where a cluster is after the loss: a piece cut off inside the
    // component is named past every cluster index; the rest of the
    // component, and every other component, keep their name.
    let base = model.clusters.len();
    let place = |c: usize| -> Option<usize> {
        if Some(c) == removed {
            return None;
        }
        match cut.as_ref().and_then(|cut| ix.cuts.piece_of(cut, c)) {
            Some(p) => Some(base + p),
            None => ix.facts.component.get(c).copied(),
        }
    };
    if let Some(cut) = &cut {
        let pieces: Vec<(usize, usize)> = cut
            .children
            .iter()
            .map(|(_, _, first, size)| (*first, *size))
            .chain(cut.rest)
            .collect();
        disconnected(ix, component, &pieces, out);
        for &r in ix.cuts.touching(node) {
            support_without_bridge(ix, r, removed, &place, out);
        }
    }
    for gap in &ix.gap_scenarios {
        lost_paths(ix, gap, blocked, &place, out);
    }
}

/// W0402 after the loss: the other components stay; the component of the
/// loss is its pieces.
fn disconnected(ix: &Index<'_>, component: usize, pieces: &[(usize, usize)], out: &mut Out<'_>) {
    let mut firsts: Vec<usize> = ix
        .big_firsts
        .iter()
        .filter(|(_, k)| *k != component)
        .take(2)
        .map(|(f, _)| *f)
        .chain(pieces.iter().filter(|(_, n)| *n >= 2).map(|(f, _)| *f))
        .collect();
    if firsts.len() < 2 {
        return;
    }
    firsts.sort_unstable();
    let Some(second) = firsts.get(1).and_then(|c| ix.model.clusters.get(*c)) else {
        return;
    };
    if !second.common.broken {
        out.push("W0402", &[], second.common.name_loc);
    }
}

/// W0413 for rule `r` after the loss: a supporter some activated cluster
/// is out of reach of.
fn support_without_bridge(
    ix: &Index<'_>,
    r: usize,
    removed: Option<usize>,
    place: &dyn Fn(usize) -> Option<usize>,
    out: &mut Out<'_>,
) {
    let model = ix.model;
    let Some(rule) = model.rules.get(r) else {
        return;
    };
    let mut activated: Vec<usize> = distinct(&rule.activate)
        .map(|(a, _)| a)
        .filter(|a| Some(*a) != removed)
        .filter(|a| model.clusters.get(*a).is_some_and(|c| !c.common.broken))
        .filter_map(place)
        .collect();
    activated.sort_unstable();
    activated.dedup();
    if activated.is_empty() {
        return;
    }
    let s = &*rule.scenario.name;
    for (x, entry) in distinct(&rule.support) {
        let Some(at) = place(x) else { continue };
        if activated.iter().any(|k| *k != at) {
            out.push("W0413", &[s, model.cluster_name(x)], entry.loc);
        }
    }
    for (x, entry) in distinct(&rule.support_actors) {
        let reach: Vec<usize> = ix.clusters_of(x).into_iter().filter_map(place).collect();
        if activated.iter().any(|k| !reach.contains(k)) {
            out.push("W0413", &[s, model.actor_name(x)], entry.loc);
        }
    }
}

/// W0422 (b) after the loss, for one scenario that takes something away:
/// a supporter and an activated cluster with a path without the loss and
/// none once the scenario comes too.
fn lost_paths(
    ix: &Index<'_>,
    gap: &GapScenario<'_>,
    blocked: Blocked,
    place: &dyn Fn(usize) -> Option<usize>,
    out: &mut Out<'_>,
) {
    let config = &gap.config;
    let under = &*config.under;
    // Out already under the scenario: nothing changes there.
    let present = match blocked {
        Blocked::Cluster(c) => under.clusters.get(c).is_some_and(|d| !d.common.removed),
        Blocked::Bridge(b) => under.bridges.get(b).is_some_and(|d| !d.common.removed),
    };
    if !present {
        return;
    }
    let first = match blocked {
        Blocked::Cluster(c) => Some(c),
        Blocked::Bridge(b) => gap.adjacency.joins.get(b).and_then(|j| j.first().copied()),
    };
    let Some(component) = first.and_then(|c| config.facts.component.get(c).copied()) else {
        return;
    };
    let node = match blocked {
        Blocked::Cluster(c) => c,
        Blocked::Bridge(b) => under.clusters.len() + b,
    };
    // A node off the search tree's paths between the rule's clusters under
    // the scenario cannot cut them apart there: nothing opens.
    if !config
        .rule
        .is_some_and(|r| gap.cuts.touching(node).contains(&r))
    {
        return;
    }
    let members = gap.members.get(&component).map_or(0, Vec::len);
    let cut = gap.cuts.split(node, members);
    let removed = match blocked {
        Blocked::Cluster(c) => Some(c),
        Blocked::Bridge(_) => None,
    };
    let base = ix.model.clusters.len();
    let place_under = |c: usize| -> Option<usize> {
        if Some(c) == removed {
            return None;
        }
        match gap.cuts.piece_of(&cut, c) {
            Some(p) => Some(base + p),
            None => config.facts.component.get(c).copied(),
        }
    };
    let Some(scenario) = ix.model.scenarios.get(config.scenario) else {
        return;
    };
    let s = &*scenario.common.name;
    let activated: Vec<usize> = config
        .activated()
        .into_iter()
        .filter(|a| Some(*a) != removed)
        .collect();
    let model = ix.model;
    for (x, entry) in config.supporting_clusters() {
        if Some(x) == removed {
            continue;
        }
        for &a in &activated {
            if x == a {
                continue;
            }
            let now = place(x).is_some() && place(x) == place(a);
            let then = place_under(x).is_some() && place_under(x) == place_under(a);
            if now && !then {
                out.push(
                    "W0422",
                    &[s, model.cluster_name(x), model.cluster_name(a)],
                    entry.loc,
                );
            }
        }
    }
    for (x, entry) in config.supporting_actors() {
        let now_reach: Vec<usize> = ix.clusters_of(x).into_iter().filter_map(place).collect();
        let then_reach: Vec<usize> = under
            .actors
            .get(x)
            .map(|actor| actor.clusters())
            .unwrap_or_default()
            .into_iter()
            .filter_map(place_under)
            .collect();
        for &a in &activated {
            let now = place(a).is_some_and(|k| now_reach.contains(&k));
            let then = place_under(a).is_some_and(|k| then_reach.contains(&k));
            if now && !then {
                out.push(
                    "W0422",
                    &[s, model.actor_name(x), model.cluster_name(a)],
                    entry.loc,
                );
            }
        }
    }
}

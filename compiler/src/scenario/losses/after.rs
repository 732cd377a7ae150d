//! What losing one actor, bridge or cluster opens, computed from what the
//! loss touches (section 10, `what-if --losses`): for each lint, the
//! findings the configuration without it has among the subjects the loss
//! changes. `rank.rs` then drops those the configuration already had.
//!
//! What each loss touches (the contract's removal, section 9.2 and 9.6):
//! - an actor: the provider counts of the clusters it is in or serves
//!   (W0403, W0404, W0406, W0411, W0423, W0422 (a)), the uses of what it
//!   provides (W0410); the cluster graph does not change;
//! - a bridge: the clusters it joins (W0401), the uses of its `via`
//!   (W0410), and the cluster graph of its component (W0402, W0413, W0418,
//!   W0422 (b));
//! - a cluster: the actors in or serving it (W0405, W0411, W0412), the
//!   scenarios it bets on (W0407, W0409), its needs (W0410), the bridges it
//!   leaves with one cluster (W0401), and the cluster graph of its
//!   component (W0402, W0413, W0418, W0422 (b)).
//!
//! Any other finding is the same with or without the loss (roles and
//! approaches stay on a removed declaration; scenarios, rules and needs of
//! other clusters do not change).

use ecospec_syntax::DeclKind;

use crate::diagnostic::Loc;
use crate::lints::{self, Lint};
use crate::model::distinct;

use super::connectivity::{critical_after, Blocked};
use super::index::Index;

/// A finding the configuration without the loss has: its lint, subjects
/// and place (its level is read there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub lint: &'static Lint,
    pub subjects: Vec<Box<str>>,
    pub primary: Loc,
}

/// Where the findings go: only lints that can be at `warn` or `deny`
/// somewhere (a lint at `allow` or `note` everywhere opens nothing that
/// counts), and none that counts providers while they wait after the loss.
pub struct Out<'w> {
    pub wanted: &'w dyn Fn(&str) -> bool,
    pub providers_wait: bool,
    pub found: Vec<Found>,
}

impl Out<'_> {
    fn push(&mut self, code: &str, subjects: &[&str], primary: Loc) {
        if !(self.wanted)(code) {
            return;
        }
        if self.providers_wait && matches!(code, "W0403" | "W0404" | "W0411" | "W0423") {
            return;
        }
        if let Some(lint) = lints::find(code) {
            self.found.push(Found {
                lint,
                subjects: subjects.iter().map(|s| Box::from(*s)).collect(),
                primary,
            });
        }
    }
}

/// Losing actor `a`.
pub fn actor(ix: &Index<'_>, a: usize, out: &mut Out<'_>) {
    let model = ix.model;
    let Some(actor) = model.actors.get(a) else {
        return;
    };
    let clusters = ix.clusters_of(a);
    let provides: Vec<usize> = distinct(&actor.provides).map(|(k, _)| k).collect();
    for &c in &clusters {
        let cn = model.cluster_name(c);
        for &k in &provides {
            let Some(need) = ix.need(c, k) else { continue };
            let kn = model.capability_name(k);
            match ix.count(c, k) {
                1 => out.push("W0403", &[cn, kn], need),
                2 => out.push("W0423", &[cn, kn], need),
                _ => {}
            }
        }
        if ix.facts.members.get(c).is_some_and(|m| m.as_slice() == [a]) {
            let loc = model.clusters.get(c).map(|d| d.common.name_loc);
            if let Some(loc) = loc {
                out.push("W0406", &[cn], loc);
            }
        }
    }
    for &k in &provides {
        let Some(capability) = model.capabilities.get(k) else {
            continue;
        };
        let kn = &*capability.common.name;
        let needed = ix.needed.get(k).copied().unwrap_or(false);
        if needed && ix.facts.providers.get(k).is_some_and(|p| p.len() == 2) {
            out.push("W0404", &[kn], capability.common.name_loc);
        }
        let mine = actor.provides.iter().filter(|r| r.index == Some(k)).count();
        unused(ix, k, mine, out);
    }
    // W0411: a bridge of its clusters whose `via` only it provides there.
    let mut bridges: Vec<usize> = clusters
        .iter()
        .flat_map(|c| {
            ix.adjacency
                .bridges_of
                .get(*c)
                .into_iter()
                .flatten()
                .copied()
        })
        .collect();
    bridges.sort_unstable();
    bridges.dedup();
    for b in bridges {
        let Some(bridge) = model.bridges.get(b) else {
            continue;
        };
        let joins = ix.adjacency.joins.get(b).map_or(&[][..], Vec::as_slice);
        let share = clusters.iter().filter(|c| joins.contains(c)).count() as u32;
        for (k, entry) in distinct(&bridge.via) {
            if provides.contains(&k) && ix.total.get(&(b, k)).copied() == Some(share) {
                out.push(
                    "W0411",
                    &[&bridge.common.name, model.capability_name(k)],
                    entry.loc,
                );
            }
        }
    }
    lost_capabilities_under_scenarios(ix, a, &clusters, &provides, out);
}

/// W0410: capability `k` loses `lost` of its uses.
fn unused(ix: &Index<'_>, k: usize, lost: usize, out: &mut Out<'_>) {
    let by_interventions = ix.model.named_by_interventions.get(k).copied();
    let uses = ix.uses.get(k).copied().unwrap_or(0) as usize;
    if lost > 0 && uses == lost && by_interventions != Some(true) {
        if let Some(capability) = ix.model.capabilities.get(k) {
            out.push(
                "W0410",
                &[&capability.common.name],
                capability.common.name_loc,
            );
        }
    }
}

/// W0422 (a) without actor `a`: a cluster it provided `k` in responds to a
/// scenario that takes every other provider of `k` there.
fn lost_capabilities_under_scenarios(
    ix: &Index<'_>,
    a: usize,
    clusters: &[usize],
    provides: &[usize],
    out: &mut Out<'_>,
) {
    let model = ix.model;
    for gap in &ix.gap_scenarios {
        let config = &gap.config;
        let Some(scenario) = model.scenarios.get(config.scenario) else {
            continue;
        };
        for c in config.responding() {
            if !clusters.contains(&c) {
                continue;
            }
            for &k in provides {
                if ix.need(c, k).is_none() {
                    continue;
                }
                let still_now = ix.count(c, k) >= 2;
                let under = config
                    .providers(c, k)
                    .into_iter()
                    .filter(|x| *x != a)
                    .count();
                if !still_now || under > 0 {
                    continue;
                }
                // The first entry of `removes` that is `k` or another
                // actor that provided it in `c` (W0422's place).
                let entry = scenario.removes.iter().find(|r| match r.symbol {
                    Some(s) if s.kind == DeclKind::Capability => s.index == k,
                    Some(s) if s.kind == DeclKind::Actor && s.index != a => {
                        ix.clusters_of(s.index).contains(&c)
                            && model
                                .actors
                                .get(s.index)
                                .is_some_and(|x| x.provides.iter().any(|p| p.index == Some(k)))
                    }
                    _ => false,
                });
                if let Some(entry) = entry {
                    out.push(
                        "W0422",
                        &[
                            &scenario.common.name,
                            model.cluster_name(c),
                            model.capability_name(k),
                        ],
                        entry.loc,
                    );
                }
            }
        }
    }
}

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

/// W0402, W0413, W0418 and W0422 (b): the component of the loss without
/// it. `split` is false when the loss cannot split it (a bridge that is
/// not critical): then only W0418 can change.
fn graph(ix: &Index<'_>, component: usize, blocked: Blocked, split: bool, out: &mut Out<'_>) {
    let model = ix.model;
    let members = ix.members.get(&component).map_or(&[][..], Vec::as_slice);
    if (out.wanted)("W0418") {
        for b in critical_after(&ix.adjacency, members, blocked) {
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
    let node = match blocked {
        Blocked::Cluster(c) => c,
        Blocked::Bridge(b) => model.clusters.len() + b,
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
    gap: &super::index::GapScenario<'_>,
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

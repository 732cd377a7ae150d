//! Losing an actor: the provider counts of the clusters it is in or serves
//! (W0403, W0404, W0406, W0411, W0423, and W0422 (a) under each scenario
//! that takes something away), the uses of what it provides (W0410). The
//! cluster graph does not change.

use ecospec_syntax::DeclKind;

use crate::model::distinct;

use super::found::{unused, Out};
use super::index::Index;

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

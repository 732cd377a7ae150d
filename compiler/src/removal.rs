//! Taking things out of a configuration (`removes`, v1, section 9.2 and
//! 9.6): what a scenario takes away when it comes, or what an intervention
//! retires.
//!
//! - a removed actor leaves every cluster (`in`, `serves`), every `through`
//!   and `support` list and every provider count;
//! - a removed bridge joins nothing;
//! - a removed cluster leaves every bridge, every `on` rule and every
//!   `in`/`serves` list; a bridge left with fewer than two clusters joins
//!   nothing (it does not count as a bridge of its remaining cluster for
//!   W0401) and is itself out of the configuration;
//! - a removed capability is provided by nobody; needs of it stay.
//!
//! A removed actor, bridge or cluster is marked `removed`: it is the subject
//! of no finding. The model keeps every index, so names and the undo log of
//! an applied intervention stay valid. Costs one pass over the model's
//! lists, and nothing when nothing is removed.

use ecospec_syntax::DeclKind;

use crate::model::{distinct, Actor, Bridge, Cluster, Model, Ref, Removal, Rule};

/// A declaration as it was before a removal changed it, for an undo log.
#[derive(Debug)]
pub enum Before {
    Cluster(usize, Cluster),
    Actor(usize, Actor),
    Bridge(usize, Bridge),
    Rule(usize, Rule),
}

/// Per kind, which indices are removed.
#[derive(Default)]
struct Removed {
    actors: Vec<bool>,
    bridges: Vec<bool>,
    clusters: Vec<bool>,
    capabilities: Vec<bool>,
}

fn mark(flags: &mut Vec<bool>, len: usize, index: usize) {
    if index < len {
        flags.resize(len, false);
        if let Some(flag) = flags.get_mut(index) {
            *flag = true;
        }
    }
}

fn is(flags: &[bool], index: Option<usize>) -> bool {
    index.is_some_and(|i| flags.get(i).copied().unwrap_or(false))
}

/// Takes `removals` out of `model`; `before` receives each declaration as
/// it was, before its first change here (an undo log).
pub fn remove(model: &mut Model, removals: &[Removal], before: &mut dyn FnMut(Before)) {
    let mut removed = Removed::default();
    for symbol in removals.iter().filter_map(|r| r.symbol) {
        match symbol.kind {
            DeclKind::Actor => mark(&mut removed.actors, model.actors.len(), symbol.index),
            DeclKind::Bridge => mark(&mut removed.bridges, model.bridges.len(), symbol.index),
            DeclKind::Cluster => mark(&mut removed.clusters, model.clusters.len(), symbol.index),
            DeclKind::Capability => mark(
                &mut removed.capabilities,
                model.capabilities.len(),
                symbol.index,
            ),
            _ => {}
        }
    }
    let any = |flags: &[bool]| flags.iter().any(|f| *f);
    if !any(&removed.actors)
        && !any(&removed.bridges)
        && !any(&removed.clusters)
        && !any(&removed.capabilities)
    {
        return;
    }
    for (index, actor) in model.actors.iter_mut().enumerate() {
        let out = is(&removed.actors, Some(index));
        let touched = out
            || actor
                .member_of
                .iter()
                .chain(&actor.serves)
                .any(|r| is(&removed.clusters, r.index))
            || actor
                .provides
                .iter()
                .any(|r| is(&removed.capabilities, r.index));
        if !touched || actor.common.removed {
            continue;
        }
        before(Before::Actor(index, actor.clone()));
        if out {
            actor.common.removed = true;
            actor.member_of.clear();
            actor.serves.clear();
            actor.provides.clear();
        } else {
            drop_from(&mut actor.member_of, &removed.clusters);
            drop_from(&mut actor.serves, &removed.clusters);
            drop_from(&mut actor.provides, &removed.capabilities);
        }
    }
    for (index, cluster) in model.clusters.iter_mut().enumerate() {
        if is(&removed.clusters, Some(index)) && !cluster.common.removed {
            before(Before::Cluster(index, cluster.clone()));
            cluster.common.removed = true;
            cluster.bets_on.clear();
            cluster.needs.clear();
        }
    }
    for (index, bridge) in model.bridges.iter_mut().enumerate() {
        let out = is(&removed.bridges, Some(index));
        let loses_end = bridge.ends.iter().any(|r| is(&removed.clusters, r.index));
        let touched =
            out || loses_end || bridge.through.iter().any(|r| is(&removed.actors, r.index));
        if !touched || bridge.common.removed {
            continue;
        }
        before(Before::Bridge(index, bridge.clone()));
        drop_from(&mut bridge.ends, &removed.clusters);
        drop_from(&mut bridge.through, &removed.actors);
        // Left with fewer than two clusters, it joins nothing: out too.
        if out || (loses_end && distinct(&bridge.ends).nth(1).is_none()) {
            bridge.common.removed = true;
            bridge.ends.clear();
            bridge.via.clear();
            bridge.through.clear();
        }
    }
    for (index, rule) in model.rules.iter_mut().enumerate() {
        let touched = rule
            .activate
            .iter()
            .chain(&rule.support)
            .any(|r| is(&removed.clusters, r.index))
            || rule
                .support_actors
                .iter()
                .any(|r| is(&removed.actors, r.index));
        if !touched {
            continue;
        }
        before(Before::Rule(index, rule.clone()));
        drop_from(&mut rule.activate, &removed.clusters);
        drop_from(&mut rule.support, &removed.clusters);
        drop_from(&mut rule.support_actors, &removed.actors);
    }
}

/// Drops the entries of `list` that point at a removed index.
fn drop_from(list: &mut Vec<Ref>, removed: &[bool]) {
    list.retain(|r| !is(removed, r.index));
}

/// The configuration `model` with `removals` taken out, as a new model.
pub fn without(model: &Model, removals: &[Removal]) -> Model {
    let mut under = model.clone();
    remove(&mut under, removals, &mut |_| {});
    under
}

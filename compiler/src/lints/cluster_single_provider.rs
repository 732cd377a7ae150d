//! # W0423 `cluster-single-provider`
//!
//! ## What it finds
//! A capability that a cluster `needs` and that exactly one of the actors in
//! or serving that cluster `provides`, whatever other clusters have. One
//! finding per (cluster, capability), at the capability's entry in the
//! cluster's `needs`; default level `allow`: it is a measure of how fragile
//! each cluster is, which interventions are judged by (W0416, W0417).
//!
//! ## Why it matters
//! W0404 counts providers across the whole ecosystem. But a capability is
//! delivered to a cluster by the actors close to it: a cluster whose only
//! funder is one foundation is at risk even when other clusters have other
//! funders, and a mobilization whose only legal team is one association is
//! left alone the day that association is busy elsewhere. When its one
//! provider leaves, the cluster has nobody to turn to.
//!
//! ## Example
//! Turned on with `-W cluster-single-provider`: the tenants have their own
//! legal aid, but only one foundation funds them.
//! ```eco
//! capability funding
//!
//! cluster tenants { needs: funding }
//! cluster climate { needs: funding }
//!
//! bridge housing_and_climate between tenants and climate
//!
//! actor kotti: association { in: tenants }
//! actor foundation: funder { serves: tenants provides: funding }
//! actor fridays: campaign { in: climate provides: funding }
//! actor green_fund: funder { serves: climate provides: funding }
//! ```
//!
//! ## How to fix it
//! Bring a second provider close to the cluster: a member who can take over,
//! or another actor that serves it. Left at `allow`, the lint stays silent
//! and still counts for the interventions that close or open it.
//! ```eco
//! capability funding
//!
//! cluster tenants { needs: funding }
//! cluster climate { needs: funding }
//!
//! bridge housing_and_climate between tenants and climate
//!
//! actor kotti: association { in: tenants provides: funding }
//! actor foundation: funder { serves: tenants provides: funding }
//! actor fridays: campaign { in: climate provides: funding }
//! actor green_fund: funder { serves: climate provides: funding }
//! ```

use crate::code::Code;
use crate::model::{distinct, Facts, Model};

use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0423"),
    name: "cluster-single-provider",
    default: Level::Allow,
    summary: "a capability a cluster needs that only one actor close to it provides",
    check: Some(check),
};

/// One pass over the needs: per need, the actors in or serving the cluster
/// that provide the capability are counted up to two.
pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for (c, cluster) in model.clusters.iter().enumerate() {
        let serving = facts.serving.get(c).map_or(&[][..], Vec::as_slice);
        if serving.is_empty() {
            continue;
        }
        for (k, entry) in distinct(&cluster.needs) {
            let providers = facts.providers.get(k).map_or(&[][..], Vec::as_slice);
            let Some(only) = only_provider(model, serving, providers, k) else {
                continue;
            };
            let cluster_name = &*cluster.common.name;
            let capability = model.capability_name(k);
            let actor = model.actors.get(only);
            let provider = actor.map_or("", |a| &*a.common.name);
            let mut finding = Finding::new(&LINT, &[cluster_name, capability], entry.loc, format!("only `{provider}` provides `{capability}` to cluster `{cluster_name}`"))
                .primary_label(format!("one provider in or serving `{cluster_name}`"))
                .help(format!("if `{provider}` cannot deliver, `{cluster_name}` has no `{capability}`: have a second actor in or serving it provide `{capability}`"));
            if let Some(actor) = actor {
                finding = finding.label(actor.common.name_loc, "the only provider close to this cluster");
            }
            out.push(finding);
        }
    }
}

/// A `provides` list this short is read through; a longer one is replaced
/// by a search in the capability's providers.
const SHORT: usize = 8;

/// The one actor of `serving` that provides capability `k`, if exactly one
/// does. Both lists are sorted by actor: the shorter is read, and each of
/// its actors is looked up in the other (an actor's own short `provides`
/// list is cheaper to read than a search among thousands of providers).
fn only_provider(model: &Model, serving: &[usize], providers: &[usize], k: usize) -> Option<usize> {
    let provides = |a: usize| match model.actors.get(a) {
        Some(actor) if actor.provides.len() <= SHORT => {
            actor.provides.iter().any(|r| r.index == Some(k))
        }
        _ => providers.binary_search(&a).is_ok(),
    };
    let mut found = None;
    let mut count = |a: usize| -> bool {
        if found.is_some() {
            return false;
        }
        found = Some(a);
        true
    };
    if serving.len() <= providers.len() {
        for a in serving.iter().copied().filter(|a| provides(*a)) {
            if !count(a) {
                return None;
            }
        }
    } else {
        for a in providers.iter().copied().filter(|a| serving.binary_search(a).is_ok()) {
            if !count(a) {
                return None;
            }
        }
    }
    found
}

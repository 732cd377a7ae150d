//! # W0422 `scenario-gap`
//!
//! ## What it finds
//! A scenario S with a `removes` list and an `on S` rule, whose response
//! falls apart once S takes away what it takes away. The lint reads the
//! configuration under S: the ecosystem with S's `removes` taken out. Two
//! kinds of finding, default level `warn`:
//!
//! - a cluster in the rule's `activate` or `support` (and not itself removed)
//!   needs a capability that is provided in it now and is not under S: one
//!   per (S, cluster, capability), at the first entry of S's `removes` that is
//!   that capability or an actor that provided it in that cluster;
//! - a supporter X and an activated cluster A that have a path in the cluster
//!   graph now and none under S: one per (S, X, A), at X's entry in
//!   `support`, with a label at S's `removes`. The rule is read as it stands
//!   under S: a removed supporter or activated cluster gets no finding.
//!
//! When an intervention is judged, "now" is the configuration with the
//! intervention applied, so a second provider it adds closes a finding.
//!
//! ## Why it matters
//! A scenario is rarely only an opportunity: a wave of arrests, a ban or a
//! court ruling takes something away at the moment the movement is meant to
//! respond. A plan that counts on the lawyers who will be in jail, or on the
//! one bridge the ban dissolves, fails when it is needed. Naming the loss in
//! the spec shows which part of the response depends on what the scenario
//! destroys, while there is still time to build a second way.
//!
//! ## Example
//! The arrests take the only legal collective, whom the mobilization counts on:
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario mass_arrests "A wave of arrests after a blockade" {
//!     removes: legal_collective
//! }
//! cluster mobilization { bets_on: mass_arrests needs: legal_support }
//! actor climate_network: network { in: mobilization }
//! actor legal_collective: collective { in: mobilization provides: legal_support }
//! on mass_arrests { activate: mobilization }
//! ```
//!
//! ## How to fix it
//! Build what the scenario cannot take: a second provider (lawyers outside
//! the reach of the arrests), a second bridge. If the gap is accepted, write
//! `@allow(scenario-gap)` before the scenario, set `scenario-gap = "allow"`
//! under `[lints]` in `ecospec.toml`, or pass `-A scenario-gap`.
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario mass_arrests "A wave of arrests after a blockade" {
//!     removes: legal_collective
//! }
//! cluster mobilization { bets_on: mass_arrests needs: legal_support }
//! actor climate_network: network { in: mobilization provides: legal_support }
//! actor legal_collective: collective { in: mobilization provides: legal_support }
//! on mass_arrests { activate: mobilization }
//! ```

use ecospec_syntax::DeclKind;

use crate::code::Code;
use crate::diagnostic::Loc;
use crate::model::{Facts, Model, Removal, Scenario};
use crate::scenario::configuration::{rule_of, Configuration};

use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0422"),
    name: "scenario-gap",
    default: Level::Warn,
    summary: "a scenario takes away what its response needs",
    check: Some(check),
};

/// Reads only the scenarios with a `removes` that resolved and an `on`
/// rule: nothing else costs anything.
pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for index in 0..model.scenarios.len() {
        check_scenario(model, facts, index, out);
    }
}

/// The findings about scenario `index` alone.
fn check_scenario(model: &Model, facts: &Facts, index: usize, out: &mut Vec<Finding>) {
    let Some(scenario) = model.scenarios.get(index) else {
        return;
    };
    if scenario.removes.iter().all(|r| r.symbol.is_none()) {
        return;
    }
    let answered = rule_of(model, index)
        .and_then(|r| model.rules.get(r))
        .is_some_and(|rule| !rule.broken);
    if !answered {
        return;
    }
    let under = Configuration::new(model, facts, index, &[]);
    lost_capabilities(&under, scenario, out);
    lost_paths(&under, scenario, out);
}

/// (a): per (S, cluster, capability) provided now and not under S.
fn lost_capabilities(under: &Configuration<'_>, scenario: &Scenario, out: &mut Vec<Finding>) {
    let (model, facts) = (under.now, under.now_facts);
    let s = &*scenario.common.name;
    for (c, k, need) in under.needs() {
        if !under.takes_away(c, k) {
            continue;
        }
        let Some(entry) = loss_entry(model, facts, &scenario.removes, c, k) else {
            continue;
        };
        let cn = model.cluster_name(c);
        let kn = model.capability_name(k);
        let (label, help) = match entry.symbol.map(|s| s.kind) {
            Some(DeclKind::Actor) => (
                format!("`{}` provided `{kn}` in `{cn}`", entry.name),
                format!("give `{cn}` a provider of `{kn}` that `{s}` does not take away, so it can still act when the scenario comes"),
            ),
            _ => (
                format!("nobody provides `{kn}` once `{s}` comes"),
                format!("`{s}` takes `{kn}` itself: plan how `{cn}` responds without it (drop it from `needs` in that plan), or accept the gap with `@allow(scenario-gap)` on `{s}`"),
            ),
        };
        out.push(
            Finding::new(
                &LINT,
                &[s, cn, kn],
                entry.loc,
                format!("scenario `{s}` takes `{kn}` away from cluster `{cn}`"),
            )
            .primary_label(label)
            .label(need.loc, format!("`{cn}` needs `{kn}` to respond to `{s}`"))
            .help(help),
        );
    }
}

/// The first entry of `removes` that is capability `k` or an actor that
/// provided it in cluster `c`.
fn loss_entry<'r>(
    model: &Model,
    facts: &Facts,
    removes: &'r [Removal],
    c: usize,
    k: usize,
) -> Option<&'r Removal> {
    let serving = facts.serving.get(c);
    removes.iter().find(|r| match r.symbol {
        Some(s) if s.kind == DeclKind::Capability => s.index == k,
        Some(s) if s.kind == DeclKind::Actor => {
            serving.is_some_and(|actors| actors.contains(&s.index))
                && model
                    .actors
                    .get(s.index)
                    .is_some_and(|a| a.provides.iter().any(|p| p.index == Some(k)))
        }
        _ => false,
    })
}

/// (b): per (S, X, A) with a path now and none under S, at X's entry; X a
/// cluster or an actor (section 9.3: an actor reaches what the clusters it
/// is in or serves reach).
fn lost_paths(under: &Configuration<'_>, scenario: &Scenario, out: &mut Vec<Finding>) {
    let model = under.now;
    let s = &*scenario.common.name;
    let removes_at = scenario
        .common
        .fields
        .iter()
        .find(|(field, _)| &**field == "removes")
        .map_or(scenario.common.name_loc, |(_, loc)| *loc);
    let activated = under.activated();
    for (x, entry) in under.supporting_clusters() {
        for &a in &activated {
            if x == a || !under.connected_now(x, a) || under.connected(x, a) {
                continue;
            }
            let (xn, an) = (model.cluster_name(x), model.cluster_name(a));
            out.push(lost_path(s, xn, an, entry.loc, removes_at));
        }
    }
    for (x, entry) in under.supporting_actors() {
        // An actor reaches the clusters of the components its own clusters
        // are in (section 9.3), now and under S.
        let (now, then) = (under.actor_reach_now(x), under.actor_reach(x));
        for &a in &activated {
            if !under.actor_reaches_now(&now, a) || under.actor_reaches(&then, a) {
                continue;
            }
            let xn = model.actor_name(x);
            let an = model.cluster_name(a);
            let finding = lost_path(s, xn, an, entry.loc, removes_at);
            out.push(finding.help(format!(
                "let `{xn}` serve `{an}`, or add a bridge that `{s}` does not take away between a cluster `{xn}` is in or serves and `{an}`"
            )));
        }
    }
}

fn lost_path(s: &str, x: &str, a: &str, at: Loc, removes_at: Loc) -> Finding {
    Finding::new(
        &LINT,
        &[s, x, a],
        at,
        format!("scenario `{s}` cuts supporter `{x}` off from activated cluster `{a}`"),
    )
    .primary_label(format!("no path to `{a}` once `{s}` comes"))
    .label(removes_at, format!("what `{s}` takes away"))
    .help(format!(
        "add a bridge that `{s}` does not take away, between `{x}` and `{a}` or along another path between them"
    ))
}

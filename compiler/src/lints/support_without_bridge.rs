//! # W0413 `support-without-bridge`
//!
//! ## What it finds
//! In a rule `on S`, a cluster X in `support` and a cluster A in `activate`,
//! X different from A, with no path between them in the cluster graph (no
//! chain of bridges; an actor serving both does not count). One finding for
//! each such X, at X's entry in `support`, naming the activated clusters it
//! cannot reach (the first five, then how many more); default level `warn`.
//! A rule that asks 1,000 clusters to support 1,000 others gives at most
//! 1,000 findings, not a million. Interventions are still judged per pair
//! (S, X, A): one that bridges X to one of those clusters closes that pair.
//!
//! An actor X in `support` (one that joins in without being a cluster, such
//! as a tenants' association) is found the same way when it is neither in
//! nor serving A and none of the clusters it is in or serves has a path to
//! A.
//!
//! ## Why it matters
//! This is the first reason the seed gives for bridges: "they would need to
//! trust each other. When reality seems to prove any one of them right, then
//! the others should be able to come on board immediately." A rule that says X
//! supports A, with no bridge between them, is a promise without the trust to
//! keep it.
//!
//! ## Example
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! on outrageous_moment {
//!     activate: mobilization
//!     support: antimilitarist
//! }
//! ```
//!
//! ## How to fix it
//! Build the bridge the rule counts on: between the two clusters, or through
//! other clusters, since any path will do. If the support is meant to happen
//! without one, write `@allow(support-without-bridge)` before the `on` rule,
//! set `support-without-bridge = "allow"` under `[lints]` in `ecospec.toml`,
//! or pass `-A support-without-bridge`.
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! bridge spokes between antimilitarist and mobilization
//!
//! on outrageous_moment {
//!     activate: mobilization
//!     support: antimilitarist
//! }
//! ```

use rustc_hash::{FxHashMap, FxHashSet};

use crate::code::Code;
use crate::diagnostic::Loc;
use crate::model::{distinct, Facts, Model, Rule, Seen};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0413"),
    name: "support-without-bridge",
    default: Level::Warn,
    summary: "a cluster asked to support another it has no path to",
    check: Some(check),
};

/// Activated clusters named in a finding's message; the rest are counted
/// (all are named when only one more would be: never "and 1 more").
const SHOWN: usize = 5;
/// How many to collect to decide that.
const COLLECTED: usize = SHOWN + 1;

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for rule in model.rules.iter().filter(|rule| !rule.broken) {
        let scenario = &*rule.scenario.name;
        let activated = Side::of(model, facts, rule);
        // Supporters in one component cannot reach the same clusters.
        let mut by_component: FxHashMap<usize, (usize, Vec<usize>)> = FxHashMap::default();
        for (support, entry) in distinct(&rule.support) {
            let component = activated.component(support);
            let (count, first) = by_component
                .entry(component)
                .or_insert_with(|| activated.outside(component));
            if *count > 0 {
                let x = Supporter::Cluster(model.cluster_name(support));
                out.push(finding(model, scenario, x, first, *count, entry.loc));
            }
        }
        // Actors whose clusters are in the same components reach the same.
        let mut by_components: FxHashMap<Vec<usize>, (usize, Vec<usize>)> = FxHashMap::default();
        for (actor, entry) in distinct(&rule.support_actors) {
            let reach = facts.actor_reach(model, actor);
            let x = Supporter::Actor(model.actor_name(actor), !reach.is_empty());
            let (count, first) = by_components
                .entry(reach)
                .or_insert_with_key(|reach| activated.outside_all(reach));
            if *count > 0 {
                out.push(finding(model, scenario, x, first, *count, entry.loc));
            }
        }
    }
}

/// Who is asked to support: a cluster, or an actor (with whether it is in or
/// serves any cluster: whether it reaches any component).
#[derive(Clone, Copy)]
enum Supporter<'m> {
    Cluster(&'m str),
    Actor(&'m str, bool),
}

impl<'m> Supporter<'m> {
    fn name(self) -> &'m str {
        match self {
            Supporter::Cluster(name) | Supporter::Actor(name, _) => name,
        }
    }
}

/// The baseline's rules, ready to be compared with each intervention's
/// ([`changes`]); built once, before any intervention is applied.
pub struct Before<'f> {
    /// Scenario names, in rule order.
    order: Vec<Box<str>>,
    sides: FxHashMap<Box<str>, Side<'f>>,
}

impl<'f> Before<'f> {
    pub fn new(model: &Model, facts: &'f Facts) -> Before<'f> {
        let mut order = Vec::new();
        let mut sides = FxHashMap::default();
        for (scenario, rule) in rules(model) {
            order.push(Box::from(scenario));
            sides.insert(Box::from(scenario), Side::of(model, facts, rule));
        }
        Before { order, sides }
    }
}

/// The findings that applying an intervention closes and opens, compared
/// pair by pair (scenario, supporter, activated cluster), one of each per
/// supporter. `after` is the baseline with the intervention applied: the
/// baseline's clusters keep their indices and names there (an intervention
/// only adds declarations after the baseline's), so pairs are compared by
/// index and closed findings are named from `after` too.
pub fn changes(
    before: &Before,
    (after, after_facts): (&Model, &Facts),
) -> (Vec<Finding>, Vec<Finding>) {
    let mut closes = Vec::new();
    let mut opens = Vec::new();
    let rules_after = rules(after);
    let by_scenario: FxHashMap<&str, &Rule> = rules_after.iter().copied().collect();
    let scenarios = before
        .order
        .iter()
        .map(|s| &**s)
        .chain(rules_after.iter().map(|(s, _)| *s));
    let mut done: FxHashSet<&str> = FxHashSet::default();
    let nothing = Side::default();
    for scenario in scenarios {
        if !done.insert(scenario) {
            continue;
        }
        let b = before.sides.get(scenario).unwrap_or(&nothing);
        let a = by_scenario
            .get(scenario)
            .map(|rule| Side::of(after, after_facts, rule))
            .unwrap_or_default();
        let compared = Compared::new(b, &a);
        // Supporters in the same components on both sides have the same
        // changes: each pair of components is compared once.
        type Change = ((Vec<usize>, usize), (Vec<usize>, usize));
        let mut by_components: FxHashMap<(Option<usize>, Option<usize>), Change> =
            FxHashMap::default();
        let supporters = b.supporters.iter().chain(&a.supporters);
        let mut seen = Seen::default();
        for (x, _) in supporters.filter(|(x, _)| seen.insert(*x)) {
            let key = (b.supporter(*x), a.supporter(*x));
            let ((closed, closed_count), (opened, opened_count)) =
                by_components.entry(key).or_insert_with(|| match key {
                    (Some(kb), Some(ka)) => (compared.closed(kb, ka), compared.opened(kb, ka)),
                    (Some(kb), None) => (swap(b.outside(kb)), (Vec::new(), 0)),
                    (None, Some(ka)) => ((Vec::new(), 0), swap(a.outside(ka))),
                    (None, None) => ((Vec::new(), 0), (Vec::new(), 0)),
                });
            let name = Supporter::Cluster(after.cluster_name(*x));
            if let (true, Some(at)) = (*closed_count > 0, b.supporting.get(x)) {
                closes.push(finding(after, scenario, name, closed, *closed_count, *at));
            }
            if let (true, Some(at)) = (*opened_count > 0, a.supporting.get(x)) {
                opens.push(finding(after, scenario, name, opened, *opened_count, *at));
            }
        }
        actor_changes((b, &a), (after, scenario), (&mut closes, &mut opens));
    }
    (closes, opens)
}

/// [`changes`] for the actors in `support`: the pairs an actor gains and
/// loses, computed once per distinct (components before, components after).
fn actor_changes(
    (b, a): (&Side, &Side),
    (after, scenario): (&Model, &str),
    (closes, opens): (&mut Vec<Finding>, &mut Vec<Finding>),
) {
    type Key<'k> = (Option<&'k [usize]>, Option<&'k [usize]>);
    type Lost = (usize, Vec<usize>);
    let mut by_reach: FxHashMap<Key, (Lost, Lost)> = FxHashMap::default();
    let mut seen = Seen::default();
    let actors = b.actors.iter().chain(&a.actors).map(|(x, _)| *x);
    for x in actors.filter(|x| seen.insert(*x)) {
        let before = b.actor_at.get(&x);
        let after_entry = a.actor_at.get(&x);
        let key = (
            before.map(|(_, k)| k.as_slice()),
            after_entry.map(|(_, k)| k.as_slice()),
        );
        let ((closed_count, closed), (opened_count, opened)) = by_reach
            .entry(key)
            .or_insert_with(|| (lost(b, a, key.0, key.1), lost(a, b, key.1, key.0)));
        // Each finding worded as it stands on its side.
        let name = |reach: &[usize]| Supporter::Actor(after.actor_name(x), !reach.is_empty());
        if let (true, Some((at, reach))) = (*closed_count > 0, before) {
            closes.push(finding(after, scenario, name(reach), closed, *closed_count, *at));
        }
        if let (true, Some((at, reach))) = (*opened_count > 0, after_entry) {
            opens.push(finding(after, scenario, name(reach), opened, *opened_count, *at));
        }
    }
}

/// The activated clusters of `one` that an actor reaching `k_one` there
/// cannot reach, and that it can reach (or that are not activated) in
/// `other`, where it reaches `k_other`: the first [`COLLECTED`] by place in
/// `one`, and how many. An actor not supporting on a side (`None`) has no
/// pair there.
fn lost(
    one: &Side,
    other: &Side,
    k_one: Option<&[usize]>,
    k_other: Option<&[usize]>,
) -> (usize, Vec<usize>) {
    let Some(k_one) = k_one else {
        return (0, Vec::new());
    };
    let mut count = 0;
    let mut first = Vec::new();
    for (cluster, component) in &one.activated {
        if k_one.binary_search(component).is_ok() {
            continue;
        }
        let still = match (k_other, other.position.get(cluster)) {
            (Some(k), Some((_, c))) => k.binary_search(c).is_err(),
            _ => false,
        };
        if !still {
            count += 1;
            if first.len() < COLLECTED {
                first.push(*cluster);
            }
        }
    }
    (count, first)
}

/// The sound rules of a model by scenario name (the first of each).
fn rules(model: &Model) -> Vec<(&str, &Rule)> {
    let mut seen: FxHashSet<&str> = FxHashSet::default();
    model
        .rules
        .iter()
        .filter(|rule| !rule.broken && seen.insert(&rule.scenario.name))
        .map(|rule| (&*rule.scenario.name, rule))
        .collect()
}

/// A rule in one model: its activated clusters with their components, and
/// its supporters with their entries.
#[derive(Default)]
struct Side<'f> {
    /// (cluster, component), each cluster once, broken clusters left out.
    activated: Vec<(usize, usize)>,
    /// Per component: how many of `activated` are in it.
    counts: FxHashMap<usize, usize>,
    /// Per cluster of `activated`: its place there and its component.
    position: FxHashMap<usize, (usize, usize)>,
    supporters: Vec<(usize, Loc)>,
    /// Per supporter: its entry.
    supporting: FxHashMap<usize, Loc>,
    /// The actors in `support`, each once, with their entries.
    actors: Vec<(usize, Loc)>,
    /// Per actor in `support`: its entry, and the components it reaches.
    actor_at: FxHashMap<usize, (Loc, Vec<usize>)>,
    component: &'f [usize],
}

/// The component of a cluster that is not in the model (none).
const NOWHERE: usize = usize::MAX;

impl<'f> Side<'f> {
    fn of(model: &Model, facts: &'f Facts, rule: &Rule) -> Side<'f> {
        let component = |c: usize| facts.component.get(c).copied().unwrap_or(NOWHERE);
        let activated: Vec<(usize, usize)> = distinct(&rule.activate)
            .map(|(c, _)| c)
            .filter(|c| model.clusters.get(*c).is_some_and(|c| !c.common.broken))
            .map(|c| (c, component(c)))
            .collect();
        let mut counts: FxHashMap<usize, usize> = FxHashMap::default();
        for (_, k) in &activated {
            *counts.entry(*k).or_default() += 1;
        }
        let supporters: Vec<(usize, Loc)> =
            distinct(&rule.support).map(|(c, r)| (c, r.loc)).collect();
        let actors: Vec<(usize, Loc)> = distinct(&rule.support_actors)
            .map(|(x, r)| (x, r.loc))
            .collect();
        Side {
            actor_at: actors
                .iter()
                .map(|(x, at)| (*x, (*at, facts.actor_reach(model, *x))))
                .collect(),
            actors,
            position: activated
                .iter()
                .enumerate()
                .map(|(place, (cluster, component))| (*cluster, (place, *component)))
                .collect(),
            activated,
            counts,
            supporting: supporters.iter().copied().collect(),
            supporters,
            component: &facts.component,
        }
    }

    fn component(&self, cluster: usize) -> usize {
        self.component.get(cluster).copied().unwrap_or(NOWHERE)
    }

    /// A supporter's component, `None` when it does not support here.
    fn supporter(&self, cluster: usize) -> Option<usize> {
        self.supporting
            .contains_key(&cluster)
            .then(|| self.component(cluster))
    }

    /// The activated clusters outside a component: the first [`COLLECTED`],
    /// and how many. Reads at most that many entries plus those inside it.
    fn outside(&self, component: usize) -> (usize, Vec<usize>) {
        let inside = self.counts.get(&component).copied().unwrap_or(0);
        let count = self.activated.len() - inside;
        let first = self
            .activated
            .iter()
            .filter(|(_, k)| *k != component)
            .take(COLLECTED)
            .map(|(c, _)| *c)
            .collect();
        (count, first)
    }
}

impl Side<'_> {
    /// The activated clusters outside every component of `reach` (sorted):
    /// the first [`COLLECTED`], and how many.
    fn outside_all(&self, reach: &[usize]) -> (usize, Vec<usize>) {
        let inside: usize = reach
            .iter()
            .map(|k| self.counts.get(k).copied().unwrap_or(0))
            .sum();
        let first = self
            .activated
            .iter()
            .filter(|(_, k)| reach.binary_search(k).is_err())
            .take(COLLECTED)
            .map(|(c, _)| *c)
            .collect();
        (self.activated.len() - inside, first)
    }
}

fn swap((count, first): (usize, Vec<usize>)) -> (Vec<usize>, usize) {
    (first, count)
}

/// An activated cluster on both sides: its places in the two `activate`
/// lists and its components before and after.
#[derive(Clone, Copy)]
struct Both {
    place_before: usize,
    place_after: usize,
    cluster: usize,
    before: usize,
    after: usize,
}

/// One rule before and after an intervention, arranged so that what a
/// supporter gains and loses is found without reading every activated
/// cluster for every supporter: a supporter in component `kb` before and
/// `ka` after loses the pairs with the clusters deactivated outside `kb`
/// and with those that joined `ka` from elsewhere; it gains the pairs with
/// the clusters newly activated outside `ka` and with those that left `kb`.
#[derive(Default)]
struct Compared {
    /// Activated only before: (place before, cluster, component before).
    removed: Vec<(usize, usize, usize)>,
    /// Activated only after: (place after, cluster, component after).
    added: Vec<(usize, usize, usize)>,
    /// Per component: how many of `removed` (before) / `added` (after) are in it.
    removed_in: FxHashMap<usize, usize>,
    added_in: FxHashMap<usize, usize>,
    /// Activated on both sides, by component after and by component before.
    by_after: FxHashMap<usize, Vec<Both>>,
    by_before: FxHashMap<usize, Vec<Both>>,
    /// Per (component before, component after): how many are in both.
    in_both: FxHashMap<(usize, usize), usize>,
}

impl Compared {
    fn new(b: &Side, a: &Side) -> Compared {
        let mut compared = Compared::default();
        for (place_before, (cluster, before)) in b.activated.iter().copied().enumerate() {
            match a.position.get(&cluster) {
                Some((place_after, after)) => {
                    let both = Both {
                        place_before,
                        place_after: *place_after,
                        cluster,
                        before,
                        after: *after,
                    };
                    compared.by_after.entry(both.after).or_default().push(both);
                    compared.by_before.entry(before).or_default().push(both);
                    *compared.in_both.entry((before, both.after)).or_default() += 1;
                }
                None => {
                    compared.removed.push((place_before, cluster, before));
                    *compared.removed_in.entry(before).or_default() += 1;
                }
            }
        }
        for (place_after, (cluster, after)) in a.activated.iter().copied().enumerate() {
            if !b.position.contains_key(&cluster) {
                compared.added.push((place_after, cluster, after));
                *compared.added_in.entry(after).or_default() += 1;
            }
        }
        compared
    }

    /// The pairs of a supporter in `kb` before and `ka` after that only the
    /// baseline has: the first [`COLLECTED`] clusters, and how many.
    fn closed(&self, kb: usize, ka: usize) -> (Vec<usize>, usize) {
        let joined = self.by_after.get(&ka).map_or(&[][..], Vec::as_slice);
        let from_elsewhere = |both: &Both| (both.before != kb).then_some(both.place_before);
        let stayed = get(&self.in_both, (kb, ka));
        difference(
            (&self.removed, &self.removed_in, kb),
            (joined, stayed, from_elsewhere),
        )
    }

    /// The pairs of a supporter in `kb` before and `ka` after that only the
    /// intervention has: the first [`COLLECTED`] clusters, and how many.
    fn opened(&self, kb: usize, ka: usize) -> (Vec<usize>, usize) {
        let left = self.by_before.get(&kb).map_or(&[][..], Vec::as_slice);
        let gone_elsewhere = |both: &Both| (both.after != ka).then_some(both.place_after);
        let stayed = get(&self.in_both, (kb, ka));
        difference(
            (&self.added, &self.added_in, ka),
            (left, stayed, gone_elsewhere),
        )
    }
}

/// The activated clusters of one side only (place, cluster, component),
/// with how many are in each component, and the component to leave out.
type OneSide<'c> = (
    &'c [(usize, usize, usize)],
    &'c FxHashMap<usize, usize>,
    usize,
);

/// The clusters of `only` outside its component, and those of `moved` that
/// `place` keeps (the `stayed` others are left out): the first
/// [`COLLECTED`] by place, and how many. Reads at most that many of each
/// beyond those left out.
fn difference(
    (only, only_in, component): OneSide,
    (moved, stayed, place): (&[Both], usize, impl Fn(&Both) -> Option<usize>),
) -> (Vec<usize>, usize) {
    let count = only.len() - get(only_in, component) + moved.len() - stayed;
    if count == 0 {
        return (Vec::new(), 0);
    }
    let only = only.iter().filter(|(_, _, k)| *k != component);
    let moved = moved
        .iter()
        .filter_map(|both| place(both).map(|at| (at, both.cluster)));
    let places = only
        .take(COLLECTED)
        .map(|(at, cluster, _)| (*at, *cluster))
        .chain(moved.take(COLLECTED));
    (first_by_place(places), count)
}

fn get<K: std::hash::Hash + Eq>(counts: &FxHashMap<K, usize>, key: K) -> usize {
    counts.get(&key).copied().unwrap_or(0)
}

/// The first [`COLLECTED`] clusters by their place in `activate`.
fn first_by_place(places: impl Iterator<Item = (usize, usize)>) -> Vec<usize> {
    let mut places: Vec<(usize, usize)> = places.collect();
    places.sort_unstable();
    places
        .into_iter()
        .take(COLLECTED)
        .map(|(_, cluster)| cluster)
        .collect()
}

/// One finding: supporter `x` cannot reach `count` activated clusters, the
/// first of them `first`.
fn finding(
    model: &Model,
    scenario: &str,
    x: Supporter,
    first: &[usize],
    count: usize,
    at: Loc,
) -> Finding {
    let name = x.name();
    let shown = if count <= COLLECTED { COLLECTED } else { SHOWN };
    let names: Vec<String> = first
        .iter()
        .take(shown)
        .map(|c| format!("`{}`", model.cluster_name(*c)))
        .collect();
    let more = count.saturating_sub(names.len());
    let list = match (names.split_last(), more) {
        (Some((last, rest)), 0) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
        (Some((last, _)), 0) => last.clone(),
        _ => format!("{} and {more} more", names.join(", ")),
    };
    let finding = Finding::new(&LINT, &[scenario, name], at, String::new());
    let (them, these) = if count == 1 {
        ("it", "this cluster".to_string())
    } else {
        ("them", format!("any of these {count} clusters"))
    };
    match (x, count) {
        (Supporter::Cluster(x), 1) => Finding {
            message: format!("`{x}` is to support {list} when `{scenario}` comes, but no bridge connects them"),
            ..finding
        }
        .primary_label(format!("no path of bridges from `{x}` to {list}"))
        .help(format!("trust is built before the moment: add a bridge between `{x}` and {list}")),
        (Supporter::Cluster(x), _) => Finding {
            message: format!("`{x}` is to support {list} when `{scenario}` comes, but no bridge connects it to them"),
            ..finding
        }
        .primary_label(format!("no path of bridges from `{x}` to any of these {count} clusters"))
        .help(format!("trust is built before the moment: connect `{x}` to each of them by bridges (one `bridge ... among` can join several clusters)")),
        (Supporter::Actor(x, false), _) => Finding {
            message: format!("`{x}` is to support {list} when `{scenario}` comes, but it is in no cluster and serves none"),
            ..finding
        }
        .primary_label(format!("`{x}` has no tie to {these}"))
        .help(format!("trust is built before the moment: let `{x}` serve {list}, or join a cluster bridged to {them}")),
        (Supporter::Actor(x, true), _) => Finding {
            message: format!("`{x}` is to support {list} when `{scenario}` comes, but none of its clusters has a path of bridges to {them}"),
            ..finding
        }
        .primary_label(format!("no path of bridges from the clusters `{x}` is in or serves to {these}"))
        .help(format!("trust is built before the moment: let `{x}` serve {list}, or bridge one of its clusters to {them}")),
    }
}

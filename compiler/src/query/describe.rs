//! Hover text: a declaration's kind, label and doc comment, and the facts
//! the checker computed about it (members, providers, uncovered needs, …).

use std::fmt::Write;

use ecospec_syntax::DeclKind;

use crate::check::Outcome;
use crate::model::{distinct, Common, Facts, Model, Ref, Removal, Symbol};
use crate::resolve::{Definition, Record, Resolved};
use crate::scenario::configuration::{rule_of, Configuration};
use crate::scenario::walk::{Walk, Who};

use super::names::Found;

/// Markdown describing the declaration found.
pub fn describe(found: &Found<'_>) -> String {
    let definition = found.definition;
    let model = &found.eco.baseline;
    let symbol = global_symbol(model, definition);
    let common = common_in(found.eco, definition);
    let mut out = format!("```eco\n{} {}", definition.kind.keyword(), definition.name);
    if let Some(label) = common.and_then(|c| c.label.as_ref()) {
        let _ = write!(out, " \"{label}\"");
    }
    out.push_str("\n```\n");
    if definition.local_to.is_some() {
        out.push_str("\n*declared inside an intervention: exists only when it is applied*\n");
    }
    if let Some(doc) = common.and_then(|c| c.doc.as_ref()) {
        let _ = write!(out, "\n{doc}\n");
    }
    if let Some(symbol) = symbol {
        let facts = Facts::new(model);
        let mut text = facts_of(model, &facts, symbol);
        if symbol.kind == DeclKind::Intervention {
            let retires = found.eco.deltas.get(symbol.index);
            let names = retires.map(|d| removal_names(&d.removes));
            line(&mut text, "retires", names.as_deref().unwrap_or_default());
        }
        if !text.is_empty() {
            out.push_str("\n---\n");
            out.push_str(&text);
        }
    }
    out
}

/// The model's symbol for a definition of the ecosystem's namespace.
fn global_symbol(model: &Model, definition: &Definition) -> Option<Symbol> {
    model
        .names
        .get(&definition.name)
        .map(|e| e.symbol)
        .filter(|s| {
            model
                .common(*s)
                .is_some_and(|c| c.name_loc == definition.loc)
        })
}

/// What every declaration has (label, doc comment), in the baseline or in
/// the intervention that declares it.
fn common_in<'r>(eco: &'r Resolved, definition: &Definition) -> Option<&'r Common> {
    match global_symbol(&eco.baseline, definition) {
        Some(symbol) => eco.baseline.common(symbol),
        None => eco.deltas.iter().find_map(|delta| {
            delta
                .added
                .iter()
                .filter_map(Record::common)
                .find(|c| c.name_loc == definition.loc)
        }),
    }
}

/// [`common_in`] the first ecosystem that has the definition.
pub(super) fn common_of<'o>(outcome: &'o Outcome, definition: &Definition) -> Option<&'o Common> {
    outcome
        .ecosystems
        .iter()
        .find_map(|eco| common_in(eco, definition))
}

fn facts_of(model: &Model, facts: &Facts, symbol: Symbol) -> String {
    let mut out = String::new();
    let i = symbol.index;
    match symbol.kind {
        DeclKind::Cluster => {
            let Some(cluster) = model.clusters.get(i) else {
                return out;
            };
            let members = facts.members.get(i).map(Vec::as_slice).unwrap_or_default();
            line(&mut out, "members", &actor_names(model, members));
            line(&mut out, "bets on", &ref_names(&cluster.bets_on));
            let serving = facts.serving.get(i).map(Vec::as_slice).unwrap_or_default();
            let mut uncovered = Vec::new();
            for (cap, _) in distinct(&cluster.needs) {
                let providers: Vec<usize> = serving
                    .iter()
                    .copied()
                    .filter(|a| {
                        model.actors.get(*a).is_some_and(|actor| {
                            actor.provides.iter().any(|r| r.index == Some(cap))
                        })
                    })
                    .collect();
                if providers.is_empty() {
                    uncovered.push(format!("`{}`", model.capability_name(cap)));
                } else {
                    let _ = writeln!(
                        out,
                        "- needs `{}`: provided by {}\n",
                        model.capability_name(cap),
                        actor_names(model, &providers)
                    );
                }
            }
            line(&mut out, "uncovered needs", &uncovered.join(", "));
            line(&mut out, "approach", &words(&cluster.approach));
        }
        DeclKind::Capability => {
            let providers = facts
                .providers
                .get(i)
                .map(Vec::as_slice)
                .unwrap_or_default();
            line(&mut out, "provided by", &actor_names(model, providers));
            let needed_by: Vec<String> = model
                .clusters
                .iter()
                .filter(|c| c.needs.iter().any(|r| r.index == Some(i)))
                .map(|c| format!("`{}`", c.common.name))
                .collect();
            line(&mut out, "needed by", &needed_by.join(", "));
        }
        DeclKind::Scenario => {
            let betting: Vec<String> = model
                .clusters
                .iter()
                .filter(|c| c.bets_on.iter().any(|r| r.index == Some(i)))
                .map(|c| format!("`{}`", c.common.name))
                .collect();
            line(&mut out, "clusters betting on it", &betting.join(", "));
            let removes = model.scenarios.get(i).map(|s| removal_names(&s.removes));
            line(
                &mut out,
                "takes away",
                removes.as_deref().unwrap_or_default(),
            );
            if rule_of(model, i).is_some() {
                walk_summary(&mut out, model, facts, i);
            } else {
                out.push_str("no `on` rule answers it\n");
            }
        }
        DeclKind::Actor => {
            if let Some(actor) = model.actors.get(i) {
                let _ = writeln!(
                    out,
                    "a{} {}\n",
                    if starts_with_vowel(&actor.kind) {
                        "n"
                    } else {
                        ""
                    },
                    actor.kind.replace('_', " ")
                );
                line(&mut out, "member of", &ref_names(&actor.member_of));
                line(&mut out, "serves", &ref_names(&actor.serves));
                line(&mut out, "provides", &ref_names(&actor.provides));
                line(&mut out, "roles", &words(&actor.roles));
                let supports: Vec<String> = model
                    .rules
                    .iter()
                    .filter(|r| r.support_actors.iter().any(|a| a.index == Some(i)))
                    .map(|r| format!("`{}`", r.scenario.name))
                    .collect();
                line(&mut out, "supports the response to", &supports.join(", "));
            }
        }
        DeclKind::Bridge => {
            if let Some(bridge) = model.bridges.get(i) {
                line(&mut out, "joins", &ref_names(&bridge.ends));
                line(&mut out, "via", &ref_names(&bridge.via));
                line(&mut out, "through", &ref_names(&bridge.through));
                if facts.critical.get(i).copied().unwrap_or(false) {
                    out.push_str("critical: removing it splits the cluster graph\n");
                }
            }
        }
        DeclKind::Intervention => {
            if let Some(intervention) = model.interventions.get(i) {
                line(
                    &mut out,
                    "goal",
                    intervention.goal.as_deref().unwrap_or_default(),
                );
            }
        }
        DeclKind::Ecosystem | DeclKind::On => {}
    }
    out
}

/// Entries a hover lists before it says how many more there are.
const LISTED: usize = 10;

/// A scenario's walk in a few lines (the walk of `what-if`): who
/// activates, who joins in and over which bridge (or no path), and what
/// stays uncovered, under what the scenario takes away.
fn walk_summary(out: &mut String, model: &Model, facts: &Facts, scenario: usize) {
    let walk = Walk::new(Configuration::new(model, facts, scenario, &[]));
    let under = &*walk.config.under;
    let activated: Vec<String> = walk
        .activated
        .iter()
        .map(|a| format!("`{}`", model.cluster_name(*a)))
        .collect();
    line(out, "activates", &capped(activated, "nobody"));
    let joins: Vec<String> = walk
        .supporters
        .iter()
        .map(|s| {
            let name = match s.who {
                Who::Cluster(x) => model.cluster_name(x),
                Who::Actor(x) => model.actor_name(x),
            };
            let how: Vec<String> = s
                .routes
                .iter()
                .map(|route| match &route.path {
                    None => format!("no path to `{}`", model.cluster_name(route.to)),
                    Some((_, steps)) if steps.is_empty() => {
                        format!("serves `{}`", model.cluster_name(route.to))
                    }
                    Some((_, steps)) => {
                        let bridges: Vec<String> = steps
                            .iter()
                            .map(|step| {
                                let bridge = under.bridges.get(step.bridge);
                                format!("`{}`", bridge.map_or("", |b| &*b.common.name))
                            })
                            .collect();
                        format!("over {}", bridges.join(", "))
                    }
                })
                .collect();
            if how.is_empty() {
                format!("`{name}`")
            } else {
                format!("`{name}` ({})", how.join("; "))
            }
        })
        .collect();
    line(out, "joins in", &capped(joins, "nobody"));
    let uncovered: Vec<String> = walk
        .needs
        .iter()
        .flat_map(|n| {
            n.needs
                .iter()
                .filter(|need| need.providers.is_empty())
                .map(|need| {
                    format!(
                        "`{}` in `{}`{}",
                        model.capability_name(need.capability),
                        model.cluster_name(n.cluster),
                        if need.taken { " (taken away)" } else { "" }
                    )
                })
        })
        .collect();
    line(out, "stays uncovered", &capped(uncovered, "nothing"));
}

/// The first [`LISTED`] entries, and how many more; `none` when empty.
fn capped(entries: Vec<String>, none: &str) -> String {
    if entries.is_empty() {
        return none.to_string();
    }
    let more = entries.len().saturating_sub(LISTED);
    let mut text = entries
        .into_iter()
        .take(LISTED)
        .collect::<Vec<_>>()
        .join(", ");
    if more > 0 {
        text.push_str(&format!(" and {more} more"));
    }
    text
}

fn starts_with_vowel(word: &str) -> bool {
    word.starts_with(['a', 'e', 'i', 'o', 'u'])
}

fn line(out: &mut String, what: &str, value: &str) {
    if !value.is_empty() {
        let _ = writeln!(out, "- {what}: {value}\n");
    }
}

fn ref_names(refs: &[Ref]) -> String {
    let mut names: Vec<String> = Vec::new();
    for r in refs {
        let name = format!("`{}`", r.name);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

fn removal_names(removes: &[Removal]) -> String {
    let mut names: Vec<String> = Vec::new();
    for r in removes {
        let name = format!("`{}`", r.name);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    names.join(", ")
}

fn words(values: &[Box<str>]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn actor_names(model: &Model, actors: &[usize]) -> String {
    actors
        .iter()
        .map(|a| format!("`{}`", model.actor_name(*a)))
        .collect::<Vec<_>>()
        .join(", ")
}

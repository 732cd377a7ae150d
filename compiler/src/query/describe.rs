//! Hover text: a declaration's kind, label and doc comment, and the facts
//! the checker computed about it (members, providers, uncovered needs, …).

use std::fmt::Write;

use ecospec_syntax::DeclKind;

use crate::check::Outcome;
use crate::model::{distinct, Common, Facts, Model, Ref, Removal, Symbol};
use crate::resolve::{Definition, Record, Resolved};

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
            match model.rules.iter().find(|r| r.scenario.index == Some(i)) {
                Some(rule) => {
                    line(&mut out, "activates", &ref_names(&rule.activate));
                    let supporters: Vec<Ref> = rule
                        .support
                        .iter()
                        .chain(&rule.support_actors)
                        .cloned()
                        .collect();
                    line(&mut out, "supported by", &ref_names(&supporters));
                    if removes.is_some_and(|r| !r.is_empty()) && !rule.broken {
                        uncovered_when_it_comes(&mut out, model, facts, i);
                    }
                }
                None => out.push_str("no `on` rule answers it\n"),
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

/// What a scenario with `removes` and an `on` rule leaves its response
/// without when it comes: the W0422 findings about it, at every level.
fn uncovered_when_it_comes(out: &mut String, model: &Model, facts: &Facts, scenario: usize) {
    let gaps = crate::lints::scenario_gaps(model, facts, scenario);
    if gaps.is_empty() {
        out.push_str("- when it comes: its response keeps what it needs\n\n");
        return;
    }
    let name = model
        .scenarios
        .get(scenario)
        .map_or("", |s| &*s.common.name);
    let prefix = format!("scenario `{name}` ");
    for gap in gaps {
        let what = gap.message.strip_prefix(&prefix).unwrap_or(&gap.message);
        let _ = writeln!(out, "- when it comes: {what}\n");
    }
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

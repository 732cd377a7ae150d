//! `graph --format json`: the resolved model of every root, with the facts
//! the lints read and the findings with their identities and levels,
//! version 1. Its JSON Schema is `docs/src/model.schema.json`.
//!
//! References are given by name, resolved: each entry of a list once, as
//! the name of the declaration it points at (a misspelling that counts as
//! its did-you-mean shows the meant name); a name that resolved to nothing
//! is left out (it is an error of `check`).

use std::io::{self, Write};

use serde::Serialize;

use crate::check::{Change, Outcome};
use crate::diagnostic::Loc;
use crate::model::{distinct, Common, Model, Ref, Rule};
use crate::render::ChangeJson;
use crate::source::SourceMap;

use super::configuration::{configurations, Configuration};

/// The version of the document; a change that could break a reader bumps it.
pub const VERSION: u32 = 1;

/// The document, pretty-printed with two spaces and a final newline.
pub fn model_json(outcome: &Outcome) -> String {
    // The document is about six times the spec's text: reserved at once
    // (pages never written cost nothing), it is never copied as it grows.
    let text: usize = outcome.sources.iter().map(|(_, f)| f.text.len()).sum();
    let mut out = Vec::with_capacity(text.saturating_mul(8));
    // Writing to a vector cannot fail.
    let _ = write_model_json(outcome, &mut out);
    String::from_utf8(out).unwrap_or_default()
}

/// Writes the document to `out` as [`model_json`] gives it.
pub fn write_model_json(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let configurations = configurations(outcome);
    let document = Document {
        version: VERSION,
        applied: configurations.first().and_then(|c| c.applied()),
        ecosystems: configurations
            .iter()
            .map(|c| ecosystem(&outcome.sources, c))
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &document)?;
    out.write_all(b"\n")
}

#[derive(Serialize)]
struct Document<'a> {
    version: u32,
    applied: Option<&'a str>,
    ecosystems: Vec<Ecosystem<'a>>,
}

#[derive(Serialize)]
struct Ecosystem<'a> {
    root: Option<&'a str>,
    files: Vec<&'a str>,
    name: Option<&'a str>,
    task: Option<&'a str>,
    description: Option<&'a str>,
    doc: Option<&'a str>,
    capabilities: Vec<Capability<'a>>,
    scenarios: Vec<Scenario<'a>>,
    clusters: Vec<Cluster<'a>>,
    actors: Vec<Actor<'a>>,
    bridges: Vec<Bridge<'a>>,
    rules: Vec<RuleJson<'a>>,
    interventions: Vec<Intervention<'a>>,
    components: Vec<Vec<&'a str>>,
    findings: Vec<FindingJson<'a>>,
}

/// What every declaration has.
#[derive(Serialize)]
struct Head<'a> {
    name: &'a str,
    label: Option<&'a str>,
    doc: Option<&'a str>,
    at: Option<Place<'a>>,
    /// Declared inside this intervention (shown with `--apply`).
    intervention: Option<&'a str>,
    /// Taken out by the applied intervention's `removes`.
    removed: bool,
}

#[derive(Serialize)]
struct Place<'a> {
    file: &'a str,
    line: u32,
    column: u32,
}

#[derive(Serialize)]
struct Capability<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    description: Option<&'a str>,
    providers: Vec<&'a str>,
}

#[derive(Serialize)]
struct Scenario<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    description: Option<&'a str>,
    removes: Vec<Removed<'a>>,
}

#[derive(Serialize)]
struct Removed<'a> {
    kind: &'static str,
    name: &'a str,
}

#[derive(Serialize)]
struct Cluster<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    description: Option<&'a str>,
    strategy: Option<&'a str>,
    cohesion: &'a str,
    approach: Vec<&'a str>,
    bets_on: Vec<&'a str>,
    needs: Vec<Need<'a>>,
    members: Vec<&'a str>,
    serving: Vec<&'a str>,
    provided: Vec<&'a str>,
    component: Option<usize>,
    bridged: bool,
}

#[derive(Serialize)]
struct Need<'a> {
    capability: &'a str,
    providers: Vec<&'a str>,
}

#[derive(Serialize)]
struct Actor<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    kind: &'a str,
    description: Option<&'a str>,
    organizes: Option<&'a str>,
    roles: Vec<&'a str>,
    #[serde(rename = "in")]
    member_of: Vec<&'a str>,
    serves: Vec<&'a str>,
    provides: Vec<&'a str>,
}

#[derive(Serialize)]
struct Bridge<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    joins: Vec<&'a str>,
    via: Vec<&'a str>,
    through: Vec<&'a str>,
    form: &'a str,
    strength: &'a str,
    unity: Vec<&'a str>,
    critical: bool,
}

#[derive(Serialize)]
struct RuleJson<'a> {
    scenario: &'a str,
    at: Option<Place<'a>>,
    intervention: Option<&'a str>,
    activate: Vec<&'a str>,
    support: Vec<&'a str>,
    support_actors: Vec<&'a str>,
}

#[derive(Serialize)]
struct Intervention<'a> {
    #[serde(flatten)]
    head: Head<'a>,
    goal: Option<&'a str>,
    pathway: Option<&'a str>,
    closes: Vec<ChangeJson<'a>>,
    opens: Vec<ChangeJson<'a>>,
}

#[derive(Serialize)]
struct FindingJson<'a> {
    code: &'a str,
    lint: &'a str,
    level: &'a str,
    subjects: Vec<&'a str>,
    message: &'a str,
    at: Option<Place<'a>>,
}

fn ecosystem<'a>(sources: &'a SourceMap, c: &'a Configuration<'a>) -> Ecosystem<'a> {
    let model: &Model = c.model();
    let facts = c.facts();
    let file = |id| sources.get(id).map(|f| f.name.as_str());
    let place = |loc: Loc| place(sources, loc);
    let intervention_name = |index: Option<usize>| {
        index
            .and_then(|i| model.interventions.get(i))
            .map(|i| &*i.common.name)
    };
    let head = |common: &'a Common| Head {
        name: &common.name,
        label: common.label.as_deref(),
        doc: common.doc.as_deref(),
        at: place(common.name_loc),
        intervention: intervention_name(common.intervention),
        removed: common.removed,
    };
    let actors_named = |indices: &[usize]| -> Vec<&'a str> {
        indices.iter().map(|a| model.actor_name(*a)).collect()
    };
    let components = components(model, &facts.component);
    let header = model.header.as_ref();
    Ecosystem {
        root: file(c.root),
        files: c
            .resolved()
            .files
            .iter()
            .filter_map(|id| file(*id))
            .collect(),
        name: header.and_then(|h| h.label.as_deref()),
        task: header.and_then(|h| h.task.as_deref()),
        description: header.and_then(|h| h.description.as_deref()),
        doc: header.and_then(|h| h.doc.as_deref()),
        capabilities: model
            .capabilities
            .iter()
            .enumerate()
            .map(|(i, d)| Capability {
                head: head(&d.common),
                description: d.description.as_deref(),
                providers: actors_named(facts.providers.get(i).map_or(&[], Vec::as_slice)),
            })
            .collect(),
        scenarios: model
            .scenarios
            .iter()
            .map(|d| Scenario {
                head: head(&d.common),
                description: d.description.as_deref(),
                removes: d
                    .removes
                    .iter()
                    .filter_map(|r| {
                        let symbol = r.symbol?;
                        Some(Removed {
                            kind: symbol.kind.keyword(),
                            name: &model.common(symbol)?.name,
                        })
                    })
                    .collect(),
            })
            .collect(),
        clusters: model
            .clusters
            .iter()
            .enumerate()
            .map(|(k, d)| {
                let serving = facts.serving.get(k).map_or(&[][..], Vec::as_slice);
                Cluster {
                    head: head(&d.common),
                    description: d.description.as_deref(),
                    strategy: d.strategy.as_deref(),
                    cohesion: d.cohesion.as_deref().unwrap_or("tight"),
                    approach: d.approach.iter().map(|a| &**a).collect(),
                    bets_on: names(&d.bets_on, |i| {
                        model.scenarios.get(i).map(|s| &*s.common.name)
                    }),
                    needs: distinct(&d.needs)
                        .map(|(cap, _)| Need {
                            capability: model.capability_name(cap),
                            providers: serving
                                .iter()
                                .filter(|a| provides(model, **a, cap))
                                .map(|a| model.actor_name(*a))
                                .collect(),
                        })
                        .collect(),
                    members: actors_named(facts.members.get(k).map_or(&[], Vec::as_slice)),
                    serving: actors_named(serving),
                    provided: facts
                        .provided
                        .get(k)
                        .into_iter()
                        .flatten()
                        .map(|cap| model.capability_name(*cap))
                        .collect(),
                    component: components.index.get(k).copied().flatten(),
                    bridged: facts.bridged.get(k).copied().unwrap_or(false),
                }
            })
            .collect(),
        actors: model
            .actors
            .iter()
            .map(|d| Actor {
                head: head(&d.common),
                kind: &d.kind,
                description: d.description.as_deref(),
                organizes: d.organizes.as_deref(),
                roles: d.roles.iter().map(|r| &**r).collect(),
                member_of: names(&d.member_of, |i| Some(model.cluster_name(i))),
                serves: names(&d.serves, |i| Some(model.cluster_name(i))),
                provides: names(&d.provides, |i| Some(model.capability_name(i))),
            })
            .collect(),
        bridges: model
            .bridges
            .iter()
            .enumerate()
            .map(|(b, d)| Bridge {
                head: head(&d.common),
                joins: d.joins().iter().map(|k| model.cluster_name(*k)).collect(),
                via: names(&d.via, |i| Some(model.capability_name(i))),
                through: names(&d.through, |i| Some(model.actor_name(i))),
                form: d.form.as_deref().unwrap_or("informal"),
                strength: d.strength.as_deref().unwrap_or("loose"),
                unity: d.unity.iter().map(|u| &**u).collect(),
                critical: facts.critical.get(b).copied().unwrap_or(false),
            })
            .collect(),
        rules: model
            .rules
            .iter()
            .map(|r| {
                rule(
                    model,
                    r,
                    place(r.decl_loc),
                    intervention_name(r.intervention),
                )
            })
            .collect(),
        interventions: model
            .interventions
            .iter()
            .map(|d| {
                let report = c.interventions.iter().find(|r| r.loc == d.common.name_loc);
                let changes = |list: Option<&'a Vec<Change>>| {
                    list.into_iter().flatten().map(ChangeJson).collect()
                };
                Intervention {
                    head: head(&d.common),
                    goal: d.goal.as_deref(),
                    pathway: d.pathway.as_deref(),
                    closes: changes(report.map(|r| &r.closes)),
                    opens: changes(report.map(|r| &r.opens)),
                }
            })
            .collect(),
        components: components.members,
        findings: c
            .findings
            .iter()
            .map(|f| FindingJson {
                code: f.lint.code.as_str(),
                lint: f.lint.name,
                level: f.level.as_str(),
                subjects: f.subjects.iter().map(|s| &**s).collect(),
                message: &f.message,
                at: place(f.primary),
            })
            .collect(),
    }
}

fn rule<'a>(
    model: &'a Model,
    r: &'a Rule,
    at: Option<Place<'a>>,
    intervention: Option<&'a str>,
) -> RuleJson<'a> {
    let cluster = |i| Some(model.cluster_name(i));
    RuleJson {
        scenario: r
            .scenario
            .index
            .and_then(|i| model.scenarios.get(i))
            .map_or(&*r.scenario.name, |s| &*s.common.name),
        at,
        intervention,
        activate: names(&r.activate, cluster),
        support: names(&r.support, cluster),
        support_actors: names(&r.support_actors, |i| Some(model.actor_name(i))),
    }
}

/// The resolved entries of a list, each once, by the name of what they
/// point at.
fn names<'a>(refs: &'a [Ref], name: impl Fn(usize) -> Option<&'a str>) -> Vec<&'a str> {
    distinct(refs).filter_map(|(i, _)| name(i)).collect()
}

fn provides(model: &Model, actor: usize, capability: usize) -> bool {
    model
        .actors
        .get(actor)
        .is_some_and(|a| a.provides.iter().any(|r| r.index == Some(capability)))
}

fn place(sources: &SourceMap, loc: Loc) -> Option<Place<'_>> {
    let file = sources.get(loc.file)?;
    let position = file.position(loc.span.start);
    Some(Place {
        file: &file.name,
        line: position.line,
        column: position.column,
    })
}

/// The connected components of the clusters still in the configuration,
/// each by its clusters' names in source order, ordered by their first
/// cluster; and each cluster's component.
struct Components<'a> {
    members: Vec<Vec<&'a str>>,
    index: Vec<Option<usize>>,
}

fn components<'a>(model: &'a Model, component: &[usize]) -> Components<'a> {
    let mut numbered: Vec<Option<usize>> = vec![None; component.len()];
    let mut members: Vec<Vec<&str>> = Vec::new();
    let mut index = vec![None; model.clusters.len()];
    for (k, cluster) in model.clusters.iter().enumerate() {
        if cluster.common.removed {
            continue;
        }
        let Some(slot) = component.get(k).and_then(|r| numbered.get_mut(*r)) else {
            continue;
        };
        let number = *slot.get_or_insert(members.len());
        if number == members.len() {
            members.push(Vec::new());
        }
        if let Some(list) = members.get_mut(number) {
            list.push(&*cluster.common.name);
        }
        if let Some(at) = index.get_mut(k) {
            *at = Some(number);
        }
    }
    Components { members, index }
}

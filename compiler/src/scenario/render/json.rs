//! A walk as JSON (`--format json`), version 1, described by the JSON
//! Schema in `docs/src/what-if.schema.json`. Names are the spec's names; every
//! list keeps the walk's order.

use serde_json::{json, Value};

use crate::lints::Level;
use crate::model::Model;
use crate::render::place;
use crate::scenario::{Answer, Who};
use crate::source::SourceMap;

/// The version of the what-if JSON.
pub const VERSION: u64 = 1;

/// The JSON document of a what-if about the ecosystem of root file `root`.
pub fn json(answer: &Answer<'_>, applied: Option<&str>, root: &str, sources: &SourceMap) -> Value {
    let config = &answer.walk.config;
    let (now, under) = (config.now, &config.under);
    let scenario = now.scenarios.get(config.scenario);
    let removals: Vec<Value> = config
        .removals
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let symbol = r.symbol?;
            Some(json!({
                "kind": symbol.kind.keyword(),
                "name": &*r.name,
                "by": if i < answer.own_removals { "scenario" } else { "without" },
            }))
        })
        .collect();
    let supporters: Vec<Value> = answer
        .walk
        .supporters
        .iter()
        .map(|s| {
            let (kind, name) = match s.who {
                Who::Cluster(x) => ("cluster", now.cluster_name(x)),
                Who::Actor(x) => ("actor", now.actor_name(x)),
            };
            let routes: Vec<Value> = s
                .routes
                .iter()
                .map(|r| {
                    let path = r.path.as_ref().map(|(from, steps)| {
                        let steps: Vec<Value> = steps
                            .iter()
                            .map(|step| {
                                let bridge = under.bridges.get(step.bridge);
                                let through: Vec<&str> = bridge
                                    .into_iter()
                                    .flat_map(|b| crate::model::distinct(&b.through))
                                    .map(|(a, _)| under.actor_name(a))
                                    .collect();
                                json!({
                                    "bridge": bridge.map_or("", |b| &*b.common.name),
                                    "to": now.cluster_name(step.to),
                                    "through": through,
                                })
                            })
                            .collect();
                        json!({"from": now.cluster_name(*from), "steps": steps})
                    });
                    json!({"to": now.cluster_name(r.to), "path": path})
                })
                .collect();
            json!({"kind": kind, "name": name, "routes": routes})
        })
        .collect();
    let needs: Vec<Value> = answer
        .walk
        .needs
        .iter()
        .map(|n| {
            let needs: Vec<Value> = n
                .needs
                .iter()
                .map(|need| {
                    json!({
                        "capability": now.capability_name(need.capability),
                        "providers": names(under, &need.providers),
                        "taken": need.taken,
                    })
                })
                .collect();
            json!({
                "cluster": now.cluster_name(n.cluster),
                "role": if n.activated { "activated" } else { "supporting" },
                "needs": needs,
            })
        })
        .collect();
    let opens: Vec<Value> = answer
        .opens
        .iter()
        .map(|o| {
            let f = &o.finding;
            let at = place(sources, f.primary).map(|(file, start, _)| {
                json!({"file": file, "line": start.line, "column": start.column})
            });
            json!({
                "code": f.lint.code.as_str(),
                "lint": f.lint.name,
                "subjects": f.subjects.iter().map(|s| &**s).collect::<Vec<_>>(),
                "level": level(o.level),
                "message": &f.message,
                "at": at,
            })
        })
        .collect();
    let taken: Vec<Value> = answer
        .walk
        .taken_from_rule
        .iter()
        .map(|s| {
            json!({
                "kind": s.kind.keyword(),
                "name": now.common(*s).map_or("", |c| &*c.name),
            })
        })
        .collect();
    json!({
        "version": VERSION,
        "root": root,
        "applied": applied,
        "scenario": {
            "name": config.scenario_name(),
            "label": scenario.and_then(|s| s.common.label.as_deref()),
        },
        "bet_on_by": answer.betting.iter().map(|c| now.cluster_name(*c)).collect::<Vec<_>>(),
        "removed": removals,
        "taken_from_rule": taken,
        "activated": answer.walk.activated.iter().map(|c| now.cluster_name(*c)).collect::<Vec<_>>(),
        "supporters": supporters,
        "needs": needs,
        "opens": opens,
    })
}

fn names(model: &Model, actors: &[usize]) -> Vec<String> {
    actors
        .iter()
        .map(|a| model.actor_name(*a).to_string())
        .collect()
}

fn level(level: Level) -> &'static str {
    level.as_str()
}

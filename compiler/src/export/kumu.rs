//! `graph --format kumu`: a Kumu blueprint (`{"elements": [...],
//! "connections": [...]}`) that Kumu imports as is. Ids are stable across
//! runs (`cluster:mobilization`), so that importing again updates a map
//! instead of duplicating it. The mapping is documented in `docs/src/kumu.md`.

use std::collections::BTreeMap;

use serde_json::{json, Map, Value};

use crate::check::Outcome;
use crate::lints::Level;
use crate::model::{distinct, Common, Model, Ref};

use super::configuration::{configurations, Configuration};

/// The blueprint, pretty-printed with two spaces and a final newline.
pub fn kumu(outcome: &Outcome) -> String {
    let configurations = configurations(outcome);
    // With several roots, a name may stand in two of them: ids then start
    // with the root's file.
    let several = configurations.len() > 1;
    let mut blueprint = Blueprint::default();
    for c in &configurations {
        let prefix = match several {
            true => outcome
                .sources
                .get(c.root)
                .map_or_else(String::new, |f| format!("{}#", f.name)),
            false => String::new(),
        };
        blueprint.add(c, &prefix);
    }
    let document = json!({
        "elements": blueprint.elements,
        "connections": blueprint.connections,
    });
    let mut text = serde_json::to_string_pretty(&document).unwrap_or_default();
    text.push('\n');
    text
}

#[derive(Default)]
struct Blueprint {
    elements: Vec<Value>,
    connections: Vec<Value>,
}

/// What a connection says, as its Kumu `type`.
#[derive(Clone, Copy)]
enum Relation {
    MemberOf,
    Serves,
    Provides,
    BetsOn,
    Needs,
    Joins,
    Via,
    Through,
    Activates,
    Support,
}

impl Relation {
    fn word(self) -> &'static str {
        match self {
            Relation::MemberOf => "member of",
            Relation::Serves => "serves",
            Relation::Provides => "provides",
            Relation::BetsOn => "bets on",
            Relation::Needs => "needs",
            Relation::Joins => "joins",
            Relation::Via => "via",
            Relation::Through => "through",
            Relation::Activates => "activates",
            Relation::Support => "support",
        }
    }

    /// The word in a connection's id.
    fn key(self) -> &'static str {
        match self {
            Relation::MemberOf => "member-of",
            Relation::BetsOn => "bets-on",
            other => other.word(),
        }
    }

    fn direction(self) -> &'static str {
        match self {
            Relation::Joins => "undirected",
            _ => "directed",
        }
    }
}

impl Blueprint {
    fn add(&mut self, c: &Configuration<'_>, prefix: &str) {
        let model: &Model = c.model();
        let facts = c.facts();
        // Per subject name, the findings reported on it (`allow` left out):
        // its tags, and its `Findings` field.
        let mut findings: BTreeMap<&str, Vec<String>> = BTreeMap::new();
        let mut tags: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
        for f in c.findings.iter().filter(|f| f.level != Level::Allow) {
            for subject in &f.subjects {
                let line = format!("{} {}: {}", f.lint.code, f.lint.name, f.message);
                findings.entry(subject).or_default().push(line);
                tags.entry(subject).or_default().push(f.lint.name);
            }
        }
        let id = |kind: &str, name: &str| format!("{prefix}{kind}:{name}");
        let mut element = |kind: &'static str, common: &Common, fields: Vec<(&str, Value)>| {
            let mut tags: Vec<&str> = tags.get(&*common.name).cloned().unwrap_or_default();
            if common.removed {
                tags.push("removed");
            }
            tags.sort_unstable();
            tags.dedup();
            let mut map = Map::new();
            map.insert("id".into(), id(kind, &common.name).into());
            map.insert(
                "label".into(),
                common.label.as_deref().unwrap_or(&common.name).into(),
            );
            map.insert("type".into(), capitalized(kind).into());
            map.insert("tags".into(), tags.into());
            map.insert("name".into(), (*common.name).into());
            for (key, value) in fields {
                if !value.is_null() {
                    map.insert(key.into(), value);
                }
            }
            if let Some(doc) = &common.doc {
                map.insert("doc".into(), (&**doc).into());
            }
            if let Some(index) = common.intervention {
                if let Some(i) = model.interventions.get(index) {
                    map.insert("intervention".into(), (*i.common.name).into());
                }
            }
            if let Some(lines) = findings.get(&*common.name) {
                map.insert("findings".into(), lines.clone().into());
            }
            self.elements.push(Value::Object(map));
        };
        for d in &model.capabilities {
            element(
                "capability",
                &d.common,
                vec![("description", text(&d.description))],
            );
        }
        for d in &model.scenarios {
            element(
                "scenario",
                &d.common,
                vec![("description", text(&d.description))],
            );
        }
        for (k, d) in model.clusters.iter().enumerate() {
            element(
                "cluster",
                &d.common,
                vec![
                    ("description", text(&d.description)),
                    ("strategy", text(&d.strategy)),
                    ("cohesion", d.cohesion.as_deref().unwrap_or("tight").into()),
                    ("approach", words(&d.approach)),
                    ("members", facts.members.get(k).map_or(0, Vec::len).into()),
                ],
            );
        }
        for d in &model.actors {
            element(
                "actor",
                &d.common,
                vec![
                    ("description", text(&d.description)),
                    ("kind", (*d.kind).into()),
                    ("organizes", text(&d.organizes)),
                    ("roles", words(&d.roles)),
                ],
            );
        }
        for (b, d) in model.bridges.iter().enumerate() {
            element(
                "bridge",
                &d.common,
                vec![
                    ("form", d.form.as_deref().unwrap_or("informal").into()),
                    ("strength", d.strength.as_deref().unwrap_or("loose").into()),
                    ("unity", words(&d.unity)),
                    (
                        "critical",
                        facts.critical.get(b).copied().unwrap_or(false).into(),
                    ),
                ],
            );
        }
        self.connections(model, &id);
    }

    fn connections(&mut self, model: &Model, id: &dyn Fn(&str, &str) -> String) {
        let mut connect = |relation: Relation, from: String, to: String| {
            self.connections.push(json!({
                "id": format!("{}:{from}->{to}", relation.key()),
                "from": from,
                "to": to,
                "type": relation.word(),
                "direction": relation.direction(),
            }));
        };
        let cluster = |i: usize| id("cluster", model.cluster_name(i));
        let capability = |i: usize| id("capability", model.capability_name(i));
        let actor = |i: usize| id("actor", model.actor_name(i));
        let scenario = |i: usize| {
            id(
                "scenario",
                model.scenarios.get(i).map_or("", |s| &s.common.name),
            )
        };
        for d in &model.clusters {
            let me = id("cluster", &d.common.name);
            for s in each(&d.bets_on) {
                connect(Relation::BetsOn, me.clone(), scenario(s));
            }
            for cap in each(&d.needs) {
                connect(Relation::Needs, me.clone(), capability(cap));
            }
        }
        for d in &model.actors {
            let me = id("actor", &d.common.name);
            for k in each(&d.member_of) {
                connect(Relation::MemberOf, me.clone(), cluster(k));
            }
            // A cluster it is also a member of: the membership says it.
            for k in each(&d.serves).filter(|k| !d.member_of.iter().any(|r| r.index == Some(*k))) {
                connect(Relation::Serves, me.clone(), cluster(k));
            }
            for cap in each(&d.provides) {
                connect(Relation::Provides, me.clone(), capability(cap));
            }
        }
        for d in &model.bridges {
            let me = id("bridge", &d.common.name);
            for k in d.joins() {
                connect(Relation::Joins, me.clone(), cluster(k));
            }
            for cap in each(&d.via) {
                connect(Relation::Via, me.clone(), capability(cap));
            }
            for a in each(&d.through) {
                connect(Relation::Through, me.clone(), actor(a));
            }
        }
        for r in &model.rules {
            let Some(s) = r.scenario.index else {
                continue;
            };
            let me = scenario(s);
            for k in each(&r.activate) {
                connect(Relation::Activates, me.clone(), cluster(k));
            }
            for k in each(&r.support) {
                connect(Relation::Support, me.clone(), cluster(k));
            }
            for a in each(&r.support_actors) {
                connect(Relation::Support, me.clone(), actor(a));
            }
        }
    }
}

fn each(refs: &[Ref]) -> impl Iterator<Item = usize> + '_ {
    distinct(refs).map(|(i, _)| i)
}

fn text(value: &Option<Box<str>>) -> Value {
    value.as_deref().map_or(Value::Null, Value::from)
}

fn words(values: &[Box<str>]) -> Value {
    match values.is_empty() {
        true => Value::Null,
        false => values.iter().map(|v| Value::from(&**v)).collect(),
    }
}

fn capitalized(kind: &str) -> String {
    let mut chars = kind.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

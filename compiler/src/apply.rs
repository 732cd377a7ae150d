//! Applying an intervention: the baseline with the intervention's
//! declarations added and its `extend`s applied.

use crate::model::{Model, Ref, Rule};
use crate::resolve::{add_record, Delta, Record, Target};

pub fn apply(baseline: &Model, delta: &Delta) -> Model {
    let mut model = baseline.clone();
    for record in &delta.added {
        add_record(&mut model, record.clone());
    }
    for op in &delta.extends {
        match op.target {
            Target::Symbol(symbol) => {
                let Some(mut record) = take(&mut model, symbol) else {
                    continue;
                };
                for (field, value, _) in &op.fields {
                    record.set(field, value.clone());
                }
                put(&mut model, symbol, record);
            }
            Target::Rule(scenario, loc) => {
                let position = model
                    .rules
                    .iter()
                    .position(|rule| rule.scenario.index == Some(scenario));
                let index = match position {
                    Some(index) => index,
                    None => {
                        let name = model
                            .scenarios
                            .get(scenario)
                            .map(|s| s.common.name.clone())
                            .unwrap_or_default();
                        model.rules.push(Rule {
                            scenario: Ref {
                                index: Some(scenario),
                                name,
                                loc,
                            },
                            activate: Vec::new(),
                            support: Vec::new(),
                            decl_loc: loc,
                            broken: false,
                            intervention: None,
                        });
                        model.rules.len() - 1
                    }
                };
                if let Some(rule) = model.rules.get_mut(index) {
                    let mut record = Record::Rule(rule.clone());
                    for (field, value, _) in &op.fields {
                        record.set(field, value.clone());
                    }
                    if let Record::Rule(updated) = record {
                        *rule = updated;
                    }
                }
            }
        }
    }
    model
}

fn take(model: &mut Model, symbol: crate::model::Symbol) -> Option<Record> {
    use ecospec_syntax::DeclKind;
    Some(match symbol.kind {
        DeclKind::Cluster => Record::Cluster(model.clusters.get(symbol.index)?.clone()),
        DeclKind::Actor => Record::Actor(model.actors.get(symbol.index)?.clone()),
        DeclKind::Bridge => Record::Bridge(model.bridges.get(symbol.index)?.clone()),
        _ => return None,
    })
}

fn put(model: &mut Model, symbol: crate::model::Symbol, record: Record) {
    match record {
        Record::Cluster(d) => {
            if let Some(slot) = model.clusters.get_mut(symbol.index) {
                *slot = d;
            }
        }
        Record::Actor(d) => {
            if let Some(slot) = model.actors.get_mut(symbol.index) {
                *slot = d;
            }
        }
        Record::Bridge(d) => {
            if let Some(slot) = model.bridges.get_mut(symbol.index) {
                *slot = d;
            }
        }
        _ => {}
    }
}

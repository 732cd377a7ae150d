//! Applying an intervention: the baseline with the intervention's
//! declarations added, its `extend`s applied and what it `removes` taken
//! out (`crate::removal`).
//!
//! In place, with an undo log ([`Undo`]), so that judging N interventions
//! costs N times their size (and what the lints read), never N copies of a
//! model that holds all N of them.

use ecospec_syntax::DeclKind;

use crate::model::{Model, Ref, Rule, Symbol};
use crate::removal::Before;
use crate::resolve::{add_record, Delta, KindCounts, Record, Target};

/// The baseline with one intervention applied, as a new model.
pub fn apply(baseline: &Model, delta: &Delta) -> Model {
    let mut model = baseline.clone();
    // The copy is the result: nothing to undo.
    let _ = apply_in_place(&mut model, delta);
    model
}

/// What [`apply_in_place`] changed, to put the model back as it was.
#[derive(Debug, Default)]
#[must_use = "a model applied in place is the baseline again only after `Undo::restore`"]
pub struct Undo {
    /// The lengths of the model's lists before.
    lengths: KindCounts,
    /// Records and rules as they were before an `extend`, oldest first.
    replaced: Vec<(Slot, Record)>,
}

#[derive(Debug, Clone, Copy)]
enum Slot {
    Symbol(Symbol),
    Rule(usize),
}

impl Undo {
    /// Puts the model back as it was before [`apply_in_place`].
    pub fn restore(self, model: &mut Model) {
        for (slot, record) in self.replaced.into_iter().rev() {
            match (slot, record) {
                (Slot::Rule(index), Record::Rule(rule)) => {
                    if let Some(slot) = model.rules.get_mut(index) {
                        *slot = rule;
                    }
                }
                (Slot::Symbol(symbol), record) => put(model, symbol, record),
                (Slot::Rule(_), _) => {}
            }
        }
        self.lengths.truncate(model);
    }
}

/// Applies an intervention to `model` itself; the [`Undo`] puts it back.
/// Costs the size of the intervention and of the declarations it extends.
pub fn apply_in_place(model: &mut Model, delta: &Delta) -> Undo {
    let mut undo = Undo {
        lengths: KindCounts::after(model),
        replaced: Vec::new(),
    };
    for record in &delta.added {
        add_record(model, record.clone());
    }
    for op in &delta.extends {
        match op.target {
            Target::Symbol(symbol) => {
                let Some(original) = take(model, symbol) else {
                    continue;
                };
                let mut record = original.clone();
                for (field, value, _) in &op.fields {
                    record.set(field, value.clone());
                }
                record.misspelt(op.misspelt, op.unsure);
                put(model, symbol, record);
                undo.replaced.push((Slot::Symbol(symbol), original));
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
                            support_actors: Vec::new(),
                            decl_loc: loc,
                            broken: false,
                            intervention: None,
                        });
                        model.rules.len() - 1
                    }
                };
                if let Some(rule) = model.rules.get_mut(index) {
                    let original = rule.clone();
                    let mut record = Record::Rule(rule.clone());
                    for (field, value, _) in &op.fields {
                        record.set(field, value.clone());
                    }
                    record.misspelt(op.misspelt, false);
                    if let Record::Rule(updated) = record {
                        *rule = updated;
                    }
                    // A rule the intervention added goes with the lengths.
                    if index < undo.lengths.rules() {
                        undo.replaced
                            .push((Slot::Rule(index), Record::Rule(original)));
                    }
                }
            }
        }
    }
    crate::removal::remove(model, &delta.removes, &mut |before| {
        let saved = match before {
            Before::Cluster(index, d) => {
                (Slot::symbol(DeclKind::Cluster, index), Record::Cluster(d))
            }
            Before::Actor(index, d) => (Slot::symbol(DeclKind::Actor, index), Record::Actor(d)),
            Before::Bridge(index, d) => (Slot::symbol(DeclKind::Bridge, index), Record::Bridge(d)),
            Before::Rule(index, d) => (Slot::Rule(index), Record::Rule(d)),
        };
        undo.replaced.push(saved);
    });
    undo
}

impl Slot {
    fn symbol(kind: DeclKind, index: usize) -> Slot {
        Slot::Symbol(Symbol { kind, index })
    }
}

fn take(model: &Model, symbol: Symbol) -> Option<Record> {
    Some(match symbol.kind {
        DeclKind::Cluster => Record::Cluster(model.clusters.get(symbol.index)?.clone()),
        DeclKind::Actor => Record::Actor(model.actors.get(symbol.index)?.clone()),
        DeclKind::Bridge => Record::Bridge(model.bridges.get(symbol.index)?.clone()),
        _ => return None,
    })
}

fn put(model: &mut Model, symbol: Symbol, record: Record) {
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

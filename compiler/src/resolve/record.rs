//! Records: declarations ready to enter a model, and how a typed field sets them.

use crate::model::*;

use super::resolved::{FieldValue, Record};

impl Record {
    pub fn common(&self) -> Option<&Common> {
        match self {
            Record::Capability(d) => Some(&d.common),
            Record::Scenario(d) => Some(&d.common),
            Record::Cluster(d) => Some(&d.common),
            Record::Actor(d) => Some(&d.common),
            Record::Bridge(d) => Some(&d.common),
            Record::Intervention(d) => Some(&d.common),
            Record::Rule(_) => None,
        }
    }

    /// Marks what an `extend` with a misspelling without a suggestion
    /// does to its target (section 9.5): `broken` for the lints, and
    /// an actor `unsure` of what it provides.
    pub fn misspelt(&mut self, broken: bool, unsure: bool) {
        if let Record::Actor(actor) = self {
            actor.unsure |= unsure;
        }
        match self {
            Record::Rule(rule) => rule.broken |= broken,
            Record::Capability(d) => d.common.broken |= broken,
            Record::Scenario(d) => d.common.broken |= broken,
            Record::Cluster(d) => d.common.broken |= broken,
            Record::Actor(d) => d.common.broken |= broken,
            Record::Bridge(d) => d.common.broken |= broken,
            Record::Intervention(d) => d.common.broken |= broken,
        }
    }

    pub(super) fn scalar_is_set(&self, field: &str) -> bool {
        match (self, field) {
            (Record::Cluster(c), "cohesion") => c.cohesion.is_some(),
            (Record::Cluster(c), "strategy") => c.strategy.is_some(),
            (Record::Cluster(c), "description") => c.description.is_some(),
            (Record::Actor(a), "organizes") => a.organizes.is_some(),
            (Record::Actor(a), "description") => a.description.is_some(),
            (Record::Bridge(b), "form") => b.form.is_some(),
            (Record::Bridge(b), "strength") => b.strength.is_some(),
            _ => false,
        }
    }

    /// Sets a typed field: lists are extended, scalars replaced.
    pub fn set(&mut self, field: &str, value: FieldValue) {
        match (self, value) {
            (Record::Capability(d), FieldValue::Text(t)) if field == "description" => {
                d.description = Some(t)
            }
            (Record::Scenario(d), FieldValue::Text(t)) if field == "description" => {
                d.description = Some(t)
            }
            (Record::Scenario(d), FieldValue::Removals(r)) => append(&mut d.removes, r),
            (Record::Cluster(d), value) => match (field, value) {
                ("bets_on", FieldValue::Refs(r)) => append(&mut d.bets_on, r),
                ("needs", FieldValue::Refs(r)) => append(&mut d.needs, r),
                ("cohesion", FieldValue::Word(w)) => d.cohesion = Some(w),
                ("strategy", FieldValue::Text(t)) => d.strategy = Some(t),
                ("description", FieldValue::Text(t)) => d.description = Some(t),
                ("approach", FieldValue::Words(w, at)) => {
                    d.approach_at.get_or_insert(at);
                    add_words(&mut d.approach, w);
                }
                _ => {}
            },
            (Record::Actor(d), value) => match (field, value) {
                ("in", FieldValue::Refs(r)) => append(&mut d.member_of, r),
                ("serves", FieldValue::Refs(r)) => append(&mut d.serves, r),
                ("provides", FieldValue::Refs(r)) => append(&mut d.provides, r),
                ("organizes", FieldValue::Text(t)) => d.organizes = Some(t),
                ("description", FieldValue::Text(t)) => d.description = Some(t),
                ("roles", FieldValue::Words(w, _)) => add_words(&mut d.roles, w),
                _ => {}
            },
            (Record::Bridge(d), value) => match (field, value) {
                ("via", FieldValue::Refs(r)) => append(&mut d.via, r),
                ("through", FieldValue::Refs(r)) => append(&mut d.through, r),
                ("form", FieldValue::Word(w)) => d.form = Some(w),
                ("strength", FieldValue::Word(w)) => d.strength = Some(w),
                ("unity", FieldValue::Words(w, _)) => append(&mut d.unity, w),
                _ => {}
            },
            (Record::Rule(rule), value) => set_rule_field(rule, field, value),
            (Record::Intervention(d), FieldValue::Text(t)) => match field {
                "goal" => d.goal = Some(t),
                "pathway" => d.pathway = Some(t),
                _ => {}
            },
            _ => {}
        }
    }
}

pub(super) fn set_rule_field(rule: &mut Rule, field: &str, value: FieldValue) {
    if let FieldValue::Supporters { clusters, actors } = value {
        append(&mut rule.support, clusters);
        append(&mut rule.support_actors, actors);
        return;
    }
    if let FieldValue::Refs(refs) = value {
        match field {
            "activate" => append(&mut rule.activate, refs),
            "support" => append(&mut rule.support, refs),
            _ => {}
        }
    }
}

/// `into.extend(more)`, moving `more` in whole (no new buffer, no copy)
/// when `into` is empty: a field written once, the common case.
fn append<T>(into: &mut Vec<T>, more: Vec<T>) {
    if into.is_empty() {
        *into = more;
    } else {
        into.extend(more);
    }
}

/// Adds words to a list that holds each once (a word repeated counts once).
fn add_words(into: &mut Vec<Box<str>>, more: Vec<Box<str>>) {
    for word in more {
        if !into.contains(&word) {
            into.push(word);
        }
    }
}

/// Adds a record to a model, at the end of its kind's list.
pub fn add_record(model: &mut Model, record: Record) {
    match record {
        Record::Capability(d) => model.capabilities.push(d),
        Record::Scenario(d) => model.scenarios.push(d),
        Record::Cluster(d) => model.clusters.push(d),
        Record::Actor(d) => model.actors.push(d),
        Record::Bridge(d) => model.bridges.push(d),
        Record::Rule(d) => model.rules.push(d),
        Record::Intervention(d) => model.interventions.push(d),
    }
}

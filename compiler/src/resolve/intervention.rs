//! An intervention's own namespace, the declarations it adds and the
//! declarations it extends.

use rustc_hash::FxHashMap;

use ecospec_syntax::{Decl, DeclKind, Entry, Extend};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

use super::kind_counts::KindCounts;
use super::names::{duplicate, second_rule, RuleScope};
use super::removes::is_removes;
use super::resolved::{Definition, Delta, ExtendOp, FieldValue, Record, Target};
use super::resolver::{Resolver, Scope};
use super::schema::meant_field;

impl Resolver {
    /// An intervention: its own fields, the declarations it adds and the
    /// declarations it extends.
    pub(super) fn intervention(
        &mut self,
        file: FileId,
        decl: &Decl,
        baseline: &Model,
        rules_seen: &mut FxHashMap<Box<str>, Loc>,
    ) -> Delta {
        let position = match decl.name.as_ref().and_then(|n| self.names.get(&n.name)) {
            Some(entry) if entry.symbol.kind == DeclKind::Intervention => entry.symbol.index,
            _ => usize::MAX,
        };
        let mut scope = Scope {
            local: FxHashMap::default(),
            intervention: position,
        };
        let mut counts = KindCounts::after(baseline);
        let entries = decl
            .body
            .as_ref()
            .map(|b| b.entries.as_slice())
            .unwrap_or_default();
        for entry in entries {
            let Entry::Decl(inner) = entry else { continue };
            let Some(name) = &inner.name else { continue };
            if inner.kind == DeclKind::On {
                continue;
            }
            let loc = Loc::new(file, name.span);
            if let Some(first) = scope
                .local
                .get(&name.name)
                .or_else(|| self.names.get(&name.name))
            {
                self.diagnostics.push(duplicate(name, loc, first));
                continue;
            }
            let symbol = Symbol {
                kind: inner.kind,
                index: counts.next(inner.kind),
            };
            if self.record_names {
                self.definitions.push(Definition {
                    name: name.name.clone(),
                    kind: inner.kind,
                    loc,
                    decl_loc: Loc::new(file, inner.span),
                    local_to: decl.name.as_ref().map(|n| Loc::new(file, n.span)),
                });
            }
            scope
                .local
                .insert(name.name.clone(), NameEntry { symbol, loc });
        }
        let mut delta = Delta::default();
        let removes = decl.fields().filter(|f| is_removes(f.name.as_str()));
        let before = self.unsuggested;
        for (_, value) in self.typed_fields(file, DeclKind::Intervention, removes, Some(&scope)) {
            if let FieldValue::Removals(removals) = value {
                delta.removes.extend(removals);
            }
        }
        delta.misspelt = self.unsuggested > before;
        self.removed_and_changed(file, entries, &scope, &mut delta.removes);
        for entry in entries {
            match entry {
                // The intervention's own fields are checked with its record.
                Entry::Field(_) => {}
                Entry::Decl(inner) if inner.kind == DeclKind::On => {
                    if let Some(rule) = self.rule(file, inner, Some(&scope)) {
                        let key = rule.scenario.name.clone();
                        if let Some(first) = rules_seen.get(&key) {
                            self.diagnostics.push(second_rule(
                                &key,
                                rule.scenario.loc,
                                *first,
                                RuleScope::Intervention,
                            ));
                        } else {
                            rules_seen.insert(key, rule.scenario.loc);
                            delta.added.push(Record::Rule(rule));
                        }
                    }
                }
                Entry::Decl(inner) => {
                    let first = inner.name.as_ref().is_some_and(|name| {
                        scope
                            .local
                            .get(&name.name)
                            .is_some_and(|e| e.loc == Loc::new(file, name.span))
                    });
                    let record = self.record(file, inner, Some(&scope));
                    if first {
                        delta.added.push(record);
                    }
                }
                Entry::Extend(extend) => {
                    if let Some(op) = self.extend(file, extend, &scope, baseline, &delta) {
                        delta.extends.push(op);
                    }
                }
                Entry::Error(_) => {}
            }
        }
        delta
    }

    pub(super) fn extend(
        &mut self,
        file: FileId,
        extend: &Extend,
        scope: &Scope,
        baseline: &Model,
        delta: &Delta,
    ) -> Option<ExtendOp> {
        let kind = extend.target_kind;
        let loc = Loc::new(file, extend.name.span);
        let target = if kind == DeclKind::On {
            let index = self.resolve_name(file, &extend.name, DeclKind::Scenario, Some(scope))?;
            Target::Rule(index, loc)
        } else {
            Target::Symbol(Symbol {
                kind,
                index: self.resolve_name(file, &extend.name, kind, Some(scope))?,
            })
        };
        let before = self.unsuggested;
        let fields = self.typed_fields(file, kind, extend.fields(), Some(scope));
        let misspelt = self.unsuggested > before;
        let unsure = kind == DeclKind::Actor
            && self
                .misspelt_fields
                .iter()
                .any(|field| matches!(field, None | Some("in" | "serves" | "provides")));
        let mut kept = Vec::with_capacity(fields.len());
        for (name, value) in fields {
            let scalar = matches!(value, FieldValue::Text(_) | FieldValue::Word(_));
            if scalar {
                if let Some(set_at) = scalar_already_set(baseline, delta, target, name) {
                    let field_span = extend
                        .fields()
                        .find(|f| f.name.as_str() == name)
                        .map_or(extend.name.span, |f| f.name.span);
                    self.diagnostics.push(
                        Diagnostic::error(Code::E0205,
                            format!("`extend` cannot set `{name}` of `{}`: it is already set", extend.name),
                        )
                        .at(Loc::new(file, field_span), "already set")
                        .label(set_at, "set here")
                        .help("`extend` adds to lists and sets fields that were unset; change the declaration itself to change a value"),
                    );
                    continue;
                }
            }
            let field_loc = extend
                .fields()
                .find(|f| meant_field(kind, f.name.as_str()) == Some(name))
                .map_or(loc, |f| Loc::new(file, f.name.span));
            kept.push((name, value, field_loc));
        }
        Some(ExtendOp {
            target,
            fields: kept,
            misspelt,
            unsure,
        })
    }
}

/// Where a scalar field of the target is already set, if it is: in its
/// declaration, or by an earlier `extend` of the same intervention.
pub(super) fn scalar_already_set(
    baseline: &Model,
    delta: &Delta,
    target: Target,
    field: &str,
) -> Option<Loc> {
    let Target::Symbol(symbol) = target else {
        return None;
    };
    let record = match symbol.kind {
        DeclKind::Cluster => baseline
            .clusters
            .get(symbol.index)
            .cloned()
            .map(Record::Cluster),
        DeclKind::Actor => baseline
            .actors
            .get(symbol.index)
            .cloned()
            .map(Record::Actor),
        DeclKind::Bridge => baseline
            .bridges
            .get(symbol.index)
            .cloned()
            .map(Record::Bridge),
        _ => None,
    }
    .or_else(|| added_record(baseline, delta, symbol).cloned());
    if let Some(common) = record
        .as_ref()
        .filter(|r| r.scalar_is_set(field))
        .and_then(Record::common)
    {
        let written = common.fields.iter().find(|(name, _)| &**name == field);
        return Some(written.map_or(common.decl_loc, |(_, loc)| *loc));
    }
    delta.extends.iter().find_map(|op| match op.target {
        Target::Symbol(s) if s == symbol => op
            .fields
            .iter()
            .find(|(name, _, _)| *name == field)
            .map(|(_, _, loc)| *loc),
        _ => None,
    })
}

/// The record an intervention added for `symbol` (its index continues the baseline's).
pub(super) fn added_record<'d>(
    baseline: &Model,
    delta: &'d Delta,
    symbol: Symbol,
) -> Option<&'d Record> {
    let mut counts = KindCounts::after(baseline);
    delta.added.iter().find(|record| {
        let kind = match record {
            Record::Cluster(_) => DeclKind::Cluster,
            Record::Actor(_) => DeclKind::Actor,
            Record::Bridge(_) => DeclKind::Bridge,
            Record::Capability(_) => DeclKind::Capability,
            Record::Scenario(_) => DeclKind::Scenario,
            Record::Rule(_) | Record::Intervention(_) => return false,
        };
        kind == symbol.kind && counts.next(kind) == symbol.index
    })
}

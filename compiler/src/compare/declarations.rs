//! Declarations added, removed and changed between two sides of one
//! ecosystem: each declaration of the ecosystem's files by kind and name,
//! its fields written down canonically from the syntax tree (names and
//! texts, never layout or comments), compared field by field.

use std::hash::{Hash, Hasher};

use rustc_hash::{FxHashMap, FxHasher};

use ecospec_syntax::{BridgeEnds, Decl, DeclKind, Entry, Field, Ident, Value};

use crate::diagnostic::Loc;
use crate::load::Workspace;
use crate::resolve::Resolved;
use crate::source::SourceMap;

use super::place::Place;

/// What happened to one declaration.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DeclStatus {
    Added,
    Removed,
    /// The fields (and header parts: `kind`, `clusters`, `label`, `doc`,
    /// `@allow`) whose values differ, in name order.
    Changed(Vec<String>),
}

/// A declaration that differs between the sides.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeclChange {
    pub kind: DeclKind,
    /// Empty for `ecosystem`; the scenario for `on`.
    pub name: String,
    pub status: DeclStatus,
    /// Its name in HEAD (in BASE when removed).
    pub place: Option<Place>,
}

/// One side's declarations of one ecosystem, by kind and name: each with
/// its fields (a hash of each value, by a hash of its name: values are
/// compared, never shown) and where its name is. The fields of every
/// declaration stand in one list, each declaration's sorted by name: a
/// 100k-line spec makes no map per declaration.
#[derive(Debug, Default)]
pub struct Declarations {
    by_key: FxHashMap<(DeclKind, Box<str>), Summary>,
    fields: Vec<(u64, u64)>,
    /// Each field name by its hash, to say which fields changed.
    names: FxHashMap<u64, Box<str>>,
}

#[derive(Debug)]
struct Summary {
    /// Its run in `Declarations::fields`.
    start: usize,
    len: usize,
    /// A hash of all its fields: equal when nothing changed.
    whole: u64,
    loc: Loc,
}

impl Declarations {
    /// The declarations of the ecosystem's files (the first of a name
    /// counts: a second one is an error the check reports).
    pub fn of(workspace: &Workspace, resolved: &Resolved) -> Declarations {
        let mut out = Declarations::default();
        let mut scratch = Vec::new();
        for file in &resolved.files {
            let Some(loaded) = workspace.file(*file) else {
                continue;
            };
            for decl in loaded.ast.decls() {
                let key = (decl.kind, name_of(decl));
                if out.by_key.contains_key(&key) {
                    continue;
                }
                scratch.clear();
                fields_of(decl, &mut scratch, &mut out.names);
                let start = out.fields.len();
                out.fields.extend_from_slice(&scratch);
                let summary = Summary {
                    start,
                    len: scratch.len(),
                    whole: hash(&scratch),
                    loc: Loc::new(*file, decl.name_span()),
                };
                out.by_key.insert(key, summary);
            }
        }
        out
    }

    fn fields(&self, summary: &Summary) -> &[(u64, u64)] {
        self.fields
            .get(summary.start..summary.start + summary.len)
            .unwrap_or_default()
    }

    /// Every declaration as added (`added`) or removed: a root that one
    /// side does not have.
    pub fn all(&self, sources: &SourceMap, added: bool) -> Vec<DeclChange> {
        let status = || {
            if added {
                DeclStatus::Added
            } else {
                DeclStatus::Removed
            }
        };
        let mut out: Vec<DeclChange> = self
            .by_key
            .iter()
            .map(|((kind, name), summary)| DeclChange {
                kind: *kind,
                name: name.to_string(),
                status: status(),
                place: Place::of(sources, summary.loc),
            })
            .collect();
        sort(&mut out);
        out
    }

    /// What differs from `base` to `self` (HEAD), by kind then name.
    pub fn changes_from(
        &self,
        base: &Declarations,
        head_sources: &SourceMap,
        base_sources: &SourceMap,
    ) -> Vec<DeclChange> {
        let mut out = Vec::new();
        for (key, summary) in &self.by_key {
            let status = match base.by_key.get(key) {
                None => DeclStatus::Added,
                Some(before) if before.whole == summary.whole => continue,
                Some(before) => DeclStatus::Changed(self.changed_fields(base, before, summary)),
            };
            out.push(DeclChange {
                kind: key.0,
                name: key.1.to_string(),
                status,
                place: Place::of(head_sources, summary.loc),
            });
        }
        for (key, summary) in &base.by_key {
            if !self.by_key.contains_key(key) {
                out.push(DeclChange {
                    kind: key.0,
                    name: key.1.to_string(),
                    status: DeclStatus::Removed,
                    place: Place::of(base_sources, summary.loc),
                });
            }
        }
        sort(&mut out);
        out
    }

    /// The names of the fields whose values differ between `before` (in
    /// `base`) and `after` (or that one side lacks), in name order (names
    /// are hashed the same on both sides).
    fn changed_fields(
        &self,
        base: &Declarations,
        before: &Summary,
        after: &Summary,
    ) -> Vec<String> {
        let before = base.fields(before);
        let after = self.fields(after);
        let value =
            |list: &[(u64, u64)], name: u64| list.iter().find(|(n, _)| *n == name).map(|(_, v)| *v);
        let mut names: Vec<String> = after
            .iter()
            .filter(|(name, v)| value(before, *name) != Some(*v))
            .map(|(name, _)| *name)
            .chain(
                before
                    .iter()
                    .filter(|(name, _)| value(after, *name).is_none())
                    .map(|(name, _)| *name),
            )
            .filter_map(|name| {
                let name = self.names.get(&name).or_else(|| base.names.get(&name))?;
                Some(name.to_string())
            })
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

fn sort(changes: &mut [DeclChange]) {
    changes.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
}

fn name_of(decl: &Decl) -> Box<str> {
    decl.name
        .as_ref()
        .map(|name| Box::from(name.as_str()))
        .unwrap_or_default()
}

/// A declaration's fields and header parts, each hashed from its syntax
/// (names and texts, never layout or comments), sorted by name hash; an
/// intervention's own declarations and extends are one entry each
/// (`cluster x`, `extend actor y`).
fn fields_of(decl: &Decl, out: &mut Vec<(u64, u64)>, names: &mut FxHashMap<u64, Box<str>>) {
    let mut add = |name: &str, value: u64| {
        let key = hash(name);
        names.entry(key).or_insert_with(|| Box::from(name));
        out.push((key, value));
    };
    if let Some(kind) = &decl.actor_kind {
        add("kind", hash(kind.as_str()));
    }
    if let Some(ends) = &decl.ends {
        fn names_of(list: &[Ident]) -> Vec<&str> {
            list.iter().map(|n| n.as_str()).collect()
        }
        let value = match ends {
            BridgeEnds::Between(list) => ("between", names_of(list)),
            BridgeEnds::Among(list) => ("among", names_of(list)),
        };
        add("clusters", hash(&value));
    }
    if let Some(label) = &decl.label {
        add("label", hash(&label.value));
    }
    if let Some(doc) = &decl.doc {
        add("doc", hash(doc));
    }
    if !decl.attrs.is_empty() {
        let attrs: Vec<(&str, Vec<&str>)> = decl
            .attrs
            .iter()
            .map(|a| (a.name.as_str(), a.args.iter().map(|n| n.as_str()).collect()))
            .collect();
        add("@allow", hash(&attrs));
    }
    for entry in decl.body.iter().flat_map(|body| &body.entries) {
        match entry {
            Entry::Field(field) => add(field.name.as_str(), value_of(field)),
            Entry::Decl(inner) => {
                let mut nested = Vec::new();
                let mut nested_names = FxHashMap::default();
                fields_of(inner, &mut nested, &mut nested_names);
                let name = format!("{} {}", inner.kind.keyword(), name_of(inner));
                add(&name, hash(&nested));
            }
            Entry::Extend(extend) => {
                let nested: Vec<(u64, u64)> = extend
                    .fields()
                    .map(|field| (hash(field.name.as_str()), value_of(field)))
                    .collect();
                let name = format!(
                    "extend {} {}",
                    extend.target_kind.keyword(),
                    extend.name.as_str()
                );
                add(&name, hash(&nested));
            }
            Entry::Error(_) => {}
        }
    }
    // By name; a field written twice keeps both values, in order.
    out.sort_by_key(|(name, _)| *name);
    out.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 = hash(&(kept.1, later.1));
        }
        same
    });
}

/// A field's value, hashed.
fn value_of(field: &Field) -> u64 {
    match &field.value {
        Value::Text(text) => hash(&(0u8, &text.value)),
        Value::Names(names) => {
            let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            hash(&(1u8, names))
        }
    }
}

/// A hash that is the same in every run and on both sides.
fn hash(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = FxHasher::default();
    value.hash(&mut hasher);
    hasher.finish()
}

//! Declarations added, removed and changed between two sides of one
//! ecosystem: each declaration of the ecosystem's files by kind and name,
//! its fields written down canonically from the syntax tree (names and
//! texts, never layout or comments), compared field by field.

use std::collections::hash_map::DefaultHasher;
use std::collections::BTreeMap;
use std::hash::{Hash, Hasher};

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
/// its fields (name → canonical value) and where its name is.
#[derive(Debug, Default)]
pub struct Declarations {
    by_key: BTreeMap<(DeclKind, String), (Fields, Loc)>,
}

/// A declaration's fields: name → a hash of its canonical value (two
/// values are compared, never shown).
type Fields = BTreeMap<String, u64>;

impl Declarations {
    /// The declarations of the ecosystem's files (the first of a name
    /// counts: a second one is an error the check reports).
    pub fn of(workspace: &Workspace, resolved: &Resolved) -> Declarations {
        let mut by_key = BTreeMap::new();
        for file in &resolved.files {
            let Some(loaded) = workspace.file(*file) else {
                continue;
            };
            for decl in loaded.ast.decls() {
                let key = (decl.kind, name_of(decl));
                let loc = Loc::new(*file, decl.name_span());
                by_key.entry(key).or_insert_with(|| (fields_of(decl), loc));
            }
        }
        Declarations { by_key }
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
        self.by_key
            .iter()
            .map(|((kind, name), (_, loc))| DeclChange {
                kind: *kind,
                name: name.clone(),
                status: status(),
                place: Place::of(sources, *loc),
            })
            .collect()
    }

    /// What differs from `base` to `self` (HEAD), by kind then name.
    pub fn changes_from(
        &self,
        base: &Declarations,
        head_sources: &SourceMap,
        base_sources: &SourceMap,
    ) -> Vec<DeclChange> {
        let mut out = Vec::new();
        for (key, (fields, loc)) in &self.by_key {
            let status = match base.by_key.get(key) {
                None => DeclStatus::Added,
                Some((before, _)) => {
                    let changed = changed_fields(before, fields);
                    if changed.is_empty() {
                        continue;
                    }
                    DeclStatus::Changed(changed)
                }
            };
            out.push(DeclChange {
                kind: key.0,
                name: key.1.clone(),
                status,
                place: Place::of(head_sources, *loc),
            });
        }
        for (key, (_, loc)) in &base.by_key {
            if !self.by_key.contains_key(key) {
                out.push(DeclChange {
                    kind: key.0,
                    name: key.1.clone(),
                    status: DeclStatus::Removed,
                    place: Place::of(base_sources, *loc),
                });
            }
        }
        out.sort_by(|a, b| (a.kind, &a.name).cmp(&(b.kind, &b.name)));
        out
    }
}

fn name_of(decl: &Decl) -> String {
    decl.name
        .as_ref()
        .map(|name| name.as_str().to_string())
        .unwrap_or_default()
}

/// The names of the fields whose values differ (or that one side lacks).
fn changed_fields(before: &Fields, after: &Fields) -> Vec<String> {
    let mut names: Vec<String> = after
        .iter()
        .filter(|(name, value)| before.get(*name) != Some(value))
        .map(|(name, _)| name.clone())
        .chain(
            before
                .keys()
                .filter(|name| !after.contains_key(*name))
                .cloned(),
        )
        .collect();
    names.sort();
    names
}

/// A declaration's fields and header parts, each hashed from its syntax
/// (names and texts, never layout or comments); an intervention's own
/// declarations and extends are one entry each (`cluster x`, `extend
/// actor y`).
fn fields_of(decl: &Decl) -> Fields {
    let mut out = Fields::new();
    if let Some(kind) = &decl.actor_kind {
        out.insert("kind".to_string(), hash(kind.as_str()));
    }
    if let Some(ends) = &decl.ends {
        fn names(list: &[Ident]) -> Vec<&str> {
            list.iter().map(|n| n.as_str()).collect()
        }
        let value = match ends {
            BridgeEnds::Between(list) => ("between", names(list)),
            BridgeEnds::Among(list) => ("among", names(list)),
        };
        out.insert("clusters".to_string(), hash(&value));
    }
    if let Some(label) = &decl.label {
        out.insert("label".to_string(), hash(&label.value));
    }
    if let Some(doc) = &decl.doc {
        out.insert("doc".to_string(), hash(doc));
    }
    if !decl.attrs.is_empty() {
        let attrs: Vec<(&str, Vec<&str>)> = decl
            .attrs
            .iter()
            .map(|a| (a.name.as_str(), a.args.iter().map(|n| n.as_str()).collect()))
            .collect();
        out.insert("@allow".to_string(), hash(&attrs));
    }
    for entry in decl.body.iter().flat_map(|body| &body.entries) {
        match entry {
            Entry::Field(field) => add_field(&mut out, field),
            Entry::Decl(inner) => {
                let key = format!("{} {}", inner.kind.keyword(), name_of(inner));
                out.insert(key, hash(&fields_of(inner)));
            }
            Entry::Extend(extend) => {
                let key = format!(
                    "extend {} {}",
                    extend.target_kind.keyword(),
                    extend.name.as_str()
                );
                let mut fields = Fields::new();
                for field in extend.fields() {
                    add_field(&mut fields, field);
                }
                out.insert(key, hash(&fields));
            }
            Entry::Error(_) => {}
        }
    }
    out
}

/// A field's value; a field written twice keeps both values.
fn add_field(out: &mut Fields, field: &Field) {
    let value = match &field.value {
        Value::Text(text) => hash(&(0u8, &text.value)),
        Value::Names(names) => {
            let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
            hash(&(1u8, names))
        }
    };
    out.entry(field.name.as_str().to_string())
        .and_modify(|v| *v = hash(&(*v, value)))
        .or_insert(value);
}

/// A hash that is the same in every run (`DefaultHasher::new` has fixed keys).
fn hash(value: &(impl Hash + ?Sized)) -> u64 {
    let mut hasher = DefaultHasher::new();
    value.hash(&mut hasher);
    hasher.finish()
}

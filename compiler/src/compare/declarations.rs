//! Declarations added, removed and changed between two sides of one
//! ecosystem: each declaration of the ecosystem's files by kind and name,
//! its fields written down canonically from the syntax tree (names and
//! texts, never layout or comments), compared field by field.

use std::collections::BTreeMap;

use ecospec_syntax::{BridgeEnds, Decl, DeclKind, Entry, Extend, Field, Value};

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
pub struct Declarations {
    by_key: BTreeMap<(DeclKind, String), (BTreeMap<String, String>, Loc)>,
}

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
fn changed_fields(
    before: &BTreeMap<String, String>,
    after: &BTreeMap<String, String>,
) -> Vec<String> {
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

/// A declaration's fields and header parts, each written canonically; an
/// intervention's own declarations and extends are one entry each
/// (`cluster x`, `extend actor y`).
fn fields_of(decl: &Decl) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    if let Some(kind) = &decl.actor_kind {
        out.insert("kind".to_string(), kind.as_str().to_string());
    }
    if let Some(ends) = &decl.ends {
        let (word, names) = match ends {
            BridgeEnds::Between(names) => ("between", names),
            BridgeEnds::Among(names) => ("among", names),
        };
        let names: Vec<&str> = names.iter().map(|n| n.as_str()).collect();
        out.insert(
            "clusters".to_string(),
            format!("{word} {}", names.join(", ")),
        );
    }
    if let Some(label) = &decl.label {
        out.insert("label".to_string(), format!("{:?}", label.value));
    }
    if let Some(doc) = &decl.doc {
        out.insert("doc".to_string(), doc.clone());
    }
    let allows: Vec<String> = decl
        .attrs
        .iter()
        .map(|a| {
            let args: Vec<&str> = a.args.iter().map(|n| n.as_str()).collect();
            format!("@{}({})", a.name.as_str(), args.join(", "))
        })
        .collect();
    if !allows.is_empty() {
        out.insert("@allow".to_string(), allows.join(" "));
    }
    for entry in decl.body.iter().flat_map(|body| &body.entries) {
        match entry {
            Entry::Field(field) => add_field(&mut out, field),
            Entry::Decl(inner) => {
                let key = format!("{} {}", inner.kind.keyword(), name_of(inner));
                out.insert(key, format!("{:?}", fields_of(inner)));
            }
            Entry::Extend(extend) => {
                let key = format!(
                    "extend {} {}",
                    extend.target_kind.keyword(),
                    extend.name.as_str()
                );
                out.insert(key, extended(extend));
            }
            Entry::Error(_) => {}
        }
    }
    out
}

fn extended(extend: &Extend) -> String {
    let mut fields = BTreeMap::new();
    for field in extend.fields() {
        add_field(&mut fields, field);
    }
    format!("{fields:?}")
}

/// A field's value; a field written twice keeps both values.
fn add_field(out: &mut BTreeMap<String, String>, field: &Field) {
    let value = match &field.value {
        Value::Text(text) => format!("{:?}", text.value),
        Value::Names(names) => names
            .iter()
            .map(|n| n.as_str())
            .collect::<Vec<_>>()
            .join(", "),
    };
    out.entry(field.name.as_str().to_string())
        .and_modify(|v| {
            v.push_str("; ");
            v.push_str(&value);
        })
        .or_insert(value);
}

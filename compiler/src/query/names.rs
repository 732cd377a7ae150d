//! Which declaration a place names, where a name is used, whether a rename
//! is safe, and the names of a kind visible at a place.

use ecospec_syntax::DeclKind;

use crate::check::Outcome;
use crate::diagnostic::Loc;
use crate::resolve::{Definition, Resolved};
use crate::source::FileId;

/// The ecosystems a file belongs to.
pub fn ecosystems_of(outcome: &Outcome, file: FileId) -> impl Iterator<Item = &Resolved> {
    outcome
        .ecosystems
        .iter()
        .filter(move |eco| eco.files.contains(&file))
}

/// A declaration and the ecosystem it was found in.
#[derive(Clone, Copy, Debug)]
pub struct Found<'o> {
    pub eco: &'o Resolved,
    pub definition: &'o Definition,
    /// The name at the place asked about (the definition's, or a use's).
    pub at: Loc,
}

/// The declaration whose name (or a reference to it) covers byte `offset`
/// of `file` (its end included, so a cursor just after a name finds it).
pub fn symbol_at(outcome: &Outcome, file: FileId, offset: u32) -> Option<Found<'_>> {
    let covers = |loc: &Loc| loc.file == file && loc.span.start <= offset && offset <= loc.span.end;
    for eco in ecosystems_of(outcome, file) {
        if let Some(definition) = eco.definitions.iter().find(|d| covers(&d.loc)) {
            return Some(Found {
                eco,
                definition,
                at: definition.loc,
            });
        }
        let found = eco.uses.iter().filter(|u| covers(&u.at)).find_map(|u| {
            let definition = eco.definitions.iter().find(|d| d.loc == u.definition)?;
            Some(Found {
                eco,
                definition,
                at: u.at,
            })
        });
        if found.is_some() {
            return found;
        }
    }
    None
}

/// Every place that names the definition at `definition` (its own name
/// first), across every ecosystem, each once.
pub fn references(outcome: &Outcome, definition: Loc) -> Vec<Loc> {
    let mut places = vec![definition];
    for eco in &outcome.ecosystems {
        places.extend(
            eco.uses
                .iter()
                .filter(|u| u.definition == definition)
                .map(|u| u.at),
        );
    }
    let (first, rest) = places.split_at_mut(1);
    rest.sort();
    let mut out: Vec<Loc> = first.to_vec();
    for loc in rest.iter() {
        if !out.contains(loc) {
            out.push(*loc);
        }
    }
    out
}

/// The places to edit to rename the definition at `definition` to
/// `new_name`; an error (for the user) when the name is not an identifier or
/// is already taken where the definition is visible.
pub fn rename(outcome: &Outcome, definition: Loc, new_name: &str) -> Result<Vec<Loc>, String> {
    if !ecospec_syntax::is_identifier(new_name) {
        return Err(format!("`{new_name}` is not a valid name"));
    }
    let mut target: Option<&Definition> = None;
    for eco in &outcome.ecosystems {
        let Some(this) = eco.definitions.iter().find(|d| d.loc == definition) else {
            continue;
        };
        target = Some(this);
        if &*this.name == new_name {
            continue;
        }
        let clash = eco.definitions.iter().find(|other| {
            &*other.name == new_name
                && match (this.local_to, other.local_to) {
                    (Some(a), Some(b)) => a == b,
                    _ => true,
                }
        });
        if let Some(other) = clash {
            return Err(format!(
                "`{new_name}` is already declared as {} in this ecosystem",
                crate::resolve::schema::a_kind(other.kind)
            ));
        }
    }
    if target.is_none() {
        return Err("nothing to rename here".to_string());
    }
    Ok(references(outcome, definition))
}

/// The definitions of `kind` visible at byte `offset` of `file`, each name once.
pub fn names_of_kind(
    outcome: &Outcome,
    file: FileId,
    offset: u32,
    kind: DeclKind,
) -> Vec<&Definition> {
    let mut out: Vec<&Definition> = Vec::new();
    let mut seen: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for eco in ecosystems_of(outcome, file) {
        let inside = |intervention: Loc| {
            eco.definitions.iter().any(|d| {
                d.loc == intervention
                    && d.decl_loc.file == file
                    && d.decl_loc.span.start <= offset
                    && offset <= d.decl_loc.span.end
            })
        };
        for definition in &eco.definitions {
            let visible = definition.local_to.is_none_or(inside);
            if definition.kind == kind && visible && seen.insert(&definition.name) {
                out.push(definition);
            }
        }
    }
    out
}

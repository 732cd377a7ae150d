//! `removes` (v1, section 9.2): a list of names of actors, bridges,
//! clusters and capabilities, on a scenario or an intervention. A name of
//! another kind is E0203, an undefined one E0201 (did-you-mean among the
//! four kinds); in an intervention, a name it declares or extends is E0210.

use ecospec_syntax::{DeclKind, Entry, Extend, Ident, Name};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

use super::names::{kind_word, with_suggestion};
use super::resolver::{Resolver, Scope};
use super::schema::{a_kind, REMOVABLE};

/// What the four kinds are called in a message.
const KINDS: &str = "an actor, a bridge, a cluster or a capability";

impl Resolver {
    /// The names of a `removes` list, resolved among the four kinds.
    pub(super) fn removals(
        &mut self,
        file: FileId,
        names: &[Name],
        scope: Option<&Scope>,
    ) -> Vec<Removal> {
        names
            .iter()
            .map(|name| {
                let (symbol, meant) = self.removable(file, name, scope);
                Removal {
                    symbol,
                    name: meant.unwrap_or_else(|| name.name.clone()),
                    loc: Loc::new(file, name.span),
                }
            })
            .collect()
    }

    /// The symbol a name removes, and the name a misspelling counts as.
    fn removable(
        &mut self,
        file: FileId,
        name: &Ident,
        scope: Option<&Scope>,
    ) -> (Option<Symbol>, Option<Box<str>>) {
        let loc = Loc::new(file, name.span);
        let found = self.look_up_use(name.as_str(), loc, scope);
        match found {
            Some(entry) if REMOVABLE.contains(&entry.symbol.kind) => (Some(entry.symbol), None),
            Some(entry) => {
                let diagnostic = Diagnostic::error(
                    Code::E0203,
                    format!(
                        "expected {KINDS}, found {} `{name}`",
                        kind_word(entry.symbol.kind)
                    ),
                )
                .at(loc, format!("this is {}", a_kind(entry.symbol.kind)))
                .label(
                    entry.loc,
                    format!("`{name}` is declared here as {}", a_kind(entry.symbol.kind)),
                )
                .note("`removes` takes actors, bridges, clusters and capabilities out of the configuration");
                let suggestion = self.closest_removable(name.as_str(), scope);
                let meant = self.removable_meant(suggestion.as_deref(), scope);
                self.diagnostics
                    .push(with_suggestion(diagnostic, file, name, suggestion));
                meant
            }
            None => {
                let diagnostic = Diagnostic::error(
                    Code::E0201,
                    format!("no actor, bridge, cluster or capability named `{name}`"),
                )
                .at(loc, "not declared in this ecosystem");
                let suggestion = self.closest_removable(name.as_str(), scope);
                let meant = self.removable_meant(suggestion.as_deref(), scope);
                let diagnostic = match suggestion {
                    Some(s) => with_suggestion(diagnostic, file, name, Some(s)),
                    None => diagnostic.help(
                        "`removes` names what the ecosystem declares: check the spelling, or import the file that declares it",
                    ),
                };
                self.diagnostics.push(diagnostic);
                meant
            }
        }
    }

    /// What a misspelt name in `removes` counts as: its did-you-mean
    /// (section 9.5); without one, it breaks its declaration.
    fn removable_meant(
        &mut self,
        suggestion: Option<&str>,
        scope: Option<&Scope>,
    ) -> (Option<Symbol>, Option<Box<str>>) {
        let meant = suggestion.and_then(|s| {
            self.lookup(s, scope)
                .map(|entry| entry.symbol)
                .filter(|symbol| REMOVABLE.contains(&symbol.kind))
                .map(|symbol| (symbol, Box::from(s)))
        });
        match meant {
            Some((symbol, name)) => (Some(symbol), Some(name)),
            None => {
                self.unsuggested += 1;
                (None, None)
            }
        }
    }

    fn closest_removable(&mut self, typo: &str, scope: Option<&Scope>) -> Option<String> {
        let local = scope.into_iter().flat_map(|s| s.local.iter());
        let candidates = self
            .names
            .iter()
            .chain(local)
            .filter(|(_, entry)| REMOVABLE.contains(&entry.symbol.kind))
            .map(|(name, _)| &**name);
        // Not cached: the cache is per kind, and these are four.
        self.suggestions
            .closest(typo, DeclKind::Actor, false, candidates)
    }

    /// E0210: an intervention's `removes` naming what the same intervention
    /// declares (in `scope`) or extends, one per removed name, at the later
    /// of its entry and the declaration or `extend`. Such a name is not
    /// removed.
    pub(super) fn removed_and_changed(
        &mut self,
        file: FileId,
        entries: &[Entry],
        scope: &Scope,
        removes: &mut [Removal],
    ) {
        let extends: Vec<&Extend> = entries
            .iter()
            .filter_map(|entry| match entry {
                // `extend on S` names a scenario: `removes` cannot (E0203).
                Entry::Extend(extend) if extend.target_kind != DeclKind::On => Some(&**extend),
                _ => None,
            })
            .collect();
        let mut reported: Vec<&str> = Vec::new();
        for removal in removes.iter_mut() {
            // A local declaration of another kind is E0203 already.
            let declared = scope
                .local
                .get(&removal.name)
                .filter(|e| REMOVABLE.contains(&e.symbol.kind))
                .map(|e| (e.loc, "declared"));
            let extended = || {
                extends
                    .iter()
                    .find(|e| e.name.name == removal.name)
                    .map(|e| (Loc::new(file, e.name.span), "extended"))
            };
            let Some((changed, how)) = declared.or_else(extended) else {
                continue;
            };
            removal.symbol = None;
            if reported.contains(&&*removal.name) {
                continue;
            }
            reported.push(&removal.name);
            let (at, other, at_label, other_label) = if later(removal.loc, changed) {
                (removal.loc, changed, "removed here", format!("{how} here"))
            } else {
                (
                    changed,
                    removal.loc,
                    if how == "declared" {
                        "declared here"
                    } else {
                        "extended here"
                    },
                    "removed here".to_string(),
                )
            };
            let name = &removal.name;
            self.diagnostics.push(
                Diagnostic::error(
                    Code::E0210,
                    format!("`{name}` is removed and changed in the same intervention"),
                )
                .at(at, at_label)
                .label(other, other_label)
                .help(format!(
                    "an intervention either retires `{name}` or changes it: drop `{name}` from `removes`, or drop the {} of it",
                    if how == "declared" { "declaration" } else { "`extend`" }
                )),
            );
        }
    }
}

/// Whether `a` stands after `b` (by file, then offset).
fn later(a: Loc, b: Loc) -> bool {
    (a.file.index(), a.span.start) > (b.file.index(), b.span.start)
}

/// Whether a field is `removes`.
pub(super) fn is_removes(field: &str) -> bool {
    field == super::schema::REMOVES
}

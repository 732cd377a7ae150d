//! `support` in an `on` rule: clusters and actors (section 9.3), while
//! every other list of names holds one kind.

use ecospec_syntax::{DeclKind, Name};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

use super::names::{kind_word, suggest_in_list};
use super::resolved::FieldValue;
use super::resolver::{Resolver, Scope};

impl Resolver {
    /// The names of a `support` list, resolved: clusters and actors apart.
    /// Anything else is E0203 and an unknown name E0201, each with a
    /// did-you-mean among the clusters and actors; both stay in the
    /// clusters' list (unresolved), which keeps it non-empty.
    pub(super) fn supporters(
        &mut self,
        file: FileId,
        names: &[Name],
        scope: Option<&Scope>,
    ) -> FieldValue {
        let taken: Vec<&str> = names.iter().map(|name| name.as_str()).collect();
        let mut offered = Vec::new();
        let mut clusters = Vec::new();
        let mut actors = Vec::new();
        for name in names {
            let loc = Loc::new(file, name.span);
            let found = self.look_up_use(name.as_str(), loc, scope);
            let entry = |index| Ref {
                index,
                name: name.name.clone(),
                loc,
            };
            match found {
                Some(e) if e.symbol.kind == DeclKind::Actor => {
                    actors.push(entry(Some(e.symbol.index)));
                    continue;
                }
                Some(e) if e.symbol.kind == DeclKind::Cluster => {
                    clusters.push(entry(Some(e.symbol.index)));
                    continue;
                }
                _ => {}
            }
            let diagnostic = match found {
                Some(e) => Diagnostic::error(
                    Code::E0203,
                    format!(
                        "expected a cluster or an actor, found {} `{name}`",
                        kind_word(e.symbol.kind)
                    ),
                )
                .at(
                    loc,
                    format!("this is {}", super::schema::a_kind(e.symbol.kind)),
                )
                .label(
                    e.loc,
                    format!(
                        "`{name}` is declared here as {}",
                        super::schema::a_kind(e.symbol.kind)
                    ),
                ),
                None => {
                    Diagnostic::error(Code::E0201, format!("no cluster or actor named `{name}`"))
                        .at(loc, "not declared in this ecosystem")
                }
            };
            let suggestion = self.closest_supporter(name.as_str(), scope);
            // It counts as its did-you-mean (section 9.5); without one,
            // it stays unresolved among the clusters, which keeps the list
            // non-empty, and breaks the rule.
            let meant = suggestion
                .as_deref()
                .and_then(|s| self.lookup(s, scope).map(|e| (e.symbol, s)));
            match meant {
                Some((symbol, s)) => {
                    let r = Ref {
                        index: Some(symbol.index),
                        name: s.into(),
                        loc,
                    };
                    match symbol.kind {
                        DeclKind::Actor => actors.push(r),
                        _ => clusters.push(r),
                    }
                }
                None => {
                    self.unsuggested += 1;
                    clusters.push(entry(None));
                }
            }
            let diagnostic = match (&suggestion, found) {
                (None, None) => diagnostic.help(format!(
                    "declare it (`cluster {name}` or `actor {name}`), or import the file that declares it"
                )),
                _ => suggest_in_list(diagnostic, file, name, suggestion, &taken, &mut offered),
            };
            self.diagnostics.push(diagnostic);
        }
        FieldValue::Supporters { clusters, actors }
    }

    /// The cluster or actor closest to `typo` (within the did-you-mean budget).
    fn closest_supporter(&mut self, typo: &str, scope: Option<&Scope>) -> Option<String> {
        let local = scope.into_iter().flat_map(|s| s.local.iter());
        let candidates = self
            .names
            .iter()
            .chain(local)
            .filter(|(_, entry)| matches!(entry.symbol.kind, DeclKind::Cluster | DeclKind::Actor))
            .map(|(name, _)| &**name);
        // Not cached: the cache holds one kind's answers.
        self.suggestions
            .closest(typo, DeclKind::Cluster, false, candidates)
    }
}

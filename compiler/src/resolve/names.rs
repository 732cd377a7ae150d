//! Declaring and looking names up: undefined (E0201), of the wrong kind
//! (E0203), declared twice (E0202), a second `on` rule (E0202), and
//! did-you-mean suggestions with their fixes.

use std::sync::Arc;

use ecospec_syntax::{DeclKind, Ident, Span};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

use super::resolved::{Definition, NameUse};
use super::resolver::{Held, Resolver, Scope};
use super::schema::a_kind;
use super::suggest::{closest, did_you_mean};

impl Resolver {
    pub(super) fn resolve_name(
        &mut self,
        file: FileId,
        name: &Ident,
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Option<usize> {
        self.resolve_ref(file, name, kind, scope, &[], &mut Vec::new())
            .index
    }

    /// [`Resolver::resolve_name_among`] as a reference: a misspelling
    /// carries the name it counts as (section 9.5), at the misspelling.
    pub(super) fn resolve_ref(
        &mut self,
        file: FileId,
        name: &Ident,
        kind: DeclKind,
        scope: Option<&Scope>,
        taken: &[&str],
        offered: &mut Vec<String>,
    ) -> Ref {
        let (index, meant) = self.resolve_name_among(file, name, kind, scope, taken, offered);
        Ref {
            index,
            name: meant.unwrap_or_else(|| name.name.clone()),
            loc: Loc::new(file, name.span),
        }
    }

    /// [`Resolver::resolve_name`] for a name written in a list that holds
    /// `taken`, after the fixes `offered` to its earlier entries: a
    /// suggestion among either comes without a fix (applying it would name
    /// the same declaration twice, E0208 in a bridge, as the fix fuzz target
    /// found: `among o, m` with `o` a typo of `m`, and `between m and ma`
    /// with both a typo of `mt`). With the index, the name a misspelling
    /// counts as.
    fn resolve_name_among(
        &mut self,
        file: FileId,
        name: &Ident,
        kind: DeclKind,
        scope: Option<&Scope>,
        taken: &[&str],
        offered: &mut Vec<String>,
    ) -> (Option<usize>, Option<Box<str>>) {
        let loc = Loc::new(file, name.span);
        let found = self.look_up_use(name.as_str(), loc, scope);
        match found {
            Some(entry) if entry.symbol.kind == kind => (Some(entry.symbol.index), None),
            Some(entry) => {
                let mut diagnostic = Diagnostic::error(
                    Code::E0203,
                    format!(
                        "expected {}, found {} `{name}`",
                        a_kind(kind),
                        kind_word(entry.symbol.kind)
                    ),
                )
                .at(loc, format!("this is {}", a_kind(entry.symbol.kind)))
                .label(
                    entry.loc,
                    format!("`{name}` is declared here as {}", a_kind(entry.symbol.kind)),
                );
                let suggestion = self.closest_of_kind(name.as_str(), kind, scope);
                let meant = self.meant(suggestion.as_deref(), kind, scope);
                diagnostic = suggest_in_list(diagnostic, file, name, suggestion, taken, offered);
                self.diagnostics.push(diagnostic);
                meant
            }
            None => {
                let diagnostic = Diagnostic::error(
                    Code::E0201,
                    format!("no {} named `{name}`", kind_word(kind)),
                )
                .at(loc, "not declared in this ecosystem");
                let suggestion = self.closest_of_kind(name.as_str(), kind, scope);
                let meant = self.meant(suggestion.as_deref(), kind, scope);
                let diagnostic = match suggestion {
                    Some(_) => suggest_in_list(diagnostic, file, name, suggestion, taken, offered),
                    None => diagnostic.help(format!(
                        "declare it (`{} {name}`), or import the file that declares it",
                        kind.keyword()
                    )),
                };
                self.diagnostics.push(diagnostic);
                meant
            }
        }
    }

    /// What a misspelling counts as for the lints (section 9.5): the
    /// index of its did-you-mean, of `kind`; without one, it is counted in
    /// [`Resolver::unsuggested`] (it breaks its declaration).
    pub(super) fn meant(
        &mut self,
        suggestion: Option<&str>,
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> (Option<usize>, Option<Box<str>>) {
        let found = suggestion.and_then(|s| {
            self.lookup(s, scope)
                .filter(|entry| entry.symbol.kind == kind)
                .map(|entry| (entry.symbol.index, Box::from(s)))
        });
        match found {
            Some((index, name)) => (Some(index), Some(name)),
            None => {
                self.unsuggested += 1;
                (None, None)
            }
        }
    }

    /// A name written as a string (`text`, at `span`) where names of `kind`
    /// are expected (E0206, reported by the caller), as a reference: the
    /// name it spells, or else its did-you-mean, counts (section 9.5);
    /// neither is a misspelling without a suggestion.
    pub(super) fn quoted_ref(
        &mut self,
        file: FileId,
        text: &str,
        span: Span,
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Ref {
        let spelt = self
            .lookup(text, scope)
            .filter(|entry| entry.symbol.kind == kind)
            .map(|entry| entry.symbol.index);
        let (index, meant) = if spelt.is_some() {
            (spelt, None)
        } else {
            let suggestion = self.closest_of_kind(text, kind, scope);
            self.meant(suggestion.as_deref(), kind, scope)
        };
        Ref {
            index,
            name: meant.unwrap_or_else(|| text.into()),
            loc: Loc::new(file, span),
        }
    }

    pub(super) fn closest_of_kind(
        &mut self,
        typo: &str,
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Option<String> {
        let local = scope.into_iter().flat_map(|s| s.local.iter());
        // The ecosystem's names are complete once declared: without an
        // intervention's own names, the answer is the same for the same typo.
        let cache = scope.is_none_or(|s| s.local.is_empty());
        let candidates = self
            .names
            .iter()
            .chain(local)
            .filter(|(_, entry)| entry.symbol.kind == kind)
            .map(|(name, _)| &**name);
        self.suggestions.closest(typo, kind, cache, candidates)
    }
}

/// [`with_suggestion`], but a name the list already holds (or that an
/// earlier entry's fix brings into it) is pointed out without a fix:
/// replacing the entry would repeat it.
pub(super) fn suggest_in_list(
    diagnostic: Diagnostic,
    file: FileId,
    name: &Ident,
    suggestion: Option<String>,
    taken: &[&str],
    offered: &mut Vec<String>,
) -> Diagnostic {
    match suggestion {
        Some(s) if taken.contains(&s.as_str()) => diagnostic.help(format!(
            "did you mean `{s}`? it is already in this list: if this entry repeats it, remove the entry"
        )),
        Some(s) if offered.contains(&s) => diagnostic.help(format!(
            "did you mean `{s}`? it is also the closest name to an earlier entry of this list: check which one you meant"
        )),
        Some(s) => {
            let diagnostic = with_suggestion(diagnostic, file, name, Some(&s));
            offered.push(s);
            diagnostic
        }
        None => diagnostic,
    }
}

pub(super) fn duplicate(name: &Ident, loc: Loc, first: &NameEntry) -> Diagnostic {
    Diagnostic::error(Code::E0202, format!("`{name}` is declared twice"))
        .at(loc, "declared again here")
        .label(
            first.loc,
            format!("first declared here as {}", a_kind(first.symbol.kind)),
        )
        .help("all declarations of an ecosystem share one set of names: rename one of them")
}

/// Where an `on` rule is written: the way to add to a rule differs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RuleScope {
    Ecosystem,
    Intervention,
}

/// A second `on` rule for `scenario` (E0202), `at` the second and `first`
/// the first; the one place this diagnostic is made.
pub(super) fn second_rule(scenario: &str, at: Loc, first: Loc, scope: RuleScope) -> Diagnostic {
    let help = match scope {
        RuleScope::Ecosystem => "a scenario has at most one `on` rule: merge the two".to_string(),
        RuleScope::Intervention => {
            format!("to add to the existing rule, write `extend on {scenario} {{ ... }}`")
        }
    };
    Diagnostic::error(
        Code::E0202,
        format!("a second `on` rule for scenario `{scenario}`"),
    )
    .at(at, "second rule")
    .label(first, "first rule here")
    .help(help)
}

/// E0204, and the field it most likely meant (its did-you-mean).
pub(super) fn unknown_field(
    file: FileId,
    kind: DeclKind,
    name: &Ident,
) -> (Diagnostic, Option<&'static str>) {
    let names: Vec<&str> = super::schema::fields(kind)
        .iter()
        .map(|(n, _)| *n)
        .collect();
    let diagnostic = Diagnostic::error(
        Code::E0204,
        format!("{} has no field `{name}`", a_kind(kind)),
    )
    .at(Loc::new(file, name.span), "unknown field")
    .note(format!(
        "the fields of {} are: {}",
        a_kind(kind),
        names.join(", ")
    ));
    let suggestion = closest(name.as_str(), names.iter().copied());
    (
        with_suggestion(diagnostic, file, name, suggestion),
        suggestion,
    )
}

/// Adds `help: did you mean ...?` and its fix, when there is a suggestion.
pub(super) fn with_suggestion(
    diagnostic: Diagnostic,
    file: FileId,
    name: &Ident,
    suggestion: Option<impl AsRef<str>>,
) -> Diagnostic {
    match suggestion {
        Some(suggestion) => did_you_mean(
            diagnostic,
            Loc::new(file, name.span),
            name.as_str(),
            suggestion.as_ref(),
        ),
        None => diagnostic,
    }
}

pub(super) fn kind_word(kind: DeclKind) -> &'static str {
    kind.keyword()
}

impl Resolver {
    /// Enters the first definition of every name; reports the others (E0202).
    /// Per declaration, whether it is the first definition of its name
    /// (its name's entry is at this declaration; the names do not change
    /// after this, so no second look-up is needed).
    pub(super) fn declare(&mut self, decls: &[(FileId, Held<'_>)]) -> Vec<bool> {
        let mut firsts = vec![false; decls.len()];
        for ((file, decl), is_first) in decls.iter().zip(&mut firsts) {
            if matches!(decl.kind, DeclKind::Ecosystem | DeclKind::On) {
                continue;
            }
            let Some(name) = &decl.name else { continue };
            let loc = Loc::new(*file, name.span);
            if let Some(first) = self.names.get(&name.name) {
                *is_first = first.loc == loc;
                self.diagnostics.push(duplicate(name, loc, first));
                continue;
            }
            *is_first = true;
            let index = self.kinds.next(decl.kind);
            if self.record_names {
                self.definitions.push(Definition {
                    name: name.name.clone(),
                    kind: decl.kind,
                    loc,
                    decl_loc: Loc::new(*file, decl.span),
                    local_to: None,
                });
            }
            // Not shared yet: nothing is copied.
            Arc::make_mut(&mut self.names).insert(
                name.name.clone(),
                NameEntry {
                    symbol: Symbol {
                        kind: decl.kind,
                        index,
                    },
                    loc,
                },
            );
        }
        firsts
    }

    /// [`Resolver::lookup`] of a name written as a reference at `at`, kept
    /// as a use when names are recorded and it found a declaration.
    #[inline]
    pub(super) fn look_up_use(
        &mut self,
        name: &str,
        at: Loc,
        scope: Option<&Scope>,
    ) -> Option<NameEntry> {
        let found = self.lookup(name, scope).copied();
        if let (Some(entry), true) = (found, self.record_names) {
            self.uses.push(NameUse {
                at,
                definition: entry.loc,
            });
        }
        found
    }

    pub(super) fn lookup<'s>(
        &'s self,
        name: &str,
        scope: Option<&'s Scope>,
    ) -> Option<&'s NameEntry> {
        scope
            .and_then(|s| s.local.get(name))
            .or_else(|| self.names.get(name))
    }
}

#[cfg(test)]
mod tests {
    use ecospec_syntax::Span;

    use crate::code::Code;
    use crate::diagnostic::Loc;
    use crate::resolve::names::{second_rule, RuleScope};
    use crate::source::FileId;

    #[test]
    fn a_second_rule_is_told_how_to_add_to_the_first() {
        let loc = |start| {
            Loc::new(
                FileId(0),
                Span {
                    start,
                    end: start + 1,
                },
            )
        };
        let top = second_rule("s", loc(30), loc(3), RuleScope::Ecosystem);
        let inner = second_rule("s", loc(30), loc(3), RuleScope::Intervention);
        for d in [&top, &inner] {
            assert_eq!(d.code, Code::E0202);
            assert_eq!(d.message, "a second `on` rule for scenario `s`");
            assert_eq!(d.primary, Some(loc(30)));
            assert_eq!(d.labels.first().map(|l| l.loc), Some(loc(3)));
        }
        assert_eq!(
            top.help.as_deref(),
            Some("a scenario has at most one `on` rule: merge the two")
        );
        assert_eq!(
            inner.help.as_deref(),
            Some("to add to the existing rule, write `extend on s { ... }`")
        );
    }
}

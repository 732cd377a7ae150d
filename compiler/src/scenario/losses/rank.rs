//! `what-if --losses`: for every actor, bridge and cluster, the findings
//! at `warn` or `deny` that losing it alone would open, ranked by their
//! number, then by name. Each candidate costs what its loss touches
//! (`found.rs`), never a run of every lint.

use ecospec_syntax::DeclKind;
use rustc_hash::FxHashSet;

use crate::diagnostic::Loc;
use crate::lints::{self, Level, Lint};
use crate::model::{Common, Facts, Model, Removal, Symbol};
use crate::removal::without;
use crate::scenario::ask::{removable, Now};

use super::found::{Found, Out};
use super::index::Index;
use super::{actor, bridge, cluster};

/// One finding a loss opens, at its level.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lost {
    pub lint: &'static Lint,
    pub subjects: Vec<Box<str>>,
    pub primary: Loc,
    pub level: Level,
}

/// One actor, bridge or cluster, and what losing it alone opens.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loss {
    pub who: Symbol,
    pub name: Box<str>,
    /// Sorted by code, then subjects.
    pub opens: Vec<Lost>,
}

/// Every loss that opens something, most findings first, then by name.
pub fn losses(now: &Now<'_>) -> Vec<Loss> {
    let model: &Model = &now.model;
    let ix = Index::new(model, &now.facts);
    let Some(anywhere) = any_place(model) else {
        return Vec::new();
    };
    let counts = |lint: &'static Lint| now.levels.level(lint, anywhere, &[]) >= Level::Warn;
    let wanted_codes: Vec<&str> = lints::LINTS
        .iter()
        .filter(|l| l.check.is_some() && counts(l))
        .map(|l| l.code.as_str())
        .collect();
    let wanted = |code: &str| wanted_codes.contains(&code);
    let before: FxHashSet<(&str, &[Box<str>])> = now
        .findings
        .iter()
        .map(|f| (f.lint.code.as_str(), f.subjects.as_slice()))
        .collect();
    let out_of_it: FxHashSet<&str> = model
        .commons()
        .filter(|c| c.broken || c.removed)
        .map(|c| &*c.name)
        .collect();
    let mut losses = Vec::new();
    for (who, common) in candidates(model) {
        let sole_unsure = who.kind == DeclKind::Actor && ix.unsure.as_slice() == [who.index];
        let mut out = Out {
            wanted: &wanted,
            providers_wait: !ix.unsure.is_empty() && !sole_unsure,
            found: Vec::new(),
        };
        match who.kind {
            DeclKind::Actor => actor::actor(&ix, who.index, &mut out),
            DeclKind::Bridge => bridge::bridge(&ix, who.index, &mut out),
            DeclKind::Cluster => cluster::cluster(&ix, who.index, &mut out),
            _ => {}
        }
        if sole_unsure {
            // The provider-counting findings waited for this actor alone:
            // without it, all of them are there (and none was before).
            out.found.extend(providers_without(model, who, common));
        }
        let gone = gone_with(&ix, who, common);
        let mut opens: Vec<Lost> = out
            .found
            .into_iter()
            .filter(|f| {
                !f.subjects
                    .iter()
                    .any(|s| out_of_it.contains(&**s) || gone.contains(&&**s))
            })
            .filter(|f| !before.contains(&(f.lint.code.as_str(), f.subjects.as_slice())))
            .map(|f| Lost {
                level: now.level(f.lint, f.primary),
                lint: f.lint,
                subjects: f.subjects,
                primary: f.primary,
            })
            .filter(|l| l.level >= Level::Warn)
            .collect();
        opens.sort_by(|a, b| (a.lint.code, &a.subjects).cmp(&(b.lint.code, &b.subjects)));
        opens.dedup_by(|a, b| a.lint == b.lint && a.subjects == b.subjects);
        if !opens.is_empty() {
            losses.push(Loss {
                who,
                name: common.name.clone(),
                opens,
            });
        }
    }
    losses.sort_by(|a, b| b.opens.len().cmp(&a.opens.len()).then(a.name.cmp(&b.name)));
    losses
}

/// The actors, bridges and clusters of the configuration, not removed.
fn candidates(model: &Model) -> impl Iterator<Item = (Symbol, &Common)> {
    removable(model)
        .filter(|(symbol, common)| symbol.kind != DeclKind::Capability && !common.removed)
}

/// What the loss takes out with it: itself, and for a cluster the bridges
/// it leaves with fewer than two clusters (the subject of no finding).
fn gone_with<'m>(ix: &'m Index<'_>, who: Symbol, common: &'m Common) -> Vec<&'m str> {
    let mut gone = vec![&*common.name];
    if who.kind == DeclKind::Cluster {
        for &b in ix.adjacency.bridges_of.get(who.index).into_iter().flatten() {
            let few = ix.adjacency.joins.get(b).is_some_and(|j| j.len() <= 2);
            if let (true, Some(bridge)) = (few, ix.model.bridges.get(b)) {
                gone.push(&*bridge.common.name);
            }
        }
    }
    gone
}

/// The provider-counting findings (W0403, W0404, W0411, W0423) of the
/// configuration without `who`: asked only of the one actor the others
/// waited for, once.
fn providers_without(model: &Model, who: Symbol, common: &Common) -> Vec<Found> {
    let removal = Removal {
        symbol: Some(who),
        name: common.name.clone(),
        loc: common.name_loc,
    };
    let after = without(model, &[removal]);
    let facts = Facts::new(&after);
    let mut found = Vec::new();
    let counting = lints::LINTS.iter().filter(|l| lints::counts_providers(l));
    for check in counting.filter_map(|l| l.check) {
        check(&after, &facts, &mut found);
    }
    found
        .into_iter()
        .map(|f| Found {
            lint: f.lint,
            subjects: f.subjects,
            primary: f.primary,
        })
        .collect()
}

/// Any place in the model: the level of a lint there, with no `@allow`
/// read, is its level everywhere but under an `@allow`.
fn any_place(model: &Model) -> Option<Loc> {
    model.commons().next().map(|c| c.name_loc)
}

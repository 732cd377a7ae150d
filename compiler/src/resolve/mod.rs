//! Name resolution and typing of one ecosystem (E0201–E0209, E0302):
//! syntax trees in → the baseline [`Model`] and one [`Delta`] per
//! intervention out, with a diagnostic for everything that did not fit.
//!
//! Resolution keeps going after every error: an unresolved reference stays in
//! its list (`index: None`), so the lints still see everything that resolved.

mod declarations;
mod fields;
mod intervention;
mod names;
mod order;
mod record;
pub mod schema;
mod suggest;
mod unknown_lint;

use std::collections::HashSet;
use std::sync::Arc;

use rustc_hash::FxHashMap;

use ecospec_syntax::{
    Attribute, Decl, DeclKind, Entry, Extend, Field, Ident, Item, Span, Text, Value,
};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::lints;
use crate::load::Workspace;
use crate::model::*;
use crate::source::FileId;
pub use record::add_record;
use schema::{a_kind, field_type, FieldType, ACTOR_KINDS};
pub use suggest::closest;
use suggest::Suggestions;
pub use unknown_lint::{unknown_lint, LintNamePlace};

use names::*;
use order::*;
use record::*;

/// One ecosystem, resolved.
#[derive(Clone, Debug, Default)]
pub struct Resolved {
    pub root: FileId,
    /// The files of the ecosystem, root first, in import order.
    pub files: Vec<FileId>,
    /// The configuration without any intervention.
    pub baseline: Model,
    /// Per intervention of `baseline.interventions`, what applying it changes.
    pub deltas: Vec<Delta>,
    pub diagnostics: Vec<Diagnostic>,
    /// Every declared name that entered a namespace (the ecosystem's, or an
    /// intervention's), in source order: what editor queries look names up in.
    /// Empty unless names were recorded (`resolve`'s `record_names`).
    pub definitions: Vec<Definition>,
    /// Every name written where a declaration is expected that found one
    /// (of the right kind or not). Empty unless names were recorded.
    pub uses: Vec<NameUse>,
}

/// A declared name (its first definition).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Definition {
    pub name: Box<str>,
    pub kind: DeclKind,
    /// The name in its declaration: what identifies the definition.
    pub loc: Loc,
    /// The whole declaration.
    pub decl_loc: Loc,
    /// Declared inside an intervention: the intervention's name.
    pub local_to: Option<Loc>,
}

/// A name written as a reference, and the definition it found.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct NameUse {
    pub at: Loc,
    /// The `loc` of the [`Definition`].
    pub definition: Loc,
}

/// What an intervention adds to the baseline.
#[derive(Clone, Debug, Default)]
pub struct Delta {
    /// The declarations it adds (indices continue the baseline's).
    pub added: Vec<Record>,
    pub extends: Vec<ExtendOp>,
}

/// `extend KIND NAME { fields }`, resolved.
#[derive(Clone, Debug)]
pub struct ExtendOp {
    pub target: Target,
    /// Each field with the place of its name.
    pub fields: Vec<(&'static str, FieldValue, Loc)>,
}

#[derive(Clone, Copy, Debug)]
pub enum Target {
    Symbol(Symbol),
    /// `extend on S`: the scenario and its name.
    Rule(usize, Loc),
}

/// A typed field value.
#[derive(Clone, Debug)]
pub enum FieldValue {
    Refs(Vec<Ref>),
    Text(String),
    Word(Box<str>),
    Words(Vec<Box<str>>),
}

/// A declaration ready to enter a model.
#[derive(Clone, Debug)]
pub enum Record {
    Capability(Capability),
    Scenario(Scenario),
    Cluster(Cluster),
    Actor(Actor),
    Bridge(Bridge),
    Rule(Rule),
    Intervention(Intervention),
}

/// Resolves every ecosystem of a loaded workspace, recording names
/// ([`Resolved::definitions`] and [`Resolved::uses`]) when `record_names`.
pub fn resolve_all(ws: &Workspace, record_names: bool) -> Vec<Resolved> {
    ws.ecosystems
        .iter()
        .map(|eco| resolve(ws, eco.root, record_names))
        .collect()
}

/// Resolves the ecosystem rooted at `root`. With `record_names`, every
/// definition and use of a name is kept for editor queries
/// ([`Resolved::definitions`], [`Resolved::uses`]); a plain check leaves them
/// empty.
pub fn resolve(ws: &Workspace, root: FileId, record_names: bool) -> Resolved {
    let mut diagnostics = Vec::new();
    let (files, order) = ecosystem_decls(ws, root, &mut diagnostics);
    let decls = order
        .into_iter()
        .filter_map(|(file, index)| Some((file, Held::Borrowed(decl_at(ws, file, index)?))))
        .collect();
    resolve_decls(root, files, decls, diagnostics, record_names)
}

/// [`resolve`], taking the syntax trees of the ecosystem's files for which
/// `consume` holds out of the workspace (when no one else shares them): each
/// declaration is dropped as soon as it has entered the model, so the trees
/// and the model are never held whole at the same time (the command line;
/// the trees it took are left empty in `ws`).
pub fn resolve_consuming(
    ws: &mut Workspace,
    root: FileId,
    record_names: bool,
    consume: impl Fn(FileId) -> bool,
) -> Resolved {
    let mut diagnostics = Vec::new();
    let (files, order) = ecosystem_decls(ws, root, &mut diagnostics);
    let mut taken: FxHashMap<FileId, Vec<Option<Box<Decl>>>> = FxHashMap::default();
    for &file in files.iter().filter(|file| consume(**file)) {
        let Some(Some(loaded)) = ws.files.get_mut(file.index()) else {
            continue;
        };
        match Arc::try_unwrap(std::mem::take(&mut loaded.ast)) {
            Ok(tree) => {
                let items = tree.items.into_iter().map(|item| match item {
                    Item::Decl(decl) => Some(decl),
                    _ => None,
                });
                taken.insert(file, items.collect());
            }
            Err(shared) => loaded.ast = shared,
        }
    }
    let ws: &Workspace = ws;
    let decls = order
        .into_iter()
        .filter_map(|(file, index)| {
            let owned = taken
                .get_mut(&file)
                .and_then(|items| items.get_mut(index))
                .and_then(Option::take);
            let held = match owned {
                Some(decl) => Held::Owned(decl),
                None => Held::Borrowed(decl_at(ws, file, index)?),
            };
            Some((file, held))
        })
        .collect();
    resolve_decls(root, files, decls, diagnostics, record_names)
}

/// A declaration being resolved: borrowed from the workspace, or taken out
/// of it (then dropped once it has entered the model).
enum Held<'w> {
    Borrowed(&'w Decl),
    Owned(Box<Decl>),
}

impl std::ops::Deref for Held<'_> {
    type Target = Decl;

    fn deref(&self) -> &Decl {
        match self {
            Held::Borrowed(decl) => decl,
            Held::Owned(decl) => decl,
        }
    }
}

fn resolve_decls(
    root: FileId,
    files: Vec<FileId>,
    decls: Vec<(FileId, Held<'_>)>,
    diagnostics: Vec<Diagnostic>,
    record_names: bool,
) -> Resolved {
    let mut resolver = Resolver {
        diagnostics,
        // At most one name per declaration: the table never grows (nothing
        // iterates it, so its capacity changes no output).
        names: FxHashMap::with_capacity_and_hasher(decls.len(), Default::default()),
        kinds: KindCounts::default(),
        record_names,
        definitions: Vec::new(),
        uses: Vec::new(),
        suggestions: Suggestions::default(),
    };
    let mut baseline = Model::default();
    let firsts = resolver.declare(&decls);
    // Each kind's list at its final length at once (the first definitions
    // just counted): no growth by doubling, no copy of the records.
    resolver.kinds.reserve_exact(&mut baseline);
    for (file, decl) in &decls {
        resolver.check_attributes(*file, decl, &mut baseline.allows);
    }
    let mut rules_seen: FxHashMap<Box<str>, Loc> = FxHashMap::default();
    let mut interventions = Vec::new();
    let mut header: Option<Loc> = None;
    // Each declaration is dropped here once it has entered the model (when
    // it was taken out of its tree), interventions after theirs.
    for ((file, decl), first) in decls.into_iter().zip(firsts) {
        match decl.kind {
            DeclKind::Ecosystem => {
                let at = Loc::new(file, decl.keyword);
                match header {
                    Some(first) => resolver.diagnostics.push(
                        Diagnostic::error(Code::E0202, "a second `ecosystem` header")
                            .at(at, "second header")
                            .label(first, "first header here")
                            .help("an ecosystem has one header: merge the two"),
                    ),
                    None => header = Some(at),
                }
                resolver.typed_fields(file, decl.kind, decl.fields(), None);
            }
            DeclKind::On => {
                if let Some(rule) = resolver.rule(file, &decl, None) {
                    let key = rule.scenario.name.clone();
                    if let Some(first) = rules_seen.get(&key) {
                        resolver.diagnostics.push(second_rule(
                            &key,
                            rule.scenario.loc,
                            *first,
                            RuleScope::Ecosystem,
                        ));
                    } else {
                        rules_seen.insert(key, rule.scenario.loc);
                        baseline.rules.push(rule);
                    }
                }
            }
            DeclKind::Intervention => interventions.push((file, decl, first)),
            _ => {
                let record = resolver.record(file, &decl, None);
                if first {
                    add_record(&mut baseline, record);
                }
            }
        }
    }
    let mut deltas = Vec::with_capacity(interventions.len());
    for (file, decl, first) in &interventions {
        let record = resolver.record(*file, decl, None);
        if *first {
            add_record(&mut baseline, record);
        }
    }
    for (file, decl, first) in &interventions {
        let delta = resolver.intervention(*file, decl, &baseline, &mut rules_seen.clone());
        if *first {
            deltas.push(delta);
        }
    }
    baseline.named_by_interventions = capabilities_named(&baseline, &deltas);
    // The resolver is done with its names: they move into the model.
    baseline.names = std::mem::take(&mut resolver.names)
        .into_iter()
        .map(|(name, entry)| (name, entry.symbol))
        .collect();
    let mut uses = resolver.uses;
    uses.sort_by_key(|u| u.at);
    uses.dedup();
    Resolved {
        root,
        files,
        baseline,
        deltas,
        diagnostics: resolver.diagnostics,
        definitions: resolver.definitions,
        uses,
    }
}

/// How many records of each kind a model holds (or will hold): the next
/// index of each kind while resolving, the lists' final lengths to reserve,
/// and the lengths an applied intervention is undone to.
#[derive(Clone, Copy, Debug, Default)]
pub struct KindCounts {
    capabilities: usize,
    scenarios: usize,
    clusters: usize,
    actors: usize,
    bridges: usize,
    /// Counted by [`KindCounts::after`] only: an `on` rule has no index.
    rules: usize,
    interventions: usize,
}

impl KindCounts {
    /// Counting on after the baseline's declarations.
    pub fn after(baseline: &Model) -> KindCounts {
        KindCounts {
            capabilities: baseline.capabilities.len(),
            scenarios: baseline.scenarios.len(),
            clusters: baseline.clusters.len(),
            actors: baseline.actors.len(),
            bridges: baseline.bridges.len(),
            rules: baseline.rules.len(),
            interventions: baseline.interventions.len(),
        }
    }

    /// Reserves each list of `model` at exactly these lengths.
    fn reserve_exact(&self, model: &mut Model) {
        model.capabilities.reserve_exact(self.capabilities);
        model.scenarios.reserve_exact(self.scenarios);
        model.clusters.reserve_exact(self.clusters);
        model.actors.reserve_exact(self.actors);
        model.bridges.reserve_exact(self.bridges);
        model.rules.reserve_exact(self.rules);
        model.interventions.reserve_exact(self.interventions);
    }

    /// The number of `on` rules.
    pub fn rules(&self) -> usize {
        self.rules
    }

    /// Cuts each list of `model` back to these lengths.
    pub fn truncate(&self, model: &mut Model) {
        model.capabilities.truncate(self.capabilities);
        model.scenarios.truncate(self.scenarios);
        model.clusters.truncate(self.clusters);
        model.actors.truncate(self.actors);
        model.bridges.truncate(self.bridges);
        model.rules.truncate(self.rules);
        model.interventions.truncate(self.interventions);
    }

    fn next(&mut self, kind: DeclKind) -> usize {
        let slot = match kind {
            DeclKind::Capability => &mut self.capabilities,
            DeclKind::Scenario => &mut self.scenarios,
            DeclKind::Cluster => &mut self.clusters,
            DeclKind::Actor => &mut self.actors,
            DeclKind::Bridge => &mut self.bridges,
            DeclKind::Intervention => &mut self.interventions,
            DeclKind::Ecosystem | DeclKind::On => return 0,
        };
        *slot += 1;
        *slot - 1
    }
}

#[derive(Clone, Copy, Debug)]
struct NameEntry {
    symbol: Symbol,
    /// The name in its (first) declaration.
    loc: Loc,
}

struct Resolver {
    diagnostics: Vec<Diagnostic>,
    /// The ecosystem's names (first definitions).
    names: FxHashMap<Box<str>, NameEntry>,
    kinds: KindCounts,
    /// Whether `definitions` and `uses` are kept.
    record_names: bool,
    definitions: Vec<Definition>,
    uses: Vec<NameUse>,
    /// Did-you-mean's budget and answers.
    suggestions: Suggestions,
}

/// Names declared inside one intervention, over the ecosystem's.
struct Scope {
    local: FxHashMap<Box<str>, NameEntry>,
    /// The intervention's index.
    intervention: usize,
}

impl Resolver {
    /// Enters the first definition of every name; reports the others (E0202).
    /// Per declaration, whether it is the first definition of its name
    /// (its name's entry is at this declaration; the names do not change
    /// after this, so no second look-up is needed).
    fn declare(&mut self, decls: &[(FileId, Held<'_>)]) -> Vec<bool> {
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
            self.names.insert(
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

    fn lookup<'s>(&'s self, name: &str, scope: Option<&'s Scope>) -> Option<&'s NameEntry> {
        scope
            .and_then(|s| s.local.get(name))
            .or_else(|| self.names.get(name))
    }
}

/// Per baseline capability: whether an intervention names it in `needs`,
/// `provides` or `via`.
fn capabilities_named(baseline: &Model, deltas: &[Delta]) -> Vec<bool> {
    let mut named = vec![false; baseline.capabilities.len()];
    let mut mark = |refs: &[Ref]| {
        for index in refs.iter().filter_map(|r| r.index) {
            if let Some(flag) = named.get_mut(index) {
                *flag = true;
            }
        }
    };
    for delta in deltas {
        for record in &delta.added {
            match record {
                Record::Cluster(c) => mark(&c.needs),
                Record::Actor(a) => mark(&a.provides),
                Record::Bridge(b) => mark(&b.via),
                _ => {}
            }
        }
        for op in &delta.extends {
            for (field, value, _) in &op.fields {
                if let (true, FieldValue::Refs(refs)) =
                    (matches!(*field, "needs" | "provides" | "via"), value)
                {
                    mark(refs);
                }
            }
        }
    }
    named
}

//! Resolving one ecosystem: its declarations in source order, named,
//! typed and entered into the baseline, then its interventions.

use std::sync::Arc;

use rustc_hash::FxHashMap;

use ecospec_syntax::{Decl, DeclKind, Item};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::load::Workspace;
use crate::model::*;
use crate::source::FileId;

use super::names::{second_rule, RuleScope};
use super::order::{decl_at, ecosystem_decls};
use super::record::add_record;
use super::resolved::{Delta, FieldValue, Record, Resolved, Spent, Target};
use super::resolver::{Held, Resolver};

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

fn resolve_decls(
    root: FileId,
    files: Vec<FileId>,
    decls: Vec<(FileId, Held<'_>)>,
    diagnostics: Vec<Diagnostic>,
    record_names: bool,
) -> Resolved {
    // At most one name per declaration: the table never grows (nothing
    // iterates it, so its capacity changes no output).
    let names = FxHashMap::with_capacity_and_hasher(decls.len(), Default::default());
    let mut resolver = Resolver::new(Arc::new(names), diagnostics, record_names);
    let mut baseline = Model::default();
    let mut firsts = resolver.declare(&decls);
    // Where each declaration starts, in source order (an imported file's
    // declarations stand where it is imported): what orders places in
    // several files (W0419/W0420). One file needs none.
    let starts: Vec<(FileId, u32)> = if files.len() > 1 {
        decls.iter().map(|(f, d)| (*f, d.span.start)).collect()
    } else {
        Vec::new()
    };
    // Each kind's list at its final length at once (the first definitions
    // just counted): no growth by doubling, no copy of the records.
    resolver.kinds.reserve_exact(&mut baseline);
    for (file, decl) in &decls {
        resolver.check_attributes(*file, decl, &mut baseline.allows);
    }
    let mut entering = Entering {
        resolver,
        baseline,
        rules_seen: FxHashMap::default(),
        interventions: Vec::new(),
        header: None,
    };
    // A long ecosystem's second half has its records computed on a second
    // thread while the first half enters the model. A record reads only
    // the declared names, so it is the same on either thread, unless it
    // reports something: then the second half is entered as one thread
    // would, and the output cannot differ.
    let mut decls = decls;
    let (second, second_firsts) = if !record_names && decls.len() >= RECORDS_BESIDE {
        let half = decls.len() / 2;
        (decls.split_off(half), firsts.split_off(half))
    } else {
        (Vec::new(), Vec::new())
    };
    let names = Arc::clone(&entering.resolver.names);
    // A tree taken out of the workspace is kept until the outcome goes
    // (`Spent`); interventions stay until theirs have entered.
    let mut spent = Vec::new();
    let beside = std::thread::scope(|scope| {
        let beside = (!second.is_empty()).then(|| scope.spawn(|| records_beside(names, &second)));
        for ((file, decl), first) in decls.into_iter().zip(firsts) {
            spent.extend(entering.enter(file, decl, first, None));
        }
        beside.and_then(|thread| thread.join().ok().flatten())
    });
    let mut beside = beside.map(Vec::into_iter);
    for ((file, decl), first) in second.into_iter().zip(second_firsts) {
        let record = beside.as_mut().and_then(Iterator::next).flatten();
        spent.extend(entering.enter(file, decl, first, record));
    }
    let Entering {
        mut resolver,
        mut baseline,
        rules_seen,
        interventions,
        ..
    } = entering;
    let mut deltas = Vec::with_capacity(interventions.len());
    for (file, decl, first) in &interventions {
        let record = resolver.record(*file, decl, None);
        if *first {
            add_record(&mut baseline, record);
        }
    }
    for (file, decl, first) in &interventions {
        let delta = resolver.intervention(*file, decl, &baseline, &mut rules_seen.clone());
        if *first && delta.misspelt {
            let own = decl.name.as_ref().and_then(|n| resolver.names.get(&n.name));
            if let Some(entry) = own.filter(|e| e.symbol.kind == DeclKind::Intervention) {
                if let Some(intervention) = baseline.interventions.get_mut(entry.symbol.index) {
                    intervention.common.broken = true;
                }
            }
        }
        if *first {
            deltas.push(delta);
        }
    }
    baseline.named_by_interventions = capabilities_named(&baseline, &deltas);
    baseline.roles_at = first_written(&baseline, &deltas, &starts, DeclKind::Actor, "roles");
    baseline.approach_at =
        first_written(&baseline, &deltas, &starts, DeclKind::Cluster, "approach");
    // The resolver is done with its names: they move into the model.
    let names = std::mem::take(&mut resolver.names);
    baseline.names = Arc::try_unwrap(names).unwrap_or_else(|shared| (*shared).clone());
    let mut uses = resolver.uses;
    uses.sort_by_key(|u| u.at);
    uses.dedup();
    spent.extend(
        interventions
            .into_iter()
            .filter_map(|(_, decl, _)| match decl {
                Held::Owned(tree) => Some(tree),
                Held::Borrowed(_) => None,
            }),
    );
    Resolved {
        root,
        files,
        baseline,
        deltas,
        diagnostics: resolver.diagnostics,
        definitions: resolver.definitions,
        uses,
        spent: Spent::new(spent),
    }
}

/// From how many declarations an ecosystem's records are computed on two
/// threads: below it a second thread costs more than it saves.
const RECORDS_BESIDE: usize = 4096;

/// What entering an ecosystem's declarations in source order builds.
struct Entering<'w> {
    resolver: Resolver,
    baseline: Model,
    /// The scenario of each `on` rule so far, at its name.
    rules_seen: FxHashMap<Box<str>, Loc>,
    /// Entered after every other declaration.
    interventions: Vec<(FileId, Held<'w>, bool)>,
    header: Option<Loc>,
}

impl<'w> Entering<'w> {
    /// Enters one declaration into the model; `record`: its record when it
    /// was computed on the second thread. Returns its tree, to be dropped,
    /// when it was taken out of the workspace.
    fn enter(
        &mut self,
        file: FileId,
        decl: Held<'w>,
        first: bool,
        record: Option<Record>,
    ) -> Option<Box<Decl>> {
        let resolver = &mut self.resolver;
        match decl.kind {
            DeclKind::Ecosystem => {
                let at = Loc::new(file, decl.keyword);
                match self.header {
                    Some(first) => resolver.diagnostics.push(
                        Diagnostic::error(Code::E0202, "a second `ecosystem` header")
                            .at(at, "second header")
                            .label(first, "first header here")
                            .help("an ecosystem has one header: merge the two"),
                    ),
                    None => self.header = Some(at),
                }
                let fields = resolver.typed_fields(file, decl.kind, decl.fields(), None);
                if self.baseline.header.is_none() {
                    self.baseline.header = Some(ecosystem_header(at, &decl, fields));
                }
            }
            DeclKind::On => {
                if let Some(rule) = resolver.rule(file, &decl, None) {
                    let key = rule.scenario.name.clone();
                    if let Some(first) = self.rules_seen.get(&key) {
                        resolver.diagnostics.push(second_rule(
                            &key,
                            rule.scenario.loc,
                            *first,
                            RuleScope::Ecosystem,
                        ));
                    } else {
                        self.rules_seen.insert(key, rule.scenario.loc);
                        self.baseline.rules.push(rule);
                    }
                }
            }
            DeclKind::Intervention => {
                self.interventions.push((file, decl, first));
                return None;
            }
            _ => {
                let record = record.unwrap_or_else(|| resolver.record(file, &decl, None));
                if first {
                    add_record(&mut self.baseline, record);
                }
            }
        }
        match decl {
            Held::Owned(tree) => Some(tree),
            Held::Borrowed(_) => None,
        }
    }
}

/// The records of `decls` (none for a header, a rule or an intervention,
/// which the first thread enters), computed by a resolver of their own over
/// the declared names; `None` as soon as one reports anything.
fn records_beside(
    names: Arc<FxHashMap<Box<str>, NameEntry>>,
    decls: &[(FileId, Held<'_>)],
) -> Option<Vec<Option<Record>>> {
    let mut resolver = Resolver::new(names, Vec::new(), false);
    let mut records = Vec::with_capacity(decls.len());
    for (file, decl) in decls {
        records.push(match decl.kind {
            DeclKind::Ecosystem | DeclKind::On | DeclKind::Intervention => None,
            _ => Some(resolver.record(*file, decl, None)),
        });
        if !resolver.diagnostics.is_empty() || resolver.unsuggested > 0 {
            return None;
        }
    }
    Some(records)
}

/// The first field named `field` written in the ecosystem's declarations
/// of `kind`, in source order, an intervention's declarations and `extend`s
/// included: whether a v1 field is used at all, and where W0419/W0420
/// stand. `starts`: where each declaration starts, in source order (empty
/// for a single file).
fn first_written(
    baseline: &Model,
    deltas: &[Delta],
    starts: &[(FileId, u32)],
    kind: DeclKind,
    field: &str,
) -> Option<Loc> {
    fn of_kind(record: &Record, kind: DeclKind) -> Option<&Common> {
        match (record, kind) {
            (Record::Cluster(d), DeclKind::Cluster) => Some(&d.common),
            (Record::Actor(d), DeclKind::Actor) => Some(&d.common),
            _ => None,
        }
    }
    let baseline_decls: Box<dyn Iterator<Item = &Common>> = match kind {
        DeclKind::Cluster => Box::new(baseline.clusters.iter().map(|d| &d.common)),
        DeclKind::Actor => Box::new(baseline.actors.iter().map(|d| &d.common)),
        _ => Box::new(std::iter::empty()),
    };
    let declared = baseline_decls
        .chain(
            deltas
                .iter()
                .flat_map(|delta| delta.added.iter().filter_map(move |r| of_kind(r, kind))),
        )
        .flat_map(|common| common.fields.iter())
        .filter(|(name, _)| &**name == field)
        .map(|(_, loc)| *loc);
    let extended = deltas
        .iter()
        .flat_map(|delta| delta.extends.iter())
        .filter(|op| matches!(op.target, Target::Symbol(s) if s.kind == kind))
        .flat_map(|op| op.fields.iter())
        .filter(|(name, _, _)| *name == field)
        .map(|(_, _, loc)| *loc);
    // The first in each file, then the first of those in source order.
    let mut firsts: FxHashMap<FileId, Loc> = FxHashMap::default();
    for loc in declared.chain(extended) {
        let first = firsts.entry(loc.file).or_insert(loc);
        if loc.span.start < first.span.start {
            *first = loc;
        }
    }
    if firsts.len() <= 1 {
        return firsts.into_values().next();
    }
    // Each file's first: at the last declaration of its file that starts
    // before it (one pass over the declarations).
    let mut rank: FxHashMap<FileId, usize> = FxHashMap::default();
    for (i, (file, start)) in starts.iter().enumerate() {
        if firsts.get(file).is_some_and(|loc| *start <= loc.span.start) {
            rank.insert(*file, i);
        }
    }
    firsts
        .into_values()
        .min_by_key(|loc| (rank.get(&loc.file).copied(), loc.span.start))
}

/// Per baseline capability: whether an intervention names it in `needs`,
/// `provides` or `via`.
fn capabilities_named(baseline: &Model, deltas: &[Delta]) -> Vec<bool> {
    let mut named = vec![false; baseline.capabilities.len()];
    // Retiring a capability names it too: W0410 stays as it was.
    let retired = deltas.iter().flat_map(|d| &d.removes);
    for symbol in retired.filter_map(|r| r.symbol) {
        if symbol.kind == DeclKind::Capability {
            if let Some(flag) = named.get_mut(symbol.index) {
                *flag = true;
            }
        }
    }
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

/// The `ecosystem` header's label, doc comment and text fields.
fn ecosystem_header(loc: Loc, decl: &Decl, fields: Vec<(&'static str, FieldValue)>) -> Header {
    let mut header = Header {
        label: decl.label.as_ref().map(|t| t.value.clone()),
        doc: decl.doc.clone(),
        task: None,
        description: None,
        loc,
    };
    for (name, value) in fields {
        match (name, value) {
            ("task", FieldValue::Text(text)) => header.task = Some(text),
            ("description", FieldValue::Text(text)) => header.description = Some(text),
            _ => {}
        }
    }
    header
}

//! Name resolution and typing of one ecosystem (E0201–E0209, E0302):
//! syntax trees in → the baseline [`Model`] and one [`Delta`] per
//! intervention out, with a diagnostic for everything that did not fit.
//!
//! Resolution keeps going after every error: an unresolved reference stays in
//! its list (`index: None`), so the lints still see everything that resolved.

pub mod schema;
mod suggest;

use std::collections::HashSet;

use rustc_hash::FxHashMap;

use ecospec_syntax::{Attribute, Decl, DeclKind, Entry, Extend, Field, Ident, Span, Text, Value};

use crate::diagnostic::{Diagnostic, Edit, Fix, Loc};
use crate::lints;
use crate::load::Workspace;
use crate::model::*;
use crate::source::FileId;
use schema::{a_kind, field_type, FieldType, ACTOR_KINDS};
pub use suggest::closest;

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
    pub definitions: Vec<Definition>,
    /// Every name written where a declaration is expected that found one
    /// (of the right kind or not).
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

/// Resolves every ecosystem of a loaded workspace.
pub fn resolve_all(ws: &Workspace) -> Vec<Resolved> {
    ws.ecosystems
        .iter()
        .map(|eco| resolve(ws, eco.root))
        .collect()
}

/// Resolves the ecosystem rooted at `root`.
pub fn resolve(ws: &Workspace, root: FileId) -> Resolved {
    let mut resolver = Resolver {
        diagnostics: Vec::new(),
        names: FxHashMap::default(),
        kinds: KindCounts::default(),
        definitions: Vec::new(),
        uses: Vec::new(),
    };
    let (files, decls) = ecosystem_decls(ws, root, &mut resolver.diagnostics);
    let mut baseline = Model::default();
    resolver.declare(&decls);
    for (file, decl) in &decls {
        resolver.check_attributes(*file, decl, &mut baseline.allows);
    }
    let mut rules_seen: FxHashMap<Box<str>, Loc> = FxHashMap::default();
    let mut interventions = Vec::new();
    let mut header: Option<Loc> = None;
    for (file, decl) in &decls {
        match decl.kind {
            DeclKind::Ecosystem => {
                let at = Loc::new(*file, decl.keyword);
                match header {
                    Some(first) => resolver.diagnostics.push(
                        Diagnostic::error("E0202", "a second `ecosystem` header")
                            .at(at, "second header")
                            .label(first, "first header here")
                            .help("an ecosystem has one header: merge the two"),
                    ),
                    None => header = Some(at),
                }
                resolver.typed_fields(*file, decl.kind, decl.fields(), None);
            }
            DeclKind::On => {
                if let Some(rule) = resolver.rule(*file, decl, None) {
                    let key = rule.scenario.name.clone();
                    if let Some(first) = rules_seen.get(&key) {
                        resolver.diagnostics.push(
                            Diagnostic::error(
                                "E0202",
                                format!("a second `on` rule for scenario `{key}`"),
                            )
                            .at(rule.scenario.loc, "second rule")
                            .label(*first, "first rule here")
                            .help("a scenario has at most one `on` rule: merge the two"),
                        );
                    } else {
                        rules_seen.insert(key, rule.scenario.loc);
                        baseline.rules.push(rule);
                    }
                }
            }
            DeclKind::Intervention => interventions.push((*file, *decl)),
            _ => {
                let first = resolver.is_first_definition(*file, decl);
                let record = resolver.record(*file, decl, None);
                if first {
                    add_record(&mut baseline, record);
                }
            }
        }
    }
    let mut deltas = Vec::with_capacity(interventions.len());
    for (file, decl) in &interventions {
        let record = resolver.record(*file, decl, None);
        if resolver.is_first_definition(*file, decl) {
            add_record(&mut baseline, record);
        }
    }
    for (file, decl) in &interventions {
        let delta = resolver.intervention(*file, decl, &baseline, &mut rules_seen.clone());
        if resolver.is_first_definition(*file, decl) {
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

/// The declarations of an ecosystem in source order (an imported file's
/// declarations stand where its first import stands), and its files; import
/// cycles are reported at the import that closes them.
fn ecosystem_decls<'w>(
    ws: &'w Workspace,
    root: FileId,
    diagnostics: &mut Vec<Diagnostic>,
) -> (Vec<FileId>, Vec<(FileId, &'w Decl)>) {
    let mut files = Vec::new();
    let mut decls = Vec::new();
    let mut visited = HashSet::new();
    // An explicit stack (no recursion): a long import chain cannot overflow.
    // Each frame is a file, its position among its items, and its imports.
    let mut chain: Vec<(FileId, usize, usize)> = Vec::new();
    visited.insert(root);
    files.push(root);
    chain.push((root, 0, 0));
    while let Some((file, item_index, import_index)) = chain.last_mut() {
        let Some(loaded) = ws.file(*file) else {
            chain.pop();
            continue;
        };
        let Some(item) = loaded.ast.items.get(*item_index) else {
            chain.pop();
            continue;
        };
        *item_index += 1;
        match item {
            ecospec_syntax::Item::Decl(decl) => decls.push((*file, &**decl)),
            ecospec_syntax::Item::Import(_) => {
                let edge = loaded.imports.get(*import_index);
                *import_index += 1;
                let Some(edge) = edge else { continue };
                let Some(target) = edge.target else { continue };
                if let Some(pos) = chain.iter().position(|(f, _, _)| *f == target) {
                    let names: Vec<String> = chain
                        .iter()
                        .skip(pos)
                        .map(|(f, _, _)| file_name(ws, *f))
                        .chain(std::iter::once(file_name(ws, target)))
                        .collect();
                    diagnostics.push(
                        Diagnostic::error(
                            "E0302",
                            format!("import cycle: {}", names.join(" → ")),
                        )
                        .at(edge.loc, "this import closes the cycle")
                        .help("remove one of the imports in the cycle: a file cannot import itself, directly or through others"),
                    );
                    continue;
                }
                if visited.insert(target) {
                    files.push(target);
                    chain.push((target, 0, 0));
                }
            }
            ecospec_syntax::Item::Error(_) => {}
        }
    }
    (files, decls)
}

fn file_name(ws: &Workspace, id: FileId) -> String {
    ws.sources
        .get(id)
        .map(|f| f.name.clone())
        .unwrap_or_default()
}

#[derive(Clone, Copy, Debug, Default)]
struct KindCounts {
    capabilities: usize,
    scenarios: usize,
    clusters: usize,
    actors: usize,
    bridges: usize,
    interventions: usize,
}

impl KindCounts {
    /// Counting on after the baseline's declarations.
    fn after(baseline: &Model) -> KindCounts {
        KindCounts {
            capabilities: baseline.capabilities.len(),
            scenarios: baseline.scenarios.len(),
            clusters: baseline.clusters.len(),
            actors: baseline.actors.len(),
            bridges: baseline.bridges.len(),
            interventions: baseline.interventions.len(),
        }
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
    definitions: Vec<Definition>,
    uses: Vec<NameUse>,
}

/// Names declared inside one intervention, over the ecosystem's.
struct Scope {
    local: FxHashMap<Box<str>, NameEntry>,
    /// The intervention's index.
    intervention: usize,
}

impl Resolver {
    /// Enters the first definition of every name; reports the others (E0202).
    fn declare(&mut self, decls: &[(FileId, &Decl)]) {
        for (file, decl) in decls {
            if matches!(decl.kind, DeclKind::Ecosystem | DeclKind::On) {
                continue;
            }
            let Some(name) = &decl.name else { continue };
            let loc = Loc::new(*file, name.span);
            if let Some(first) = self.names.get(&name.name) {
                self.diagnostics.push(duplicate(name, loc, first));
                continue;
            }
            let index = self.kinds.next(decl.kind);
            self.definitions.push(Definition {
                name: name.name.clone(),
                kind: decl.kind,
                loc,
                decl_loc: Loc::new(*file, decl.span),
                local_to: None,
            });
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
    }

    fn is_first_definition(&self, file: FileId, decl: &Decl) -> bool {
        decl.name.as_ref().is_some_and(|name| {
            self.names
                .get(&name.name)
                .is_some_and(|entry| entry.loc == Loc::new(file, name.span))
        })
    }

    fn lookup<'s>(&'s self, name: &str, scope: Option<&'s Scope>) -> Option<&'s NameEntry> {
        scope
            .and_then(|s| s.local.get(name))
            .or_else(|| self.names.get(name))
    }

    /// `@allow(lint, ...)`: unknown lints and other attributes are E0209.
    fn check_attributes(&mut self, file: FileId, decl: &Decl, allows: &mut Vec<Allow>) {
        let lints = self.attributes(file, &decl.attrs);
        if !lints.is_empty() {
            allows.push(Allow {
                decl_loc: Loc::new(file, decl.span),
                lints,
            });
        }
        if decl.kind == DeclKind::Intervention {
            for entry in decl.body.iter().flat_map(|b| &b.entries) {
                match entry {
                    Entry::Decl(inner) => self.check_attributes(file, inner, allows),
                    Entry::Extend(extend) => {
                        let lints = self.attributes(file, &extend.attrs);
                        if !lints.is_empty() {
                            allows.push(Allow {
                                decl_loc: Loc::new(file, extend.span),
                                lints,
                            });
                        }
                    }
                    Entry::Field(_) | Entry::Error(_) => {}
                }
            }
        }
    }

    fn attributes(&mut self, file: FileId, attrs: &[Attribute]) -> Vec<&'static str> {
        let mut lints = Vec::new();
        for attr in attrs {
            if attr.name.as_str() != "allow" {
                self.diagnostics.push(
                    Diagnostic::error("E0209", format!("unknown attribute `@{}`", attr.name))
                        .at(
                            Loc::new(file, attr.name.span),
                            "not an attribute of ecospec",
                        )
                        .help("the only attribute is `@allow(lint, ...)`"),
                );
                continue;
            }
            for arg in &attr.args {
                match lints::find(arg.as_str()) {
                    Some(lint) => lints.push(lint.name),
                    None => self.diagnostics.push(unknown_lint(file, arg)),
                }
            }
        }
        lints
    }

    /// A declaration's record: its header and fields, typed and resolved.
    fn record(&mut self, file: FileId, decl: &Decl, scope: Option<&Scope>) -> Record {
        let common = self.common(file, decl, scope.map(|s| s.intervention));
        let fields = self.typed_fields(file, decl.kind, decl.fields(), scope);
        let mut record = match decl.kind {
            DeclKind::Capability => Record::Capability(Capability {
                common,
                description: None,
            }),
            DeclKind::Scenario => Record::Scenario(Scenario {
                common,
                description: None,
            }),
            DeclKind::Cluster => Record::Cluster(Cluster {
                common,
                bets_on: Vec::new(),
                needs: Vec::new(),
                cohesion: None,
                strategy: None,
                description: None,
            }),
            DeclKind::Actor => Record::Actor(Actor {
                common,
                kind: self.actor_kind(file, decl.actor_kind.as_ref()),
                member_of: Vec::new(),
                serves: Vec::new(),
                provides: Vec::new(),
                organizes: None,
                description: None,
            }),
            DeclKind::Bridge => Record::Bridge(Bridge {
                common,
                ends: self.bridge_ends(file, decl, scope),
                via: Vec::new(),
                through: Vec::new(),
                form: None,
                strength: None,
                unity: Vec::new(),
            }),
            DeclKind::Intervention | DeclKind::Ecosystem | DeclKind::On => {
                Record::Intervention(Intervention {
                    common,
                    goal: None,
                    pathway: None,
                })
            }
        };
        for (name, value) in fields {
            record.set(name, value);
        }
        record
    }

    fn common(&self, file: FileId, decl: &Decl, intervention: Option<usize>) -> Common {
        let name_span = decl.name_span();
        Common {
            name: decl
                .name
                .as_ref()
                .map_or_else(Box::default, |n| n.name.clone()),
            name_loc: Loc::new(file, name_span),
            decl_loc: Loc::new(file, decl.span),
            label: decl.label.as_ref().map(|t| t.value.clone()),
            doc: decl.doc.clone(),
            fields: decl
                .fields()
                .map(|f| (f.name.name.clone(), Loc::new(file, f.name.span)))
                .collect(),
            broken: decl.broken,
            intervention,
        }
    }

    fn actor_kind(&mut self, file: FileId, kind: Option<&Ident>) -> Box<str> {
        let Some(kind) = kind else {
            return "organization".into();
        };
        if !ACTOR_KINDS.contains(&kind.as_str()) {
            let mut diagnostic = Diagnostic::error("E0207", format!("unknown actor kind `{kind}`"))
                .at(Loc::new(file, kind.span), "not a kind of actor")
                .note(format!("the kinds are: {}", ACTOR_KINDS.join(", ")));
            diagnostic = with_suggestion(
                diagnostic,
                file,
                kind,
                closest(kind.as_str(), ACTOR_KINDS.iter().copied()),
                "a kind of actor",
            );
            self.diagnostics.push(diagnostic);
        }
        kind.name.clone()
    }

    fn bridge_ends(&mut self, file: FileId, decl: &Decl, scope: Option<&Scope>) -> Vec<Ref> {
        let Some(ends) = &decl.ends else {
            return Vec::new();
        };
        let names = ends.clusters();
        let refs = self.refs(file, names, DeclKind::Cluster, scope);
        for (i, name) in names.iter().enumerate() {
            if let Some(first) = names.iter().take(i).find(|n| n.name == name.name) {
                self.diagnostics.push(
                    Diagnostic::error(
                        "E0208",
                        format!(
                            "cluster `{name}` is named twice in bridge `{}`",
                            decl.name.as_ref().map_or("", |n| n.as_str())
                        ),
                    )
                    .at(Loc::new(file, name.span), "named again here")
                    .label(Loc::new(file, first.span), "first named here")
                    .help("a bridge joins two or more distinct clusters: name each once"),
                );
            }
        }
        refs
    }

    /// Checks the fields of a block against its declaration's schema and
    /// returns them typed: unknown fields (E0204), repeats (E0205), values of
    /// the wrong type (E0206) and references (E0201, E0203).
    fn typed_fields<'f>(
        &mut self,
        file: FileId,
        kind: DeclKind,
        fields: impl Iterator<Item = &'f Field>,
        scope: Option<&Scope>,
    ) -> Vec<(&'static str, FieldValue)> {
        let mut seen: Vec<(&str, Span)> = Vec::new();
        let mut typed = Vec::new();
        for field in fields {
            let name = field.name.as_str();
            let Some((name, ty)) = field_type(kind, name) else {
                self.diagnostics
                    .push(unknown_field(file, kind, &field.name));
                continue;
            };
            if let Some((_, first)) = seen.iter().find(|(n, _)| *n == name) {
                let help = if ty.is_list() {
                    format!("give `{name}` once, with every entry in one list: `{name}: a, b`")
                } else {
                    format!("give `{name}` once: remove one of the two")
                };
                self.diagnostics.push(
                    Diagnostic::error("E0205", format!("field `{name}` is given twice"))
                        .at(Loc::new(file, field.name.span), "given again here")
                        .label(Loc::new(file, *first), "first given here")
                        .help(help),
                );
                continue;
            }
            seen.push((name, field.name.span));
            if let Some(value) = self.value(file, kind, name, ty, &field.value, scope) {
                typed.push((name, value));
            }
        }
        typed
    }

    fn value(
        &mut self,
        file: FileId,
        kind: DeclKind,
        field: &'static str,
        ty: FieldType,
        value: &Value,
        scope: Option<&Scope>,
    ) -> Option<FieldValue> {
        match (ty, value) {
            (FieldType::Text, Value::Text(text)) => Some(FieldValue::Text(text.value.clone())),
            (FieldType::Text, Value::Names(names)) => {
                let span = value.span();
                let written: Vec<&str> = names.iter().map(Ident::as_str).collect();
                self.diagnostics.push(
                    Diagnostic::error("E0206", format!("`{field}` takes a string, not a name"))
                        .at(Loc::new(file, span), "expected a string")
                        .help(format!(
                            "put the text in double quotes: `{field}: \"{}\"`",
                            written.join(", ")
                        )),
                );
                None
            }
            (FieldType::Names(target), Value::Names(names)) => {
                Some(FieldValue::Refs(self.refs(file, names, target, scope)))
            }
            (FieldType::Enum(allowed) | FieldType::EnumList(allowed), Value::Names(names)) => {
                let mut words = Vec::new();
                for (i, name) in names.iter().enumerate() {
                    if i > 0 && !ty.is_list() {
                        self.diagnostics.push(
                            Diagnostic::error(
                                "E0206",
                                format!("`{field}` takes one value, not a list"),
                            )
                            .at(Loc::new(file, name.span), "a second value")
                            .help(format!("keep one of: {}", quoted(allowed))),
                        );
                        break;
                    }
                    if allowed.contains(&name.as_str()) {
                        words.push(name.name.clone());
                    } else {
                        let diagnostic = Diagnostic::error(
                            "E0206",
                            format!("`{name}` is not a value of `{field}`"),
                        )
                        .at(
                            Loc::new(file, name.span),
                            format!("expected one of {}", quoted(allowed)),
                        )
                        .note(format!(
                            "`{field}` of {} is one of {}",
                            a_kind(kind),
                            quoted(allowed)
                        ));
                        let suggestion = closest(name.as_str(), allowed.iter().copied());
                        self.diagnostics.push(with_suggestion(
                            diagnostic, file, name, suggestion, "a value",
                        ));
                    }
                }
                Some(match ty {
                    FieldType::EnumList(_) => FieldValue::Words(words),
                    _ => FieldValue::Word(words.into_iter().next()?),
                })
            }
            (_, Value::Text(text)) => {
                let what = match ty {
                    FieldType::Names(target) => format!("{} names", kind_word(target)),
                    _ => "a name".to_string(),
                };
                self.diagnostics.push(
                    Diagnostic::error("E0206", format!("`{field}` takes {what}, not a string"))
                        .at(
                            Loc::new(file, text.span()),
                            "a string where names are expected",
                        )
                        .help(format!(
                            "write the names without quotes: `{field}: {}`",
                            unquoted_hint(text)
                        )),
                );
                // Like an unresolved name, the string keeps a list of
                // names non-empty: no W0405/W0408 that only follows from it.
                match ty {
                    FieldType::Names(_) => Some(FieldValue::Refs(vec![Ref {
                        index: None,
                        name: text.value.as_str().into(),
                        loc: Loc::new(file, text.span()),
                    }])),
                    _ => None,
                }
            }
        }
    }

    /// Resolves names expected to be of `kind`.
    fn refs(
        &mut self,
        file: FileId,
        names: &[Ident],
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Vec<Ref> {
        names
            .iter()
            .map(|name| Ref {
                index: self.resolve_name(file, name, kind, scope),
                name: name.name.clone(),
                loc: Loc::new(file, name.span),
            })
            .collect()
    }

    fn resolve_name(
        &mut self,
        file: FileId,
        name: &Ident,
        kind: DeclKind,
        scope: Option<&Scope>,
    ) -> Option<usize> {
        let loc = Loc::new(file, name.span);
        let found = self.lookup(name.as_str(), scope).copied();
        if let Some(entry) = found {
            self.uses.push(NameUse {
                at: loc,
                definition: entry.loc,
            });
        }
        match found {
            Some(entry) if entry.symbol.kind == kind => Some(entry.symbol.index),
            Some(entry) => {
                let mut diagnostic = Diagnostic::error(
                    "E0203",
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
                diagnostic =
                    with_suggestion(diagnostic, file, name, suggestion, &a_kind(kind)[2..]);
                self.diagnostics.push(diagnostic);
                None
            }
            None => {
                let diagnostic =
                    Diagnostic::error("E0201", format!("no {} named `{name}`", kind_word(kind)))
                        .at(loc, "not declared in this ecosystem");
                let suggestion = self.closest_of_kind(name.as_str(), kind, scope);
                let diagnostic = match suggestion {
                    Some(_) => with_suggestion(diagnostic, file, name, suggestion, kind_word(kind)),
                    None => diagnostic.help(format!(
                        "declare it (`{} {name}`), or import the file that declares it",
                        kind.keyword()
                    )),
                };
                self.diagnostics.push(diagnostic);
                None
            }
        }
    }

    fn closest_of_kind(&self, typo: &str, kind: DeclKind, scope: Option<&Scope>) -> Option<String> {
        let local = scope.into_iter().flat_map(|s| s.local.iter());
        let candidates = self
            .names
            .iter()
            .chain(local)
            .filter(|(_, entry)| entry.symbol.kind == kind)
            .map(|(name, _)| &**name);
        closest(typo, candidates).map(str::to_string)
    }

    /// An `on` rule: its scenario and clusters.
    fn rule(&mut self, file: FileId, decl: &Decl, scope: Option<&Scope>) -> Option<Rule> {
        let name = decl.name.as_ref()?;
        let scenario = Ref {
            index: self.resolve_name(file, name, DeclKind::Scenario, scope),
            name: name.name.clone(),
            loc: Loc::new(file, name.span),
        };
        let mut rule = Rule {
            scenario,
            activate: Vec::new(),
            support: Vec::new(),
            decl_loc: Loc::new(file, decl.span),
            broken: decl.broken,
            intervention: scope.map(|s| s.intervention),
        };
        for (field, value) in self.typed_fields(file, DeclKind::On, decl.fields(), scope) {
            set_rule_field(&mut rule, field, value);
        }
        Some(rule)
    }

    /// An intervention: its own fields, the declarations it adds and the
    /// declarations it extends.
    fn intervention(
        &mut self,
        file: FileId,
        decl: &Decl,
        baseline: &Model,
        rules_seen: &mut FxHashMap<Box<str>, Loc>,
    ) -> Delta {
        let position = match decl.name.as_ref().and_then(|n| self.names.get(&n.name)) {
            Some(entry) if entry.symbol.kind == DeclKind::Intervention => entry.symbol.index,
            _ => usize::MAX,
        };
        let mut scope = Scope {
            local: FxHashMap::default(),
            intervention: position,
        };
        let mut counts = KindCounts::after(baseline);
        let entries = decl
            .body
            .as_ref()
            .map(|b| b.entries.as_slice())
            .unwrap_or_default();
        for entry in entries {
            let Entry::Decl(inner) = entry else { continue };
            let Some(name) = &inner.name else { continue };
            if inner.kind == DeclKind::On {
                continue;
            }
            let loc = Loc::new(file, name.span);
            if let Some(first) = scope
                .local
                .get(&name.name)
                .or_else(|| self.names.get(&name.name))
            {
                self.diagnostics.push(duplicate(name, loc, first));
                continue;
            }
            let symbol = Symbol {
                kind: inner.kind,
                index: counts.next(inner.kind),
            };
            self.definitions.push(Definition {
                name: name.name.clone(),
                kind: inner.kind,
                loc,
                decl_loc: Loc::new(file, inner.span),
                local_to: decl.name.as_ref().map(|n| Loc::new(file, n.span)),
            });
            scope
                .local
                .insert(name.name.clone(), NameEntry { symbol, loc });
        }
        let mut delta = Delta::default();
        for entry in entries {
            match entry {
                // The intervention's own fields are checked with its record.
                Entry::Field(_) => {}
                Entry::Decl(inner) if inner.kind == DeclKind::On => {
                    if let Some(rule) = self.rule(file, inner, Some(&scope)) {
                        let key = rule.scenario.name.clone();
                        if let Some(first) = rules_seen.get(&key) {
                            self.diagnostics.push(
                                Diagnostic::error("E0202", format!("a second `on` rule for scenario `{key}`"))
                                    .at(rule.scenario.loc, "second rule")
                                    .label(*first, "first rule here")
                                    .help(format!("to add to the existing rule, write `extend on {key} {{ ... }}`")),
                            );
                        } else {
                            rules_seen.insert(key, rule.scenario.loc);
                            delta.added.push(Record::Rule(rule));
                        }
                    }
                }
                Entry::Decl(inner) => {
                    let first = inner.name.as_ref().is_some_and(|name| {
                        scope
                            .local
                            .get(&name.name)
                            .is_some_and(|e| e.loc == Loc::new(file, name.span))
                    });
                    let record = self.record(file, inner, Some(&scope));
                    if first {
                        delta.added.push(record);
                    }
                }
                Entry::Extend(extend) => {
                    if let Some(op) = self.extend(file, extend, &scope, baseline, &delta) {
                        delta.extends.push(op);
                    }
                }
                Entry::Error(_) => {}
            }
        }
        delta
    }

    fn extend(
        &mut self,
        file: FileId,
        extend: &Extend,
        scope: &Scope,
        baseline: &Model,
        delta: &Delta,
    ) -> Option<ExtendOp> {
        let kind = extend.target_kind;
        let loc = Loc::new(file, extend.name.span);
        let target = if kind == DeclKind::On {
            let index = self.resolve_name(file, &extend.name, DeclKind::Scenario, Some(scope))?;
            Target::Rule(index, loc)
        } else {
            Target::Symbol(Symbol {
                kind,
                index: self.resolve_name(file, &extend.name, kind, Some(scope))?,
            })
        };
        let fields = self.typed_fields(file, kind, extend.fields(), Some(scope));
        let mut kept = Vec::with_capacity(fields.len());
        for (name, value) in fields {
            let scalar = matches!(value, FieldValue::Text(_) | FieldValue::Word(_));
            if scalar {
                if let Some(set_at) = scalar_already_set(baseline, delta, target, name) {
                    let field_span = extend
                        .fields()
                        .find(|f| f.name.as_str() == name)
                        .map_or(extend.name.span, |f| f.name.span);
                    self.diagnostics.push(
                        Diagnostic::error(
                            "E0205",
                            format!("`extend` cannot set `{name}` of `{}`: it is already set", extend.name),
                        )
                        .at(Loc::new(file, field_span), "already set")
                        .label(set_at, "set here")
                        .help("`extend` adds to lists and sets fields that were unset; change the declaration itself to change a value"),
                    );
                    continue;
                }
            }
            let field_loc = extend
                .fields()
                .find(|f| f.name.as_str() == name)
                .map_or(loc, |f| Loc::new(file, f.name.span));
            kept.push((name, value, field_loc));
        }
        Some(ExtendOp {
            target,
            fields: kept,
        })
    }
}

/// Where a scalar field of the target is already set, if it is: in its
/// declaration, or by an earlier `extend` of the same intervention.
fn scalar_already_set(baseline: &Model, delta: &Delta, target: Target, field: &str) -> Option<Loc> {
    let Target::Symbol(symbol) = target else {
        return None;
    };
    let record = match symbol.kind {
        DeclKind::Cluster => baseline
            .clusters
            .get(symbol.index)
            .cloned()
            .map(Record::Cluster),
        DeclKind::Actor => baseline
            .actors
            .get(symbol.index)
            .cloned()
            .map(Record::Actor),
        DeclKind::Bridge => baseline
            .bridges
            .get(symbol.index)
            .cloned()
            .map(Record::Bridge),
        _ => None,
    }
    .or_else(|| added_record(baseline, delta, symbol).cloned());
    if let Some(common) = record
        .as_ref()
        .filter(|r| r.scalar_is_set(field))
        .and_then(Record::common)
    {
        let written = common.fields.iter().find(|(name, _)| &**name == field);
        return Some(written.map_or(common.decl_loc, |(_, loc)| *loc));
    }
    delta.extends.iter().find_map(|op| match op.target {
        Target::Symbol(s) if s == symbol => op
            .fields
            .iter()
            .find(|(name, _, _)| *name == field)
            .map(|(_, _, loc)| *loc),
        _ => None,
    })
}

/// The record an intervention added for `symbol` (its index continues the baseline's).
fn added_record<'d>(baseline: &Model, delta: &'d Delta, symbol: Symbol) -> Option<&'d Record> {
    let mut counts = KindCounts::after(baseline);
    delta.added.iter().find(|record| {
        let kind = match record {
            Record::Cluster(_) => DeclKind::Cluster,
            Record::Actor(_) => DeclKind::Actor,
            Record::Bridge(_) => DeclKind::Bridge,
            Record::Capability(_) => DeclKind::Capability,
            Record::Scenario(_) => DeclKind::Scenario,
            Record::Rule(_) | Record::Intervention(_) => return false,
        };
        kind == symbol.kind && counts.next(kind) == symbol.index
    })
}

impl Record {
    pub fn common(&self) -> Option<&Common> {
        match self {
            Record::Capability(d) => Some(&d.common),
            Record::Scenario(d) => Some(&d.common),
            Record::Cluster(d) => Some(&d.common),
            Record::Actor(d) => Some(&d.common),
            Record::Bridge(d) => Some(&d.common),
            Record::Intervention(d) => Some(&d.common),
            Record::Rule(_) => None,
        }
    }

    fn scalar_is_set(&self, field: &str) -> bool {
        match (self, field) {
            (Record::Cluster(c), "cohesion") => c.cohesion.is_some(),
            (Record::Cluster(c), "strategy") => c.strategy.is_some(),
            (Record::Cluster(c), "description") => c.description.is_some(),
            (Record::Actor(a), "organizes") => a.organizes.is_some(),
            (Record::Actor(a), "description") => a.description.is_some(),
            (Record::Bridge(b), "form") => b.form.is_some(),
            (Record::Bridge(b), "strength") => b.strength.is_some(),
            _ => false,
        }
    }

    /// Sets a typed field: lists are extended, scalars replaced.
    pub fn set(&mut self, field: &str, value: FieldValue) {
        match (self, value) {
            (Record::Capability(d), FieldValue::Text(t)) if field == "description" => {
                d.description = Some(t)
            }
            (Record::Scenario(d), FieldValue::Text(t)) if field == "description" => {
                d.description = Some(t)
            }
            (Record::Cluster(d), value) => match (field, value) {
                ("bets_on", FieldValue::Refs(r)) => d.bets_on.extend(r),
                ("needs", FieldValue::Refs(r)) => d.needs.extend(r),
                ("cohesion", FieldValue::Word(w)) => d.cohesion = Some(w),
                ("strategy", FieldValue::Text(t)) => d.strategy = Some(t),
                ("description", FieldValue::Text(t)) => d.description = Some(t),
                _ => {}
            },
            (Record::Actor(d), value) => match (field, value) {
                ("in", FieldValue::Refs(r)) => d.member_of.extend(r),
                ("serves", FieldValue::Refs(r)) => d.serves.extend(r),
                ("provides", FieldValue::Refs(r)) => d.provides.extend(r),
                ("organizes", FieldValue::Text(t)) => d.organizes = Some(t),
                ("description", FieldValue::Text(t)) => d.description = Some(t),
                _ => {}
            },
            (Record::Bridge(d), value) => match (field, value) {
                ("via", FieldValue::Refs(r)) => d.via.extend(r),
                ("through", FieldValue::Refs(r)) => d.through.extend(r),
                ("form", FieldValue::Word(w)) => d.form = Some(w),
                ("strength", FieldValue::Word(w)) => d.strength = Some(w),
                ("unity", FieldValue::Words(w)) => d.unity.extend(w),
                _ => {}
            },
            (Record::Rule(rule), value) => set_rule_field(rule, field, value),
            (Record::Intervention(d), FieldValue::Text(t)) => match field {
                "goal" => d.goal = Some(t),
                "pathway" => d.pathway = Some(t),
                _ => {}
            },
            _ => {}
        }
    }
}

fn set_rule_field(rule: &mut Rule, field: &str, value: FieldValue) {
    if let FieldValue::Refs(refs) = value {
        match field {
            "activate" => rule.activate.extend(refs),
            "support" => rule.support.extend(refs),
            _ => {}
        }
    }
}

/// Adds a record to a model, at the end of its kind's list.
pub fn add_record(model: &mut Model, record: Record) {
    match record {
        Record::Capability(d) => model.capabilities.push(d),
        Record::Scenario(d) => model.scenarios.push(d),
        Record::Cluster(d) => model.clusters.push(d),
        Record::Actor(d) => model.actors.push(d),
        Record::Bridge(d) => model.bridges.push(d),
        Record::Rule(d) => model.rules.push(d),
        Record::Intervention(d) => model.interventions.push(d),
    }
}

fn duplicate(name: &Ident, loc: Loc, first: &NameEntry) -> Diagnostic {
    Diagnostic::error("E0202", format!("`{name}` is declared twice"))
        .at(loc, "declared again here")
        .label(
            first.loc,
            format!("first declared here as {}", a_kind(first.symbol.kind)),
        )
        .help("all declarations of an ecosystem share one set of names: rename one of them")
}

fn unknown_field(file: FileId, kind: DeclKind, name: &Ident) -> Diagnostic {
    let names: Vec<&str> = schema::fields(kind).iter().map(|(n, _)| *n).collect();
    let diagnostic = Diagnostic::error("E0204", format!("{} has no field `{name}`", a_kind(kind)))
        .at(Loc::new(file, name.span), "unknown field")
        .note(format!(
            "the fields of {} are: {}",
            a_kind(kind),
            names.join(", ")
        ));
    with_suggestion(
        diagnostic,
        file,
        name,
        closest(name.as_str(), names.iter().copied()),
        "a field",
    )
}

fn unknown_lint(file: FileId, arg: &Ident) -> Diagnostic {
    let names = lints::LINTS.iter().map(|l| l.name);
    let suggestion = closest(arg.as_str(), names);
    let diagnostic = Diagnostic::error("E0209", format!("unknown lint `{arg}`"))
        .at(Loc::new(file, arg.span), "not a lint of ecospec");
    match suggestion {
        Some(_) => with_suggestion(diagnostic, file, arg, suggestion, "a lint"),
        None => diagnostic.help("`ecospec lints` lists every lint by name and code"),
    }
}

/// Adds `help: did you mean ...?` and its fix, when there is a suggestion.
fn with_suggestion(
    diagnostic: Diagnostic,
    file: FileId,
    name: &Ident,
    suggestion: Option<impl AsRef<str>>,
    what: &str,
) -> Diagnostic {
    let Some(suggestion) = suggestion else {
        return diagnostic;
    };
    let suggestion = suggestion.as_ref();
    let _ = what;
    diagnostic
        .help(format!("did you mean `{suggestion}`?"))
        .fix(Fix {
            message: format!("replace `{name}` with `{suggestion}`"),
            edits: vec![Edit {
                loc: Loc::new(file, name.span),
                replacement: suggestion.to_string(),
            }],
            safe: true,
        })
}

fn kind_word(kind: DeclKind) -> &'static str {
    kind.keyword()
}

fn quoted(values: &[&str]) -> String {
    values
        .iter()
        .map(|v| format!("`{v}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn unquoted_hint(text: &Text) -> String {
    let words: Vec<String> = text
        .value
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect();
    if words.is_empty() {
        "a, b".to_string()
    } else {
        words.join(", ")
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

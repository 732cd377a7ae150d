//! The declarations that entered the model, with their references
//! resolved to indices, and the model of one configuration that holds them.

use ecospec_syntax::DeclKind;
use rustc_hash::FxHashMap;

use crate::diagnostic::Loc;

use super::refs::{distinct, Ref};

/// What every declaration has.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Common {
    pub name: Box<str>,
    /// The name in its declaration.
    pub name_loc: Loc,
    /// The whole declaration.
    pub decl_loc: Loc,
    pub label: Option<Box<str>>,
    pub doc: Option<Box<str>>,
    /// Each field written in the declaration, at its name, as the schema
    /// names it (a misspelt field as the field it meant).
    pub fields: Vec<(&'static str, Loc)>,
    /// It holds a syntax error, or a misspelling without a suggestion
    /// (section 9.5): it is the subject of no finding.
    pub broken: bool,
    /// Declared inside this intervention (an index into `interventions`).
    pub intervention: Option<usize>,
    /// Taken out of this configuration by a `removes` (v1, section 9.2):
    /// it is the subject of no finding.
    pub removed: bool,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Capability {
    pub common: Common,
    pub description: Option<Box<str>>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scenario {
    pub common: Common,
    pub description: Option<Box<str>>,
    /// What it takes away when it comes (v1, section 9.2).
    pub removes: Vec<Removal>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cluster {
    pub common: Common,
    pub bets_on: Vec<Ref>,
    pub needs: Vec<Ref>,
    pub cohesion: Option<Box<str>>,
    pub strategy: Option<Box<str>>,
    pub description: Option<Box<str>>,
    /// Its approaches (v1), each once, in order of first entry.
    pub approach: Vec<Box<str>>,
    /// The first value written in its `approach`, once one is.
    pub approach_at: Option<Loc>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Actor {
    pub common: Common,
    /// The kind after `:` (`organization` when none was given).
    pub kind: Box<str>,
    pub member_of: Vec<Ref>,
    pub serves: Vec<Ref>,
    pub provides: Vec<Ref>,
    pub organizes: Option<Box<str>>,
    pub description: Option<Box<str>>,
    /// Its roles (v1), each once, in order of first entry.
    pub roles: Vec<Box<str>>,
    /// It might provide more than it says: it holds a syntax error, or a
    /// misspelling without a suggestion in an unknown field or in `in`,
    /// `serves` or `provides` (section 9.5, 9.6). While such an actor
    /// is in the configuration, the provider-counting findings wait.
    pub unsure: bool,
}

impl Actor {
    /// The clusters it is in or serves, resolved, each once, in order of
    /// first entry (section 9.3: what an actor reaches from).
    pub fn clusters(&self) -> Vec<usize> {
        let mut seen = super::refs::Seen::default();
        self.member_of
            .iter()
            .chain(&self.serves)
            .filter_map(|r| r.index)
            .filter(|c| seen.insert(*c))
            .collect()
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Bridge {
    pub common: Common,
    /// The clusters it names, repeats and unresolved names included.
    pub ends: Vec<Ref>,
    /// Written `among a, b, ...` (a movement-wide network), not `between
    /// a and b`: pictures draw it as a node of its own (section 10).
    pub among: bool,
    pub via: Vec<Ref>,
    pub through: Vec<Ref>,
    pub form: Option<Box<str>>,
    pub strength: Option<Box<str>>,
    pub unity: Vec<Box<str>>,
}

impl Bridge {
    /// The resolved, distinct clusters it joins.
    pub fn joins(&self) -> Vec<usize> {
        distinct(&self.ends).map(|(index, _)| index).collect()
    }
}

/// `on S { activate: ... support: ... }`
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rule {
    pub scenario: Ref,
    pub activate: Vec<Ref>,
    /// The clusters in `support` (and its unresolved names).
    pub support: Vec<Ref>,
    /// The actors in `support` (v1: an actor that joins in without being a
    /// cluster).
    pub support_actors: Vec<Ref>,
    pub decl_loc: Loc,
    pub broken: bool,
    pub intervention: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Intervention {
    pub common: Common,
    pub goal: Option<Box<str>>,
    pub pathway: Option<Box<str>>,
}

/// Where a name points.
/// A name's first definition: what it names, and where.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameEntry {
    pub symbol: Symbol,
    /// The name in its (first) declaration.
    pub loc: Loc,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Symbol {
    pub kind: DeclKind,
    pub index: usize,
}

/// A name in a `removes` list (v1, section 9.2): an actor, bridge, cluster
/// or capability, or `None` when it did not resolve to one (reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removal {
    pub symbol: Option<Symbol>,
    pub name: Box<str>,
    pub loc: Loc,
}

/// The `ecosystem` header (its first one): the name and the task that
/// maps and reports show.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Header {
    pub label: Option<Box<str>>,
    pub doc: Option<Box<str>>,
    pub task: Option<Box<str>>,
    pub description: Option<Box<str>>,
    /// The `ecosystem` keyword.
    pub loc: Loc,
}

/// `@allow(...)` on a declaration: the lints silenced inside its span.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Allow {
    pub decl_loc: Loc,
    pub lints: Vec<&'static str>,
}

/// One ecosystem, resolved: the baseline, or the baseline with one
/// intervention applied.
#[derive(Clone, Debug, Default)]
pub struct Model {
    /// The `ecosystem` header, when the ecosystem has one.
    pub header: Option<Header>,
    pub capabilities: Vec<Capability>,
    pub scenarios: Vec<Scenario>,
    pub clusters: Vec<Cluster>,
    pub actors: Vec<Actor>,
    pub bridges: Vec<Bridge>,
    pub rules: Vec<Rule>,
    pub interventions: Vec<Intervention>,
    /// Each name of the ecosystem's namespace, at its first definition.
    pub names: FxHashMap<Box<str>, NameEntry>,
    pub allows: Vec<Allow>,
    /// Per capability: named in a `needs`, `provides` or `via` inside some
    /// intervention (W0410 counts those uses too).
    pub named_by_interventions: Vec<bool>,
    /// The first `roles` field written in the ecosystem, in source order,
    /// an intervention's included (W0419 reads it; none: not used).
    pub roles_at: Option<Loc>,
    /// The same for `approach` (W0420).
    pub approach_at: Option<Loc>,
}

impl Model {
    pub fn common(&self, symbol: Symbol) -> Option<&Common> {
        match symbol.kind {
            DeclKind::Capability => self.capabilities.get(symbol.index).map(|d| &d.common),
            DeclKind::Scenario => self.scenarios.get(symbol.index).map(|d| &d.common),
            DeclKind::Cluster => self.clusters.get(symbol.index).map(|d| &d.common),
            DeclKind::Actor => self.actors.get(symbol.index).map(|d| &d.common),
            DeclKind::Bridge => self.bridges.get(symbol.index).map(|d| &d.common),
            DeclKind::Intervention => self.interventions.get(symbol.index).map(|d| &d.common),
            DeclKind::Ecosystem | DeclKind::On => None,
        }
    }

    pub fn cluster_name(&self, index: usize) -> &str {
        self.clusters.get(index).map_or("", |c| &c.common.name)
    }

    pub fn capability_name(&self, index: usize) -> &str {
        self.capabilities.get(index).map_or("", |c| &c.common.name)
    }

    /// What every declaration of the configuration has: capabilities,
    /// scenarios, clusters, actors, bridges and interventions.
    pub fn commons(&self) -> impl Iterator<Item = &Common> {
        self.capabilities
            .iter()
            .map(|d| &d.common)
            .chain(self.scenarios.iter().map(|d| &d.common))
            .chain(self.clusters.iter().map(|d| &d.common))
            .chain(self.actors.iter().map(|d| &d.common))
            .chain(self.bridges.iter().map(|d| &d.common))
            .chain(self.interventions.iter().map(|d| &d.common))
    }

    pub fn actor_name(&self, index: usize) -> &str {
        self.actors.get(index).map_or("", |c| &c.common.name)
    }
}

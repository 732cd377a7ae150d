//! What resolving an ecosystem gives: the baseline model, a delta per
//! intervention, the diagnostics, and the names defined and used.

use ecospec_syntax::{Decl, DeclKind};

use crate::diagnostic::{Diagnostic, Loc};
use crate::model::*;
use crate::source::FileId;

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
    /// The syntax trees resolution took out of the workspace.
    pub spent: Spent,
}

/// Syntax trees taken out of the workspace (`check`'s `consume_trees`) and
/// resolved: nothing reads them any more. They are freed with the outcome
/// that holds them, not one by one as they enter the model: a command that
/// exits without dropping its outcome never pays for freeing them (on the
/// 1M-line check that was 30 ms of 0.42 s, more than reusing their memory
/// saved). A clone holds none.
// The trees stay where the parser put them: unboxing would copy each one.
#[allow(clippy::vec_box)]
#[derive(Default)]
pub struct Spent(Vec<Box<Decl>>);

impl Spent {
    #[allow(clippy::vec_box)]
    pub fn new(trees: Vec<Box<Decl>>) -> Spent {
        Spent(trees)
    }

    /// How many trees it holds.
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl Clone for Spent {
    fn clone(&self) -> Spent {
        Spent::default()
    }
}

impl std::fmt::Debug for Spent {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Spent({} trees)", self.0.len())
    }
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
    /// What it retires (`removes`, v1), resolved among its own names too:
    /// a name it declares or extends is E0210 and is not removed.
    pub removes: Vec<Removal>,
    /// Its `removes` holds a misspelling without a suggestion: the
    /// intervention is broken for the lints (section 9.5).
    pub misspelt: bool,
}

/// `extend KIND NAME { fields }`, resolved.
#[derive(Clone, Debug)]
pub struct ExtendOp {
    pub target: Target,
    /// Each field with the place of its name.
    pub fields: Vec<(&'static str, FieldValue, Loc)>,
    /// Its fields hold a misspelling without a suggestion: the target is
    /// broken in the intervention's result (section 9.5).
    pub misspelt: bool,
    /// And an actor target might provide more than it says ([`Actor::unsure`]).
    ///
    /// [`Actor::unsure`]: crate::model::Actor::unsure
    pub unsure: bool,
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
    Text(Box<str>),
    Word(Box<str>),
    /// The values of a list of words, and where its first value is written.
    Words(Vec<Box<str>>, Loc),
    /// A `support` list (v1): its clusters (and unresolved names) and its actors.
    Supporters {
        clusters: Vec<Ref>,
        actors: Vec<Ref>,
    },
    /// A `removes` list (v1).
    Removals(Vec<Removal>),
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

//! The state of resolving one ecosystem; its methods are in the files
//! of their concern (names, fields, declarations, interventions).

use std::sync::Arc;

use rustc_hash::FxHashMap;

use ecospec_syntax::Decl;

use crate::diagnostic::Diagnostic;
use crate::model::*;

use super::kind_counts::KindCounts;
use super::resolved::{Definition, NameUse};
use super::suggest::Suggestions;

/// A declaration being resolved: borrowed from the workspace, or taken out
/// of it (then kept, spent, with the outcome: `Resolved::spent`).
pub(super) enum Held<'w> {
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

pub(super) struct Resolver {
    pub(super) diagnostics: Vec<Diagnostic>,
    /// The ecosystem's names (first definitions). Shared: once declared, a
    /// second resolver reads them beside the first (`ecosystem.rs`).
    pub(super) names: Arc<FxHashMap<Box<str>, NameEntry>>,
    pub(super) kinds: KindCounts,
    /// Whether `definitions` and `uses` are kept.
    pub(super) record_names: bool,
    pub(super) definitions: Vec<Definition>,
    pub(super) uses: Vec<NameUse>,
    /// Did-you-mean's budget and answers.
    pub(super) suggestions: Suggestions,
    /// Misspellings reported without a suggestion so far (section 9.5:
    /// each breaks its declaration for the lints).
    pub(super) unsuggested: usize,
    /// The fields of the block being typed that hold such a misspelling
    /// (`None`: an unknown field), for the declaration to take.
    pub(super) misspelt_fields: Vec<Option<&'static str>>,
}

impl Resolver {
    /// A resolver with nothing reported yet, over `names`.
    pub(super) fn new(
        names: Arc<FxHashMap<Box<str>, NameEntry>>,
        diagnostics: Vec<Diagnostic>,
        record_names: bool,
    ) -> Resolver {
        Resolver {
            diagnostics,
            names,
            kinds: KindCounts::default(),
            record_names,
            definitions: Vec::new(),
            uses: Vec::new(),
            suggestions: Suggestions::default(),
            unsuggested: 0,
            misspelt_fields: Vec::new(),
        }
    }
}

/// Names declared inside one intervention, over the ecosystem's.
pub(super) struct Scope {
    pub(super) local: FxHashMap<Box<str>, NameEntry>,
    /// The intervention's index.
    pub(super) intervention: usize,
}

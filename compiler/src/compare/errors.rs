//! Errors a change introduces or fixes: the error-level diagnostics that
//! are not lint findings (syntax, names, loading; a `deny` finding is a
//! finding), identified by code, file (relative to the folder checked) and
//! message, never by position, and counted: a second copy of the same
//! error is introduced too.

use std::collections::{BTreeSet, HashMap};
use std::path::Path;

use crate::check::Outcome;
use crate::code::Code;
use crate::diagnostic::Severity;

use super::place::{relative, Place};

/// An error introduced (standing in HEAD) or fixed (standing in BASE).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorChange {
    pub code: Code,
    pub message: String,
    pub place: Option<Place>,
}

/// Code, file relative to the folder checked, message.
type Key = (Code, String, String);

/// One side's errors with their identities, in its diagnostics' order.
#[derive(Debug, Default)]
pub struct Errors(Vec<(Key, ErrorChange)>);

impl Errors {
    /// The errors of a check of `folder`.
    pub fn of(outcome: &Outcome, folder: &Path) -> Errors {
        let sources = &outcome.sources;
        let list = outcome
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error && d.lint.is_none())
            .map(|d| {
                let file = d
                    .primary
                    .and_then(|loc| sources.get(loc.file))
                    .map(|file| relative(folder, &file.path))
                    .unwrap_or_default();
                let change = ErrorChange {
                    code: d.code,
                    message: d.message.clone(),
                    place: d.primary.and_then(|loc| Place::of(sources, loc)),
                };
                ((d.code, file, d.message.clone()), change)
            })
            .collect();
        Errors(list)
    }

    /// Leaves out the errors in `files` (paths relative to the folder checked).
    pub fn leave_out(&mut self, files: &BTreeSet<String>) {
        self.0.retain(|((_, file, _), _)| !files.contains(file));
    }

    /// Whether an error has no place (it cannot be said whose it is).
    pub fn any_unplaced(&self) -> bool {
        self.0.iter().any(|(_, e)| e.place.is_none())
    }

    /// These errors beyond the count of each in `other`.
    fn beyond(&self, other: &Errors) -> Vec<ErrorChange> {
        let mut left: HashMap<&Key, usize> = HashMap::new();
        for (key, _) in &other.0 {
            *left.entry(key).or_default() += 1;
        }
        self.0
            .iter()
            .filter(|(key, _)| match left.get_mut(key) {
                Some(count) if *count > 0 => {
                    *count -= 1;
                    false
                }
                _ => true,
            })
            .map(|(_, change)| change.clone())
            .collect()
    }
}

/// The errors introduced (in HEAD beyond BASE) and fixed (in BASE beyond HEAD).
pub fn compare(base: &Errors, head: &Errors) -> (Vec<ErrorChange>, Vec<ErrorChange>) {
    (head.beyond(base), base.beyond(head))
}

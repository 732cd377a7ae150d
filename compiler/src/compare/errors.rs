//! Errors a change introduces or fixes: the error-level diagnostics that
//! are not lint findings (syntax, names, loading; a `deny` finding is a
//! finding), identified by code, file (relative to the folder checked) and
//! message, never by position, and counted: a second copy of the same
//! error is introduced too.

use std::collections::HashMap;

use crate::code::Code;
use crate::diagnostic::Severity;

use super::place::Place;
use super::side::Side;

/// An error introduced (standing in HEAD) or fixed (standing in BASE).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ErrorChange {
    pub code: Code,
    pub message: String,
    pub place: Option<Place>,
}

type Key = (Code, String, String);

/// The errors of `side` with their identities, in its diagnostics' order.
fn errors(side: &Side) -> Vec<(Key, ErrorChange)> {
    let sources = &side.outcome.sources;
    side.outcome
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error && d.lint.is_none())
        .map(|d| {
            let file = d
                .primary
                .and_then(|loc| sources.get(loc.file))
                .map(|file| side.relative(&file.path))
                .unwrap_or_default();
            let change = ErrorChange {
                code: d.code,
                message: d.message.clone(),
                place: d.primary.and_then(|loc| Place::of(sources, loc)),
            };
            ((d.code, file, d.message.clone()), change)
        })
        .collect()
}

/// The errors of `side` beyond the count of each in `other`.
fn beyond(side: &Side, other: &Side) -> Vec<ErrorChange> {
    let mut left: HashMap<Key, usize> = HashMap::new();
    for (key, _) in errors(other) {
        *left.entry(key).or_default() += 1;
    }
    errors(side)
        .into_iter()
        .filter(|(key, _)| match left.get_mut(key) {
            Some(count) if *count > 0 => {
                *count -= 1;
                false
            }
            _ => true,
        })
        .map(|(_, change)| change)
        .collect()
}

/// The errors introduced (in HEAD beyond BASE) and fixed (in BASE beyond HEAD).
pub fn compare(base: &Side, head: &Side) -> (Vec<ErrorChange>, Vec<ErrorChange>) {
    (beyond(head, base), beyond(base, head))
}

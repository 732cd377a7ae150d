//! What taking things out of a configuration opens: the findings of the
//! configuration after that the one before does not have, compared by
//! identity (lint and subject names, never positions), each with the level
//! it would be reported at.

use rustc_hash::FxHashSet;

use crate::diagnostic::Loc;
use crate::lints::{Finding, Level, Lint};

/// A finding opened, at its level after `ecospec.toml`, the command line
/// and `@allow`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Opened {
    pub finding: Finding,
    pub level: Level,
}

/// The findings of `after` whose identity `before` lacks, at a level other
/// than `allow`, sorted by code, then subjects.
pub fn opened(
    before: &[Finding],
    after: Vec<Finding>,
    level: impl Fn(&'static Lint, Loc) -> Level,
) -> Vec<Opened> {
    let known: FxHashSet<_> = before.iter().map(Finding::identity).collect();
    let mut opened: Vec<Opened> = after
        .into_iter()
        .filter(|f| !known.contains(&f.identity()))
        .map(|finding| Opened {
            level: level(finding.lint, finding.primary),
            finding,
        })
        .filter(|o| o.level != Level::Allow)
        .collect();
    opened.sort_by(|a, b| {
        (a.finding.lint.code, &a.finding.subjects).cmp(&(b.finding.lint.code, &b.finding.subjects))
    });
    opened.dedup_by(|a, b| a.finding.identity() == b.finding.identity());
    opened
}

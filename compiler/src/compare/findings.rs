//! Findings opened and closed between two sides of one ecosystem, judged
//! as an intervention is (`lints::Baseline`): by identity (lint and
//! subject names, never positions), a provider-counting finding that waits
//! on one side (section 9.5) neither opened nor closed, and the gap ladder
//! between what is closed and what is opened.
//!
//! Unlike an intervention's models, two revisions share no indices, so
//! W0413 is compared by its identity (one per supporter) rather than pair
//! by pair, and each finding's bridge is read in its own side's model.

use std::collections::{HashMap, HashSet};

use crate::code::Code;
use crate::lints::{counts_providers, joins, waits, Finding, Level, Stronger};
use crate::model::Model;
use crate::source::SourceMap;

use super::place::Place;

/// A finding opened or closed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FindingChange {
    pub code: Code,
    pub lint: &'static str,
    pub level: Level,
    pub message: String,
    /// Where it stands: in HEAD when opened, in BASE when closed.
    pub place: Option<Place>,
    /// The gap ladder: for an opened finding, the stronger one it replaces
    /// (closed by the same change); for a closed one, the stronger one
    /// that replaces it (opened by the same change).
    pub rung: Option<Rung>,
}

/// The other finding of a rung of the gap ladder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rung {
    pub code: Code,
    pub message: String,
}

impl FindingChange {
    /// An opened finding the change is blamed for: at `warn` or `deny`,
    /// and not the weaker form of one it closes.
    pub fn is_new_gap(&self) -> bool {
        self.level >= Level::Warn && self.rung.is_none()
    }

    fn of(
        finding: &Finding,
        level: Level,
        sources: &SourceMap,
        rung: Option<&Finding>,
    ) -> FindingChange {
        FindingChange {
            code: finding.lint.code,
            lint: finding.lint.name,
            level,
            message: finding.message.clone(),
            place: Place::of(sources, finding.primary),
            rung: rung.map(|f| Rung {
                code: f.lint.code,
                message: f.message.clone(),
            }),
        }
    }
}

/// One side of one ecosystem: its model, findings and files.
#[derive(Clone, Copy)]
pub struct Judged<'a> {
    pub model: &'a Model,
    pub findings: &'a [(Finding, Level)],
    pub sources: &'a SourceMap,
}

impl Judged<'_> {
    /// Every finding as opened (`opened`) or closed: a root one side lacks.
    pub fn all(&self) -> Vec<FindingChange> {
        let mut out: Vec<FindingChange> = self
            .findings
            .iter()
            .map(|(f, level)| FindingChange::of(f, *level, self.sources, None))
            .collect();
        sort(&mut out);
        out
    }
}

/// What the change does to one ecosystem's findings.
#[derive(Debug, Default)]
pub struct Changes {
    /// In BASE, not in HEAD.
    pub closed: Vec<FindingChange>,
    /// In HEAD, not in BASE.
    pub opened: Vec<FindingChange>,
    /// On both sides at different levels (an `ecospec.toml` or an
    /// `@allow` changed): as in HEAD, with the level in BASE.
    pub relevelled: Vec<(FindingChange, Level)>,
}

/// The findings closed, opened and relevelled, each sorted by place, code
/// and message.
pub fn compare(base: Judged, head: Judged) -> Changes {
    let base_ids: HashMap<_, Level> = base
        .findings
        .iter()
        .map(|(f, level)| (f.identity(), *level))
        .collect();
    let head_ids: HashSet<_> = head.findings.iter().map(|(f, _)| f.identity()).collect();
    let mut relevelled: Vec<(FindingChange, Level)> = head
        .findings
        .iter()
        .filter_map(|(f, level)| {
            let before = *base_ids.get(&f.identity())?;
            (before != *level).then(|| (FindingChange::of(f, *level, head.sources, None), before))
        })
        .collect();
    relevelled.sort_by(|a, b| order(&a.0, &b.0));
    let (base_waits, head_waits) = (waits(base.model), waits(head.model));
    let closed: Vec<&(Finding, Level)> = base
        .findings
        .iter()
        .filter(|(f, _)| !head_ids.contains(&f.identity()))
        .filter(|(f, _)| !(head_waits && counts_providers(f.lint)))
        .collect();
    let opened: Vec<&(Finding, Level)> = head
        .findings
        .iter()
        .filter(|(f, _)| !base_ids.contains_key(&f.identity()))
        .filter(|(f, _)| !(base_waits && counts_providers(f.lint)))
        .collect();
    let closed_stronger = Stronger::new(closed.iter().map(|(f, _)| f));
    let opened_stronger = Stronger::new(opened.iter().map(|(f, _)| f));
    let mut opens: Vec<FindingChange> = opened
        .iter()
        .map(|(f, level)| {
            let rung = closed_stronger.of(f, |bridge| joins(head.model, bridge), head.model);
            FindingChange::of(f, *level, head.sources, rung)
        })
        .collect();
    let mut closes: Vec<FindingChange> = closed
        .iter()
        .map(|(f, level)| {
            let rung = opened_stronger.of(f, |bridge| joins(base.model, bridge), base.model);
            FindingChange::of(f, *level, base.sources, rung)
        })
        .collect();
    sort(&mut opens);
    sort(&mut closes);
    Changes {
        closed: closes,
        opened: opens,
        relevelled,
    }
}

fn sort(changes: &mut [FindingChange]) {
    changes.sort_by(order);
}

fn order(a: &FindingChange, b: &FindingChange) -> std::cmp::Ordering {
    (&a.place, a.code, &a.message).cmp(&(&b.place, b.code, &b.message))
}

//! What every export reads of a checked root: the configuration `what-if`
//! reads too (`scenario::Now`: the baseline, or with the `--apply`
//! intervention applied; its facts and findings), the findings with their
//! identities and the levels `check` reported them at, and how `check`
//! judged each intervention.

use std::collections::HashMap;

use crate::check::{InterventionReport, Outcome};
use crate::diagnostic::{Loc, Severity};
use crate::lints::{self, Level, Lint};
use crate::model::{Facts, Model};
use crate::resolve::Resolved;
use crate::scenario::Now;
use crate::source::FileId;

/// One root, as the exports show it.
pub struct Configuration<'o> {
    pub root: FileId,
    /// The root's place in `outcome.ecosystems` (and `outcome.levels`).
    pub index: usize,
    /// The configuration (baseline, or with the applied intervention), its
    /// facts and its findings, as `what-if` reads it.
    pub now: Now<'o>,
    /// Sorted by code, then subjects, then message.
    pub findings: Vec<Leveled>,
    /// The interventions of this root as `check` judged them (none when
    /// one is applied: `check --apply` judges none).
    pub interventions: Vec<&'o InterventionReport>,
}

impl<'o> Configuration<'o> {
    pub fn model(&self) -> &Model {
        &self.now.model
    }

    pub fn facts(&self) -> &Facts {
        &self.now.facts
    }

    pub fn resolved(&self) -> &'o Resolved {
        self.now.eco
    }

    /// `--apply NAME`: the intervention applied.
    pub fn applied(&self) -> Option<&'o str> {
        self.now.applied
    }
}

/// A finding with the level `check` reported it at (`allow`: not reported).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leveled {
    pub lint: &'static Lint,
    pub level: Level,
    /// The names that identify it across configurations.
    pub subjects: Vec<Box<str>>,
    pub message: String,
    pub primary: Loc,
}

/// Every root of `outcome`, in the order `check` checked them. With
/// `--apply NAME`, only the roots that declare `NAME` (the ones `check`
/// reported on), each with it applied.
pub fn configurations(outcome: &Outcome) -> Vec<Configuration<'_>> {
    let verdicts = Verdicts::of(outcome);
    let applied = outcome.applied.first().map(|(name, _)| name.as_str());
    (0..outcome.ecosystems.len())
        .filter_map(|index| configuration(outcome, index, applied, &verdicts))
        .collect()
}

fn configuration<'o>(
    outcome: &'o Outcome,
    index: usize,
    applied: Option<&'o str>,
    verdicts: &Verdicts<'_>,
) -> Option<Configuration<'o>> {
    let now = Now::new(outcome, index, applied).ok()?;
    let root = now.eco.root;
    let mut findings: Vec<Leveled> = now
        .findings
        .iter()
        .map(|f| Leveled {
            level: now.level(f.lint, f.primary),
            lint: f.lint,
            subjects: f.subjects.clone(),
            message: f.message.clone(),
            primary: f.primary,
        })
        .collect();
    let interventions: Vec<&InterventionReport> = outcome
        .interventions
        .iter()
        .filter(|i| i.root == root)
        .collect();
    // W0416/W0417 are found by judging the interventions, which `check`
    // did once: their diagnostics, named by the intervention they stand on.
    for report in &interventions {
        for (lint, severity, message) in verdicts.at(report.loc) {
            findings.push(Leveled {
                lint,
                level: level_of(severity),
                subjects: vec![report.name.as_str().into()],
                message: message.to_string(),
                primary: report.loc,
            });
        }
    }
    findings.sort_by(|a, b| {
        (a.lint.code, &a.subjects, &a.message).cmp(&(b.lint.code, &b.subjects, &b.message))
    });
    Some(Configuration {
        root,
        index,
        now,
        findings,
        interventions,
    })
}

/// The W0416/W0417 diagnostics `check` reported, by the place of their
/// intervention (`check` keeps their diagnostics, not their findings).
struct Verdicts<'o> {
    by_place: HashMap<Loc, Vec<(&'static Lint, Severity, &'o str)>>,
}

impl<'o> Verdicts<'o> {
    fn of(outcome: &'o Outcome) -> Verdicts<'o> {
        let mut by_place: HashMap<Loc, Vec<_>> = HashMap::new();
        for d in &outcome.diagnostics {
            let (Some(name), Some(primary)) = (d.lint, d.primary) else {
                continue;
            };
            if let Some(lint) = lints::find(name).filter(|lint| lint.check.is_none()) {
                by_place
                    .entry(primary)
                    .or_default()
                    .push((lint, d.severity, d.message.as_str()));
            }
        }
        Verdicts { by_place }
    }

    fn at(&self, at: Loc) -> impl Iterator<Item = (&'static Lint, Severity, &'o str)> + '_ {
        self.by_place.get(&at).into_iter().flatten().copied()
    }
}

fn level_of(severity: Severity) -> Level {
    match severity {
        Severity::Note => Level::Note,
        Severity::Warning => Level::Warn,
        Severity::Error => Level::Deny,
    }
}

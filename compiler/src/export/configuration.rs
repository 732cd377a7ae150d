//! What every export reads of a checked root: its model (the baseline, or
//! the baseline with the `--apply` intervention applied, as `check` judged
//! it), the facts of that model, and its findings with their identities and
//! the levels `check` reported them at.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::apply::apply;
use crate::check::{InterventionReport, Outcome};
use crate::code::Code;
use crate::diagnostic::{Loc, Severity};
use crate::lints::{self, Level, Lint};
use crate::model::{Facts, Model};
use crate::resolve::Resolved;
use crate::source::FileId;

/// One root, as the exports show it.
pub struct Configuration<'o> {
    pub root: FileId,
    pub resolved: &'o Resolved,
    /// The baseline, or a copy with the applied intervention.
    pub model: Cow<'o, Model>,
    /// `--apply NAME`: the intervention applied.
    pub applied: Option<&'o str>,
    pub facts: Facts,
    /// Sorted by code, then subjects, then message.
    pub findings: Vec<Leveled>,
    /// The interventions of this root as `check` judged them (none when
    /// one is applied: `check --apply` judges none).
    pub interventions: Vec<&'o InterventionReport>,
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
    let reported = Reported::of(outcome);
    let applied = outcome.applied.first().map(|(name, _)| name.as_str());
    outcome
        .ecosystems
        .iter()
        .filter_map(|resolved| configuration(outcome, resolved, applied, &reported))
        .collect()
}

fn configuration<'o>(
    outcome: &'o Outcome,
    resolved: &'o Resolved,
    applied: Option<&'o str>,
    reported: &Reported<'_>,
) -> Option<Configuration<'o>> {
    let baseline = &resolved.baseline;
    let model = match applied {
        None => Cow::Borrowed(baseline),
        Some(name) => {
            let index = baseline
                .interventions
                .iter()
                .position(|i| &*i.common.name == name)?;
            Cow::Owned(apply(baseline, resolved.deltas.get(index)?))
        }
    };
    let (found, facts) = lints::run_with_facts(&model);
    let mut findings: Vec<Leveled> = found
        .into_iter()
        .map(|f| Leveled {
            level: reported.level(f.lint, f.primary, &f.message),
            lint: f.lint,
            subjects: f.subjects,
            message: f.message,
            primary: f.primary,
        })
        .collect();
    let interventions: Vec<&InterventionReport> = outcome
        .interventions
        .iter()
        .filter(|i| i.root == resolved.root)
        .collect();
    // W0416/W0417 are found by judging the interventions, which `check`
    // did once: their diagnostics, named by the intervention they stand on.
    for report in &interventions {
        for (lint, severity, message) in reported.verdicts(report.loc) {
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
        root: resolved.root,
        resolved,
        model,
        applied,
        facts,
        findings,
        interventions,
    })
}

/// The lint diagnostics `check` reported, by code, place and message: a
/// finding's level is the level its diagnostic was reported at, or `allow`
/// when it has none (levels depend on the lint and the place only, so the
/// match is exact; `check` keeps no findings, only their diagnostics).
struct Reported<'o> {
    by_finding: HashMap<(Code, Loc, &'o str), Severity>,
    /// W0416/W0417, by the place of their intervention.
    verdicts: HashMap<Loc, Vec<(&'static Lint, Severity, &'o str)>>,
}

impl<'o> Reported<'o> {
    fn of(outcome: &'o Outcome) -> Reported<'o> {
        let mut by_finding = HashMap::new();
        let mut verdicts: HashMap<Loc, Vec<_>> = HashMap::new();
        for d in &outcome.diagnostics {
            let (Some(name), Some(primary)) = (d.lint, d.primary) else {
                continue;
            };
            let Some(lint) = lints::find(name) else {
                continue;
            };
            if lint.check.is_none() {
                verdicts
                    .entry(primary)
                    .or_default()
                    .push((lint, d.severity, d.message.as_str()));
            } else {
                by_finding.insert((d.code, primary, d.message.as_str()), d.severity);
            }
        }
        Reported {
            by_finding,
            verdicts,
        }
    }

    fn level(&self, lint: &Lint, at: Loc, message: &str) -> Level {
        self.by_finding
            .get(&(lint.code, at, message))
            .map_or(Level::Allow, |s| level_of(*s))
    }

    fn verdicts(&self, at: Loc) -> impl Iterator<Item = (&'static Lint, Severity, &'o str)> + '_ {
        self.verdicts.get(&at).into_iter().flatten().copied()
    }
}

fn level_of(severity: Severity) -> Level {
    match severity {
        Severity::Note => Level::Note,
        Severity::Warning => Level::Warn,
        Severity::Error => Level::Deny,
    }
}

//! What applying an intervention does to the findings (W0416, W0417):
//! findings of every other lint before and after compared by identity (lint
//! and subject names), never by position; the grouped ones (W0413) pair by
//! pair; and the gap ladder (`ladder.rs`) between what it closes and opens.

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use crate::diagnostic::Loc;
use crate::model::{Common, Facts, Model};

use super::broken::{counts_providers, drop_broken_subjects, waits};
use super::ladder::{joins, Stronger};
use super::level::Level;
use super::lint::{Finding, Lint};
use super::{intervention_opens_gap, intervention_without_effect, support_without_bridge};

/// A finding as listed in an intervention's `closes` or `opens`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub lint: &'static Lint,
    pub level: Level,
    pub message: String,
    /// An opened finding that is the weaker form of one the same
    /// intervention closes (the gap ladder): the one it replaces. W0416
    /// does not count it.
    pub replaces: Option<Replaced>,
}

/// The stronger finding an opened one replaces.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Replaced {
    pub lint: &'static Lint,
    pub message: String,
}

/// What one intervention does: the findings it closes and opens, and its
/// own W0416/W0417 findings.
#[derive(Debug)]
pub struct Effect {
    pub closes: Vec<Change>,
    pub opens: Vec<Change>,
    pub findings: Vec<Finding>,
}

/// Whether findings of this lint are grouped: compared pair by pair, not
/// by identity.
fn is_grouped(lint: &Lint) -> bool {
    *lint == support_without_bridge::LINT
}

/// The baseline's findings, ready to be compared with those of each
/// intervention applied to it.
pub struct Baseline<'f> {
    findings: &'f [Finding],
    by_identity: HashMap<(&'static Lint, &'f [Box<str>]), &'f Finding>,
    /// W0413: one per supporter, standing for one pair per activated
    /// cluster it cannot reach.
    grouped: support_without_bridge::Before<'f>,
    /// For the ladder: the clusters each bridge of a baseline W0418 joined.
    joined_before: FxHashMap<&'f str, Vec<usize>>,
    /// The provider-counting findings wait in the baseline.
    waits: bool,
}

impl<'f> Baseline<'f> {
    pub fn new(model: &Model, findings: &'f [Finding], facts: &'f Facts) -> Baseline<'f> {
        Baseline {
            findings,
            by_identity: findings
                .iter()
                .filter(|f| !is_grouped(f.lint))
                .map(|f| (f.identity(), f))
                .collect(),
            grouped: support_without_bridge::Before::new(model, facts),
            joined_before: findings
                .iter()
                .filter(|f| f.lint.code.as_str() == "W0418")
                .filter_map(|f| f.subjects.first())
                .map(|bridge| (&**bridge, joins(model, bridge)))
                .collect(),
            waits: waits(model),
        }
    }

    /// The effect of the intervention `intervention` once applied: `after`
    /// is the baseline with it applied, and its findings. `level` is the
    /// level a finding of a lint at a place is reported at.
    pub fn effect(
        &self,
        intervention: &Common,
        after: (&Model, &Facts),
        after_findings: &[Finding],
        level: impl Fn(&'static Lint, Loc) -> Level,
    ) -> Effect {
        let (mut grouped_closes, mut grouped_opens) =
            support_without_bridge::changes(&self.grouped, after);
        drop_broken_subjects(after.0, &mut grouped_closes);
        drop_broken_subjects(after.0, &mut grouped_opens);
        let after_by_identity: HashMap<_, &Finding> = after_findings
            .iter()
            .filter(|f| !is_grouped(f.lint))
            .map(|f| (f.identity(), f))
            .collect();
        let change = |finding: &Finding| Change {
            lint: finding.lint,
            level: level(finding.lint, finding.primary),
            message: finding.message.clone(),
            replaces: None,
        };
        // A provider-counting finding that waits on one side (for an actor
        // that might provide, section 9.5) is neither closed nor opened.
        let waits_after = waits(after.0);
        let closed: Vec<&Finding> = self
            .findings
            .iter()
            .filter(|f| !is_grouped(f.lint) && !after_by_identity.contains_key(&f.identity()))
            .filter(|f| !(waits_after && counts_providers(f.lint)))
            .chain(&grouped_closes)
            .collect();
        let opened: Vec<&Finding> = after_findings
            .iter()
            .filter(|f| !is_grouped(f.lint) && !self.by_identity.contains_key(&f.identity()))
            .filter(|f| !(self.waits && counts_providers(f.lint)))
            .chain(&grouped_opens)
            .collect();
        // The gap ladder: an opened finding whose stronger form is closed
        // replaces it; a closed one whose stronger form is opened is no
        // effect. A bridge's clusters are read where its finding stands.
        let model = after.0;
        let closed_stronger = Stronger::new(closed.iter().copied());
        let opened_stronger = Stronger::new(opened.iter().copied());
        let joined_after = |bridge: &str| joins(model, bridge);
        let joined_before =
            |bridge: &str| self.joined_before.get(bridge).cloned().unwrap_or_default();
        let opens: Vec<Change> = opened
            .iter()
            .map(|f| Change {
                replaces: closed_stronger
                    .of(f, joined_after, model)
                    .map(|strong| Replaced {
                        lint: strong.lint,
                        message: strong.message.clone(),
                    }),
                ..change(f)
            })
            .collect();
        let effects = closed
            .iter()
            .filter(|f| opened_stronger.of(f, joined_before, model).is_none())
            .count();
        let closes: Vec<Change> = closed.iter().map(|f| change(f)).collect();
        let mut findings = Vec::new();
        if !intervention.broken {
            let at = intervention.name_loc;
            let name = &*intervention.name;
            findings.extend(
                opened
                    .iter()
                    .zip(&opens)
                    .filter(|(_, change)| change.level >= Level::Warn && change.replaces.is_none())
                    .map(|(finding, _)| intervention_opens_gap::finding(name, at, finding)),
            );
            if effects == 0 {
                findings.push(intervention_without_effect::finding(name, at));
            }
        }
        Effect {
            closes,
            opens,
            findings,
        }
    }
}

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
}

/// One finding of one side, with the level it is reported at.
#[derive(Debug)]
struct Judged {
    finding: Finding,
    level: Level,
}

/// One side's findings of one ecosystem, at every level.
#[derive(Debug, Default)]
pub struct Findings {
    list: Vec<Judged>,
    /// For the gap ladder: the clusters each bridge of a W0418 joins.
    joined: HashMap<Box<str>, Vec<Box<str>>>,
    /// The provider-counting findings wait on this side (section 9.5).
    waits: bool,
}

impl Findings {
    /// The findings of `model`, each at the level `level` gives it.
    pub fn of(
        model: &Model,
        findings: Vec<Finding>,
        level: impl Fn(&Finding) -> Level,
    ) -> Findings {
        let mut joined = HashMap::new();
        let list = findings
            .into_iter()
            .map(|mut finding| {
                if let ("W0418", [bridge]) =
                    (finding.lint.code.as_str(), finding.subjects.as_slice())
                {
                    let clusters = joins(model, bridge)
                        .into_iter()
                        .map(|c| Box::from(model.cluster_name(c)))
                        .collect();
                    joined.insert(bridge.clone(), clusters);
                }
                // Only the identity, the message and the place are compared
                // or shown.
                finding.labels = Vec::new();
                finding.help = None;
                finding.primary_label = String::new();
                Judged {
                    level: level(&finding),
                    finding,
                }
            })
            .collect();
        Findings {
            list,
            joined,
            waits: waits(model),
        }
    }

    /// Every finding as opened or closed: a root one side lacks.
    pub fn all(&self, sources: &SourceMap) -> Vec<FindingChange> {
        let mut out: Vec<FindingChange> =
            self.list.iter().map(|j| j.change(sources, None)).collect();
        sort(&mut out);
        out
    }

    /// The clusters that the bridge of this side's W0418 on `bridge` joins.
    fn joined(&self, bridge: &str) -> Vec<&str> {
        self.joined
            .get(bridge)
            .map(|clusters| clusters.iter().map(|c| &**c).collect())
            .unwrap_or_default()
    }
}

impl Judged {
    fn change(&self, sources: &SourceMap, rung: Option<&Finding>) -> FindingChange {
        FindingChange {
            code: self.finding.lint.code,
            lint: self.finding.lint.name,
            level: self.level,
            message: self.finding.message.clone(),
            place: Place::of(sources, self.finding.primary),
            rung: rung.map(|f| Rung {
                code: f.lint.code,
                message: f.message.clone(),
            }),
        }
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
pub fn compare(
    (base, base_sources): (&Findings, &SourceMap),
    (head, head_sources): (&Findings, &SourceMap),
) -> Changes {
    let base_ids: HashMap<_, Level> = base
        .list
        .iter()
        .map(|j| (j.finding.identity(), j.level))
        .collect();
    let head_ids: HashSet<_> = head.list.iter().map(|j| j.finding.identity()).collect();
    let mut relevelled: Vec<(FindingChange, Level)> = head
        .list
        .iter()
        .filter_map(|j| {
            let before = *base_ids.get(&j.finding.identity())?;
            (before != j.level).then(|| (j.change(head_sources, None), before))
        })
        .collect();
    relevelled.sort_by(|a, b| order(&a.0, &b.0));
    let closed: Vec<&Judged> = base
        .list
        .iter()
        .filter(|j| !head_ids.contains(&j.finding.identity()))
        .filter(|j| !(head.waits && counts_providers(j.finding.lint)))
        .collect();
    let opened: Vec<&Judged> = head
        .list
        .iter()
        .filter(|j| !base_ids.contains_key(&j.finding.identity()))
        .filter(|j| !(base.waits && counts_providers(j.finding.lint)))
        .collect();
    let closed_stronger = Stronger::new(closed.iter().map(|j| &j.finding));
    let opened_stronger = Stronger::new(opened.iter().map(|j| &j.finding));
    let mut opens: Vec<FindingChange> = opened
        .iter()
        .map(|j| {
            let rung = closed_stronger.of_named(&j.finding, |b| head.joined(b));
            j.change(head_sources, rung)
        })
        .collect();
    let mut closes: Vec<FindingChange> = closed
        .iter()
        .map(|j| {
            let rung = opened_stronger.of_named(&j.finding, |b| base.joined(b));
            j.change(base_sources, rung)
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

//! The gap ladder (section 9.4 and 9.6): a finding that is the weaker
//! form of another on the same thing. W0418 on bridge B is weaker than W0401
//! on a cluster B joins; W0404 on K and W0423 on (C, K) are weaker than
//! W0403 on (C, K). An intervention that replaces "no bridge" by "one
//! bridge" makes progress: W0416 does not count the weaker finding it opens
//! when it closes the stronger one. And one that closes a weaker finding by
//! opening the stronger one makes none: W0417 does not count that closing.
//!
//! Lints are named by code here, so a lint added later (W0423) takes its
//! rung by its code alone.

use rustc_hash::FxHashMap;

use crate::model::Model;

use super::lint::Finding;

/// The stronger findings of one side (what an intervention closes, or what
/// it opens), indexed by what they are about.
#[derive(Default)]
pub struct Stronger<'f> {
    /// W0401, by cluster.
    unbridged: FxHashMap<&'f str, &'f Finding>,
    /// W0403, by capability (its first finding) and by (cluster, capability).
    uncovered_capability: FxHashMap<&'f str, &'f Finding>,
    uncovered: FxHashMap<(&'f str, &'f str), &'f Finding>,
}

impl<'f> Stronger<'f> {
    pub fn new(findings: impl IntoIterator<Item = &'f Finding>) -> Stronger<'f> {
        let mut index = Stronger::default();
        for finding in findings {
            match (finding.lint.code.as_str(), finding.subjects.as_slice()) {
                ("W0401", [cluster]) => {
                    index.unbridged.entry(cluster).or_insert(finding);
                }
                ("W0403", [cluster, capability]) => {
                    index
                        .uncovered_capability
                        .entry(capability)
                        .or_insert(finding);
                    index
                        .uncovered
                        .entry((cluster, capability))
                        .or_insert(finding);
                }
                _ => {}
            }
        }
        index
    }

    /// The stronger form of `weak` among these findings, if any;
    /// `joins(bridge)` names the clusters a bridge joins where `weak` stands.
    pub fn of(
        &self,
        weak: &Finding,
        joins: impl Fn(&str) -> Vec<usize>,
        model: &Model,
    ) -> Option<&'f Finding> {
        self.of_named(weak, |bridge| {
            joins(bridge)
                .into_iter()
                .map(|c| model.cluster_name(c))
                .collect()
        })
    }

    /// [`Stronger::of`] with the clusters a bridge joins given by name
    /// (two revisions share no indices: `ecospec diff`).
    pub fn of_named<'m>(
        &self,
        weak: &Finding,
        joined: impl Fn(&str) -> Vec<&'m str>,
    ) -> Option<&'f Finding> {
        match (weak.lint.code.as_str(), weak.subjects.as_slice()) {
            ("W0418", [bridge]) => joined(bridge)
                .into_iter()
                .find_map(|cluster| self.unbridged.get(cluster).copied()),
            ("W0404", [capability]) => self.uncovered_capability.get(&**capability).copied(),
            ("W0423", [cluster, capability]) => {
                self.uncovered.get(&(&**cluster, &**capability)).copied()
            }
            _ => None,
        }
    }
}

/// The clusters bridge `name` joins in `model` (resolved, distinct).
pub fn joins(model: &Model, name: &str) -> Vec<usize> {
    let baseline = model
        .names
        .get(name)
        .map(|entry| entry.symbol)
        .filter(|s| s.kind == ecospec_syntax::DeclKind::Bridge)
        .and_then(|s| model.bridges.get(s.index))
        .filter(|b| &*b.common.name == name);
    // A bridge an intervention adds is not in the names: it stands last.
    let bridge = baseline.or_else(|| model.bridges.iter().rev().find(|b| &*b.common.name == name));
    bridge.map(|b| b.joins()).unwrap_or_default()
}

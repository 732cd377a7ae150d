//! How many records of each kind a model holds.

use ecospec_syntax::DeclKind;

use crate::model::*;

/// How many records of each kind a model holds (or will hold): the next
/// index of each kind while resolving, the lists' final lengths to reserve,
/// and the lengths an applied intervention is undone to.
#[derive(Clone, Copy, Debug, Default)]
pub struct KindCounts {
    capabilities: usize,
    scenarios: usize,
    clusters: usize,
    actors: usize,
    bridges: usize,
    /// Counted by [`KindCounts::after`] only: an `on` rule has no index.
    rules: usize,
    interventions: usize,
}

impl KindCounts {
    /// Counting on after the baseline's declarations.
    pub fn after(baseline: &Model) -> KindCounts {
        KindCounts {
            capabilities: baseline.capabilities.len(),
            scenarios: baseline.scenarios.len(),
            clusters: baseline.clusters.len(),
            actors: baseline.actors.len(),
            bridges: baseline.bridges.len(),
            rules: baseline.rules.len(),
            interventions: baseline.interventions.len(),
        }
    }

    /// Reserves each list of `model` at exactly these lengths.
    pub(super) fn reserve_exact(&self, model: &mut Model) {
        model.capabilities.reserve_exact(self.capabilities);
        model.scenarios.reserve_exact(self.scenarios);
        model.clusters.reserve_exact(self.clusters);
        model.actors.reserve_exact(self.actors);
        model.bridges.reserve_exact(self.bridges);
        model.rules.reserve_exact(self.rules);
        model.interventions.reserve_exact(self.interventions);
    }

    /// The number of `on` rules.
    pub fn rules(&self) -> usize {
        self.rules
    }

    /// Cuts each list of `model` back to these lengths.
    pub fn truncate(&self, model: &mut Model) {
        model.capabilities.truncate(self.capabilities);
        model.scenarios.truncate(self.scenarios);
        model.clusters.truncate(self.clusters);
        model.actors.truncate(self.actors);
        model.bridges.truncate(self.bridges);
        model.rules.truncate(self.rules);
        model.interventions.truncate(self.interventions);
    }

    pub(super) fn next(&mut self, kind: DeclKind) -> usize {
        let slot = match kind {
            DeclKind::Capability => &mut self.capabilities,
            DeclKind::Scenario => &mut self.scenarios,
            DeclKind::Cluster => &mut self.clusters,
            DeclKind::Actor => &mut self.actors,
            DeclKind::Bridge => &mut self.bridges,
            DeclKind::Intervention => &mut self.interventions,
            DeclKind::Ecosystem | DeclKind::On => return 0,
        };
        *slot += 1;
        *slot - 1
    }
}

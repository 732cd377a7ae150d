//! Broken declarations are the subject of no finding.

use rustc_hash::FxHashSet;

use crate::model::Model;

use super::lint::Finding;

/// A declaration that holds a syntax error, or that a `removes` took out of
/// the configuration, is the subject of no finding
/// (docs/diagnostics.md, E0101), also as one subject of several; the lints
/// themselves need not skip broken declarations. The declarations an
/// intervention adds are not in the model's names, so the broken names are
/// collected from the declarations themselves.
pub fn drop_broken_subjects(model: &Model, findings: &mut Vec<Finding>) {
    let broken: FxHashSet<&str> = model
        .capabilities
        .iter()
        .map(|d| &d.common)
        .chain(model.scenarios.iter().map(|d| &d.common))
        .chain(model.clusters.iter().map(|d| &d.common))
        .chain(model.actors.iter().map(|d| &d.common))
        .chain(model.bridges.iter().map(|d| &d.common))
        .chain(model.interventions.iter().map(|d| &d.common))
        // Taken out by a `removes` (v1): out of the configuration.
        .filter(|common| common.broken || common.removed)
        .map(|common| &*common.name)
        .collect();
    if broken.is_empty() {
        return;
    }
    findings.retain(|finding| {
        !finding
            .subjects
            .iter()
            .any(|subject| broken.contains(&**subject))
    });
}

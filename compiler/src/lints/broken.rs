//! Broken declarations are the subject of no finding.

use rustc_hash::FxHashSet;

use crate::model::Model;

use super::lint::{Finding, Lint};
use super::{
    cluster_single_provider, single_provider, uncovered_capability, unprovided_bridge_capability,
};

/// A declaration that holds a syntax error, or that a `removes` took out of
/// the configuration, is the subject of no finding
/// (docs/src/diagnostics.md, E0101), also as one subject of several; the lints
/// themselves need not skip broken declarations. The declarations an
/// intervention adds are not in the model's names, so the broken names are
/// collected from the declarations themselves.
pub fn drop_broken_subjects(model: &Model, findings: &mut Vec<Finding>) {
    let broken: FxHashSet<&str> = model
        .commons()
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

/// The findings that count a capability's providers (section 9.5).
static PROVIDER_COUNTING: [&Lint; 4] = [
    &uncovered_capability::LINT,
    &single_provider::LINT,
    &unprovided_bridge_capability::LINT,
    &cluster_single_provider::LINT,
];

/// A provider-counting finding waits while an actor of the configuration
/// might provide more than it says (a syntax error, or a misspelling
/// without a suggestion in an unknown field or in `in`, `serves` or
/// `provides`: [`crate::model::Actor::unsure`]), for it might provide the
/// capability (section 9.5, 9.6). W0422 does not wait.
pub fn wait_for_unsure_providers(model: &Model, findings: &mut Vec<Finding>) {
    if waits(model) {
        findings.retain(|finding| !counts_providers(finding.lint));
    }
}

/// Whether the provider-counting findings wait in this configuration.
pub fn waits(model: &Model) -> bool {
    model
        .actors
        .iter()
        .any(|actor| actor.unsure && !actor.common.removed)
}

/// Whether `lint` counts a capability's providers (W0403, W0404, W0411, W0423).
pub fn counts_providers(lint: &Lint) -> bool {
    PROVIDER_COUNTING.iter().any(|l| std::ptr::eq(*l, lint))
}

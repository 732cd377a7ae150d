//! The findings a picture draws, looked up by their identity (lint and
//! subject names, as interventions compare them): which clusters are
//! unbridged, which needs uncovered, which bridges critical, which
//! capabilities have a single provider.

use std::collections::HashSet;

use crate::lints::Finding;
use crate::model::{Facts, Model};

use super::drawing::View;

/// The drawn findings of one configuration, at every level: a picture
/// measures the configuration, as an intervention's judgement does.
#[derive(Debug, Default)]
pub struct Drawn {
    unbridged: HashSet<String>,
    uncovered: HashSet<(String, String)>,
    critical: HashSet<String>,
    single: HashSet<String>,
    cluster_single: HashSet<(String, String)>,
}

impl Drawn {
    pub fn of(findings: &[Finding]) -> Drawn {
        let mut drawn = Drawn::default();
        for finding in findings {
            let subject = |i: usize| finding.subjects.get(i).map(|s| s.to_string());
            match (finding.lint.name, subject(0), subject(1)) {
                ("unbridged-cluster", Some(c), _) => {
                    drawn.unbridged.insert(c);
                }
                ("uncovered-capability", Some(c), Some(k)) => {
                    drawn.uncovered.insert((c, k));
                }
                ("critical-bridge", Some(b), _) => {
                    drawn.critical.insert(b);
                }
                ("single-provider", Some(k), _) => {
                    drawn.single.insert(k);
                }
                ("cluster-single-provider", Some(c), Some(k)) => {
                    drawn.cluster_single.insert((c, k));
                }
                _ => {}
            }
        }
        drawn
    }

    pub fn unbridged(&self, cluster: &str) -> bool {
        self.unbridged.contains(cluster)
    }

    pub fn uncovered(&self, cluster: &str, capability: &str) -> bool {
        self.uncovered
            .contains(&(cluster.to_string(), capability.to_string()))
    }

    pub fn critical(&self, bridge: &str) -> bool {
        self.critical.contains(bridge)
    }

    /// Exactly one actor in the whole ecosystem provides it (W0404).
    pub fn single(&self, capability: &str) -> bool {
        self.single.contains(capability)
    }

    /// Exactly one actor in or serving the cluster provides it (W0423).
    pub fn cluster_single(&self, cluster: &str, capability: &str) -> bool {
        self.cluster_single
            .contains(&(cluster.to_string(), capability.to_string()))
    }
}

/// The id of the element that shows `finding` in `view` (see `Drawn`), or
/// `None` when the view does not draw it: a cluster's gap or single
/// provider on the cluster, a critical bridge on the bridge (not in the
/// capabilities view), a capability's single provider on the capability
/// (capabilities view) or on the actor providing it (actors view). `model`
/// and `facts` are the configuration the finding was found in.
pub fn shown_by(finding: &Finding, view: View, model: &Model, facts: &Facts) -> Option<String> {
    let subject = finding.subjects.first()?;
    match (finding.lint.name, view) {
        ("unbridged-cluster" | "uncovered-capability" | "cluster-single-provider", _) => {
            Some(format!("cluster:{subject}"))
        }
        ("critical-bridge", View::Clusters | View::Actors) => Some(format!("bridge:{subject}")),
        ("single-provider", View::Capabilities) => Some(format!("capability:{subject}")),
        ("single-provider", View::Actors) => {
            let k = model
                .capabilities
                .iter()
                .position(|c| &c.common.name == subject)?;
            match facts.providers.get(k).map(|p| &p[..]) {
                Some([only]) => Some(format!("actor:{}", model.actor_name(*only))),
                _ => None,
            }
        }
        _ => None,
    }
}

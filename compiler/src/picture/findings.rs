//! The findings a picture draws, looked up by their identity (lint and
//! subject names, as interventions compare them): which clusters are
//! unbridged, which needs uncovered, which bridges critical, which
//! capabilities have a single provider.

use std::collections::HashSet;

use crate::lints::Finding;

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

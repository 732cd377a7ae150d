//! What losing one actor, bridge or cluster opens, computed from what the
//! loss touches (section 10, `what-if --losses`): for each lint, the
//! findings the configuration without it has among the subjects the loss
//! changes (`actor.rs`, `bridge.rs`, `cluster.rs`, `graph.rs`); `rank.rs`
//! then drops those the configuration already had.
//!
//! Any other finding is the same with or without the loss (roles and
//! approaches stay on a removed declaration; scenarios, rules and needs of
//! other clusters do not change).

use crate::diagnostic::Loc;
use crate::lints::{self, Lint};

use super::index::Index;

/// A finding the configuration without the loss has: its lint, subjects
/// and place (its level is read there).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    pub lint: &'static Lint,
    pub subjects: Vec<Box<str>>,
    pub primary: Loc,
}

/// Where the findings go: only lints that can be at `warn` or `deny`
/// somewhere (a lint at `allow` or `note` everywhere opens nothing that
/// counts), and none that counts providers while they wait after the loss.
pub struct Out<'w> {
    pub wanted: &'w dyn Fn(&str) -> bool,
    pub providers_wait: bool,
    pub found: Vec<Found>,
}

impl Out<'_> {
    pub fn push(&mut self, code: &str, subjects: &[&str], primary: Loc) {
        if !(self.wanted)(code) {
            return;
        }
        let Some(lint) = lints::find(code) else {
            return;
        };
        if !(self.providers_wait && lints::counts_providers(lint)) {
            self.found.push(Found {
                lint,
                subjects: subjects.iter().map(|s| Box::from(*s)).collect(),
                primary,
            });
        }
    }
}

/// W0410: capability `k` loses `lost` of its uses.
pub fn unused(ix: &Index<'_>, k: usize, lost: usize, out: &mut Out<'_>) {
    let by_interventions = ix.model.named_by_interventions.get(k).copied();
    let uses = ix.uses.get(k).copied().unwrap_or(0) as usize;
    if lost > 0 && uses == lost && by_interventions != Some(true) {
        if let Some(capability) = ix.model.capabilities.get(k) {
            out.push(
                "W0410",
                &[&capability.common.name],
                capability.common.name_loc,
            );
        }
    }
}

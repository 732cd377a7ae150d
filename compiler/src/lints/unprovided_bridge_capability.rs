//! # W0411 `unprovided-bridge-capability`
//!
//! ## What it finds
//! A capability in a bridge's `via` that no actor serving any of the bridge's
//! clusters provides (serving: a member, `in`, or an actor that `serves` the
//! cluster; it need not be listed in `through`). One finding per (bridge,
//! capability), at the entry in `via`; default level `warn`.
//!
//! ## Why it matters
//! Bridges carry capabilities: "loose networks among communication teams,
//! among spokespeople, among digital security officers". A network among
//! communication teams exists only if the clusters it links have them: a
//! bridge `via` a capability nobody there provides carries nothing across.
//!
//! ## Example
//! ```eco
//! capability communications "Communication teams"
//!
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor youth_against_war: campaign { in: antimilitarist }
//! bridge comms between antimilitarist and mobilization { via: communications }
//! ```
//!
//! ## How to fix it
//! Have an actor serving one of the bridged clusters provide the capability,
//! or correct `via` to what the bridge really carries. If the bridge is meant
//! to build the capability (and the spec says so elsewhere), write
//! `@allow(unprovided-bridge-capability)` before the bridge, set
//! `unprovided-bridge-capability = "allow"` under `[lints]` in `ecospec.toml`,
//! or pass `-A unprovided-bridge-capability`.
//! ```eco
//! capability communications "Communication teams"
//!
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor youth_against_war: campaign {
//!     in: antimilitarist
//!     provides: communications
//! }
//! bridge comms between antimilitarist and mobilization { via: communications }
//! ```

use rustc_hash::FxHashSet;

use crate::code::Code;
use crate::model::{distinct, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0411"),
    name: "unprovided-bridge-capability",
    default: Level::Warn,
    summary: "a bridge carried by a capability no actor of its clusters provides",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for bridge in &model.bridges {
        let joins = bridge.joins();
        // Many capabilities on a bridge among many clusters: what its
        // clusters provide, once, rather than each capability in each cluster.
        let provided_sizes: usize = joins
            .iter()
            .filter_map(|c| facts.provided.get(*c))
            .map(Vec::len)
            .sum();
        let provided: Option<FxHashSet<usize>> =
            (bridge.via.len().saturating_mul(joins.len()) > provided_sizes).then(|| {
                joins
                    .iter()
                    .filter_map(|c| facts.provided.get(*c))
                    .flatten()
                    .copied()
                    .collect()
            });
        for (capability, entry) in distinct(&bridge.via) {
            let found = match &provided {
                Some(provided) => provided.contains(&capability),
                None => joins.iter().any(|c| facts.provided_in(*c, capability)),
            };
            if found {
                continue;
            }
            let (b, cap) = (&*bridge.common.name, model.capability_name(capability));
            out.push(
                Finding::new(&LINT, &[b, cap], entry.loc, format!("bridge `{b}` is carried by `{cap}`, but no actor serving its clusters provides it"))
                    .primary_label("nobody on either side provides this")
                    .help(format!("have an actor in or serving one of the bridge's clusters provide `{cap}`")),
            );
        }
    }
}

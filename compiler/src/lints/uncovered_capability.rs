//! # W0403 `uncovered-capability`
//!
//! ## What it finds
//! A capability listed in a cluster's `needs` that is not provided in that
//! cluster: no actor serving the cluster (a member, `in`, or an actor that
//! `serves` it) has it in `provides`. One finding per (cluster, capability), at
//! the entry in `needs`; default level `warn`.
//!
//! ## Why it matters
//! A cluster bets on its scenario; when the moment comes, it cannot borrow a
//! capability it never built. "Different organizations contribute to different
//! capabilities in their own specific forms": a capability serves a cluster
//! only when someone actually contributes it there. This is the place where the
//! movement's capabilities do not yet serve across the board.
//!
//! ## Example
//! ```eco
//! capability legal_support "Legal support structures"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     needs: legal_support
//! }
//!
//! actor trainers: collective { in: mobilization }
//! ```
//!
//! ## How to fix it
//! Have a member provide the capability, or have an actor that provides it
//! serve the cluster without joining it, as a lawyers' association "providing
//! support for a wide range of organizations" does. If the gap is known and
//! accepted, write `@allow(uncovered-capability)` before the cluster, set
//! `uncovered-capability = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A uncovered-capability`.
//! ```eco
//! capability legal_support "Legal support structures"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     needs: legal_support
//! }
//!
//! actor trainers: collective { in: mobilization }
//!
//! actor lawyers: association { serves: mobilization provides: legal_support }
//! ```

use crate::code::Code;
use crate::model::{distinct, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0403"),
    name: "uncovered-capability",
    default: Level::Warn,
    summary: "a cluster needs a capability no actor serving it provides",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for (index, cluster) in model.clusters.iter().enumerate() {
        for (capability, entry) in distinct(&cluster.needs) {
            if facts.provided_in(index, capability) {
                continue;
            }
            let (c, cap) = (&*cluster.common.name, model.capability_name(capability));
            out.push(
                Finding::new(
                    &LINT,
                    &[c, cap],
                    entry.loc,
                    format!("cluster `{c}` needs `{cap}`, but no actor serving it provides it"),
                )
                .primary_label("needed here")
                .help(format!(
                    "add `provides: {cap}` to an actor in or serving `{c}`"
                )),
            );
        }
    }
}

//! # W0413 `support-without-bridge`
//!
//! ## What it finds
//! In a rule `on S`, a cluster X in `support` and a cluster A in `activate`,
//! X different from A, with no path between them in the cluster graph (no
//! chain of bridges; an actor serving both does not count). One finding for
//! each such pair (S, X, A), at X's entry in `support`; default level `warn`.
//!
//! ## Why it matters
//! This is the first reason the seed gives for bridges: "they would need to
//! trust each other. When reality seems to prove any one of them right, then
//! the others should be able to come on board immediately." A rule that says X
//! supports A, with no bridge between them, is a promise without the trust to
//! keep it.
//!
//! ## Example
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! on outrageous_moment {
//!     activate: mobilization
//!     support: antimilitarist
//! }
//! ```
//!
//! ## How to fix it
//! Build the bridge the rule counts on: between the two clusters, or through
//! other clusters, since any path will do. If the support is meant to happen
//! without one, write `@allow(support-without-bridge)` before the `on` rule,
//! set `support-without-bridge = "allow"` under `[lints]` in `ecospec.toml`,
//! or pass `-A support-without-bridge`.
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! bridge spokes between antimilitarist and mobilization
//!
//! on outrageous_moment {
//!     activate: mobilization
//!     support: antimilitarist
//! }
//! ```

use crate::lints::Finding;
use crate::model::{distinct, Facts, Model};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for rule in &model.rules {
        if rule.broken {
            continue;
        }
        let scenario = &*rule.scenario.name;
        for (support, entry) in distinct(&rule.support) {
            for (activate, _) in distinct(&rule.activate) {
                if support == activate || facts.connected(support, activate) {
                    continue;
                }
                let (x, a) = (model.cluster_name(support), model.cluster_name(activate));
                out.push(
                    Finding::new("W0413", &[scenario, x, a], entry.loc, format!("`{x}` is to support `{a}` when `{scenario}` comes, but no bridge connects them"))
                        .label(format!("no path of bridges from `{x}` to `{a}`"))
                        .help(format!("trust is built before the moment: add a bridge between `{x}` and `{a}`")),
                );
            }
        }
    }
}

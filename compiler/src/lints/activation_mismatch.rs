//! # W0415 `activation-mismatch`
//!
//! ## What it finds
//! In a rule `on S`, a cluster in `activate` that does not bet on S (S is not in
//! its `bets_on`). One finding per (scenario, cluster), at the entry in
//! `activate`; default level `note`. Clusters in `support` are not checked:
//! joining in is exactly what clusters betting on other scenarios do.
//!
//! ## Why it matters
//! The clusters that activate when a scenario arrives are the ones that
//! prepared for it: "if there is an outrageous moment and the second cluster is
//! activated, then the first cluster should join in to support them". A cluster
//! activated for a scenario it does not bet on has not prepared for it: it is
//! in the wrong list, or its bet is missing from `bets_on`.
//!
//! ## Example
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist { bets_on: escalation }
//! cluster mobilization { bets_on: outrageous_moment }
//! bridge spokes between antimilitarist and mobilization
//! on outrageous_moment { activate: antimilitarist }
//! ```
//!
//! ## How to fix it
//! Activate the clusters that bet on the scenario and move the others to
//! `support`, or add the scenario to the cluster's `bets_on` if it does
//! prepare for it. If the mismatch is intended, write
//! `@allow(activation-mismatch)` before the `on` rule, set
//! `activation-mismatch = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A activation-mismatch`.
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster antimilitarist { bets_on: escalation }
//! cluster mobilization { bets_on: outrageous_moment }
//! bridge spokes between antimilitarist and mobilization
//! on outrageous_moment {
//!     activate: mobilization
//!     support: antimilitarist
//! }
//! ```

use crate::code::Code;
use crate::model::{distinct, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0415"),
    name: "activation-mismatch",
    default: Level::Note,
    summary: "a rule activates a cluster that does not bet on its scenario",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    for rule in &model.rules {
        let Some(scenario) = rule.scenario.index else {
            continue;
        };
        if rule.broken {
            continue;
        }
        let name = &*rule.scenario.name;
        for (cluster, entry) in distinct(&rule.activate) {
            let Some(c) = model.clusters.get(cluster) else {
                continue;
            };
            // An unresolved bet may be this scenario: no finding that only
            // follows from a typo.
            if c.bets_on
                .iter()
                .any(|r| r.index == Some(scenario) || r.index.is_none())
            {
                continue;
            }
            let c = &*c.common.name;
            out.push(
                Finding::new(&LINT, &[name, c], entry.loc, format!("`{c}` is activated when `{name}` comes, but does not bet on it"))
                    .primary_label(format!("`{c}` does not bet on `{name}`"))
                    .help(format!("add `bets_on: {name}` to `{c}` if it prepares for this moment, or move it to `support`")),
            );
        }
    }
}

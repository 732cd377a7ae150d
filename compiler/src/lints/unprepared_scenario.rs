//! # W0407 `unprepared-scenario`
//!
//! ## What it finds
//! A scenario that no cluster has in its `bets_on`. It is reported at the
//! scenario's name; default level `warn`.
//!
//! ## Why it matters
//! "We would need to imagine clusters based on scenario planning, which in turn
//! form clusters of grand strategies." A scenario written down is a future the
//! movement thinks possible; if no cluster bets on it, nobody is preparing for
//! it, and when it arrives, nobody will have the trust, the trainings or the
//! legal structures it calls for.
//!
//! ## Example
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster antimilitarist { bets_on: escalation }
//! ```
//!
//! ## How to fix it
//! Give the scenario a cluster that bets on it, bridged to the others so that
//! they can join in when it comes, or remove the scenario if the movement has
//! decided not to prepare for it. If it is listed on purpose (a scenario under
//! discussion), write `@allow(unprepared-scenario)` before it, set
//! `unprepared-scenario = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A unprepared-scenario`.
//! ```eco
//! scenario escalation "Militarization, armament and wars escalate"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster antimilitarist { bets_on: escalation }
//! cluster mobilization { bets_on: outrageous_moment }
//!
//! bridge spokes between antimilitarist and mobilization
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0407"),
    name: "unprepared-scenario",
    default: Level::Warn,
    summary: "a scenario no cluster bets on",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let bet_on = scenarios_bet_on(model);
    for (index, scenario) in model.scenarios.iter().enumerate() {
        if bet_on.get(index).copied().unwrap_or(true) {
            continue;
        }
        let name = &*scenario.common.name;
        out.push(
            Finding::new(
                &LINT,
                &[name],
                scenario.common.name_loc,
                format!("no cluster bets on scenario `{name}`"),
            )
            .primary_label("no cluster prepares for this")
            .help(format!(
                "add `bets_on: {name}` to the cluster that prepares for it, or remove the scenario"
            )),
        );
    }
}

/// Per scenario: whether some cluster bets on it.
pub fn scenarios_bet_on(model: &Model) -> Vec<bool> {
    let mut bet_on = vec![false; model.scenarios.len()];
    for cluster in &model.clusters {
        for index in cluster.bets_on.iter().filter_map(|r| r.index) {
            if let Some(flag) = bet_on.get_mut(index) {
                *flag = true;
            }
        }
    }
    bet_on
}

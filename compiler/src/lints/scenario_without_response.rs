//! # W0414 `scenario-without-response`
//!
//! ## What it finds
//! A scenario that at least one cluster bets on, but that no `on` rule names.
//! It is reported at the scenario's name; default level `note`.
//!
//! ## Why it matters
//! Betting on a scenario is half of the plan; the other half is what happens
//! when it arrives. "If there is an outrageous moment and the second cluster is
//! activated, then the first cluster should join in to support them." An `on`
//! rule writes that down: which clusters activate, which join in. Without it,
//! the movement has prepared for the moment but not agreed on how to meet it.
//! This is a note: many specs start with the bets and add the responses later.
//!
//! ## Example
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     bets_on: outrageous_moment
//! }
//! ```
//!
//! ## How to fix it
//! Add an `on` rule for the scenario, with the clusters that activate and
//! those that support them. If the response is deliberately left open, write
//! `@allow(scenario-without-response)` before the scenario, set
//! `scenario-without-response = "allow"` under `[lints]` in `ecospec.toml`, or
//! pass `-A scenario-without-response`.
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     bets_on: outrageous_moment
//! }
//!
//! on outrageous_moment {
//!     activate: mobilization
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0414"),
    name: "scenario-without-response",
    default: Level::Note,
    summary: "a scenario some cluster bets on, with no `on` rule",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let bet_on = super::unprepared_scenario::scenarios_bet_on(model);
    let mut answered = vec![false; model.scenarios.len()];
    for index in model.rules.iter().filter_map(|r| r.scenario.index) {
        if let Some(flag) = answered.get_mut(index) {
            *flag = true;
        }
    }
    for (index, scenario) in model.scenarios.iter().enumerate() {
        let bet = bet_on.get(index).copied().unwrap_or(false);
        if !bet || answered.get(index).copied().unwrap_or(true) {
            continue;
        }
        let name = &*scenario.common.name;
        out.push(
            Finding::new(&LINT, &[name], scenario.common.name_loc, format!("scenario `{name}` has no response rule"))
                .primary_label("no `on` rule says who acts when this happens")
                .help(format!("add `on {name} {{ activate: ... support: ... }}`: which clusters activate, and which join in")),
        );
    }
}

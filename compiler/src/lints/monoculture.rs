//! # W0409 `monoculture`
//!
//! ## What it finds
//! An ecosystem with two or more clusters whose `bets_on`, taken together, name
//! exactly one scenario: every cluster that bets at all bets on the same
//! future. It is reported once, at that scenario's name in its declaration;
//! default level `warn`.
//!
//! ## Why it matters
//! The movement ecosystem rests on "grand strategies as diversity": clusters
//! that bet on different scenarios and "would probably think that the other
//! cluster has a completely unrealistic expectation of what will work". Nobody
//! knows which scenario reality will bring. If every cluster bets on the same
//! one, the movement is one strategy with several names, and the day another
//! scenario arrives, no cluster has prepared for it.
//!
//! ## Example
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//!
//! cluster mobilization { bets_on: outrageous_moment }
//! cluster care_network { bets_on: outrageous_moment }
//!
//! bridge spokes between mobilization and care_network
//! ```
//!
//! ## How to fix it
//! Do the scenario planning: which other futures are plausible, and which
//! actors already organize for them? Give them a cluster of their own, betting
//! on its scenario and bridged to the rest. If one bet is really all this spec
//! is about (a spec of one part of a larger movement, say), write
//! `@allow(monoculture)` before the scenario, set `monoculture = "allow"` under
//! `[lints]` in `ecospec.toml`, or pass `-A monoculture`.
//! ```eco
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! scenario escalation "Militarization, armament and wars escalate"
//!
//! cluster mobilization { bets_on: outrageous_moment }
//! cluster care_network { bets_on: outrageous_moment }
//! cluster antimilitarist { bets_on: escalation }
//!
//! bridge spokes among mobilization, care_network, antimilitarist
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0409"),
    name: "monoculture",
    default: Level::Warn,
    summary: "every cluster bets on the same one scenario",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    if facts.clusters_left < 2 {
        return;
    }
    let mut only: Option<usize> = None;
    for index in model
        .clusters
        .iter()
        .flat_map(|c| c.bets_on.iter().filter_map(|r| r.index))
    {
        match only {
            None => only = Some(index),
            Some(seen) if seen == index => {}
            Some(_) => return,
        }
    }
    let Some(scenario) = only.and_then(|index| model.scenarios.get(index)) else {
        return;
    };
    let name = &*scenario.common.name;
    out.push(
        Finding::new(&LINT, &[name], scenario.common.name_loc, format!("every cluster bets on the same scenario, `{name}`"))
            .primary_label("the only scenario any cluster bets on")
            .help("grand strategies as diversity: have some cluster bet on another scenario, so the movement is ready whichever way reality goes"),
    );
}

//! # W0421 `approach-monoculture`
//!
//! ## What it finds
//! Two or more clusters say which approach they follow, and all of them say
//! the same one: the union of their `approach` lists is exactly one value.
//! Reported once, at the first value of the first such cluster's `approach`;
//! default level `warn`.
//!
//! ## Why it matters
//! A movement ecosystem is strong by its diversity: mass protest needs the
//! organizers who hold people together after the march, the alternatives
//! that show another way of living is possible, the insiders who turn a
//! demand into a law. Several clusters that all follow one theory of change
//! compete for the same people and the same moment, and leave the rest of
//! the work undone. This is the monoculture of approaches, as W0409 is the
//! monoculture of bets.
//!
//! ## Example
//! ```eco
//! cluster climate_strike { approach: mass_protest }
//! cluster blockades { approach: mass_protest }
//!
//! bridge spokes between climate_strike and blockades
//!
//! actor fridays: campaign { in: climate_strike }
//! actor ende_gelaende: campaign { in: blockades }
//! ```
//!
//! ## How to fix it
//! Let a cluster take up a second approach, or bring in a cluster with
//! another theory of change. If the ecosystem is one flank of a larger
//! movement on purpose, write `@allow(approach-monoculture)` before the first
//! cluster, set `approach-monoculture = "allow"` under `[lints]` in
//! `ecospec.toml`, or pass `-A approach-monoculture`.
//! ```eco
//! cluster climate_strike { approach: mass_protest }
//! cluster blockades { approach: mass_protest, alternatives }
//!
//! bridge spokes between climate_strike and blockades
//!
//! actor fridays: campaign { in: climate_strike }
//! actor ende_gelaende: campaign { in: blockades }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};

use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0421"),
    name: "approach-monoculture",
    default: Level::Warn,
    summary: "every cluster that names an approach follows the same one",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let mut with = model
        .clusters
        .iter()
        .filter(|cluster| !cluster.approach.is_empty());
    let Some(first) = with.next() else { return };
    let Some(at) = first.approach_at else { return };
    let [approach] = first.approach.as_slice() else {
        return;
    };
    let mut others = 0;
    for cluster in with {
        if cluster.approach.iter().any(|a| a != approach) {
            return;
        }
        others += 1;
    }
    if others == 0 {
        return;
    }
    let count = others + 1;
    out.push(
        Finding::new(&LINT, &[], at, format!("{count} clusters name an approach, and all follow only `{approach}`"))
            .primary_label(format!("the first of {count} clusters with the same single approach"))
            .help(format!("a movement wins by diversity: let a cluster take up an approach besides `{approach}`, or bring in a cluster that follows another theory of change")),
    );
}

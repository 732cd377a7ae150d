//! # W0418 `critical-bridge`
//!
//! ## What it finds
//! A critical bridge: one whose removal (with all it joins) splits a connected
//! part of the cluster graph. A bridge with a parallel bridge (another joining
//! the same clusters) is never critical. It is reported at the bridge's name.
//! Default level `allow`, so it is not shown until enabled:
//! `critical-bridge = "warn"` under `[lints]` in `ecospec.toml`, or
//! `-W critical-bridge`. Even when allowed it is measured: an intervention that
//! removes it has an effect (W0417).
//!
//! ## Why it matters
//! "These clusters would have to be bridged", for trust and for capabilities.
//! When one bridge is all that holds two parts of the movement together, that
//! trust hangs on a handful of people: one burnt-out spokesperson, one network
//! that stops meeting, and the parts drift apart. "In some cases, specific
//! capabilities might have stable networks of their own": more than one path
//! is what makes the ecosystem hold.
//!
//! ## Example
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//!
//! bridge spokes between antimilitarist and mobilization
//! ```
//!
//! ## How to fix it
//! Add another bridge between the same clusters (or another path around the
//! bridge): a network of communication teams beside the spokespeople, a joint
//! conference. Young ecosystems often have a single bridge by necessity; keep
//! the lint at `allow`, or write `@allow(critical-bridge)` before the bridge,
//! or pass `-A critical-bridge`.
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//!
//! bridge spokes between antimilitarist and mobilization
//! bridge comms_teams between antimilitarist and mobilization {
//!     form: network
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0418"),
    name: "critical-bridge",
    default: Level::Allow,
    summary: "a bridge whose removal splits the ecosystem",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    for (index, bridge) in model.bridges.iter().enumerate() {
        if !facts.critical.get(index).copied().unwrap_or(false) {
            continue;
        }
        let name = &*bridge.common.name;
        out.push(
            Finding::new(&LINT, &[name], bridge.common.name_loc, format!("bridge `{name}` is the only link holding its clusters together"))
                .primary_label("removing this bridge splits the ecosystem")
                .help("add a parallel bridge (another network, a joint conference) so that trust does not hang on one link"),
        );
    }
}

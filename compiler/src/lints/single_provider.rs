//! # W0404 `single-provider`
//!
//! ## What it finds
//! A capability that at least one cluster `needs` and that exactly one actor in
//! the whole ecosystem `provides` (whichever clusters that actor serves). It is
//! reported at the capability's name in its declaration; default level `note`.
//!
//! ## Why it matters
//! "Movement capabilities are defined at the movement level, so they serve
//! across the board." A capability carried by one organization is only as
//! strong as that organization: if the one legal team is arrested, burnt out or
//! busy elsewhere on the day of the outrageous moment, every cluster that
//! counts on it is left without. A note, since that is often how one starts.
//!
//! ## Example
//! ```eco
//! capability legal_support "Legal support structures"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     needs: legal_support
//! }
//!
//! actor lawyers: association { in: mobilization provides: legal_support }
//! ```
//!
//! ## How to fix it
//! Grow a second provider: another organization that trains its own legal
//! observers, say, or a network the capability already has. If one provider is
//! what the movement has chosen, write `@allow(single-provider)` before the
//! capability, set `single-provider = "allow"` under `[lints]` in
//! `ecospec.toml`, or pass `-A single-provider` (or `-D` to make it an error).
//! ```eco
//! capability legal_support "Legal support structures"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     needs: legal_support
//! }
//!
//! actor lawyers: association { in: mobilization provides: legal_support }
//!
//! actor legal_observers: collective { in: mobilization provides: legal_support }
//! ```

use crate::code::Code;
use crate::model::{distinct, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0404"),
    name: "single-provider",
    default: Level::Note,
    summary: "a needed capability only one actor provides",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    let mut needed = vec![false; model.capabilities.len()];
    for cluster in &model.clusters {
        for (capability, _) in distinct(&cluster.needs) {
            if let Some(flag) = needed.get_mut(capability) {
                *flag = true;
            }
        }
    }
    for (index, capability) in model.capabilities.iter().enumerate() {
        let providers = facts.providers.get(index).map_or(&[][..], Vec::as_slice);
        let [provider] = providers else { continue };
        if !needed.get(index).copied().unwrap_or(false) {
            continue;
        }
        let Some(actor) = model.actors.get(*provider) else {
            continue;
        };
        let (cap, who) = (&*capability.common.name, &*actor.common.name);
        out.push(
            Finding::new(
                &LINT,
                &[cap],
                capability.common.name_loc,
                format!("capability `{cap}` is needed, but only `{who}` provides it"),
            )
            .primary_label("one provider")
            .label(actor.common.name_loc, "the only provider")
            .help(format!(
                "if `{who}` cannot deliver, no one can: have a second actor provide `{cap}`"
            )),
        );
    }
}

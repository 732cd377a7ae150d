//! # W0417 `intervention-without-effect`
//!
//! ## What it finds
//! An intervention whose application removes no finding of any other lint
//! (W0416 and W0417 excepted) that the ecosystem without it (the baseline)
//! has, whatever that lint's level: an allowed lint still measures the
//! configuration, so a second bridge that removes a `critical-bridge` finding
//! is an effect. Findings are matched by lint and names, never by position. It
//! is reported at the intervention's name; default level `warn`.
//!
//! Closing a finding by opening its stronger form is no effect (the gap
//! ladder, as for W0416): retiring a cluster's only provider closes
//! `single-provider` and opens `uncovered-capability`; removing a bridge's
//! other cluster closes `critical-bridge` (read on the clusters it joined
//! before) and opens `unbridged-cluster`.
//!
//! ## Why it matters
//! Success means "the entire movement configuration reaches a better state by
//! the end of it". An intervention that closes no gap may still be worth doing,
//! but the spec does not show what it improves, in the spec or in the plan.
//!
//! ## Example
//! New legal observers join, yet the lawyers stay the only providers:
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster mobilization { bets_on: outrageous_moment needs: legal_support }
//! actor lawyers: association { in: mobilization provides: legal_support }
//! on outrageous_moment { activate: mobilization }
//! intervention observer_trainings "Legal observer trainings" {
//!     actor observers: collective { in: mobilization }
//! }
//! ```
//!
//! ## How to fix it
//! Write down the change the intervention makes: here the observers provide
//! legal support, which closes `single-provider`. If its effect lies outside
//! what the lints measure, say so in `pathway` and write
//! `@allow(intervention-without-effect)` before it, set
//! `intervention-without-effect = "allow"` under `[lints]` in `ecospec.toml`,
//! or pass `-A intervention-without-effect`.
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster mobilization { bets_on: outrageous_moment needs: legal_support }
//! actor lawyers: association { in: mobilization provides: legal_support }
//! on outrageous_moment { activate: mobilization }
//! intervention observer_trainings "Legal observer trainings" {
//!     actor observers: collective { in: mobilization provides: legal_support }
//! }
//! ```

use crate::code::Code;
use crate::diagnostic::Loc;


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0417"),
    name: "intervention-without-effect",
    default: Level::Warn,
    summary: "applying the intervention removes no finding",
    // Found by comparing configurations: see `Baseline::effect`.
    check: None,
};

/// The finding of intervention `name` (at `at`) whose application closes
/// no finding.
pub fn finding(name: &str, at: Loc) -> Finding {
    Finding::new(&LINT, &[name], at, format!(
        "intervention `{name}` closes no gap of the ecosystem"
    ))
    .primary_label("applying it removes no finding")
    .help("an intervention succeeds when the whole configuration reaches a better state: make it bridge a cluster, cover a capability or answer a scenario")
}

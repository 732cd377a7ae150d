//! # W0416 `intervention-opens-gap`
//!
//! ## What it finds
//! An intervention whose application creates a finding of any other lint
//! (W0416 and W0417 excepted) that the ecosystem without it (the baseline)
//! does not have, and whose level, after `ecospec.toml`, the command line and
//! `@allow`, is `warn` or `deny`. Findings are matched by lint and the names
//! involved, never by position. One W0416 per new finding, at the
//! intervention's name; default level `warn`.
//!
//! A new finding that is the weaker form of one the same intervention closes
//! is progress, not a gap, and is not counted (the gap ladder):
//! `critical-bridge` on a bridge is weaker than `unbridged-cluster` on a
//! cluster it joins (once applied); `single-provider` on a capability, and
//! `cluster-single-provider` on a cluster and capability, are weaker than
//! `uncovered-capability` on that cluster and capability. The finding is
//! still listed in the intervention's `opens`, with what it `replaces`.
//!
//! ## Why it matters
//! An intervention succeeds only if "the entire movement configuration reaches
//! a better state by the end of it". Fixing one thing while breaking another (a
//! new cluster no bridge reaches, a network nobody serves) is the well-meant
//! move this check catches before the movement spends a year on it.
//!
//! ## Example
//! The new lawyers' association serves no cluster: it opens `orphan-actor`.
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster mobilization { bets_on: outrageous_moment needs: legal_support }
//! actor climate_network: network { in: mobilization }
//! on outrageous_moment { activate: mobilization }
//! intervention legal_network "A lawyers' association on call" {
//!     actor lawyers: association { provides: legal_support }
//! }
//! ```
//!
//! ## How to fix it
//! Complete the intervention so it does not open the finding the message
//! names; `ecospec check --apply NAME` shows the configuration with it applied.
//! If the new finding is an accepted cost, allow that lint where it arises, or
//! silence this one: `@allow(intervention-opens-gap)` before the intervention,
//! `intervention-opens-gap = "allow"` under `[lints]` in `ecospec.toml`, or
//! `-A intervention-opens-gap`.
//! ```eco
//! capability legal_support "Legal support structures"
//! scenario outrageous_moment "Millions take to the streets unexpectedly"
//! cluster mobilization { bets_on: outrageous_moment needs: legal_support }
//! actor climate_network: network { in: mobilization }
//! on outrageous_moment { activate: mobilization }
//! intervention legal_network "A lawyers' association on call" {
//!     actor lawyers: association { serves: mobilization provides: legal_support }
//! }
//! ```

use crate::code::Code;
use crate::diagnostic::Loc;


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0416"),
    name: "intervention-opens-gap",
    default: Level::Warn,
    summary: "applying the intervention creates a new finding",
    // Found by comparing configurations: see `Baseline::effect`.
    check: None,
};

/// The finding of intervention `name` (at `at`) whose application creates
/// `opened`.
pub fn finding(name: &str, at: Loc, opened: &Finding) -> Finding {
    Finding::new(&LINT, &[name], at, format!(
        "intervention `{name}` opens a gap: {}",
        opened.message
    ))
    .primary_label(format!("applying `{name}` creates a new {} finding", opened.lint.name))
    .label(opened.primary, format!("{} `{}` appears here", opened.lint.code, opened.lint.name))
    .help("an intervention should leave the whole configuration in a better state: change it so it does not create this gap")
}

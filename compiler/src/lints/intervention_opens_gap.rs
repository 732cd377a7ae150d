//! # W0416 `intervention-opens-gap`
//!
//! ## What it finds
//! An intervention whose application creates a finding of W0401–W0415 or W0418
//! that the ecosystem without it (the baseline) does not have, and whose level,
//! after `ecospec.toml`, the command line and `@allow`, is `warn` or `deny`.
//! Findings are matched by lint and the names involved, never by position. One
//! W0416 per new finding, at the intervention's name; default level `warn`.
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

// Computed by comparing configurations: see `crate::interventions`.

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

//! # W0411 `unprovided-bridge-capability`
//!
//! ## What it finds
//! A capability in a bridge's `via` that no actor serving any of the bridge's
//! clusters provides (serving: a member, `in`, or an actor that `serves` the
//! cluster; it need not be listed in `through`). One finding per (bridge,
//! capability), at the entry in `via`; default level `warn`.
//!
//! ## Why it matters
//! Bridges carry capabilities: "loose networks among communication teams,
//! among spokespeople, among digital security officers". A network among
//! communication teams exists only if the clusters it links have them: a
//! bridge `via` a capability nobody there provides carries nothing across.
//!
//! ## Example
//! ```eco
//! capability communications "Communication teams"
//!
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor youth_against_war: campaign { in: antimilitarist }
//! bridge comms between antimilitarist and mobilization { via: communications }
//! ```
//!
//! ## How to fix it
//! Have an actor serving one of the bridged clusters provide the capability,
//! or correct `via` to what the bridge really carries. If the bridge is meant
//! to build the capability (and the spec says so elsewhere), write
//! `@allow(unprovided-bridge-capability)` before the bridge, set
//! `unprovided-bridge-capability = "allow"` under `[lints]` in `ecospec.toml`,
//! or pass `-A unprovided-bridge-capability`.
//! ```eco
//! capability communications "Communication teams"
//!
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor youth_against_war: campaign {
//!     in: antimilitarist
//!     provides: communications
//! }
//! bridge comms between antimilitarist and mobilization { via: communications }
//! ```

//! # W0412 `bridge-through-outsider`
//!
//! ## What it finds
//! An actor in a bridge's `through` that serves none of the clusters the
//! bridge joins: none of them is in its `in` or its `serves`. One finding per
//! (bridge, actor), at the entry in `through`; default level `warn`.
//!
//! ## Why it matters
//! The coordination capability "maintains the relations between the different
//! elements (especially between different clusters), the flow of information,
//! and trust building". A bridge is carried by actors who belong to, or work
//! for, the clusters it links: trust flows through people who are there. An
//! actor with no tie to either side cannot carry that trust, however good its
//! intentions.
//!
//! ## Example
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor press_office: media "Independent press office"
//!
//! bridge comms_teams between antimilitarist and mobilization {
//!     through: press_office
//! }
//! ```
//!
//! ## How to fix it
//! Record the actor's real tie to the clusters: `in:` one of them, or
//! `serves:` those it works for; otherwise carry the bridge through actors who
//! are tied to them. If the outsider is deliberate (a neutral host for a
//! joint conference, say), write `@allow(bridge-through-outsider)` before the
//! bridge, set `bridge-through-outsider = "allow"` under `[lints]` in
//! `ecospec.toml`, or pass `-A bridge-through-outsider`.
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster mobilization "Seize the outrageous moments"
//! actor press_office: media "Independent press office" {
//!     serves: antimilitarist, mobilization
//! }
//!
//! bridge comms_teams between antimilitarist and mobilization {
//!     through: press_office
//! }
//! ```

use rustc_hash::FxHashSet;

use crate::code::Code;
use crate::model::{distinct, Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0412"),
    name: "bridge-through-outsider",
    default: Level::Warn,
    summary: "a bridge runs through an actor that serves none of its clusters",
    check: Some(check),
};

/// Past this many clusters, a bridge's are looked up in a set.
const MANY: usize = 16;

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    // (actor, cluster) for every actor in or serving a cluster, built for
    // the first bridge among many clusters: a bridge among many clusters
    // through many actors then costs their sum, not their product.
    let mut serves: Option<FxHashSet<(usize, usize)>> = None;
    for bridge in &model.bridges {
        let joins = bridge.joins();
        let many = joins.len() > MANY;
        let joined: FxHashSet<usize> = if many {
            joins.iter().copied().collect()
        } else {
            FxHashSet::default()
        };
        for (actor, entry) in distinct(&bridge.through) {
            let clusters = model
                .actors
                .get(actor)
                .map_or(0, |a| a.member_of.len() + a.serves.len());
            let serves_one = if !many {
                joins.iter().any(|c| {
                    facts
                        .serving
                        .get(*c)
                        .is_some_and(|actors| actors.contains(&actor))
                })
            } else if clusters < joins.len() {
                // The actor's clusters, the shorter list.
                model.actors.get(actor).is_some_and(|a| {
                    let both = a.member_of.iter().chain(&a.serves);
                    both.filter_map(|r| r.index).any(|c| joined.contains(&c))
                })
            } else {
                let serves = serves.get_or_insert_with(|| {
                    let pairs = facts
                        .serving
                        .iter()
                        .enumerate()
                        .flat_map(|(cluster, actors)| {
                            actors.iter().map(move |actor| (*actor, cluster))
                        });
                    pairs.collect()
                });
                joins.iter().any(|c| serves.contains(&(actor, *c)))
            };
            if serves_one {
                continue;
            }
            let (b, a) = (&*bridge.common.name, model.actor_name(actor));
            out.push(
                Finding::new(&LINT, &[b, a], entry.loc, format!("bridge `{b}` runs through `{a}`, which serves none of its clusters"))
                    .primary_label("an outsider to the bridged clusters")
                    .help(format!("have `{a}` serve one of the bridge's clusters (`in:` or `serves:`), or carry the bridge through an actor that does")),
            );
        }
    }
}

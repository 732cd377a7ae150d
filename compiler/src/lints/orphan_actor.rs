//! # W0405 `orphan-actor`
//!
//! ## What it finds
//! An actor that serves no cluster: its `in` and `serves` are both empty. It is
//! reported at the actor's name; default level `warn`. A list holding a name
//! that matches no declaration (E0201) is not empty, so a typo gives only the
//! error.
//!
//! ## Why it matters
//! The ecosystem is described by how actors take part in it: as members of a
//! tightly knit cluster, or serving clusters from outside, as a lawyers'
//! association does for "a wide range of organizations". An actor attached to
//! no cluster contributes to no grand strategy and is reached by no bridge, so
//! whatever it provides counts nowhere.
//!
//! ## Example
//! ```eco
//! cluster mobilization "Seize the outrageous moments"
//!
//! actor trainers: collective "Civil disobedience trainers"
//! ```
//!
//! ## How to fix it
//! Say where the actor takes part: `in:` the cluster it belongs to, or
//! `serves:` the clusters it supports without being a member. If the actor is
//! listed on purpose before it has found its place, write
//! `@allow(orphan-actor)` before it, set `orphan-actor = "allow"` under
//! `[lints]` in `ecospec.toml`, or pass `-A orphan-actor`.
//! ```eco
//! cluster mobilization "Seize the outrageous moments"
//!
//! actor trainers: collective "Civil disobedience trainers" {
//!     serves: mobilization
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0405"),
    name: "orphan-actor",
    default: Level::Warn,
    summary: "an actor that serves no cluster",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    for actor in &model.actors {
        if !actor.member_of.is_empty() || !actor.serves.is_empty() {
            continue;
        }
        let name = &*actor.common.name;
        out.push(
            Finding::new(&LINT, &[name], actor.common.name_loc, format!("actor `{name}` serves no cluster"))
                .primary_label("in no cluster and serving none")
                .help(format!("add `in: CLUSTER` if `{name}` belongs to a cluster, or `serves: CLUSTER` if it supports one from outside")),
        );
    }
}

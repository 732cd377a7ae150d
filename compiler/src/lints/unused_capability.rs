//! # W0410 `unused-capability`
//!
//! ## What it finds
//! A capability that no `needs`, `provides` or `via` names, neither in the
//! ecosystem nor in any of its interventions. It is reported at the
//! capability's name in its declaration; default level `warn`.
//!
//! ## Why it matters
//! "We would need to have capabilities identified per cluster, and check for
//! articulations among them." A capability that no cluster needs, no actor
//! provides and no bridge carries is articulated with nothing: it is a word on
//! the map, not a capability of the movement. Often it is a sign that the
//! spec forgot to say who builds it, or who counts on it.
//!
//! ## Example
//! ```eco
//! capability digital_security "Digital security officers"
//!
//! cluster mobilization "Seize the outrageous moments"
//!
//! actor tech_collective: collective "Tech collective" {
//!     in: mobilization
//! }
//! ```
//!
//! ## How to fix it
//! Say who needs the capability, who provides it, or which bridge carries it;
//! or delete it if the movement has no use for it. If it is declared ahead of
//! time on purpose (in a shared file other ecosystems use, say), write
//! `@allow(unused-capability)` before it, set `unused-capability = "allow"`
//! under `[lints]` in `ecospec.toml`, or pass `-A unused-capability`.
//! ```eco
//! capability digital_security "Digital security officers"
//!
//! cluster mobilization "Seize the outrageous moments" {
//!     needs: digital_security
//! }
//!
//! actor tech_collective: collective "Tech collective" {
//!     in: mobilization
//!     provides: digital_security
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0410"),
    name: "unused-capability",
    default: Level::Warn,
    summary: "a capability nobody needs, provides or bridges with",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let mut used = model.named_by_interventions.clone();
    used.resize(model.capabilities.len(), false);
    let lists = model
        .clusters
        .iter()
        .flat_map(|c| c.needs.iter())
        .chain(model.actors.iter().flat_map(|a| a.provides.iter()))
        .chain(model.bridges.iter().flat_map(|b| b.via.iter()));
    for index in lists.filter_map(|r| r.index) {
        if let Some(flag) = used.get_mut(index) {
            *flag = true;
        }
    }
    for (index, capability) in model.capabilities.iter().enumerate() {
        if used.get(index).copied().unwrap_or(true) {
            continue;
        }
        let name = &*capability.common.name;
        out.push(
            Finding::new(&LINT, &[name], capability.common.name_loc, format!("capability `{name}` is declared but nobody needs, provides or bridges with it"))
                .primary_label("never named in `needs`, `provides` or `via`")
                .help(format!("name it where it serves (`needs: {name}` in a cluster, `provides: {name}` in an actor), or remove it")),
        );
    }
}

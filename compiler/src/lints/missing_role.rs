//! # W0419 `missing-role`
//!
//! ## What it finds
//! One of the four roles of social activism that no actor takes, in an
//! ecosystem that writes `roles` at all (in the baseline or in any
//! intervention): `citizen`, `rebel`, `reformer`, `change_agent`, the roles
//! of Bill Moyer's Movement Action Plan. One finding per missing role, at the
//! first `roles` field written in the ecosystem, in source order; default
//! level `note`. An ecosystem that never writes `roles` gets none.
//!
//! ## Why it matters
//! Moyer found that movements win when all four roles are played: citizens
//! who keep the movement rooted in values most people share, rebels who
//! protest and put the problem on the public agenda, reformers who turn it
//! into laws and policies, and change agents who organize people and build
//! the alternatives. A movement without rebels is not heard; one without
//! reformers wins the argument and changes no law. A role nobody takes is a
//! gap in the movement's strategy, not a failure of the actors it has.
//!
//! ## Example
//! Nobody here organizes the neighbourhoods or brings the demands into the
//! institutions:
//! ```eco
//! cluster climate_justice { approach: mass_protest }
//!
//! actor ende_gelaende: campaign "Ende Gelände" {
//!     in: climate_justice
//!     roles: rebel
//! }
//!
//! actor parents_for_future: network {
//!     in: climate_justice
//!     roles: citizen
//! }
//! ```
//!
//! ## How to fix it
//! Find or build the actors who play the missing roles, and write them in
//! `roles`; an actor may take several. If the movement leaves a role to
//! others on purpose, write `@allow(missing-role)` before the declaration
//! where `roles` is first written, set `missing-role = "allow"` under
//! `[lints]` in `ecospec.toml`, or pass `-A missing-role`.
//! ```eco
//! cluster climate_justice { approach: mass_protest }
//!
//! actor ende_gelaende: campaign "Ende Gelände" {
//!     in: climate_justice
//!     roles: rebel
//! }
//!
//! actor parents_for_future: network {
//!     in: climate_justice
//!     roles: citizen, change_agent
//! }
//!
//! actor climate_lawyers: legal_group {
//!     serves: climate_justice
//!     roles: reformer
//! }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};
use crate::resolve::schema::ROLES;

use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0419"),
    name: "missing-role",
    default: Level::Note,
    summary: "a role of social activism that no actor takes",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let Some(at) = model.roles_at else { return };
    let taken = model.actors.iter().flat_map(|actor| &actor.roles);
    for role in missing(ROLES, taken) {
        out.push(
            Finding::new(&LINT, &[role], at, format!("no actor takes the role `{role}`"))
                .primary_label(format!("the ecosystem names roles, and none is `{role}`"))
                .help(format!("a movement needs all four roles: add `{role}` to the `roles` of the actors who play it, or bring in one who does")),
        );
    }
}

/// The values of `all` that `taken` never holds, in the order of `all`
/// (W0419 for roles, W0420 for approaches).
pub(super) fn missing<'t>(
    all: &'static [&'static str],
    taken: impl Iterator<Item = &'t Box<str>>,
) -> impl Iterator<Item = &'static str> {
    let mut seen = vec![false; all.len()];
    for value in taken {
        if let Some(flag) = all
            .iter()
            .position(|v| **v == **value)
            .and_then(|i| seen.get_mut(i))
        {
            *flag = true;
        }
    }
    all.iter()
        .zip(seen)
        .filter(|(_, seen)| !seen)
        .map(|(value, _)| *value)
}

//! # W0420 `missing-approach`
//!
//! ## What it finds
//! One of the five approaches of the movement-ecology framework that no
//! cluster follows, in an ecosystem that writes `approach` at all (in the
//! baseline or in any intervention): `personal_transformation`,
//! `alternatives`, `inside_game`, `structure_organizing`, `mass_protest`. One
//! finding per missing approach, at the first `approach` field written in the
//! ecosystem, in source order; default level `allow`: it is a measure, not a
//! fault. An intervention that adds a missing approach closes it, and that
//! counts as an effect (W0417).
//!
//! ## Why it matters
//! Movement ecology sees each approach as one theory of change: changing
//! ourselves, building the alternatives, working the institutions from
//! inside, organizing people into lasting structures, and mass protest.
//! None wins alone; they win together, each doing what the others cannot.
//! Knowing which theories of change nobody in the ecosystem follows tells
//! where the movement could grow.
//!
//! ## Example
//! Turned on with `-W missing-approach`: the movement protests and lobbies,
//! but nobody organizes or builds alternatives.
//! ```eco
//! cluster streets { approach: mass_protest }
//! cluster parliament { approach: inside_game }
//!
//! bridge spokes between streets and parliament
//!
//! actor climate_strike: campaign { in: streets }
//! actor green_lobby: organization { in: parliament }
//! ```
//!
//! ## How to fix it
//! Bring in (or grow) the clusters that follow the missing approaches and
//! write them in `approach`; a cluster may follow several. Left at `allow`,
//! the lint stays silent and still measures what interventions add.
//! ```eco
//! cluster streets { approach: mass_protest, personal_transformation }
//! cluster parliament { approach: inside_game }
//! cluster neighbourhoods { approach: structure_organizing, alternatives }
//!
//! bridge spokes among streets, parliament, neighbourhoods
//!
//! actor climate_strike: campaign { in: streets }
//! actor green_lobby: organization { in: parliament }
//! actor tenants_union: union { in: neighbourhoods }
//! ```

use crate::code::Code;
use crate::model::{Facts, Model};
use crate::resolve::schema::APPROACHES;

use super::level::Level;
use super::lint::{Finding, Lint};
use super::missing_role::missing;

pub static LINT: Lint = Lint {
    code: Code::lint("W0420"),
    name: "missing-approach",
    default: Level::Allow,
    summary: "an approach of movement ecology that no cluster follows",
    check: Some(check),
};

pub fn check(model: &Model, _facts: &Facts, out: &mut Vec<Finding>) {
    let Some(at) = model.approach_at else { return };
    let taken = model.clusters.iter().flat_map(|cluster| &cluster.approach);
    for approach in missing(APPROACHES, taken) {
        out.push(
            Finding::new(&LINT, &[approach], at, format!("no cluster follows the approach `{approach}`"))
                .primary_label(format!("the ecosystem names approaches, and none is `{approach}`"))
                .help(format!("if the movement needs this theory of change, add `{approach}` to the `approach` of a cluster that follows it, or build one")),
        );
    }
}

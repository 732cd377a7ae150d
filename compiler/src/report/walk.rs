//! Each scenario walked through, for the report: the walk of `ecospec
//! what-if --scenario S` itself (`scenario::Now::what_if`: who activates,
//! who joins in and over which bridges, each need and who provides it
//! under the scenario, what its removals open), as its Markdown and as its
//! tree of lines for the HTML page.
//!
//! A walk costs a copy of the configuration and a run of the lints under
//! the scenario, so a root walks at most [`walk_limit`] scenarios (fewer
//! the larger the ecosystem: the report stays linear in the spec's size);
//! the others are named, to be asked of `what-if` one by one.

use crate::export::Configuration;
use crate::scenario::render::{markdown, tree, Line};

use super::cells::Named;

/// Declarations walked, in all: a root walks this many divided by its
/// declarations, and at least one scenario.
const WALK_BUDGET: usize = 400_000;
/// Scenarios walked at most in one root.
const WALKS: usize = 50;
/// Scenarios not walked that the report names, at most.
const NAMED: usize = 20;

pub struct Scenarios {
    /// The scenarios walked through, in source order.
    pub walked: Vec<Walked>,
    /// The first scenarios left out of the report (past [`walk_limit`]).
    pub not_walked: Vec<Named>,
    /// How many more are left out.
    pub more: usize,
}

pub enum Walked {
    /// `what-if`'s walk: its Markdown, and its tree of lines.
    Walk { markdown: String, tree: Line },
    /// A scenario that `what-if` cannot walk (it has no `on` rule): why.
    Not { scenario: Named, why: String },
}

/// How many scenarios a root of `declarations` declarations walks.
pub fn walk_limit(declarations: usize) -> usize {
    (WALK_BUDGET / declarations.max(1)).clamp(1, WALKS)
}

/// The scenarios of `c`, walked through.
pub fn scenarios(c: &Configuration<'_>) -> Scenarios {
    let model = c.model();
    let declarations = model.capabilities.len()
        + model.scenarios.len()
        + model.clusters.len()
        + model.actors.len()
        + model.bridges.len();
    let limit = walk_limit(declarations);
    let mut walked = Vec::new();
    let mut not_walked = Vec::new();
    let mut more = 0;
    for scenario in model.scenarios.iter().filter(|s| !s.common.removed) {
        if walked.len() == limit {
            if not_walked.len() < NAMED {
                not_walked.push(Named::of(&scenario.common));
            } else {
                more += 1;
            }
            continue;
        }
        walked.push(match c.now.what_if(&scenario.common.name, &[]) {
            Ok(answer) => Walked::Walk {
                markdown: markdown(&answer, None),
                tree: tree(&answer),
            },
            Err(why) => Walked::Not {
                scenario: Named::of(&scenario.common),
                why,
            },
        });
    }
    Scenarios {
        walked,
        not_walked,
        more,
    }
}

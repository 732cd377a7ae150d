//! How the report names a declaration, and who provides a need of a
//! cluster: what the coverage table and the scenario walks both show.

use crate::model::{Common, Facts, Model};

/// A cell names at most this many providers, then "and N more".
pub const PROVIDERS_SHOWN: usize = 5;

/// A declaration as the report names it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Named {
    pub name: String,
    /// Its label, else its name.
    pub label: String,
}

impl Named {
    pub fn of(common: &Common) -> Named {
        Named {
            name: common.name.to_string(),
            label: common.label.as_deref().unwrap_or(&common.name).to_string(),
        }
    }
}

/// A capability against a cluster.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Cell {
    NotNeeded,
    /// Needed, and nobody in or serving the cluster provides it.
    Uncovered,
    /// Needed and provided: the first providers, and how many there are
    /// (one: a single provider).
    Provided {
        shown: Vec<Named>,
        count: usize,
    },
}

/// Who provides capability `cap` in cluster `k`, if the cluster needs it.
pub fn cell(model: &Model, facts: &Facts, k: usize, cap: usize) -> Cell {
    let needs = model
        .clusters
        .get(k)
        .is_some_and(|c| c.needs.iter().any(|r| r.index == Some(cap)));
    if !needs {
        return Cell::NotNeeded;
    }
    let provides = |a: &usize| {
        model
            .actors
            .get(*a)
            .is_some_and(|actor| actor.provides.iter().any(|r| r.index == Some(cap)))
    };
    let serving = facts.serving.get(k).map_or(&[][..], Vec::as_slice);
    let count = serving.iter().filter(|a| provides(a)).count();
    if count == 0 {
        return Cell::Uncovered;
    }
    Cell::Provided {
        shown: serving
            .iter()
            .filter(|a| provides(a))
            .take(PROVIDERS_SHOWN)
            .filter_map(|a| model.actors.get(*a))
            .map(|a| Named::of(&a.common))
            .collect(),
        count,
    }
}

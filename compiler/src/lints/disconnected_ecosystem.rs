//! # W0402 `disconnected-ecosystem`
//!
//! ## What it finds
//! A cluster graph (clusters joined by bridges; an actor serving two clusters
//! does not join them) that falls apart into two or more groups of at least two
//! clusters each: bridged islands that no bridge links together. Single
//! unbridged clusters are left to `unbridged-cluster` (W0401). It is reported
//! once, at the name of the first cluster (in source order) of the second such
//! group, groups taken in the order of their first clusters; default
//! level `warn`.
//!
//! ## Why it matters
//! In movement-as-party, the functions of the party are "fulfilled at the
//! movement level". Two well-knit halves that never talk are two movements:
//! when reality proves one right, the other has no channel through which to
//! "come on board immediately", and no capability crosses between them.
//!
//! ## Example
//! Each half is bridged inside, but nothing links the halves (W0402 at
//! `mobilization`):
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster youth_organizing "Organizing the youth"
//! cluster mobilization "Seize the outrageous moments"
//! cluster care_network "Community care and trust building"
//! bridge antiwar_alliance between antimilitarist and youth_organizing
//! bridge street_support between mobilization and care_network
//! ```
//!
//! ## How to fix it
//! Add a bridge between any cluster of one group and any of the other, or
//! an `among` bridge spanning both (spokespeople, communication teams, digital
//! security officers meeting across the board). If the split is intended, write
//! `@allow(disconnected-ecosystem)` before the cluster it points at, set
//! `disconnected-ecosystem = "allow"` under `[lints]` in `ecospec.toml`, or pass
//! `-A disconnected-ecosystem`.
//! ```eco
//! cluster antimilitarist "Against militarization, armament and wars"
//! cluster youth_organizing "Organizing the youth"
//! cluster mobilization "Seize the outrageous moments"
//! cluster care_network "Community care and trust building"
//! bridge antiwar_alliance between antimilitarist and youth_organizing
//! bridge street_support between mobilization and care_network
//! bridge spokes among antimilitarist, mobilization, care_network
//! ```

use rustc_hash::FxHashMap;

use crate::code::Code;
use crate::model::{Facts, Model, Seen};


use super::level::Level;
use super::lint::{Finding, Lint};

pub static LINT: Lint = Lint {
    code: Code::lint("W0402"),
    name: "disconnected-ecosystem",
    default: Level::Warn,
    summary: "the clusters form two or more separate groups",
    check: Some(check),
};

pub fn check(model: &Model, facts: &Facts, out: &mut Vec<Finding>) {
    // Components of two or more clusters, by their first cluster in source order.
    let mut firsts: Vec<(usize, usize)> = Vec::new(); // (component, first cluster)
    let mut sizes: FxHashMap<usize, usize> = FxHashMap::default();
    for component in &facts.component {
        *sizes.entry(*component).or_default() += 1;
    }
    let mut seen = Seen::default();
    for (index, component) in facts.component.iter().enumerate() {
        if sizes.get(component).copied().unwrap_or(0) >= 2 && seen.insert(*component) {
            firsts.push((*component, index));
        }
    }
    let (Some((_, first)), Some((_, second))) = (firsts.first(), firsts.get(1)) else {
        return;
    };
    let (Some(first), Some(second)) = (model.clusters.get(*first), model.clusters.get(*second))
    else {
        return;
    };
    if second.common.broken {
        return;
    }
    out.push(
        Finding::new(
            &LINT,
            &[],
            second.common.name_loc,
            format!(
                "the ecosystem falls apart into {} groups of clusters with no bridge between them",
                firsts.len()
            ),
        )
        .primary_label(format!(
            "the group of `{}` is not bridged to the group of `{}`",
            second.common.name, first.common.name
        ))
        .label(first.common.name_loc, "the first group starts here")
        .help(format!(
            "bridge the groups, for example `bridge {}_{} between {} and {}`",
            first.common.name, second.common.name, first.common.name, second.common.name
        )),
    );
}

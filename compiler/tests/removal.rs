//! Removal as a model operation (`ecospec::removal`, section 9.2 and
//! 9.6): what each kind of removal takes out, and an intervention's
//! `removes` applied in place and undone leaves the baseline exactly as it
//! was.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod in_memory;

use ecospec::apply::apply_in_place;
use ecospec::model::{Model, Ref};
use ecospec::removal::without;
use ecospec::resolve::Resolved;

const SPEC: &str = r#"
capability legal
capability media
scenario crackdown { removes: hub, lawyers, direct_line, legal }
cluster streets { bets_on: crackdown needs: legal, media }
cluster hub { bets_on: crackdown }
cluster courts { bets_on: crackdown needs: legal }
bridge spokes among streets, hub, courts { through: lawyers, press }
bridge hub_line between hub and courts
bridge direct_line between streets and courts
actor lawyers { in: streets serves: courts provides: legal }
actor press { in: streets serves: hub provides: media, legal }
actor hub_staff { in: hub }
on crackdown { activate: streets, hub support: courts }
intervention retire {
    removes: press, hub_line, courts, media
}
intervention grow {
    actor guild { serves: courts provides: legal }
    extend actor lawyers { serves: hub }
    removes: direct_line
}
"#;

fn resolved() -> Resolved {
    in_memory::resolved_without_errors(SPEC)
}

fn names(model: &Model, refs: &[Ref], kind: fn(&Model, usize) -> &str) -> Vec<String> {
    refs.iter()
        .filter_map(|r| r.index)
        .map(|i| kind(model, i).to_string())
        .collect()
}

fn cluster(model: &Model, i: usize) -> &str {
    model.cluster_name(i)
}

fn actor(model: &Model, i: usize) -> &str {
    model.actor_name(i)
}

fn capability(model: &Model, i: usize) -> &str {
    model.capability_name(i)
}

#[test]
fn a_scenario_takes_out_what_it_removes() {
    let resolved = resolved();
    let baseline = &resolved.baseline;
    let under = without(baseline, &baseline.scenarios[0].removes);
    let find_cluster = |name: &str| {
        under
            .clusters
            .iter()
            .find(|c| &*c.common.name == name)
            .unwrap()
    };
    let find_actor = |name: &str| {
        under
            .actors
            .iter()
            .find(|a| &*a.common.name == name)
            .unwrap()
    };
    let find_bridge = |name: &str| {
        under
            .bridges
            .iter()
            .find(|b| &*b.common.name == name)
            .unwrap()
    };
    // A removed cluster is out, with its own lists.
    let hub = find_cluster("hub");
    assert!(hub.common.removed && hub.bets_on.is_empty());
    // A removed actor is out: it serves and provides nothing.
    let lawyers = find_actor("lawyers");
    assert!(lawyers.common.removed && lawyers.member_of.is_empty() && lawyers.provides.is_empty());
    // Another actor leaves the removed cluster and no longer provides the
    // removed capability.
    let press = find_actor("press");
    assert!(!press.common.removed);
    assert!(names(&under, &press.serves, cluster).is_empty());
    assert_eq!(names(&under, &press.provides, capability), ["media"]);
    // A bridge among three keeps its two other clusters and loses the
    // removed actor from `through`.
    let spokes = find_bridge("spokes");
    assert!(!spokes.common.removed);
    assert_eq!(names(&under, &spokes.ends, cluster), ["streets", "courts"]);
    assert_eq!(names(&under, &spokes.through, actor), ["press"]);
    // A bridge left with one cluster joins nothing and is out; a removed
    // bridge joins nothing.
    let hub_line = find_bridge("hub_line");
    assert!(hub_line.common.removed && hub_line.joins().is_empty());
    let direct = find_bridge("direct_line");
    assert!(direct.common.removed && direct.joins().is_empty());
    // The rule loses the removed cluster; needs of a removed capability stay.
    assert_eq!(
        names(&under, &under.rules[0].activate, cluster),
        ["streets"]
    );
    assert_eq!(
        names(&under, &find_cluster("courts").needs, capability),
        ["legal"]
    );
    // The baseline itself is untouched.
    assert!(baseline.clusters.iter().all(|c| !c.common.removed));
}

#[test]
fn an_intervention_with_removes_is_undone_exactly() {
    let mut resolved = resolved();
    let before = format!("{:?}", resolved.baseline);
    let deltas = std::mem::take(&mut resolved.deltas);
    assert_eq!(deltas.len(), 2);
    for delta in &deltas {
        assert!(!delta.removes.is_empty());
        let undo = apply_in_place(&mut resolved.baseline, delta);
        assert_ne!(format!("{:?}", resolved.baseline), before);
        undo.restore(&mut resolved.baseline);
        assert_eq!(format!("{:?}", resolved.baseline), before);
    }
}

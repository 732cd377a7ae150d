//! The configuration under a scenario (`ecospec::scenario`): who activates,
//! who joins in over which bridges (the shortest path, ties broken by
//! name), and who provides each need once the scenario's `removes` and
//! further removals are taken out.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod in_memory;

use ecospec::model::{Facts, Model, Removal};
use ecospec::scenario::{Configuration, Walk, Who};

const SPEC: &str = r#"
capability legal
capability media
scenario ban { removes: zed_line, lawyers }
cluster streets { bets_on: ban needs: legal, media }
cluster left
cluster right
cluster far
cluster courts { needs: legal }
cluster island
// Two paths of two bridges from `far` to `streets`: over `left` or `right`;
// `a_line` is the smaller name, so the walk goes through `left`.
bridge a_line between far and left { through: runner }
bridge b_line between far and right
bridge left_line between left and streets
bridge right_line between right and streets
// The shortest path from `courts`, taken away by the ban.
bridge zed_line between courts and streets
bridge long_way among courts, island, far
actor lawyers { in: streets serves: courts provides: legal }
actor guild { serves: streets provides: legal }
actor press { in: streets provides: media }
actor runner { in: left serves: far }
actor loner
on ban { activate: streets support: far, courts, runner, loner }
"#;

fn model() -> Model {
    in_memory::resolved_without_errors(SPEC).baseline
}

fn names(model: &Model, walk: &Walk<'_>, who: Who) -> String {
    let supporter = walk.supporters.iter().find(|s| s.who == who).unwrap();
    let route = &supporter.routes[0];
    match &route.path {
        None => "no path".to_string(),
        Some((from, steps)) => {
            let mut out = model.cluster_name(*from).to_string();
            for step in steps {
                out.push_str(&format!(
                    " -{}-> {}",
                    model.bridges[step.bridge].common.name,
                    model.cluster_name(step.to)
                ));
            }
            out
        }
    }
}

#[test]
fn the_walk_takes_the_shortest_path_smallest_by_name() {
    let model = model();
    let facts = Facts::new(&model);
    let config = Configuration::new(&model, &facts, 0, &[]);
    let walk = Walk::new(config);
    let cluster = |name: &str| {
        model
            .clusters
            .iter()
            .position(|c| &*c.common.name == name)
            .unwrap()
    };
    let actor = |name: &str| {
        model
            .actors
            .iter()
            .position(|c| &*c.common.name == name)
            .unwrap()
    };
    assert_eq!(walk.activated, [cluster("streets")]);
    assert_eq!(
        names(&model, &walk, Who::Cluster(cluster("far"))),
        "far -a_line-> left -left_line-> streets"
    );
    // `zed_line` is gone: the long way round, over `far`.
    assert_eq!(
        names(&model, &walk, Who::Cluster(cluster("courts"))),
        "courts -long_way-> far -a_line-> left -left_line-> streets"
    );
    // An actor starts from the cluster of its nearest path.
    assert_eq!(
        names(&model, &walk, Who::Actor(actor("runner"))),
        "left -left_line-> streets"
    );
    assert_eq!(names(&model, &walk, Who::Actor(actor("loner"))), "no path");
    // `lawyers` is taken away: `guild` still provides legal in `streets`,
    // nobody in `courts`.
    let model = &model;
    let needs: Vec<String> = walk
        .needs
        .iter()
        .flat_map(|n| {
            n.needs.iter().map(move |need| {
                let providers: Vec<&str> = need
                    .providers
                    .iter()
                    .map(|a| model.actor_name(*a))
                    .collect();
                format!(
                    "{} {} [{}]{}",
                    model.cluster_name(n.cluster),
                    model.capability_name(need.capability),
                    providers.join(","),
                    if need.taken { " taken" } else { "" }
                )
            })
        })
        .collect();
    assert_eq!(
        needs,
        [
            "streets legal [guild]",
            "streets media [press]",
            "courts legal [] taken"
        ]
    );
}

#[test]
fn a_further_removal_counts_like_an_entry_of_removes() {
    let model = model();
    let facts = Facts::new(&model);
    let symbol = model.names.get("a_line").unwrap().symbol;
    let extra = Removal {
        symbol: Some(symbol),
        name: "a_line".into(),
        loc: model.bridges[symbol.index].common.name_loc,
    };
    let walk = Walk::new(Configuration::new(&model, &facts, 0, &[extra]));
    let far = model
        .clusters
        .iter()
        .position(|c| &*c.common.name == "far")
        .unwrap();
    assert_eq!(
        names(&model, &walk, Who::Cluster(far)),
        "far -b_line-> right -right_line-> streets"
    );
    // Nothing of the rule itself is taken.
    assert!(walk.taken_from_rule.is_empty());
}

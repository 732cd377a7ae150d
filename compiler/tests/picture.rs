//! The picture `ecospec graph` draws (`ecospec::picture`), as data: what
//! each view holds and how the findings, an intervention and a scenario
//! mark it. The drawings of each format are pinned by the goldens of
//! `cli/tests/graph.rs`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod in_memory;

use ecospec::picture::{picture, EdgeKind, LegendKey, Node, Picture, Request, View};
use ecospec::resolve::Resolved;

const SPEC: &str = r#"
ecosystem "Town" { task: "Keep the town" }
capability legal "Legal support"
capability media
scenario ban { removes: lawyers, main_line }
cluster streets "Street movement" { bets_on: ban needs: legal, media }
cluster courts { bets_on: ban needs: legal }
cluster press_room { bets_on: ban }
cluster island { bets_on: ban }
bridge main_line between streets and courts { via: legal }
bridge net among streets, courts, press_room { via: media }
actor lawyers { in: streets serves: courts provides: legal }
actor press { in: press_room serves: streets provides: media }
actor both { in: courts, press_room }
on ban { activate: streets support: courts, press }
intervention second_line {
    bridge island_line between island and courts
}
"#;

fn resolved() -> Resolved {
    resolved_from(SPEC)
}

fn resolved_from(spec: &str) -> Resolved {
    in_memory::resolved_without_errors(spec)
}

fn draw(view: View, apply: Option<&str>, scenario: Option<&str>) -> Picture {
    let request = Request {
        view,
        apply,
        scenario,
        title: "main.eco",
    };
    picture(&resolved(), &request).unwrap()
}

fn node<'a>(picture: &'a Picture, id: &str) -> &'a Node {
    picture
        .nodes
        .iter()
        .find(|n| n.id == id)
        .unwrap_or_else(|| panic!("no {id}"))
}

fn edges_between(picture: &Picture, a: &str, b: &str) -> Vec<ecospec::picture::Edge> {
    let index = |id: &str| picture.nodes.iter().position(|n| n.id == id).unwrap();
    let (a, b) = (index(a), index(b));
    picture
        .edges
        .iter()
        .filter(|e| (e.from, e.to) == (a, b) || (e.from, e.to) == (b, a))
        .cloned()
        .collect()
}

#[test]
fn the_clusters_view_draws_between_bridges_as_edges_and_among_bridges_as_nodes() {
    let p = draw(View::Clusters, None, None);
    assert_eq!(p.title, "Town (clusters view)");
    let ids: Vec<&str> = p.nodes.iter().map(|n| n.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "cluster:streets",
            "cluster:courts",
            "cluster:press_room",
            "cluster:island",
            "bridge:net"
        ]
    );
    let main = edges_between(&p, "cluster:streets", "cluster:courts");
    assert_eq!(main.len(), 1);
    assert_eq!(main[0].kind, EdgeKind::Bridge);
    assert_eq!(main[0].label.as_deref(), Some("main_line: legal"));
    // The among bridge: one node, a leg to each of its three clusters.
    let legs = p
        .edges
        .iter()
        .filter(|e| e.kind == EdgeKind::AmongLeg)
        .count();
    assert_eq!(legs, 3);
    assert_eq!(node(&p, "bridge:net").details, ["via media"]);
    assert_eq!(node(&p, "cluster:streets").label, "Street movement");
    assert_eq!(node(&p, "cluster:streets").details[0], "bets on ban");
}

#[test]
fn findings_are_drawn_unbridged_red_critical_thick_single_marked() {
    let p = draw(View::Clusters, None, None);
    // island is in no bridge (W0401).
    assert!(node(&p, "cluster:island").marks.gap);
    assert!(!node(&p, "cluster:courts").marks.gap);
    // net alone holds press_room to the others (W0418, allow by default:
    // drawn all the same).
    assert!(node(&p, "bridge:net").marks.critical);
    assert!(
        !edges_between(&p, "cluster:streets", "cluster:courts")[0]
            .marks
            .critical
    );
    // legal and media have one provider each (W0404, W0423).
    assert!(node(&p, "cluster:streets").marks.single);
    let keys: Vec<LegendKey> = p.legend.iter().map(|l| l.key).collect();
    assert_eq!(
        keys,
        [LegendKey::Gap, LegendKey::Critical, LegendKey::Single]
    );
}

#[test]
fn the_actors_view_boxes_members_and_dashes_serving() {
    let p = draw(View::Actors, None, None);
    assert_eq!(p.groups.len(), 4);
    let members = |cluster: usize| -> Vec<&str> {
        p.groups[cluster]
            .members
            .iter()
            .map(|m| p.nodes[*m].name.as_str())
            .collect()
    };
    assert_eq!(members(0), ["lawyers"]);
    // `both` stands in its first cluster's box, joined to its second.
    assert_eq!(members(1), ["both"]);
    assert_eq!(members(2), ["press"]);
    let serves = edges_between(&p, "actor:lawyers", "cluster:courts");
    assert_eq!(serves[0].kind, EdgeKind::Serves);
    assert_eq!(
        edges_between(&p, "actor:both", "cluster:press_room")[0].kind,
        EdgeKind::Member
    );
    assert!(node(&p, "actor:lawyers").marks.single);
    assert!(node(&p, "actor:lawyers")
        .details
        .contains(&"only provider of legal".to_string()));
}

#[test]
fn the_capabilities_view_draws_each_need_with_who_provides_it() {
    let p = draw(View::Capabilities, None, None);
    let need = edges_between(&p, "cluster:courts", "capability:legal");
    assert_eq!(need[0].kind, EdgeKind::Need);
    assert_eq!(need[0].label.as_deref(), Some("lawyers"));
    assert!(!need[0].marks.gap);
    assert!(node(&p, "capability:legal").marks.single);
    assert_eq!(
        node(&p, "capability:legal").details,
        ["provided by lawyers"]
    );
}

#[test]
fn under_a_scenario_the_response_is_highlighted_and_the_losses_greyed() {
    let p = draw(View::Actors, None, Some("ban"));
    assert!(p.title.ends_with("under scenario `ban`"), "{}", p.title);
    assert!(node(&p, "cluster:streets").marks.activated);
    assert!(node(&p, "cluster:courts").marks.supporter);
    assert!(node(&p, "actor:press").marks.supporter);
    // What the ban removes stays drawn, greyed.
    assert!(node(&p, "actor:lawyers").marks.removed);
    let main = edges_between(&p, "cluster:streets", "cluster:courts");
    assert!(main[0].marks.removed);
    // Under the ban nobody serving streets provides legal support (W0403).
    let c = draw(View::Capabilities, None, Some("ban"));
    let need = edges_between(&c, "cluster:streets", "capability:legal");
    assert!(need[0].marks.gap);
    assert_eq!(need[0].label.as_deref(), Some("nobody"));
    let keys: Vec<LegendKey> = p.legend.iter().map(|l| l.key).collect();
    assert!(keys.contains(&LegendKey::Removed) && keys.contains(&LegendKey::Activated));
}

#[test]
fn an_intervention_applied_is_drawn_with_what_it_adds() {
    let p = draw(View::Clusters, Some("second_line"), None);
    assert!(p.title.contains("with intervention `second_line` applied"));
    assert_eq!(
        edges_between(&p, "cluster:island", "cluster:courts").len(),
        1
    );
    assert!(!node(&p, "cluster:island").marks.gap);
}

#[test]
fn unknown_names_are_one_line_naming_what_exists() {
    let resolved = resolved();
    let request = |apply, scenario| Request {
        view: View::Clusters,
        apply,
        scenario,
        title: "t",
    };
    let error = picture(&resolved, &request(None, Some("flood"))).unwrap_err();
    assert_eq!(
        error,
        "the ecosystem declares no scenario named `flood`; its scenarios: `ban`"
    );
    let error = picture(&resolved, &request(Some("x"), None)).unwrap_err();
    assert_eq!(
        error,
        "the ecosystem declares no intervention named `x`; its interventions: `second_line`"
    );
}

#[test]
fn an_actor_alone_in_its_cluster_is_marked_though_others_provide_elsewhere() {
    let spec = "capability k\n\
                cluster a { needs: k }\n\
                cluster b { needs: k }\n\
                bridge ab between a and b\n\
                actor x { in: a provides: k }\n\
                actor y { in: b provides: k }\n\
                actor z { in: b }\n";
    let request = Request {
        view: View::Actors,
        apply: None,
        scenario: None,
        title: "t",
    };
    let p = picture(&resolved_from(spec), &request).unwrap();
    assert!(node(&p, "actor:x").marks.single);
    assert_eq!(
        node(&p, "actor:x").details.last().unwrap(),
        "only provider of k to a"
    );
    assert_eq!(
        node(&p, "actor:y").details.last().unwrap(),
        "only provider of k to b"
    );
    assert!(!node(&p, "actor:z").marks.single);
}

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashSet;
use std::path::PathBuf;

use serde_json::Value;

use crate::check::{check, Options, Outcome};
use crate::load::Input;
use crate::memfs::MemFs;

use super::{kumu, model_json};

const TWO_CLUSTERS: &str = r#"
ecosystem "All In" { task: "System change within climate deadlines" }
capability comms "Communication teams"
capability legal
scenario moment
cluster a "Cluster A" { bets_on: moment needs: comms, legal }
cluster b { bets_on: moment needs: comms }
cluster lonely { bets_on: moment }
actor x: campaign "X" { in: a provides: comms }
actor y { in: b serves: a provides: comms }
bridge ab between a and b { via: comms through: y }
on moment { activate: a support: b }
intervention meet "Meet" {
    goal: "bridge the lonely"
    bridge bl between b and lonely { via: comms }
    extend actor y { provides: legal }
}
"#;

fn checked(files: &[(&str, &str)], apply: Option<&str>) -> Outcome {
    let mut fs = MemFs::new();
    for (name, text) in files {
        fs.insert(PathBuf::from("/spec").join(name), text.as_bytes());
    }
    let options = Options {
        apply: apply.map(str::to_string),
        ..Options::default()
    };
    check(&fs, &[Input::Folder(PathBuf::from("/spec"))], &options).unwrap()
}

fn json_of(outcome: &Outcome) -> Value {
    serde_json::from_str(&model_json(outcome)).unwrap()
}

fn find<'v>(list: &'v Value, name: &str) -> &'v Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v["name"] == name)
        .unwrap_or_else(|| panic!("no {name} in {list}"))
}

#[test]
fn the_model_has_its_declarations_references_and_facts() {
    let doc = json_of(&checked(&[("all.eco", TWO_CLUSTERS)], None));
    assert_eq!(doc["version"], 1);
    assert_eq!(doc["applied"], Value::Null);
    let eco = &doc["ecosystems"][0];
    assert_eq!(eco["root"], "/spec/all.eco");
    assert_eq!(eco["name"], "All In");
    assert_eq!(eco["task"], "System change within climate deadlines");
    let a = find(&eco["clusters"], "a");
    assert_eq!(a["label"], "Cluster A");
    assert_eq!(a["members"], serde_json::json!(["x"]));
    assert_eq!(a["serving"], serde_json::json!(["x", "y"]));
    assert_eq!(
        a["needs"],
        serde_json::json!([
            {"capability": "comms", "providers": ["x", "y"]},
            {"capability": "legal", "providers": []}
        ])
    );
    assert_eq!(
        a["at"],
        serde_json::json!({"file": "/spec/all.eco", "line": 6, "column": 9})
    );
    assert_eq!(
        find(&eco["actors"], "y")["serves"],
        serde_json::json!(["a"])
    );
    assert_eq!(
        find(&eco["capabilities"], "comms")["providers"],
        serde_json::json!(["x", "y"])
    );
    let ab = find(&eco["bridges"], "ab");
    assert_eq!(ab["joins"], serde_json::json!(["a", "b"]));
    assert_eq!(ab["critical"], true);
    assert_eq!(
        eco["components"],
        serde_json::json!([["a", "b"], ["lonely"]])
    );
    assert_eq!(find(&eco["clusters"], "lonely")["component"], 1);
    assert_eq!(
        eco["rules"][0],
        serde_json::json!({"scenario": "moment", "at": {"file": "/spec/all.eco", "line": 12, "column": 1},
            "intervention": null, "activate": ["a"], "support": ["b"], "support_actors": []})
    );
    let meet = find(&eco["interventions"], "meet");
    let closes: Vec<&str> = meet["closes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert!(closes.contains(&"W0401"), "{meet}");
}

#[test]
fn findings_carry_their_identity_and_the_level_check_reported() {
    let doc = json_of(&checked(&[("all.eco", TWO_CLUSTERS)], None));
    let findings = doc["ecosystems"][0]["findings"].as_array().unwrap();
    let by = |code: &str| {
        findings
            .iter()
            .filter(|f| f["code"] == code)
            .collect::<Vec<_>>()
    };
    let unbridged = by("W0401");
    assert_eq!(unbridged.len(), 1);
    assert_eq!(unbridged[0]["subjects"], serde_json::json!(["lonely"]));
    assert_eq!(unbridged[0]["level"], "warn");
    assert_eq!(unbridged[0]["lint"], "unbridged-cluster");
    // Silent at its default level, but listed.
    let critical = by("W0418");
    assert_eq!(critical[0]["level"], "allow");
    assert_eq!(critical[0]["subjects"], serde_json::json!(["ab"]));
    let uncovered = by("W0403");
    assert_eq!(uncovered[0]["subjects"], serde_json::json!(["a", "legal"]));
    // Sorted by code.
    let codes: Vec<&str> = findings
        .iter()
        .map(|f| f["code"].as_str().unwrap())
        .collect();
    let mut sorted = codes.clone();
    sorted.sort();
    assert_eq!(codes, sorted);
}

#[test]
fn a_level_set_by_allow_is_the_level_shown() {
    let spec = TWO_CLUSTERS.replace(
        "cluster lonely",
        "@allow(unbridged-cluster)\ncluster lonely",
    );
    let doc = json_of(&checked(&[("all.eco", &spec)], None));
    let findings = doc["ecosystems"][0]["findings"].as_array().unwrap();
    let unbridged = findings.iter().find(|f| f["code"] == "W0401").unwrap();
    assert_eq!(unbridged["level"], "allow");
}

#[test]
fn the_verdict_on_an_intervention_is_a_finding_named_by_it() {
    let spec = format!("{TWO_CLUSTERS}\nintervention idle {{ goal: \"nothing\" }}\n");
    let doc = json_of(&checked(&[("all.eco", &spec)], None));
    let findings = doc["ecosystems"][0]["findings"].as_array().unwrap();
    let idle = findings.iter().find(|f| f["code"] == "W0417").unwrap();
    assert_eq!(idle["subjects"], serde_json::json!(["idle"]));
    assert_eq!(idle["level"], "warn");
}

#[test]
fn every_root_is_covered() {
    let doc = json_of(&checked(
        &[("one.eco", TWO_CLUSTERS), ("two.eco", "cluster solo\n")],
        None,
    ));
    let roots: Vec<&str> = doc["ecosystems"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["root"].as_str().unwrap())
        .collect();
    assert_eq!(roots, ["/spec/one.eco", "/spec/two.eco"]);
    assert_eq!(doc["ecosystems"][1]["name"], Value::Null);
}

#[test]
fn with_apply_the_model_is_the_intervention_applied() {
    let doc = json_of(&checked(&[("all.eco", TWO_CLUSTERS)], Some("meet")));
    assert_eq!(doc["applied"], "meet");
    let eco = &doc["ecosystems"][0];
    let bl = find(&eco["bridges"], "bl");
    assert_eq!(bl["intervention"], "meet");
    assert_eq!(
        find(&eco["actors"], "y")["provides"],
        serde_json::json!(["comms", "legal"])
    );
    assert_eq!(eco["components"], serde_json::json!([["a", "b", "lonely"]]));
    let findings = eco["findings"].as_array().unwrap();
    assert!(
        findings.iter().all(|f| f["code"] != "W0401"),
        "{findings:?}"
    );
    // `check --apply` judges no intervention.
    assert_eq!(
        find(&eco["interventions"], "meet")["closes"],
        serde_json::json!([])
    );
}

#[test]
fn with_apply_a_removed_declaration_is_marked() {
    let spec = TWO_CLUSTERS.replace("goal: \"bridge the lonely\"", "removes: x");
    let doc = json_of(&checked(&[("all.eco", &spec)], Some("meet")));
    let eco = &doc["ecosystems"][0];
    assert_eq!(find(&eco["actors"], "x")["removed"], true);
    assert_eq!(
        find(&eco["clusters"], "a")["members"],
        serde_json::json!([])
    );
}

const HOSTILE: &str = "cluster c \"Quote \\\" back\\\\slash <script>alert(1)</script> ]]> --> \u{1F30D} [x]{y}|z\" {\n    description: \"line\\nbreak\\ttab & <b>\"\n}\nactor a \"\u{270A}\" { in: c }\n";

#[test]
fn hostile_text_survives_both_exports() {
    let outcome = checked(&[("all.eco", HOSTILE)], None);
    let label = "Quote \" back\\slash <script>alert(1)</script> ]]> --> \u{1F30D} [x]{y}|z";
    let doc = json_of(&outcome);
    let c = find(&doc["ecosystems"][0]["clusters"], "c");
    assert_eq!(c["label"], label);
    assert_eq!(c["description"], "line\nbreak\ttab & <b>");
    let blueprint: Value = serde_json::from_str(&kumu(&outcome)).unwrap();
    let element = find(&blueprint["elements"], "c");
    assert_eq!(element["label"], label);
    assert_eq!(find(&blueprint["elements"], "a")["label"], "\u{270A}");
}

#[test]
fn kumu_connections_join_elements_with_unique_stable_ids() {
    let outcome = checked(&[("all.eco", TWO_CLUSTERS)], None);
    let text = kumu(&outcome);
    let blueprint: Value = serde_json::from_str(&text).unwrap();
    let elements = blueprint["elements"].as_array().unwrap();
    let connections = blueprint["connections"].as_array().unwrap();
    let element_ids: HashSet<&str> = elements.iter().map(|e| e["id"].as_str().unwrap()).collect();
    assert_eq!(element_ids.len(), elements.len(), "element ids repeat");
    let mut all_ids = element_ids.clone();
    for c in connections {
        assert!(element_ids.contains(c["from"].as_str().unwrap()), "{c}");
        assert!(element_ids.contains(c["to"].as_str().unwrap()), "{c}");
        assert!(all_ids.insert(c["id"].as_str().unwrap()), "id repeats: {c}");
    }
    assert!(element_ids.contains("cluster:a"));
    assert_eq!(find(&blueprint["elements"], "a")["type"], "Cluster");
    assert_eq!(
        find(&blueprint["elements"], "lonely")["tags"],
        serde_json::json!(["empty-cluster", "unbridged-cluster"])
    );
    // The bridge is an element joined to each of its clusters.
    let joins: Vec<&str> = connections
        .iter()
        .filter(|c| c["from"] == "bridge:ab" && c["type"] == "joins")
        .map(|c| c["to"].as_str().unwrap())
        .collect();
    assert_eq!(joins, ["cluster:a", "cluster:b"]);
    assert!(connections
        .iter()
        .all(|c| c["type"] != "joins" || c["direction"] == "undirected"));
    // The same input, checked again: the same bytes.
    assert_eq!(kumu(&checked(&[("all.eco", TWO_CLUSTERS)], None)), text);
    assert_eq!(
        model_json(&checked(&[("all.eco", TWO_CLUSTERS)], None)),
        model_json(&outcome)
    );
}

#[test]
fn kumu_ids_of_several_roots_start_with_the_root() {
    let outcome = checked(
        &[("one.eco", "cluster c\n"), ("two.eco", "cluster c\n")],
        None,
    );
    let blueprint: Value = serde_json::from_str(&kumu(&outcome)).unwrap();
    let ids: Vec<&str> = blueprint["elements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["/spec/one.eco#cluster:c", "/spec/two.eco#cluster:c"]);
}

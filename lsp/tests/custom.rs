//! `ecospec/interventions`, `ecospec/scenarios`, `ecospec/whatIf` and
//! `ecospec/explain` over the protocol, on the real server: each answers
//! what the commands print (the library's own JSON, compared here with the
//! library called directly), of the text as the editor holds it; unknown
//! names are invalid parameters saying what exists, and the server goes on.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use ecospec::check::{check, Options};
use ecospec::load::{Input, RealFs};
use ecospec::scenario::{render, Now};
use serde_json::{json, Value};
use support::{all_in, uri, Client, INVALID_PARAMS};

/// `ecospec check examples/all-in --format json`, computed by the library.
fn checked() -> ecospec::check::Outcome {
    check(&RealFs, &[Input::Folder(all_in())], &Options::default()).unwrap()
}

fn folder_uri() -> String {
    format!("{}/", uri(&all_in()))
}

#[test]
fn interventions_close_and_open_what_check_apply_reports() {
    let mut client = Client::initialized(&all_in(), json!({}));
    let result = client.result("ecospec/interventions", json!({ "folder": folder_uri() }));
    let listed = result["interventions"].as_array().unwrap();
    let names: Vec<&str> = listed.iter().map(|i| i["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "joint_conference",
            "spokespeople_network",
            "digital_security_network"
        ]
    );
    let expected = ecospec::render::json(&checked());
    for (got, want) in listed
        .iter()
        .zip(expected["interventions"].as_array().unwrap())
    {
        assert_eq!(got["name"], want["name"]);
        assert_eq!(got["closes"], want["closes"], "{}", got["name"]);
        assert_eq!(got["opens"], want["opens"], "{}", got["name"]);
    }
    assert!(!listed[1]["closes"].as_array().unwrap().is_empty());
    // Placed at the intervention's name.
    let first = &listed[0];
    assert_eq!(first["uri"], uri(&all_in().join("all-in.eco")));
    let text = std::fs::read_to_string(all_in().join("all-in.eco")).unwrap();
    let line = first["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(text
        .lines()
        .nth(line)
        .unwrap()
        .contains("intervention joint_conference"));
}

#[test]
fn the_scenarios_and_a_what_if_are_the_commands() {
    let mut client = Client::initialized(&all_in(), json!({}));
    let result = client.result("ecospec/scenarios", json!({ "folder": folder_uri() }));
    let names: Vec<&str> = result["scenarios"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert_eq!(names, ["escalation", "outrageous_moment"]);
    assert_eq!(
        result["scenarios"][0]["uri"],
        uri(&all_in().join("scenarios.eco"))
    );
    for apply in [None, Some("joint_conference")] {
        let walk = client.result(
            "ecospec/whatIf",
            json!({ "folder": folder_uri(), "scenario": "outrageous_moment", "apply": apply }),
        );
        // `ecospec what-if examples/all-in --scenario outrageous_moment --format json`.
        let outcome = checked();
        let now = Now::new(&outcome, 0, apply).unwrap();
        let answer = now.what_if("outrageous_moment", &[]).unwrap();
        let root = outcome.sources.get(outcome.ecosystems[0].root).unwrap();
        let expected = render::json(&answer, apply, &root.name, &outcome.sources);
        assert_eq!(walk, expected);
    }
    // The text as the editor holds it: a scenario added, unsaved.
    let scenarios = all_in().join("scenarios.eco");
    let text = std::fs::read_to_string(&scenarios).unwrap();
    let edited = format!("{text}\nscenario drought \"A long drought\"\n");
    client.open(&scenarios, 2, &edited);
    let doc = json!({ "textDocument": { "uri": uri(&scenarios) } });
    let result = client.result("ecospec/scenarios", doc);
    assert_eq!(result["scenarios"].as_array().unwrap().len(), 3, "{result}");
}

#[test]
fn unknown_names_say_what_exists_and_the_server_goes_on() {
    let mut client = Client::initialized(&all_in(), json!({}));
    let response = client.request(
        "ecospec/whatIf",
        json!({ "folder": folder_uri(), "scenario": "outragous_moment" }),
    );
    assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
    let message = response["error"]["message"].as_str().unwrap();
    assert!(message.contains("outrageous_moment"), "{message}");
    let response = client.request(
        "ecospec/whatIf",
        json!({ "folder": folder_uri(), "scenario": "escalation", "apply": "nothing" }),
    );
    assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("joint_conference"),
        "{response}"
    );
    let response = client.request("ecospec/whatIf", json!({ "folder": folder_uri() }));
    assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
    let response = client.request("ecospec/interventions", json!({}));
    assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
    assert!(
        response["error"]["message"]
            .as_str()
            .unwrap()
            .contains("`textDocument` or `folder`"),
        "{response}"
    );
    let response = client.request("ecospec/explain", json!({ "code": "W9999" }));
    assert_eq!(response["error"]["code"], INVALID_PARAMS, "{response}");
    let message = response["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("W0401") && message.contains("E0201"),
        "{message}"
    );
    // Still answering.
    let result = client.result("ecospec/scenarios", json!({ "folder": folder_uri() }));
    assert_eq!(result["scenarios"].as_array().unwrap().len(), 2);
}

#[test]
fn explain_is_the_text_of_ecospec_explain() {
    let mut client = Client::initialized(&all_in(), json!({}));
    for asked in ["W0401", "w0401", "unbridged-cluster"] {
        let result = client.result("ecospec/explain", json!({ "code": asked }));
        assert_eq!(result["code"], "W0401");
        assert_eq!(result["lint"], "unbridged-cluster");
        assert_eq!(
            result["text"].as_str().unwrap(),
            ecospec::catalog::explain("W0401").unwrap()
        );
    }
    let error = client.result("ecospec/explain", json!({ "code": "E0201" }));
    assert_eq!(error["code"], "E0201");
    assert!(!error["text"].as_str().unwrap().is_empty());
    let value: Value = client.result("ecospec/explain", json!({ "code": "W0423" }));
    assert_eq!(value["lint"], "cluster-single-provider");
}

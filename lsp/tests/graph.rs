//! `ecospec/graph` over the protocol, on the real server: the picture
//! `ecospec graph` draws, of the text as the editor holds it, with the place
//! of each finding drawn; bad parameters answered with an error, after
//! which the server goes on answering.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::Path;

use serde_json::{json, Value};
use support::{all_in, uri, Client, INVALID_PARAMS};

fn open(client: &mut Client, path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    client.open(path, 1, &text);
    text
}

fn graph(client: &mut Client, doc: &Path, extra: Value) -> Value {
    let mut params = json!({"textDocument": {"uri": uri(doc)}});
    for (key, value) in extra.as_object().unwrap() {
        params[key] = value.clone();
    }
    client.request("ecospec/graph", params)
}

/// The ids of the `<g class="cluster">` groups of an SVG, in order.
fn cluster_groups(svg: &str) -> Vec<String> {
    let document = roxmltree::Document::parse(svg).unwrap_or_else(|e| panic!("not XML: {e}"));
    document
        .descendants()
        .filter(|n| n.has_tag_name("g") && n.attribute("class") == Some("cluster"))
        .map(|n| n.attribute("id").unwrap_or_default().to_string())
        .collect()
}

fn findings(result: &Value) -> Vec<(String, String)> {
    result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["element"].as_str().unwrap().to_string(),
                f["code"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn all_in_is_drawn_as_the_command_draws_it_with_each_finding_placed() {
    let root = all_in();
    let mut client = Client::initialized(&root, json!({}));
    let doc = root.join("all-in.eco");
    open(&mut client, &doc);
    let response = graph(
        &mut client,
        &doc,
        json!({"format": "svg", "view": "clusters"}),
    );
    let result = &response["result"];
    assert_eq!(result["format"], "svg", "{response}");
    let svg = result["content"].as_str().unwrap();
    assert_eq!(
        cluster_groups(svg),
        ["cluster:antimilitarist", "cluster:mobilization"]
    );
    // The same library code as `ecospec graph examples/all-in --format svg`,
    // whose output is committed (and kept fresh by cli/tests/graph.rs).
    let committed = std::fs::read_to_string(support::repo().join("docs/src/all-in.svg")).unwrap();
    assert_eq!(svg, committed);
    let drawn = findings(result);
    for expected in [
        ("bridge:comms_teams", "W0418"),
        ("cluster:mobilization", "W0403"),
        ("cluster:antimilitarist", "W0423"),
    ] {
        let expected = (expected.0.to_string(), expected.1.to_string());
        assert!(drawn.contains(&expected), "{expected:?} not in {drawn:?}");
    }
    // Each place is where the finding is written: the critical bridge at
    // its declaration in bridges.eco.
    let bridge = result["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "W0418")
        .unwrap();
    assert_eq!(bridge["uri"], uri(&root.join("bridges.eco")));
    assert_eq!(bridge["lint"], "critical-bridge");
    let bridges = std::fs::read_to_string(root.join("bridges.eco")).unwrap();
    let line = bridge["range"]["start"]["line"].as_u64().unwrap() as usize;
    assert!(
        bridges.lines().nth(line).unwrap().contains("comms_teams"),
        "{bridge}"
    );
    // In each view, each finding is on an element the SVG draws with its
    // id (a `between` bridge, a line, excepted), and on the one that shows it.
    let expected = [
        ("clusters", "capability:coordination", false),
        ("actors", "actor:peace_alliance", true),
        ("capabilities", "capability:coordination", true),
    ];
    for (view, w0404, drawn_there) in expected {
        let response = graph(&mut client, &doc, json!({"view": view}));
        let svg = response["result"]["content"].as_str().unwrap();
        let document = roxmltree::Document::parse(svg).unwrap();
        let ids: Vec<&str> = document
            .descendants()
            .filter(|n| n.has_tag_name("g"))
            .filter_map(|n| n.attribute("id"))
            .collect();
        let drawn = findings(&response["result"]);
        for (element, code) in &drawn {
            let bridge_line = view != "capabilities" && element == "bridge:comms_teams";
            assert!(
                ids.contains(&element.as_str()) || bridge_line,
                "{view}: {element} {code}"
            );
        }
        let single = (w0404.to_string(), "W0404".to_string());
        assert_eq!(drawn.contains(&single), drawn_there, "{view}: {drawn:?}");
        let bridges = drawn.iter().any(|(e, _)| e.starts_with("bridge:"));
        assert_eq!(bridges, view != "capabilities", "{view}: {drawn:?}");
    }
    // The other formats and views, from the same picture.
    let dot = graph(
        &mut client,
        &doc,
        json!({"format": "dot", "view": "actors"}),
    );
    let dot = dot["result"]["content"].as_str().unwrap();
    assert!(dot.starts_with("graph ecospec {"), "{dot}");
    assert!(dot.contains("subgraph cluster_"), "{dot}");
    let mermaid = graph(&mut client, &doc, json!({"format": "mermaid"}));
    assert!(mermaid["result"]["content"]
        .as_str()
        .unwrap()
        .starts_with("flowchart"));
}

#[test]
fn an_unsaved_edit_is_in_the_next_drawing() {
    let root = all_in();
    let mut client = Client::initialized(&root, json!({}));
    let doc = root.join("capabilities.eco");
    let text = open(&mut client, &doc);
    let before = graph(&mut client, &doc, json!({}));
    assert_eq!(
        before["result"]["content"]
            .as_str()
            .map(cluster_groups)
            .unwrap()
            .len(),
        2
    );
    // Never saved: a third cluster, in no bridge (W0401), on the last line.
    let edited = format!("{text}\ncluster newcomers \"Newcomers\" {{ needs: spokespeople }}\n");
    let last_line = edited.lines().count() - 1;
    client.change(&doc, 2, &edited);
    let after = graph(&mut client, &doc, json!({"format": "svg"}));
    let svg = after["result"]["content"].as_str().unwrap();
    let mut groups = cluster_groups(svg);
    groups.sort();
    assert_eq!(
        groups,
        [
            "cluster:antimilitarist",
            "cluster:mobilization",
            "cluster:newcomers"
        ]
    );
    assert!(svg.contains(">Newcomers</text>"), "{svg}");
    let unbridged = after["result"]["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["code"] == "W0401")
        .unwrap_or_else(|| panic!("no W0401 in {after}"));
    assert_eq!(unbridged["element"], "cluster:newcomers");
    assert_eq!(unbridged["uri"], uri(&doc));
    assert_eq!(unbridged["range"]["start"]["line"], json!(last_line));
    assert_eq!(
        std::fs::read_to_string(&doc).unwrap(),
        text,
        "the server writes nothing"
    );
}

#[test]
fn a_folder_is_drawn_without_an_open_document() {
    let root = all_in();
    let mut client = Client::initialized(&root, json!({}));
    let response = client.request(
        "ecospec/graph",
        json!({"folder": uri(&root), "format": "svg", "view": "capabilities", "scenario": "outrageous_moment"}),
    );
    let svg = response["result"]["content"]
        .as_str()
        .unwrap_or_else(|| panic!("{response}"));
    assert_eq!(cluster_groups(svg).len(), 2);
    assert!(svg.contains("under scenario `outrageous_moment`"), "{svg}");
}

#[test]
fn bad_parameters_are_error_responses_and_the_server_goes_on() {
    let root = all_in();
    let mut client = Client::initialized(&root, json!({}));
    let doc = root.join("all-in.eco");
    open(&mut client, &doc);
    let cases = [
        (json!({"view": "map"}), "unknown view `map`"),
        (json!({"format": "png"}), "unknown format `png`"),
        (json!({"format": "json"}), "unknown format `json`"),
        (
            json!({"scenario": "flood"}),
            "the ecosystem declares no scenario named `flood`",
        ),
        (
            json!({"apply": "nothing"}),
            "the ecosystem declares no intervention named `nothing`",
        ),
        (
            json!({"root": uri(&root.join("bridges.eco"))}),
            "is not the root of an ecosystem here",
        ),
    ];
    for (params, message) in cases {
        let response = graph(&mut client, &doc, params.clone());
        assert_eq!(
            response["error"]["code"],
            json!(INVALID_PARAMS),
            "{params}: {response}"
        );
        let said = response["error"]["message"].as_str().unwrap();
        assert!(said.contains(message), "{params}: {said}");
    }
    // Neither a document nor a folder; a format that is not a string.
    for params in [
        json!({"format": "svg"}),
        json!({"textDocument": {"uri": uri(&doc)}, "format": 3}),
    ] {
        let response = client.request("ecospec/graph", params.clone());
        assert_eq!(
            response["error"]["code"],
            json!(INVALID_PARAMS),
            "{params}: {response}"
        );
    }
    // A document that is not open.
    let response = graph(&mut client, &root.join("bridges.eco"), json!({}));
    assert_eq!(
        response["error"]["code"],
        json!(INVALID_PARAMS),
        "{response}"
    );
    // Still answering.
    let response = graph(&mut client, &doc, json!({"view": "actors"}));
    let svg = response["result"]["content"]
        .as_str()
        .unwrap_or_else(|| panic!("{response}"));
    assert_eq!(cluster_groups(svg).len(), 2);
    let hover = client.request("textDocument/hover", Client::position(&doc, 0, 0));
    assert!(hover.get("error").is_none(), "{hover}");
}

#[test]
fn a_drawing_too_large_for_svg_is_an_error_and_dot_draws_it() {
    let spec: String = (0..61).map(|i| format!("cluster c{i}\n")).collect();
    let root = support::folder("graph-large", &[("large.eco", &spec)]);
    let mut client = Client::initialized(&root, json!({}));
    let folder = json!({"folder": uri(&root)});
    let svg = client.request("ecospec/graph", folder.clone());
    assert_eq!(svg["error"]["code"], json!(INVALID_PARAMS), "{svg}");
    let said = svg["error"]["message"].as_str().unwrap();
    assert!(
        said.contains("61 clusters") && said.contains("dot"),
        "{said}"
    );
    let mut params = folder;
    params["format"] = json!("dot");
    let dot = client.result("ecospec/graph", params);
    assert_eq!(
        dot["content"]
            .as_str()
            .unwrap()
            .matches("\"cluster:c")
            .count(),
        61
    );
    // 61 unbridged clusters, each placed in the one file.
    let findings = dot["findings"].as_array().unwrap();
    assert_eq!(findings.iter().filter(|f| f["code"] == "W0401").count(), 61);
    assert!(findings
        .iter()
        .all(|f| f["uri"] == uri(&root.join("large.eco"))));
}

//! Bad input never kills the server: malformed messages, unknown methods,
//! unopened files, positions past the end, stale and rapid changes.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::json;
use support::{folder, uri, Client};

const TEXT: &str = "cluster a { bets_on: s }\ncluster b { bets_on: s }\nscenario s\nactor x { in: a }\nactor y { in: b }\n";

fn started(name: &str) -> (Client, std::path::PathBuf) {
    let root = folder(name, &[("main.eco", TEXT)]);
    let path = root.join("main.eco");
    let mut client = Client::initialized(&root, json!({}));
    client.open(&path, 1, TEXT);
    (client, path)
}

/// The server still answers a hover on `a`.
fn still_serving(client: &mut Client, path: &std::path::Path) {
    let hover = client.result("textDocument/hover", Client::position(path, 0, 8));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("cluster a"),
        "{hover}"
    );
}

#[test]
fn malformed_json_unknown_methods_and_unopened_files_get_errors() {
    let (mut client, path) = started("errors");
    client.diagnostics_at(&path, 1);
    client.send_raw("{\"jsonrpc\": \"2.0\", \"id\": 99, \"method\": ");
    client.send_raw("not json at all");
    let response = client.request("ecospec/noSuchMethod", json!({}));
    assert_eq!(response["error"]["code"], -32601, "{response}");
    let response = client.request("textDocument/hover", json!({"bogus": true}));
    assert_eq!(response["error"]["code"], -32602, "{response}");
    let never = path.with_file_name("never-opened.eco");
    let response = client.request("textDocument/hover", Client::position(&never, 0, 0));
    assert!(response.get("error").is_some(), "{response}");
    let response = client.request("textDocument/definition", Client::position(&never, 0, 0));
    assert!(response.get("error").is_some(), "{response}");
    // A parse error response to the malformed JSON arrived too.
    assert!(
        client.backlog.iter().any(|m| m["error"]["code"] == -32700),
        "{:#?}",
        client.backlog
    );
    still_serving(&mut client, &path);
}

#[test]
fn positions_past_the_end_of_a_line_are_clamped() {
    let (mut client, path) = started("clamp");
    // Line 2 is `scenario s`: the end of the line is just after `s`.
    let hover = client.result("textDocument/hover", Client::position(&path, 2, 500));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("scenario s"),
        "{hover}"
    );
    let response = client.request("textDocument/hover", Client::position(&path, 9999, 9999));
    assert!(response.get("error").is_none(), "{response}");
    let completion = client.result(
        "textDocument/completion",
        Client::position(&path, 9999, 9999),
    );
    assert!(completion["items"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["label"] == "cluster"));
    still_serving(&mut client, &path);
}

#[test]
fn stale_and_rapid_changes_end_at_the_latest_version() {
    let (mut client, path) = started("rapid");
    client.diagnostics_at(&path, 1);
    for version in 2..=40 {
        // Each version adds one more unbridged cluster.
        let mut text = TEXT.to_string();
        for i in 0..version {
            text.push_str(&format!("cluster c{i} {{ bets_on: s }}\n"));
        }
        client.change(&path, version, &text);
    }
    // An older version arriving late is ignored.
    client.change(&path, 7, "this is not a spec");
    client.change(&path, 40, "neither is this");
    let diagnostics = client.diagnostics_at(&path, 40);
    assert!(
        diagnostics.iter().all(|d| d["code"] != "E0101"),
        "{diagnostics:#?}"
    );
    let w0401 = diagnostics.iter().filter(|d| d["code"] == "W0401").count();
    assert_eq!(w0401, 42, "{diagnostics:#?}");
    still_serving(&mut client, &path);
}

#[test]
fn closing_a_file_keeps_its_folder_checked_and_clears_nothing_wrongly() {
    let (mut client, path) = started("close");
    client.diagnostics_at(&path, 1);
    client.change(&path, 2, "cluster a { bets_on: nothing_here }\n");
    let diagnostics = client.diagnostics_at(&path, 2);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "E0201"),
        "{diagnostics:#?}"
    );
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&path)}}),
    );
    // Back to the disk's text: the E0201 disappears.
    let key = uri(&path);
    client.wait_diagnostics("E0201 cleared", |d| {
        d.get(&key)
            .is_some_and(|(_, items)| items.iter().all(|i| i["code"] != "E0201"))
    });
}

#[test]
fn shutdown_and_exit() {
    let (mut client, _) = started("exit");
    let response = client.request("shutdown", serde_json::Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    client.notify("exit", serde_json::Value::Null);
}

//! The LSP session over `GET /lsp`: one JSON-RPC body per text message,
//! the language server's own answers, in studio mode (the folder fixed to
//! PATH, documents outside it ignored), one overlay per tab.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{json, Value};
use support::{folder, root_uri, start, Lsp};

/// A spec whose cluster needs a capability misspelled as `name`.
fn spec(name: &str) -> String {
    format!("capability legal_support\ncluster mobilization {{\n    needs: {name}\n}}\n")
}

fn messages(diagnostics: &Value) -> Vec<String> {
    diagnostics["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tab_sees_the_diagnostics_of_its_own_text() {
    let dir = folder(&[("spec.eco", &spec("legal_support"))]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    // Whatever `initialize` names, the folder is PATH.
    let mut lsp = Lsp::initialized(address, "file:///elsewhere/").await;
    let uri = format!("{root}spec.eco");
    lsp.open(&uri, &spec("legal_suport")).await;
    let published = lsp.diagnostics(&uri).await;
    let found = messages(&published);
    assert!(
        found.iter().any(|m| m.contains("legal_suport")),
        "{published}"
    );
    lsp.change(&uri, 2, &spec("legal_support")).await;
    loop {
        let published = lsp.diagnostics(&uri).await;
        if published["version"] == 2 {
            assert!(
                !messages(&published)
                    .iter()
                    .any(|m| m.contains("legal_suport")),
                "{published}"
            );
            break;
        }
    }
    // The folder's map, through the existing custom request.
    let graph = lsp
        .request("ecospec/graph", json!({ "folder": root, "format": "svg" }))
        .await;
    let svg = graph["result"]["content"].as_str().unwrap();
    assert!(
        svg.contains("<svg") && svg.contains("cluster:mobilization"),
        "{graph}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_tabs_never_see_each_others_text() {
    let dir = folder(&[("spec.eco", &spec("legal_support"))]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let uri = format!("{root}spec.eco");
    let mut first = Lsp::initialized(address, &root).await;
    let mut second = Lsp::initialized(address, &root).await;
    first.open(&uri, &spec("alpha_typo")).await;
    second.open(&uri, &spec("beta_typo")).await;
    let mine = first.diagnostics(&uri).await;
    let theirs = second.diagnostics(&uri).await;
    assert!(
        messages(&mine).iter().any(|m| m.contains("alpha_typo")),
        "{mine}"
    );
    assert!(!mine.to_string().contains("beta_typo"), "{mine}");
    assert!(
        messages(&theirs).iter().any(|m| m.contains("beta_typo")),
        "{theirs}"
    );
    assert!(!theirs.to_string().contains("alpha_typo"), "{theirs}");
    // The disk is untouched by either.
    let disk = std::fs::read_to_string(dir.path().join("spec.eco")).unwrap();
    assert_eq!(disk, spec("legal_support"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn documents_and_folders_outside_path_are_ignored() {
    let dir = folder(&[("spec.eco", &spec("legal_support"))]);
    let outside = folder(&[("secret.eco", &spec("outside_typo"))]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let mut lsp = Lsp::initialized(address, &root).await;
    let secret = format!(
        "file://{}/secret.eco",
        std::fs::canonicalize(outside.path()).unwrap().display()
    );
    lsp.open(&secret, &spec("outside_typo")).await;
    // Never opened: a request about it is refused, before its path is
    // even resolved.
    let hover = lsp
        .request(
            "textDocument/hover",
            json!({ "textDocument": { "uri": secret }, "position": { "line": 2, "character": 12 } }),
        )
        .await;
    assert!(
        hover["error"]["message"]
            .as_str()
            .unwrap()
            .contains("is outside the studio's folder"),
        "{hover}"
    );
    // A folder outside is never checked.
    let outside_uri = format!(
        "file://{}/",
        std::fs::canonicalize(outside.path()).unwrap().display()
    );
    let graph = lsp
        .request("ecospec/graph", json!({ "folder": outside_uri }))
        .await;
    assert!(
        graph["error"]["message"]
            .as_str()
            .unwrap()
            .contains("outside the studio's folder"),
        "{graph}"
    );
    // Nothing was ever published about the file outside.
    let inside = format!("{root}spec.eco");
    lsp.open(&inside, &spec("inside_typo")).await;
    lsp.diagnostics(&inside).await;
    assert!(
        !lsp.backlog
            .iter()
            .any(|m| m.to_string().contains("outside_typo")),
        "{:?}",
        lsp.backlog
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_message_that_is_not_json_rpc_gets_an_error_and_the_session_goes_on() {
    let dir = folder(&[("spec.eco", &spec("legal_support"))]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let mut lsp = Lsp::initialized(address, &root).await;
    lsp.send_text("this is not JSON".into()).await;
    let answer = lsp.response(Value::Null).await;
    assert_eq!(answer["error"]["code"], -32700, "{answer}");
    lsp.send_text(r#"{"jsonrpc": "2.0", "id": 7, "method": 12}"#.into())
        .await;
    let answer = lsp.response(json!(7)).await;
    assert!(answer["error"]["code"].is_i64(), "{answer}");
    // An unknown method is the protocol's error.
    let answer = lsp.request("ecospec/nothing", json!({})).await;
    assert_eq!(answer["error"]["code"], -32601, "{answer}");
    // And the session still answers.
    let uri = format!("{root}spec.eco");
    lsp.open(&uri, &spec("still_typo")).await;
    let published = lsp.diagnostics(&uri).await;
    assert!(
        messages(&published)
            .iter()
            .any(|m| m.contains("still_typo")),
        "{published}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_exercise_opens_as_an_unsaved_document_of_its_own_ecosystem() {
    let dir = folder(&[("spec.eco", &spec("legal_support"))]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let mut lsp = Lsp::initialized(address, &root).await;
    let exercises = support::get(address, "/api/exercises").await.json();
    let exercise = &exercises["exercises"][0];
    assert_eq!(exercise["name"], "W0401-unbridged-cluster");
    // In a folder that does not exist on disk: the tab's own document.
    let uri = format!("{root}exercises/W0401-unbridged-cluster/gap.eco");
    lsp.open(&uri, exercise["gap"].as_str().unwrap()).await;
    let published = lsp.diagnostics(&uri).await;
    let codes: Vec<&str> = published["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d["code"].as_str())
        .collect();
    assert!(codes.contains(&"W0401"), "{published}");
    // Its map, asked by the document (the folder now holds two roots).
    let graph = lsp
        .request("ecospec/graph", json!({ "textDocument": { "uri": uri } }))
        .await;
    assert!(
        graph["result"]["content"]
            .as_str()
            .unwrap()
            .contains("<svg"),
        "{graph}"
    );
    let by_folder = lsp
        .request("ecospec/graph", json!({ "folder": root }))
        .await;
    assert!(
        by_folder["error"]["message"]
            .as_str()
            .unwrap()
            .contains("several ecosystems"),
        "{by_folder}"
    );
    // Nothing was written.
    assert!(!dir.path().join("exercises").exists());
    // Closed, it is gone from the folder's analysis.
    lsp.notify(
        "textDocument/didClose",
        json!({ "textDocument": { "uri": uri } }),
    )
    .await;
    let deadline = tokio::time::Instant::now() + std::time::Duration::from_secs(20);
    loop {
        let graph = lsp
            .request("ecospec/graph", json!({ "folder": root }))
            .await;
        if graph.get("result").is_some() {
            break;
        }
        assert!(tokio::time::Instant::now() < deadline, "{graph}");
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

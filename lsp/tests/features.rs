//! Each feature over the protocol, on the multi-file example `examples/all-in`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::PathBuf;

use serde_json::{json, Value};
use support::{find, uri, Client};

struct AllIn {
    client: Client,
    root: PathBuf,
}

impl AllIn {
    fn start() -> AllIn {
        let root = std::fs::canonicalize(support::repo().join("examples/all-in")).unwrap();
        let mut client = Client::initialized(&root, json!({}));
        for file in [
            "all-in.eco",
            "antimilitarist.eco",
            "capabilities.eco",
            "bridges.eco",
        ] {
            let path = root.join(file);
            client.open(&path, 1, &std::fs::read_to_string(&path).unwrap());
        }
        AllIn { client, root }
    }

    fn text(&self, file: &str) -> String {
        std::fs::read_to_string(self.root.join(file)).unwrap()
    }

    /// `textDocument/position` params at the first `needle` in `file`, plus `offset` characters.
    fn at(&self, file: &str, needle: &str, offset: u32) -> Value {
        let (line, character) = find(&self.text(file), needle, true);
        Client::position(&self.root.join(file), line, character + offset)
    }
}

#[test]
fn hover_shows_kind_label_doc_and_facts() {
    let mut all = AllIn::start();
    let at = all.at("antimilitarist.eco", "cluster antimilitarist", 9);
    let hover = all.client.result("textDocument/hover", at);
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(
        text.contains("cluster antimilitarist \"Against militarization"),
        "{text}"
    );
    assert!(text.contains("tightly knit"), "{text}");
    assert!(text.contains("members: `stop_rearmament`"), "{text}");
    assert!(text.contains("uncovered needs: `spokespeople`"), "{text}");
    // A capability's providers, from a use in another file.
    let at = all.at("bridges.eco", "via: communications", 6);
    let text = all.client.result("textDocument/hover", at)["contents"]["value"].to_string();
    assert!(
        text.contains("provided by") && text.contains("youth_against_war"),
        "{text}"
    );
    // A diagnostic code (here in a comment) or a lint name in `@allow(...)`
    // shows its explanation exactly as `ecospec explain` prints it, down to
    // the line naming the chapter of the book to read next.
    let at = all.at("all-in.eco", "W0418 critical-bridge", 2);
    let hover = all.client.result("textDocument/hover", at);
    let text = hover["contents"]["value"].as_str().unwrap();
    assert_eq!(Some(text.to_string()), ecospec::catalog::explain("W0418"));
    assert!(
        text.ends_with("Read more in the ecospec book: Bridges (docs/src/reference/bridge.md)"),
        "{text}"
    );
    let path = all.root.join("bridges.eco");
    let edited = format!("@allow(single-provider)\n{}", all.text("bridges.eco"));
    all.client.change(&path, 2, &edited);
    let hover = all
        .client
        .result("textDocument/hover", Client::position(&path, 0, 10));
    let text = hover["contents"]["value"].as_str().unwrap();
    assert!(text.contains("W0404"), "{text}");
    assert_eq!(
        Some(text.to_string()),
        ecospec::catalog::explain("single-provider")
    );
    assert!(
        text.ends_with(
            "Read more in the ecospec book: Capabilities (docs/src/reference/capability.md)"
        ),
        "{text}"
    );
}

#[test]
fn definition_and_references_cross_files() {
    let mut all = AllIn::start();
    let at = all.at("bridges.eco", "via: communications", 6);
    let definition = all.client.result("textDocument/definition", at.clone());
    assert_eq!(definition["uri"], uri(&all.root.join("capabilities.eco")));
    let (line, character) = find(&all.text("capabilities.eco"), "communications", true);
    assert_eq!(
        definition["range"]["start"],
        json!({"line": line, "character": character})
    );
    let mut params = at;
    params["context"] = json!({"includeDeclaration": true});
    let references = all.client.result("textDocument/references", params);
    let files: std::collections::BTreeSet<&str> = references
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["uri"].as_str().unwrap().rsplit('/').next().unwrap())
        .collect();
    for file in [
        "capabilities.eco",
        "antimilitarist.eco",
        "mobilization.eco",
        "bridges.eco",
    ] {
        assert!(files.contains(file), "{files:?}");
    }
}

#[test]
fn rename_edits_every_file_and_refuses_bad_names() {
    let mut all = AllIn::start();
    let at = all.at("capabilities.eco", "capability communications", 11);
    let prepared = all.client.result("textDocument/prepareRename", at.clone());
    assert_eq!(prepared["placeholder"], "communications");
    let mut params = at.clone();
    params["newName"] = json!("comms_teams_cap");
    let edit = all.client.result("textDocument/rename", params);
    let changes = edit["changes"].as_object().unwrap();
    assert!(changes.len() >= 4, "{edit:#}");
    assert!(changes
        .values()
        .flat_map(|e| e.as_array().unwrap())
        .all(|e| e["newText"] == "comms_teams_cap"));
    for bad in ["not valid", "cluster", "spokespeople", "antimilitarist"] {
        let mut params = at.clone();
        params["newName"] = json!(bad);
        let response = all.client.request("textDocument/rename", params);
        assert!(response.get("error").is_some(), "{bad}: {response}");
    }
}

#[test]
fn completion_offers_keywords_fields_and_names_of_the_right_kind() {
    let mut all = AllIn::start();
    let path = all.root.join("all-in.eco");
    let text = all.text("all-in.eco") + "\nactor newcomer {\n    in: \n}\n";
    all.client.change(&path, 2, &text);
    let line = text.lines().count() as u32 - 2;
    let labels = |client: &mut Client, line: u32, character: u32| -> Vec<(String, Value)> {
        let result = client.result(
            "textDocument/completion",
            Client::position(&path, line, character),
        );
        result["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                (
                    i["label"].as_str().unwrap().to_string(),
                    i["detail"].clone(),
                )
            })
            .collect()
    };
    let names = labels(&mut all.client, line, 8);
    let names: Vec<&str> = names.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        names.contains(&"antimilitarist") && names.contains(&"mobilization"),
        "{names:?}"
    );
    assert!(
        !names.contains(&"communications") && !names.contains(&"lawyers"),
        "{names:?}"
    );
    let fields = labels(&mut all.client, line, 4);
    let fields: Vec<&str> = fields.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        fields.contains(&"provides") && fields.contains(&"serves") && !fields.contains(&"needs"),
        "{fields:?}"
    );
    let keywords = labels(&mut all.client, line + 2, 0);
    assert!(keywords.iter().any(|(l, _)| l == "cluster"), "{keywords:?}");
    // `provides:` offers capabilities, with their doc comment as detail.
    let text = all.text("all-in.eco") + "\nactor newcomer {\n    provides: \n}\n";
    all.client.change(&path, 3, &text);
    let caps = labels(&mut all.client, line, 14);
    let coordination = caps
        .iter()
        .find(|(l, _)| l == "coordination")
        .expect("coordination offered");
    assert!(coordination.1.is_string(), "{caps:?}");
}

#[test]
fn symbols_folding_and_semantic_tokens() {
    let mut all = AllIn::start();
    let doc = json!({"textDocument": {"uri": uri(&all.root.join("antimilitarist.eco"))}});
    let symbols = all
        .client
        .result("textDocument/documentSymbol", doc.clone());
    let names: Vec<&str> = symbols
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(
        names.contains(&"antimilitarist") && names.contains(&"stop_rearmament"),
        "{names:?}"
    );
    let found = all
        .client
        .result("workspace/symbol", json!({"query": "rearm"}));
    let found: Vec<&str> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect();
    assert!(found.contains(&"stop_rearmament"), "{found:?}");
    let folds = all.client.result("textDocument/foldingRange", doc.clone());
    assert!(
        folds
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "comment"),
        "{folds}"
    );
    assert!(
        folds
            .as_array()
            .unwrap()
            .iter()
            .any(|f| f["kind"] == "region"),
        "{folds}"
    );
    let tokens = all.client.result("textDocument/semanticTokens/full", doc);
    let data = tokens["data"].as_array().unwrap();
    assert!(
        data.len() > 50 && data.len().is_multiple_of(5),
        "{}",
        data.len()
    );
}

#[test]
fn code_action_adds_allow_above_the_declaration() {
    let mut all = AllIn::start();
    let path = all.root.join("antimilitarist.eco");
    let text = all.text("antimilitarist.eco");
    let uncovered = all
        .client
        .diagnostics_at(&path, 1)
        .into_iter()
        .find(|d| d["code"] == "W0403")
        .expect("W0403 in antimilitarist.eco");
    let actions = all.client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri(&path)}, "range": uncovered["range"], "context": {"diagnostics": [uncovered]}}),
    );
    let allow = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| {
            a["title"]
                .as_str()
                .unwrap()
                .contains("uncovered-capability")
        })
        .unwrap_or_else(|| panic!("{actions:#}"));
    let edit = &allow["edit"]["changes"][uri(&path)][0];
    assert_eq!(edit["newText"], "@allow(uncovered-capability)\n");
    let (line, _) = find(&text, "cluster antimilitarist", true);
    assert_eq!(
        edit["range"]["start"],
        json!({"line": line, "character": 0}),
        "right above the declaration"
    );
}

#[test]
fn formatting_uses_the_formatter_of_ecospec_fmt() {
    let mut all = AllIn::start();
    let path = all.root.join("capabilities.eco");
    let messy = "capability   a\n\n\n\ncapability b  \"B\"{description:\"x\"}\n";
    all.client.change(&path, 2, messy);
    let edits = all.client.result(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(&path)}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    let expected = ecospec::fmt::format_source(messy).unwrap();
    assert_eq!(edits[0]["newText"], expected.as_str(), "{edits:#}");
    // A file with a syntax error is not formatted.
    all.client.change(&path, 3, "capability {");
    let edits = all.client.result(
        "textDocument/formatting",
        json!({"textDocument": {"uri": uri(&path)}, "options": {"tabSize": 4, "insertSpaces": true}}),
    );
    assert!(edits.is_null(), "{edits:#}");
}

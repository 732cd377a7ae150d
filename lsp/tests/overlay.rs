//! The folder as the editor shows it: an `ecospec.toml` and specs that are
//! open but not saved (or saved with other content) are what the server
//! checks, not what is on disk.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use serde_json::{json, Value};
use support::{folder, uri, Client};

/// A spec with one finding: `comms` is declared and never used (W0410, a
/// warning by default).
const SPEC: &str = "capability comms\n";

type Published = std::collections::HashMap<String, (Option<i64>, Vec<Value>)>;

/// The severities of W0410 in the latest diagnostics of `key` (empty when
/// the finding is not published).
fn w0410(published: &Published, key: &str) -> Vec<u64> {
    published.get(key).map_or_else(Vec::new, |(_, list)| {
        list.iter()
            .filter(|d| d["code"] == "W0410")
            .map(|d| d["severity"].as_u64().unwrap())
            .collect()
    })
}

fn wait_w0410(client: &mut Client, key: &str, severities: &[u64], what: &str) {
    client.wait_diagnostics(what, |d| w0410(d, key) == severities);
}

fn open_config(client: &mut Client, path: &std::path::Path, version: i64, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri(path), "languageId": "toml", "version": version, "text": text}}),
    );
}

const ERROR: u64 = 1;
const WARNING: u64 = 2;

#[test]
fn an_unsaved_ecospec_toml_sets_the_levels() {
    let root = folder("overlay-unsaved-toml", &[("spec.eco", SPEC)]);
    let spec = root.join("spec.eco");
    let config = root.join("ecospec.toml");
    let (spec_key, config_key) = (uri(&spec), uri(&config));
    let mut client = Client::initialized(&root, json!({}));
    client.open(&spec, 1, SPEC);
    wait_w0410(&mut client, &spec_key, &[WARNING], "the default level");
    // Never saved: only the editor has it.
    open_config(
        &mut client,
        &config,
        1,
        "[lints]\nunused-capability = \"deny\"\n",
    );
    wait_w0410(&mut client, &spec_key, &[ERROR], "the unsaved `deny`");
    client.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": config_key, "version": 2},
               "contentChanges": [{"text": "[lints]\nunused-capability = \"allow\"\n"}]}),
    );
    wait_w0410(&mut client, &spec_key, &[], "the unsaved `allow`");
    // The configuration is read, never checked as a spec.
    let on_config: Vec<Value> = client
        .diagnostics
        .get(&config_key)
        .map(|(_, list)| list.clone())
        .unwrap_or_default();
    assert!(on_config.is_empty(), "{on_config:#?}");
    // Closed, it is gone: the default again.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": config_key}}),
    );
    wait_w0410(
        &mut client,
        &spec_key,
        &[WARNING],
        "the default level again",
    );
    assert!(!config.exists(), "the server writes nothing");
}

#[test]
fn an_open_ecospec_toml_wins_over_the_saved_one() {
    let saved = "[lints]\nunused-capability = \"deny\"\n";
    let root = folder(
        "overlay-edited-toml",
        &[("spec.eco", SPEC), ("ecospec.toml", saved)],
    );
    let spec = root.join("spec.eco");
    let config = root.join("ecospec.toml");
    let spec_key = uri(&spec);
    let mut client = Client::initialized(&root, json!({}));
    client.open(&spec, 1, SPEC);
    wait_w0410(&mut client, &spec_key, &[ERROR], "the saved `deny`");
    open_config(
        &mut client,
        &config,
        1,
        "[lints]\nunused-capability = \"note\"\n",
    );
    // A note is published as information (3).
    wait_w0410(&mut client, &spec_key, &[3], "the unsaved `note`");
    assert_eq!(std::fs::read_to_string(&config).unwrap(), saved);
}

#[test]
fn an_unsaved_spec_in_a_new_folder_is_found_with_the_others() {
    let root = folder("overlay-new-folder", &[("spec.eco", SPEC)]);
    let spec = root.join("spec.eco");
    let spec_key = uri(&spec);
    // Neither the file nor its folder exists on disk.
    let new = root.join("more").join("uses.eco");
    let mut client = Client::initialized(&root, json!({}));
    client.open(&spec, 1, SPEC);
    wait_w0410(&mut client, &spec_key, &[WARNING], "the unused capability");
    // Found in the folder like a saved file, it imports the spec, which is
    // then no ecosystem's root of its own: `comms` is used.
    client.open(
        &new,
        1,
        "import \"../spec.eco\"\ncluster c { needs: comms }\nscenario s\n",
    );
    wait_w0410(
        &mut client,
        &spec_key,
        &[],
        "the capability used by the new file",
    );
    let on_new = client.diagnostics_at(&new, 1);
    assert!(on_new.iter().all(|d| d["severity"] != 1), "{on_new:#?}");
}

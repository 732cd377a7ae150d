//! Diagnostics over the protocol equal `ecospec check` on the same folder.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::collections::BTreeSet;
use std::path::Path;

use ecospec::check::{check, Options};
use ecospec::load::{Input, RealFs};
use serde_json::{json, Value};
use support::{folder, uri, Client};
use test_support::eco_files;

type Key = (String, String, u64, u64);

/// The CLI's JSON for a folder: (uri, code, line, column) of each diagnostic.
fn cli(root: &Path) -> BTreeSet<Key> {
    let outcome = check(
        &RealFs,
        &[Input::Folder(root.to_path_buf())],
        &Options::default(),
    )
    .unwrap();
    let json = ecospec::render::json(&outcome);
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| !d["file"].is_null())
        .map(|d| {
            let file = std::fs::canonicalize(d["file"].as_str().unwrap()).unwrap();
            let start = &d["range"]["start"];
            (
                uri(&file),
                d["code"].as_str().unwrap().to_string(),
                start["line"].as_u64().unwrap(),
                start["column"].as_u64().unwrap(),
            )
        })
        .collect()
}

/// The same from published diagnostics: UTF-16 characters back to 1-based
/// character columns.
fn published(client: &Client) -> BTreeSet<Key> {
    let mut out = BTreeSet::new();
    for (uri, (_, diagnostics)) in &client.diagnostics {
        let path = uri.strip_prefix("file://").unwrap();
        let text = std::fs::read_to_string(path).unwrap_or_default();
        for d in diagnostics {
            let line = d["range"]["start"]["line"].as_u64().unwrap();
            let character = d["range"]["start"]["character"].as_u64().unwrap() as usize;
            let line_text = text.lines().nth(line as usize).unwrap_or("");
            let mut units = 0;
            let mut column = 0;
            for c in line_text.chars() {
                if units >= character {
                    break;
                }
                units += c.len_utf16();
                column += 1;
            }
            assert_eq!(d["source"], "ecospec");
            out.insert((
                uri.clone(),
                d["code"].as_str().unwrap().to_string(),
                line + 1,
                column as u64 + 1,
            ));
        }
    }
    out
}

fn same_as_cli(root: &Path) {
    let root = std::fs::canonicalize(root).unwrap();
    let expected = cli(&root);
    assert!(!expected.is_empty());
    let mut client = Client::initialized(&root, json!({}));
    let files = eco_files(&root);
    for file in &files {
        client.open(file, 1, &std::fs::read_to_string(file).unwrap());
    }
    wait_for_cli(&mut client, &expected, "the first check");
}

/// Waits until the published diagnostics are `expected`.
fn wait_for_cli(client: &mut Client, expected: &BTreeSet<Key>, step: &str) {
    let deadline = std::time::Instant::now() + support::TIMEOUT;
    while published(client) != *expected {
        if client.next(deadline).is_none() {
            let got = published(client);
            panic!(
                "{step}: published diagnostics differ from the CLI's\nmissing: {:#?}\nextra: {:#?}",
                expected.difference(&got).collect::<Vec<_>>(),
                got.difference(expected).collect::<Vec<_>>()
            );
        }
    }
}

/// The server keeps each file's syntax tree between checks: after every
/// kind of change (an edit in one file of the folder, a file changed,
/// created or deleted on disk, an `ecospec.toml` change) its diagnostics
/// are those of a fresh check, never stale ones.
#[test]
fn diagnostics_after_an_edit_in_one_file_of_a_folder_equal_a_fresh_check() {
    let main = "import \"a.eco\"\ncluster m { needs: k1, k2 }\n";
    let root = folder(
        "cache",
        &[
            ("main.eco", main),
            ("a.eco", "capability k1\n"),
            ("b.eco", "capability zz\n"),
        ],
    );
    let (main_path, a_path) = (root.join("main.eco"), root.join("a.eco"));
    let mut client = Client::initialized(&root, json!({}));
    client.open(&main_path, 1, main);
    client.open(&a_path, 1, "capability k1\n");
    let mut expected = cli(&root);
    wait_for_cli(&mut client, &expected, "the first check");
    let mut version = 1;
    // Each step changes what a fresh check finds, on disk (and, for an open
    // document, in the editor too); main.eco is then touched to check again.
    let mut step = |client: &mut Client, what: &str, change: &dyn Fn(&mut Client)| {
        change(client);
        version += 1;
        client.change(
            &main_path,
            version,
            &std::fs::read_to_string(&main_path).unwrap(),
        );
        let now = cli(&root);
        assert_ne!(now, expected, "{what}: the step changes nothing");
        expected = now;
        wait_for_cli(client, &expected, what);
    };
    step(&mut client, "an edit of an open imported file", &|client| {
        std::fs::write(&a_path, "capability k1\ncapability k2\n").unwrap();
        client.change(&a_path, 2, "capability k1\ncapability k2\n");
    });
    step(&mut client, "an edit of the open file checked", &|_| {
        std::fs::write(
            &main_path,
            "import \"a.eco\"\ncluster m { needs: k1, k3 }\n",
        )
        .unwrap();
    });
    step(&mut client, "a file changed on disk", &|_| {
        std::fs::write(
            root.join("b.eco"),
            "capability zz\ncluster q { needs: nope }\n",
        )
        .unwrap();
    });
    step(&mut client, "a file created on disk", &|_| {
        std::fs::write(root.join("c.eco"), "cluster {\n").unwrap();
    });
    step(&mut client, "a file deleted", &|_| {
        std::fs::remove_file(root.join("b.eco")).unwrap();
    });
    step(&mut client, "an ecospec.toml created", &|_| {
        std::fs::write(
            root.join("ecospec.toml"),
            "[lints]\nno-such-lint = \"deny\"\n",
        )
        .unwrap();
    });
    step(&mut client, "an ecospec.toml changed", &|_| {
        std::fs::write(root.join("ecospec.toml"), "[lints]\n").unwrap();
    });
}

#[test]
fn every_example_matches_the_cli() {
    same_as_cli(&support::repo().join("examples"));
}

#[test]
fn the_neovim_fixture_matches_the_cli() {
    same_as_cli(&support::repo().join("editors/neovim/test"));
}

#[test]
fn non_ascii_names_use_utf16_columns_or_the_negotiated_encoding() {
    let text = "cluster 🌍_a { bets_on: s }\ncluster b { bets_on: s }\nscenario s\nactor x { in: 🌍_a }\nactor y { in: b }\n/* é */ cluster çevre_derneği { bets_on: s }\n";
    let root = folder("utf16", &[("main.eco", text)]);
    let file = root.join("main.eco");
    same_as_cli(&root);
    // UTF-8 when the client asks for it.
    let mut client =
        Client::initialized(&root, json!({"general": {"positionEncodings": ["utf-8"]}}));
    client.open(&file, 1, text);
    let diagnostics = client.diagnostics_at(&file, 1);
    let (line, character) = support::find(text, "çevre", false);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "W0401"
            && d["range"]["start"] == json!({"line": line, "character": character})),
        "{diagnostics:#?}"
    );
}

#[test]
fn an_edit_in_one_file_updates_the_other_files_diagnostics() {
    let main = "import \"caps.eco\"\ncluster a { needs: comms }\n";
    let caps = "capability comms\n";
    let root = folder("two-files", &[("main.eco", main), ("caps.eco", caps)]);
    let (main_path, caps_path) = (root.join("main.eco"), root.join("caps.eco"));
    let mut client = Client::initialized(&root, json!({}));
    client.open(&main_path, 1, main);
    client.open(&caps_path, 1, caps);
    let before = client.diagnostics_at(&main_path, 1);
    assert!(
        before.iter().any(|d| d["code"] == "W0403"),
        "{before:#?} {:#?}",
        client.diagnostics
    );
    // Renaming the capability in the unsaved caps.eco breaks main.eco.
    client.change(&caps_path, 2, "capability commz\n");
    let key = uri(&main_path);
    client.wait_diagnostics("E0201 in main.eco", |d| {
        d.get(&key)
            .is_some_and(|(_, items)| items.iter().any(|i| i["code"] == "E0201"))
    });
    let items = &client.diagnostics[&key].1;
    let e0201 = items.iter().find(|i| i["code"] == "E0201").unwrap();
    assert_eq!(e0201["range"]["start"], json!({"line": 1, "character": 19}));
    // The did-you-mean is offered as a code action.
    let actions = client.result(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": key}, "range": e0201["range"], "context": {"diagnostics": []}}),
    );
    let fix = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["edit"]["changes"][&key][0]["newText"] == "commz");
    assert!(fix.is_some(), "{actions:#}");
    // Closing caps.eco makes the disk version count again.
    client.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": uri(&caps_path)}}),
    );
    client.wait_diagnostics("main.eco back to W0403", |d| {
        d.get(&key).is_some_and(|(_, items)| {
            items.iter().all(|i| i["code"] != "E0201") && !items.is_empty()
        })
    });
    let items: &[Value] = &client.diagnostics[&key].1;
    assert!(items.iter().any(|i| i["code"] == "W0403"), "{items:#?}");
}

#[test]
fn allow_outside_imports_is_an_initialization_option() {
    let root = folder("outside", &[("shared.eco", "capability comms\n")]);
    let inner = root.join("inner");
    std::fs::create_dir_all(&inner).unwrap();
    let text = "import \"../shared.eco\"\ncluster a { needs: comms }\n";
    let path = inner.join("main.eco");
    std::fs::write(&path, text).unwrap();
    for (allow, expect_e0303) in [(false, true), (true, false)] {
        let mut client = Client::start();
        let response = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(&inner),
                "capabilities": {},
                "initializationOptions": {"allowOutsideImports": allow},
            }),
        );
        assert!(response.get("result").is_some(), "{response}");
        client.notify("initialized", json!({}));
        client.open(&path, 1, text);
        let diagnostics = client.diagnostics_at(&path, 1);
        let e0303 = diagnostics.iter().any(|d| d["code"] == "E0303");
        assert_eq!(e0303, expect_e0303, "allow = {allow}: {diagnostics:#?}");
    }
}

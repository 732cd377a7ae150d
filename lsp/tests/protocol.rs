//! Single frames that used to end the session or kill the process (issue 9,
//! finding 7): each is answered or skipped, and the server goes on.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::{Path, PathBuf};
use std::time::Duration;

use serde_json::json;
use support::{folder, Client};

const TEXT: &str = "cluster a { bets_on: s }\ncluster b { bets_on: s }\nscenario s\nactor x { in: a }\nactor y { in: b }\n";

fn started(name: &str) -> (Client, PathBuf) {
    let root = folder(name, &[("main.eco", TEXT)]);
    let path = root.join("main.eco");
    let mut client = Client::initialized(&root, json!({}));
    client.open(&path, 1, TEXT);
    client.diagnostics_at(&path, 1);
    (client, path)
}

/// The text of a hover at a position.
fn hover_text(client: &mut Client, path: &Path, line: u32, character: u32) -> String {
    let hover = client.result(
        "textDocument/hover",
        Client::position(path, line, character),
    );
    hover_value(&hover)
}

fn hover_value(hover: &serde_json::Value) -> String {
    hover["contents"]["value"]
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// The server still answers a hover on `a`.
fn still_serving(client: &mut Client, path: &Path) {
    assert!(hover_text(client, path, 0, 8).contains("cluster a"));
}

/// A hover request on `a` with this id text, framed.
fn hover_frame(path: &Path, id: &str) -> Vec<u8> {
    let params = Client::position(path, 0, 8);
    let body =
        format!(r#"{{"jsonrpc":"2.0","id":{id},"method":"textDocument/hover","params":{params}}}"#);
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

#[test]
fn a_header_line_with_invalid_utf8_does_not_end_the_session() {
    let (mut client, path) = started("utf8-header");
    client.send_bytes(b"\xff\xfe\xfd not a header\r\n");
    let mut frame = b"X-Editor: \xc3\x28\r\n".to_vec();
    frame.extend(hover_frame(&path, "500"));
    client.send_bytes(&frame);
    assert!(hover_value(&client.response(500)["result"]).contains("cluster a"));
    still_serving(&mut client, &path);
}

/// A frame announcing `length` bytes gets a -32600 naming the limit, and
/// the process lives on.
fn too_large(name: &str, length: &str) {
    let (mut client, _) = started(name);
    client.send_bytes(format!("Content-Length: {length}\r\n\r\n").as_bytes());
    client.send_bytes(&vec![b' '; 1 << 20]);
    let raw = client.raw_message("over the limit");
    let answer: serde_json::Value = serde_json::from_str(&raw).unwrap();
    assert_eq!(answer["error"]["code"], -32600, "{raw}");
    assert_eq!(answer["id"], serde_json::Value::Null, "{raw}");
    assert!(raw.contains("64 MiB"), "{raw}");
    assert!(raw.contains(length), "{raw}");
    assert!(client.exit_status(Duration::from_millis(300)).is_none());
}

#[test]
fn content_length_2_to_the_40_is_refused_with_an_error() {
    too_large("length-2-40", "1099511627776");
}

#[test]
fn content_length_2_to_the_64_minus_1_is_refused_with_an_error() {
    too_large("length-2-64", "18446744073709551615");
}

#[test]
fn a_negative_content_length_loses_one_message_not_the_session() {
    let (mut client, path) = started("length-negative");
    let mut bytes = b"Content-Length: -40\r\n\r\n".to_vec();
    bytes.extend_from_slice(br#"{"jsonrpc":"2.0","id":600,"method":"shutdown"}"#);
    bytes.extend(hover_frame(&path, "601"));
    client.send_bytes(&bytes);
    let raw = client.raw_message("-40");
    assert!(raw.contains("-32700"), "{raw}");
    assert!(hover_value(&client.response(601)["result"]).contains("cluster a"));
    still_serving(&mut client, &path);
}

#[test]
fn a_too_small_content_length_loses_one_message_not_the_session() {
    let (mut client, path) = started("length-small");
    let mut bytes = b"Content-Length: 10\r\n\r\n".to_vec();
    bytes.extend_from_slice(br#"{"jsonrpc":"2.0","id":700,"method":"shutdown"}"#);
    bytes.extend(hover_frame(&path, "701"));
    client.send_bytes(&bytes);
    let raw = client.raw_message("parse error");
    assert!(raw.contains("-32700"), "{raw}");
    assert!(hover_value(&client.response(701)["result"]).contains("cluster a"));
    still_serving(&mut client, &path);
}

/// A hover with this id is answered with the very same id text.
fn answered_with_the_same_id(name: &str, id: &str) {
    let (mut client, path) = started(name);
    client.send_bytes(&hover_frame(&path, id));
    let raw = client.raw_message(&format!(r#""id":{id}"#));
    assert!(raw.contains("cluster a"), "{raw}");
    still_serving(&mut client, &path);
}

#[test]
fn a_fraction_id_is_answered_with_the_same_id() {
    answered_with_the_same_id("id-fraction", "1.5");
}

#[test]
fn an_id_above_2_to_the_63_is_answered_with_the_same_id() {
    answered_with_the_same_id("id-above-2-63", "9223372036854775808");
    answered_with_the_same_id("id-above-2-64", "36893488147419103232");
}

#[test]
fn an_id_below_minus_2_to_the_63_is_answered_with_the_same_id() {
    answered_with_the_same_id("id-below-2-63", "-9223372036854775809");
}

#[test]
fn exit_is_obeyed_while_stdin_stays_open() {
    let (mut client, _) = started("exit-open");
    let response = client.request("shutdown", serde_json::Value::Null);
    assert!(response.get("error").is_none(), "{response}");
    client.notify("exit", serde_json::Value::Null);
    // Standard input stays open (the client holds it).
    let status = client
        .exit_status(Duration::from_secs(5))
        .expect("the server exits after `exit`");
    assert_eq!(status.code(), Some(0));
}

#[test]
fn exit_without_shutdown_exits_with_1() {
    let (mut client, _) = started("exit-early");
    client.notify("exit", serde_json::Value::Null);
    let status = client
        .exit_status(Duration::from_secs(5))
        .expect("the server exits after `exit`");
    assert_eq!(status.code(), Some(1));
}

#[test]
fn a_normal_request_after_bad_frames_is_still_answered() {
    let (mut client, path) = started("after-bad");
    client.send_bytes(b"X-Only: header\r\n\r\n");
    client.send_bytes(b"Content-Length: twelve\r\n\r\n");
    client.send_bytes(&hover_frame(&path, "1.25"));
    let raw = client.raw_message(r#""id":1.25"#);
    assert!(raw.contains("cluster a"), "{raw}");
    assert!(client
        .raws
        .iter()
        .any(|raw| raw.contains("no `Content-Length` header")));
    still_serving(&mut client, &path);
}

#[test]
fn a_ranged_did_change_edits_the_range_not_the_whole_document() {
    let (mut client, path) = started("ranged-change");
    // Two ranged changes in one notification, applied in order: a line
    // added at the end, then `a` renamed `a2` (which `actor x` names).
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": support::uri(&path), "version": 2},
            "contentChanges": [
                {"range": {"start": {"line": 5, "character": 0}, "end": {"line": 5, "character": 0}},
                 "text": "cluster c { bets_on: nothing_here }\n"},
                {"range": {"start": {"line": 0, "character": 8}, "end": {"line": 0, "character": 9}},
                 "text": "a2"},
            ],
        }),
    );
    let diagnostics = client.diagnostics_at(&path, 2);
    let lines: Vec<u64> = diagnostics
        .iter()
        .filter(|d| d["severity"] == 1)
        .map(|d| d["range"]["start"]["line"].as_u64().unwrap())
        .collect();
    assert!(lines.contains(&5), "{diagnostics:#?}");
    assert!(lines.contains(&3), "{diagnostics:#?}");
    assert!(
        diagnostics.iter().all(|d| d["code"] != "E0101"),
        "{diagnostics:#?}"
    );
    let hover = hover_text(&mut client, &path, 0, 8);
    assert!(hover.contains("cluster a2"), "{hover}");
    // A range past the end is clamped to it.
    client.notify(
        "textDocument/didChange",
        json!({
            "textDocument": {"uri": support::uri(&path), "version": 3},
            "contentChanges": [
                {"range": {"start": {"line": 99, "character": 0}, "end": {"line": 99, "character": 0}},
                 "text": "scenario late\n"},
            ],
        }),
    );
    client.diagnostics_at(&path, 3);
    let hover = hover_text(&mut client, &path, 6, 10);
    assert!(hover.contains("scenario late"), "{hover}");
}

#[test]
fn a_never_saved_document_gets_diagnostics_and_hover() {
    let (mut client, path) = started("never-saved");
    let unsaved = path.with_file_name("new.eco");
    assert!(!unsaved.exists());
    client.open(&unsaved, 1, "cluster z { bets_on: nowhere }\n");
    let diagnostics = client.diagnostics_at(&unsaved, 1);
    assert!(
        diagnostics.iter().any(|d| d["code"] == "E0201"),
        "{diagnostics:#?}"
    );
    let hover = hover_text(&mut client, &unsaved, 0, 8);
    assert!(hover.contains("cluster z"), "{hover}");
    still_serving(&mut client, &path);
}

#[test]
fn an_import_chain_of_3000_files_does_not_kill_the_server() {
    const FILES: usize = 3000;
    let root = folder("deep-chain", &[]);
    for i in 0..FILES {
        let import = if i + 1 < FILES {
            format!("import \"f{}.eco\"\n", i + 1)
        } else {
            String::new()
        };
        std::fs::write(
            root.join(format!("f{i}.eco")),
            format!("{import}scenario s{i}\n"),
        )
        .unwrap();
    }
    let first = root.join("f0.eco");
    let text = std::fs::read_to_string(&first).unwrap();
    let mut client = Client::initialized(&root, json!({}));
    client.open(&first, 1, &text);
    client.diagnostics_at(&first, 1);
    let hover = hover_text(&mut client, &first, 1, 9);
    assert!(hover.contains("scenario s0"), "{hover}");
}

#[test]
fn an_untitled_document_gets_diagnostics_and_hover() {
    let (mut client, path) = started("untitled");
    let untitled = "untitled:Untitled-1";
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": untitled, "languageId": "ecospec", "version": 1,
               "text": "cluster z { bets_on: nowhere }\n"}}),
    );
    client.wait_diagnostics("diagnostics of the untitled document", |d| {
        d.get(untitled).is_some_and(|(v, _)| *v == Some(1))
    });
    let diagnostics = &client.diagnostics[untitled].1;
    assert!(
        diagnostics.iter().any(|d| d["code"] == "E0201"),
        "{diagnostics:#?}"
    );
    let hover = client.result(
        "textDocument/hover",
        json!({"textDocument": {"uri": untitled}, "position": {"line": 0, "character": 8}}),
    );
    assert!(hover_value(&hover).contains("cluster z"), "{hover}");
    still_serving(&mut client, &path);
}

#[test]
fn a_flood_of_bad_frames_is_answered_and_the_session_goes_on() {
    let (mut client, path) = started("flood");
    let flood = "Content-Length: x\r\n\r\n".repeat(2000);
    client.send_bytes(flood.as_bytes());
    still_serving(&mut client, &path);
    let answered = client
        .raws
        .iter()
        .filter(|raw| raw.contains("is not a length in bytes"))
        .count();
    assert_eq!(answered, 2000);
}

/// A ranged change as an editor with incremental sync sends it: `needle`
/// (its first occurrence in `text`) replaced by `by`, positions in UTF-16.
fn ranged(text: &mut String, needle: &str, by: &str) -> serde_json::Value {
    let (line, character) = support::find(text, needle, true);
    let end_line = line + needle.matches('\n').count() as u32;
    let end_character = match needle.rfind('\n') {
        Some(i) => needle[i + 1..].encode_utf16().count() as u32,
        None => character + needle.encode_utf16().count() as u32,
    };
    let at = text.find(needle).unwrap();
    text.replace_range(at..at + needle.len(), by);
    json!({"range": {"start": {"line": line, "character": character},
                     "end": {"line": end_line, "character": end_character}},
           "text": by})
}

#[test]
fn incremental_sync_is_advertised_and_ranged_edits_give_the_diagnostics_of_a_fresh_check() {
    let root = folder("incremental-sync", &[("main.eco", TEXT)]);
    let path = root.join("main.eco");
    let mut client = Client::start();
    let response = client.request(
        "initialize",
        json!({"processId": null, "rootUri": support::uri(&root), "capabilities": {}}),
    );
    let sync = &response["result"]["capabilities"]["textDocumentSync"];
    assert_eq!(sync["change"], 2, "{sync}");
    client.notify("initialized", json!({}));
    client.open(&path, 1, TEXT);
    client.diagnostics_at(&path, 1);
    // A session of edits, each sent as ranges: characters outside the BMP
    // before an edit on the same line, lines added and removed, a rename
    // and its undoing, several changes in one notification.
    let mut text = TEXT.to_string();
    let steps: Vec<Vec<(&str, &str)>> = vec![
        vec![("cluster a {", "// 𝄞é\ncluster a {")],
        vec![("// 𝄞é\n", "// 𝄞é — a\n")],
        vec![
            ("— a\n", "— aa\n"),
            ("actor x { in: a }", "actor x { in: zz }"),
        ],
        vec![("scenario s\n", "")],
        vec![(
            "cluster b { bets_on: s }\n",
            "cluster b { bets_on: s }\nscenario s\n",
        )],
        vec![(
            "actor y { in: b }\n",
            "actor y { in: b }\nactor w { in: q, r }\n",
        )],
        vec![("in: zz", "in: a"), ("actor w { in: q, r }\n", "")],
        vec![("bets_on: s }\ncluster b", "bets_on: t }\ncluster b")],
    ];
    let mut version = 1;
    for step in &steps {
        version += 1;
        let changes: Vec<serde_json::Value> = step
            .iter()
            .map(|(needle, by)| ranged(&mut text, needle, by))
            .collect();
        client.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": support::uri(&path), "version": version},
                   "contentChanges": changes}),
        );
        let edited = client.diagnostics_at(&path, version);
        // The same text opened in a new session, checked from scratch.
        let mut fresh = Client::initialized(&root, json!({}));
        fresh.open(&path, version, &text);
        let expected = fresh.diagnostics_at(&path, version);
        assert_eq!(edited, expected, "after step {step:?}, text:\n{text}");
    }
    // The document the server holds is the text edited here.
    let hover = hover_text(&mut client, &path, 1, 8);
    assert!(hover.contains("cluster a"), "{hover}");
}

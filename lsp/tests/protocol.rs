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

/// The server still answers a hover on `a`.
fn still_serving(client: &mut Client, path: &Path) {
    let hover = client.result("textDocument/hover", Client::position(path, 0, 8));
    assert!(
        hover["contents"]["value"]
            .as_str()
            .unwrap()
            .contains("cluster a"),
        "{hover}"
    );
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
    let answer = client.response(500);
    assert!(answer["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("cluster a"));
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
    assert!(client.response(601)["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("cluster a"));
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
    assert!(client.response(701)["result"]["contents"]["value"]
        .as_str()
        .unwrap()
        .contains("cluster a"));
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

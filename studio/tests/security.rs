//! What the studio refuses, and that it keeps serving after each refusal:
//! nothing outside PATH is read or written (`..`, absolute paths, encoded
//! slashes and dots, a symbolic link out, names that are not `.eco`);
//! writes only from the trainer's own page in trainer mode; the size limits
//! (request body, WebSocket message); the limit on sessions; idle sessions
//! closed; malformed HTTP and WebSocket messages answered with an error.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::net::SocketAddr;
use std::time::Duration;

use ecospec_studio::Limits;
use futures_util::{SinkExt, StreamExt};
use support::{folder, get, put, raw, request, root_uri, start, start_with, Lsp};
use tokio_tungstenite::tungstenite::Message;

const SPEC: &str = "capability a\n";

/// The studio still answers.
async fn still_serving(address: SocketAddr) {
    let info = get(address, "/api/info").await;
    assert_eq!(info.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn no_path_leads_outside_the_folder() {
    let outside = folder(&[("secret.eco", "capability secret\n")]);
    let dir = folder(&[("a.eco", SPEC), ("sub/b.eco", SPEC)]);
    let secret = outside.path().join("secret.eco");
    std::os::unix::fs::symlink(&secret, dir.path().join("link.eco")).unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
    std::os::unix::fs::symlink("/nonexistent/x.eco", dir.path().join("dangling.eco")).unwrap();
    let address = start(dir.path()).await;
    let escape = format!(
        "/api/files/{}",
        secret.display().to_string().trim_start_matches('/')
    );
    let refused = [
        ("/api/files/../secret.eco", 400),
        ("/api/files/sub/../../secret.eco", 400),
        ("/api/files/..%2Fsecret.eco", 400),
        ("/api/files/%2e%2e/secret.eco", 400),
        ("/api/files/%2E%2E%2fsecret.eco", 400),
        ("/api/files/sub%2F..%2F..%2Fsecret.eco", 400),
        ("/api/files/sub%5Cb.eco", 400),
        ("/api/files//etc/passwd.eco", 400),
        ("/api/files/%2Fetc%2Fpasswd.eco", 400),
        ("/api/files/link.eco", 400),
        ("/api/files/out/secret.eco", 400),
        ("/api/files/dangling.eco", 400),
        ("/api/files/notes.txt", 400),
        ("/api/files/a.eco.txt", 400),
        ("/api/files/.hidden.eco", 400),
        ("/api/files/sub/./b.eco", 400),
        ("/api/files/a%00.eco", 400),
        ("/api/files/%zz.eco", 400),
        ("/api/files/%ff.eco", 400),
        ("/api/files/nofolder/x.eco", 404),
        ("/api/files/", 404),
    ];
    for (path, status) in refused {
        let reply = put(address, path, b"capability written\n").await;
        assert_eq!(
            reply.status,
            status,
            "{path}: {}",
            String::from_utf8_lossy(&reply.body)
        );
        assert!(reply.json()["error"].is_string(), "{path}");
    }
    // An absolute path through the URL's own path: a segment, not a root.
    let reply = put(address, &escape, b"capability written\n").await;
    assert!(
        matches!(reply.status, 400 | 404),
        "{escape}: {}",
        reply.status
    );
    assert_eq!(
        std::fs::read_to_string(&secret).unwrap(),
        "capability secret\n"
    );
    assert!(!outside.path().join("written.eco").exists());
    // Nothing was written inside either, but a good save still works.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        SPEC
    );
    let reply = put(address, "/api/files/a.eco", b"capability ok\n").await;
    assert_eq!(reply.status, 204);
    // Not UTF-8: refused.
    let reply = put(address, "/api/files/a.eco", b"capability \xff\n").await;
    assert_eq!(reply.status, 400);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        "capability ok\n"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn only_the_trainers_own_page_writes() {
    let dir = folder(&[("a.eco", SPEC)]);
    let address = start(dir.path()).await;
    let host = address.to_string();
    let cases: [&[(&str, &str)]; 4] = [
        &[],
        &[("Origin", "http://evil.example")],
        &[("Origin", "null")],
        &[("Origin", "https://127.0.0.1")],
    ];
    for headers in cases {
        let reply = request(
            address,
            "PUT",
            "/api/files/a.eco",
            headers,
            b"capability x\n",
        )
        .await;
        assert_eq!(reply.status, 403, "{headers:?}");
        assert!(reply.json()["error"].as_str().unwrap().contains("Origin"));
    }
    // The Host header itself must match the Origin.
    let reply = raw(
        address,
        format!(
            "PUT /api/files/a.eco HTTP/1.1\r\nHost: evil.example\r\nOrigin: http://{host}\r\n\
             Connection: close\r\nContent-Length: 2\r\n\r\nxx"
        )
        .as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 403);
    // A name rebound to 127.0.0.1 (DNS rebinding): Origin and Host agree,
    // but the Host is not a loopback address.
    let named = |name: &str| {
        format!(
            "PUT /api/files/a.eco HTTP/1.1\r\nHost: {name}:{port}\r\nOrigin: http://{name}:{port}\r\n\
             Connection: close\r\nContent-Length: 2\r\n\r\nxx",
            port = address.port()
        )
    };
    let reply = raw(address, named("evil.example").as_bytes()).await;
    assert_eq!(reply.status, 403);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        SPEC
    );
    // `localhost` is the trainer's machine too.
    let reply = raw(address, named("localhost").as_bytes()).await;
    assert_eq!(reply.status, 204);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        "xx"
    );
    std::fs::write(dir.path().join("a.eco"), SPEC).unwrap();
    // Participant mode: never, not even from the trainer's machine.
    let participant = start_with(dir.path(), "0.0.0.0", Limits::default()).await;
    let local = SocketAddr::from(([127, 0, 0, 1], participant.port()));
    let reply = put(local, "/api/files/a.eco", b"capability x\n").await;
    assert_eq!(reply.status, 403);
    assert!(reply.json()["error"].as_str().unwrap().contains("trainer"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        SPEC
    );
    still_serving(local).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_over_5_mb_is_413_and_the_studio_goes_on() {
    let dir = folder(&[("a.eco", SPEC)]);
    let address = start(dir.path()).await;
    let big = vec![b'a'; (5 << 20) + 1];
    let reply = put(address, "/api/files/a.eco", &big).await;
    assert_eq!(reply.status, 413);
    assert!(reply.json()["error"].as_str().unwrap().contains("limit"));
    // Without a length (chunked), the same.
    let origin = format!("http://{address}");
    let mut chunked = format!(
        "PUT /api/files/a.eco HTTP/1.1\r\nHost: {address}\r\nOrigin: {origin}\r\n\
         Connection: close\r\nTransfer-Encoding: chunked\r\n\r\n{:x}\r\n",
        big.len()
    )
    .into_bytes();
    chunked.extend_from_slice(&big);
    chunked.extend_from_slice(b"\r\n0\r\n\r\n");
    let reply = raw(address, &chunked).await;
    assert_eq!(reply.status, 413);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        SPEC
    );
    // Exactly 5 MB is taken.
    let reply = put(address, "/api/files/a.eco", &big[1..]).await;
    assert_eq!(reply.status, 204);
    still_serving(address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn malformed_http_is_answered_and_the_studio_goes_on() {
    let dir = folder(&[("a.eco", SPEC)]);
    let address = start(dir.path()).await;
    for garbage in [
        &b"NOT HTTP AT ALL\r\n\r\n"[..],
        b"GET / HTTP/1.1\r\nHost: x\r\nContent-Length: nope\r\n\r\n",
        b"GET /\x00 HTTP/1.1\r\n\r\n",
        b"\xff\xfe\r\n\r\n",
    ] {
        let reply = raw(address, garbage).await;
        assert_eq!(reply.status, 400, "{garbage:?}");
        still_serving(address).await;
    }
    // A WebSocket route asked without the upgrade.
    let reply = get(address, "/lsp").await;
    assert!((400..500).contains(&reply.status), "{}", reply.status);
    still_serving(address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_session_after_the_limit_is_refused_with_503() {
    let dir = folder(&[("a.eco", SPEC)]);
    // The default limit: 100 sessions, each with its own server.
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let mut open = Vec::new();
    for _ in 0..100 {
        open.push(Lsp::connect(address).await);
    }
    // Each of them is a working session.
    let mut last = open.pop().unwrap();
    let answer = last
        .request(
            "initialize",
            serde_json::json!({ "rootUri": root, "capabilities": {} }),
        )
        .await;
    assert!(answer.get("result").is_some(), "{answer}");
    open.push(last);
    let refused = tokio_tungstenite::connect_async(format!("ws://{address}/lsp")).await;
    match refused {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 503);
            let body = response.body().as_deref().unwrap_or_default();
            let error: serde_json::Value = serde_json::from_slice(body).unwrap();
            assert!(
                error["error"]
                    .as_str()
                    .unwrap()
                    .contains("the studio is full"),
                "{error}"
            );
        }
        other => panic!("not refused: {:?}", other.map(|_| ())),
    }
    // A place is given back when a session closes.
    drop(open.swap_remove(0));
    let deadline = tokio::time::Instant::now() + Duration::from_secs(10);
    loop {
        let again = tokio_tungstenite::connect_async(format!("ws://{address}/lsp")).await;
        if again.is_ok() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "no place given back"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_idle_session_is_closed() {
    let dir = folder(&[("a.eco", SPEC)]);
    let limits = Limits {
        idle: Duration::from_secs(1),
        ..Limits::default()
    };
    let address = start_with(dir.path(), "127.0.0.1", limits).await;
    let root = root_uri(address).await;
    let mut lsp = Lsp::initialized(address, &root).await;
    let started = std::time::Instant::now();
    let close = loop {
        match tokio::time::timeout(Duration::from_secs(10), lsp.socket.next()).await {
            Ok(Some(Ok(Message::Close(frame)))) => break frame,
            Ok(Some(Ok(_))) => continue,
            other => panic!("no close: {other:?}"),
        }
    };
    assert!(started.elapsed() >= Duration::from_millis(900));
    let frame = close.unwrap();
    assert_eq!(u16::from(frame.code), 1001);
    assert!(frame.reason.as_str().contains("idle"));
    still_serving(address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_websocket_message_over_5_mb_closes_that_socket_only() {
    let dir = folder(&[("a.eco", SPEC)]);
    let address = start(dir.path()).await;
    let root = root_uri(address).await;
    let mut other = Lsp::initialized(address, &root).await;
    let mut lsp = Lsp::initialized(address, &root).await;
    let big = format!(
        r#"{{"jsonrpc":"2.0","method":"x","params":"{}"}}"#,
        "a".repeat(5 << 20)
    );
    let _ = lsp.socket.send(Message::Text(big.into())).await;
    let ended = loop {
        match tokio::time::timeout(Duration::from_secs(10), lsp.socket.next()).await {
            Ok(Some(Ok(Message::Close(frame)))) => break frame.map(|f| u16::from(f.code)),
            Ok(Some(Ok(_))) => continue,
            Ok(Some(Err(_)) | None) => break None,
            Err(_) => panic!("the socket stayed open"),
        }
    };
    assert_eq!(ended, Some(1009));
    // The other tab's session goes on.
    let answer = other
        .request("ecospec/explain", serde_json::json!({ "code": "W0401" }))
        .await;
    assert_eq!(answer["result"]["code"], "W0401");
    still_serving(address).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn another_site_reads_nothing() {
    use tokio_tungstenite::tungstenite::client::IntoClientRequest;
    let dir = folder(&[("a.eco", SPEC)]);
    let address = start(dir.path()).await;
    let port = address.port();
    // A page under a name rebound to 127.0.0.1 (DNS rebinding): refused
    // for every route in trainer mode.
    for path in ["/api/files", "/api/info", "/", "/lsp"] {
        let reply = raw(
            address,
            format!(
                "GET {path} HTTP/1.1\r\nHost: evil.example:{port}\r\nConnection: close\r\n\r\n"
            )
            .as_bytes(),
        )
        .await;
        assert_eq!(reply.status, 403, "{path}");
        assert!(
            reply.json()["error"].as_str().unwrap().contains("loopback"),
            "{path}"
        );
    }
    let reply = raw(
        address,
        format!("GET /api/files HTTP/1.1\r\nHost: localhost:{port}\r\nConnection: close\r\n\r\n")
            .as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 200);
    // A WebSocket opened by another site's page (browsers send its Origin).
    let url = format!("ws://{address}/lsp");
    let mut foreign = url.as_str().into_client_request().unwrap();
    foreign
        .headers_mut()
        .insert("Origin", "http://evil.example".parse().unwrap());
    match tokio_tungstenite::connect_async(foreign).await {
        Err(tokio_tungstenite::tungstenite::Error::Http(response)) => {
            assert_eq!(response.status(), 403);
        }
        other => panic!("not refused: {:?}", other.map(|_| ())),
    }
    // The studio's own page may.
    let mut own = url.as_str().into_client_request().unwrap();
    own.headers_mut()
        .insert("Origin", format!("http://{address}").parse().unwrap());
    assert!(tokio_tungstenite::connect_async(own).await.is_ok());
    // In participant mode the laptop's own address is the participants'.
    let participant = start_with(dir.path(), "0.0.0.0", Limits::default()).await;
    let local = SocketAddr::from(([127, 0, 0, 1], participant.port()));
    let reply = raw(
        local,
        format!(
            "GET /api/files HTTP/1.1\r\nHost: 192.168.1.10:{}\r\nConnection: close\r\n\r\n",
            participant.port()
        )
        .as_bytes(),
    )
    .await;
    assert_eq!(reply.status, 200);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_tab_that_stops_reading_gives_its_place_back() {
    let dir = folder(&[("a.eco", SPEC)]);
    let limits = Limits {
        sessions: 1,
        idle: Duration::from_secs(1),
        ..Limits::default()
    };
    let address = start_with(dir.path(), "127.0.0.1", limits).await;
    let root = root_uri(address).await;
    let mut greedy = Lsp::initialized(address, &root).await;
    // Far more answers than the socket's buffers hold, never read.
    let request =
        r#"{"jsonrpc":"2.0","id":1,"method":"ecospec/explain","params":{"code":"W0401"}}"#;
    for _ in 0..20_000 {
        greedy
            .socket
            .feed(Message::Text(request.into()))
            .await
            .unwrap();
    }
    greedy.socket.flush().await.unwrap();
    let deadline = tokio::time::Instant::now() + Duration::from_secs(30);
    loop {
        let next = tokio_tungstenite::connect_async(format!("ws://{address}/lsp")).await;
        if next.is_ok() {
            break;
        }
        assert!(
            tokio::time::Instant::now() < deadline,
            "the place was never given back"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    drop(greedy);
}

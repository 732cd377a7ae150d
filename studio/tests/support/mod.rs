//! What the studio's tests share: a studio started in the test's own
//! runtime on a free loopback port, raw HTTP requests (so that malformed
//! ones can be sent too), and an LSP client over the WebSocket. Every wait
//! has a timeout.
// Each test binary uses some of these helpers, none uses all.
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::net::{IpAddr, SocketAddr};
use std::path::Path;
use std::time::Duration;

use ecospec_studio::{Limits, Options, Studio};
use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream};

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Starts a studio on `root` bound to `bind` (port 0); its address.
pub async fn start_with(root: &Path, bind: &str, limits: Limits) -> SocketAddr {
    let options = Options {
        root: root.to_path_buf(),
        bind: bind.parse::<IpAddr>().unwrap(),
        port: 0,
        limits,
    };
    let studio = Studio::bind(options).await.unwrap();
    let address = studio.address();
    tokio::spawn(studio.serve(std::future::pending()));
    address
}

/// A trainer-mode studio on `root` with the default limits.
pub async fn start(root: &Path) -> SocketAddr {
    start_with(root, "127.0.0.1", Limits::default()).await
}

/// An HTTP response: status, headers (lowercase names), body.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&self.body)))
    }

    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` (raw bytes) on a new connection and reads the response
/// until the server closes it (`Connection: close` is the caller's).
pub async fn raw(address: SocketAddr, request: &[u8]) -> Reply {
    let stream = TcpStream::connect(address).await.unwrap();
    let (mut reader, mut writer) = stream.into_split();
    // Written while the answer is read: the studio may answer (413) and
    // close before the whole body is sent.
    let request = request.to_vec();
    let writing = tokio::spawn(async move {
        let _ = writer.write_all(&request).await;
        writer
    });
    let mut bytes = Vec::new();
    // A reset after the answer (the body left unread) ends the reading.
    let _ = tokio::time::timeout(TIMEOUT, reader.read_to_end(&mut bytes))
        .await
        .expect("the studio did not answer");
    drop(writing.await);
    parse(&bytes)
}

fn parse(bytes: &[u8]) -> Reply {
    let end = bytes
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no response: {:?}", String::from_utf8_lossy(bytes)));
    let head = String::from_utf8_lossy(&bytes[..end]).into_owned();
    let mut lines = head.split("\r\n");
    let status = lines
        .next()
        .unwrap()
        .split(' ')
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    let headers: Vec<(String, String)> = lines
        .filter_map(|line| line.split_once(':'))
        .map(|(n, v)| (n.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    let mut body = bytes[end + 4..].to_vec();
    let chunked = headers
        .iter()
        .any(|(n, v)| n == "transfer-encoding" && v.contains("chunked"));
    if chunked {
        body = unchunk(&body);
    }
    Reply {
        status,
        headers,
        body,
    }
}

fn unchunk(mut bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let Some(line_end) = bytes.windows(2).position(|w| w == b"\r\n") else {
            return out;
        };
        let size =
            usize::from_str_radix(std::str::from_utf8(&bytes[..line_end]).unwrap().trim(), 16)
                .unwrap();
        if size == 0 {
            return out;
        }
        out.extend_from_slice(&bytes[line_end + 2..line_end + 2 + size]);
        bytes = &bytes[line_end + 2 + size + 2..];
    }
}

/// A request with the given method, path, extra headers and body.
pub async fn request(
    address: SocketAddr,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
) -> Reply {
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    let mut bytes = text.into_bytes();
    bytes.extend_from_slice(body);
    raw(address, &bytes).await
}

pub async fn get(address: SocketAddr, path: &str) -> Reply {
    request(address, "GET", path, &[], b"").await
}

/// A save as the trainer's page makes it (its Origin is the studio's).
pub async fn put(address: SocketAddr, path: &str, body: &[u8]) -> Reply {
    let origin = format!("http://{address}");
    request(address, "PUT", path, &[("Origin", &origin)], body).await
}

type Socket = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// An LSP client over the studio's WebSocket.
pub struct Lsp {
    pub socket: Socket,
    next_id: i64,
    /// Notifications seen while waiting for something else.
    pub backlog: Vec<Value>,
}

impl Lsp {
    pub async fn connect(address: SocketAddr) -> Lsp {
        let (socket, _) = tokio_tungstenite::connect_async(format!("ws://{address}/lsp"))
            .await
            .unwrap();
        Lsp {
            socket,
            next_id: 0,
            backlog: Vec::new(),
        }
    }

    /// Connects and initializes with the studio's folder as `rootUri`.
    pub async fn initialized(address: SocketAddr, root_uri: &str) -> Lsp {
        let mut lsp = Lsp::connect(address).await;
        let result = lsp
            .request(
                "initialize",
                json!({ "rootUri": root_uri, "capabilities": {} }),
            )
            .await;
        assert!(result.get("result").is_some(), "{result}");
        lsp.notify("initialized", json!({})).await;
        lsp
    }

    pub async fn send_text(&mut self, text: String) {
        self.socket.send(Message::Text(text.into())).await.unwrap();
    }

    pub async fn notify(&mut self, method: &str, params: Value) {
        let message = json!({ "jsonrpc": "2.0", "method": method, "params": params });
        self.send_text(message.to_string()).await;
    }

    /// The next text message, or `None` when the socket closed.
    pub async fn next(&mut self) -> Option<Value> {
        loop {
            let message = tokio::time::timeout(TIMEOUT, self.socket.next())
                .await
                .expect("no message from the studio in time")?;
            match message.ok()? {
                Message::Text(text) => return Some(serde_json::from_str(text.as_str()).unwrap()),
                Message::Close(_) => return None,
                _ => continue,
            }
        }
    }

    /// Sends a request; its response (the whole message).
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        self.next_id += 1;
        let id = self.next_id;
        let message = json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params });
        self.send_text(message.to_string()).await;
        self.response(json!(id)).await
    }

    /// The response with this id; notifications meanwhile go to the backlog.
    pub async fn response(&mut self, id: Value) -> Value {
        loop {
            let message = self.next().await.expect("the socket closed");
            if message.get("id") == Some(&id) && message.get("method").is_none() {
                return message;
            }
            self.backlog.push(message);
        }
    }

    /// The next `publishDiagnostics` for `uri` (backlog first).
    pub async fn diagnostics(&mut self, uri: &str) -> Value {
        let is_it = |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri
        };
        if let Some(at) = self.backlog.iter().position(is_it) {
            return self.backlog.remove(at)["params"].clone();
        }
        loop {
            let message = self.next().await.expect("the socket closed");
            if is_it(&message) {
                return message["params"].clone();
            }
            self.backlog.push(message);
        }
    }

    pub async fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({ "textDocument": { "uri": uri, "languageId": "ecospec", "version": 1, "text": text } }),
        )
        .await;
    }

    pub async fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        )
        .await;
    }
}

/// A fresh folder (removed when dropped) holding these files.
pub use test_support::folder;

/// The `rootUri` the studio reports.
pub async fn root_uri(address: SocketAddr) -> String {
    get(address, "/api/info").await.json()["rootUri"]
        .as_str()
        .unwrap()
        .to_string()
}

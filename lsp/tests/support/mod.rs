//! A client for the tests: spawns the built server and speaks JSON-RPC with
//! Content-Length framing over its stdin and stdout. Every wait has a timeout.
//! What every test binary of the workspace needs (the repository's folder,
//! walking `.eco` files) is the shared `test_support` crate (tests/support/).
// Each test binary uses some of these helpers, none uses all.
#![allow(
    dead_code,
    unused_imports,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdin, Command, Stdio};
use std::sync::mpsc::{Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use serde_json::{json, Value};

pub const TIMEOUT: Duration = Duration::from_secs(30);

/// The error code of invalid parameters (JSON-RPC).
pub const INVALID_PARAMS: i64 = -32602;

pub struct Client {
    child: Child,
    stdin: ChildStdin,
    messages: Receiver<(Value, String)>,
    next_id: i64,
    /// Notifications and server requests seen while waiting for something else.
    pub backlog: Vec<Value>,
    /// The latest diagnostics per URI, with their version.
    pub diagnostics: HashMap<String, (Option<i64>, Vec<Value>)>,
    /// The text of every message received, as the server wrote it.
    pub raws: Vec<String>,
}

/// The repository's top folder (the helpers all test binaries share).
pub use test_support::repo_root as repo;

pub fn uri(path: &Path) -> String {
    let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    format!("file://{}", path.display())
}

/// The All In example, canonical.
pub fn all_in() -> PathBuf {
    std::fs::canonicalize(repo().join("examples/all-in")).unwrap()
}

/// A fresh folder under the test target dir holding these files.
pub fn folder(name: &str, files: &[(&str, &str)]) -> PathBuf {
    let dir =
        Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("lsp-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for (file, text) in files {
        std::fs::write(dir.join(file), text).unwrap();
    }
    std::fs::canonicalize(dir).unwrap()
}

fn read_message(reader: &mut impl BufRead) -> Option<(Value, String)> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(n) = line.strip_prefix("Content-Length: ") {
            length = n.parse::<usize>().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).ok()?;
    let raw = String::from_utf8(body).ok()?;
    Some((serde_json::from_str(&raw).ok()?, raw))
}

impl Client {
    pub fn start() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_ecospec-lsp"))
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            while let Some(message) = read_message(&mut reader) {
                if tx.send(message).is_err() {
                    break;
                }
            }
        });
        Client {
            child,
            stdin,
            messages: rx,
            next_id: 1,
            backlog: Vec::new(),
            diagnostics: HashMap::new(),
            raws: Vec::new(),
        }
    }

    /// Starts a server and initializes it on `root`.
    pub fn initialized(root: &Path, capabilities: Value) -> Client {
        let mut client = Client::start();
        let response = client.request(
            "initialize",
            json!({
                "processId": null,
                "rootUri": uri(root),
                "workspaceFolders": [{"uri": uri(root), "name": "root"}],
                "capabilities": capabilities,
            }),
        );
        assert!(response.get("result").is_some(), "{response}");
        client.notify("initialized", json!({}));
        client
    }

    /// Bytes as they are, framing included.
    pub fn send_bytes(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// The first message whose text holds `needle`, as written.
    pub fn raw_message(&mut self, needle: &str) -> String {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            if let Some(raw) = self.raws.iter().find(|raw| raw.contains(needle)) {
                return raw.clone();
            }
            if self.next(deadline).is_none() {
                panic!("no message holding `{needle}`; got {:#?}", self.raws);
            }
        }
    }

    /// The exit status of the server, if it ends within `within`.
    pub fn exit_status(&mut self, within: Duration) -> Option<std::process::ExitStatus> {
        let deadline = Instant::now() + within;
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            if Instant::now() > deadline {
                return None;
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn send_raw(&mut self, body: &str) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n{}", body.len(), body).unwrap();
        self.stdin.flush().unwrap();
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        let body = json!({"jsonrpc": "2.0", "method": method, "params": params}).to_string();
        self.send_raw(&body);
    }

    pub fn send_request(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        let body =
            json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}).to_string();
        self.send_raw(&body);
        id
    }

    /// The next message, noting diagnostics and answering server requests.
    pub fn next(&mut self, deadline: Instant) -> Option<Value> {
        let left = deadline.saturating_duration_since(Instant::now());
        let message = match self.messages.recv_timeout(left) {
            Ok((message, raw)) => {
                self.raws.push(raw);
                message
            }
            Err(RecvTimeoutError::Timeout) => return None,
            Err(RecvTimeoutError::Disconnected) => panic!("the server closed its output"),
        };
        if message["method"] == "textDocument/publishDiagnostics" {
            let params = &message["params"];
            let uri = params["uri"].as_str().unwrap().to_string();
            let items = params["diagnostics"]
                .as_array()
                .cloned()
                .unwrap_or_default();
            self.diagnostics
                .insert(uri, (params["version"].as_i64(), items));
        }
        if message.get("method").is_some() && message.get("id").is_some() {
            let body = json!({"jsonrpc": "2.0", "id": message["id"], "result": null}).to_string();
            self.send_raw(&body);
        }
        Some(message)
    }

    /// The response to request `id`.
    pub fn response(&mut self, id: i64) -> Value {
        let deadline = Instant::now() + TIMEOUT;
        loop {
            let message = self
                .next(deadline)
                .unwrap_or_else(|| panic!("no response to request {id}"));
            if message.get("method").is_none() && message["id"] == json!(id) {
                return message;
            }
            self.backlog.push(message);
        }
    }

    pub fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.send_request(method, params);
        self.response(id)
    }

    /// The result of a request that must succeed.
    pub fn result(&mut self, method: &str, params: Value) -> Value {
        let response = self.request(method, params);
        assert!(response.get("error").is_none(), "{method}: {response}");
        response["result"].clone()
    }

    pub fn open(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri(path), "languageId": "ecospec", "version": version, "text": text}}),
        );
    }

    pub fn change(&mut self, path: &Path, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri(path), "version": version}, "contentChanges": [{"text": text}]}),
        );
    }

    /// Waits until `done` holds over the latest diagnostics.
    pub fn wait_diagnostics(
        &mut self,
        what: &str,
        done: impl Fn(&HashMap<String, (Option<i64>, Vec<Value>)>) -> bool,
    ) {
        let deadline = Instant::now() + TIMEOUT;
        while !done(&self.diagnostics) {
            if self.next(deadline).is_none() {
                panic!(
                    "timed out waiting for {what}; latest diagnostics: {:#?}",
                    self.diagnostics
                );
            }
        }
    }

    /// The diagnostics of a file once they are published for `version`.
    pub fn diagnostics_at(&mut self, path: &Path, version: i64) -> Vec<Value> {
        let key = uri(path);
        self.wait_diagnostics(&format!("diagnostics of {key} at version {version}"), |d| {
            d.get(&key).is_some_and(|(v, _)| *v == Some(version))
        });
        self.diagnostics[&key].1.clone()
    }

    pub fn position(path: &Path, line: u32, character: u32) -> Value {
        json!({"textDocument": {"uri": uri(path)}, "position": {"line": line, "character": character}})
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The line and character (in the given unit count) of the first `needle`.
pub fn find(text: &str, needle: &str, utf16: bool) -> (u32, u32) {
    let offset = text
        .find(needle)
        .unwrap_or_else(|| panic!("`{needle}` not in text"));
    let before = &text[..offset];
    let line = before.matches('\n').count() as u32;
    let line_text = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let character = if utf16 {
        line_text.encode_utf16().count()
    } else {
        line_text.len()
    };
    (line, character as u32)
}

//! Latency of the language server on a generated 20,000-line spec, in one
//! file or cut into FILES files (a root importing the others): from
//! `didChange` to the `publishDiagnostics` of that version, as the editor
//! sees it, and of hover, definition and completion requests. Then, with
//! EDITS > 0, the server's resident memory over that many more edits. Build
//! the server first, then run
//!
//! ```text
//! cargo build --release -p ecospec-lsp
//! cargo run --release -p ecospec-lsp --example latency [SERVER] [LINES] [FILES] [EDITS] [SYNC]
//! ```
//!
//! SERVER defaults to `target/release/ecospec-lsp`, LINES to 20000, FILES to
//! 1, EDITS to 0, SYNC to `ranged`: each `didChange` carries the edit as a
//! range, as editors do with incremental sync; `full` sends the whole
//! document each time instead (for comparison).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

fn spec(lines: usize) -> String {
    let mut out = String::new();
    for i in 0..200 {
        out.push_str(&format!(
            "/// Capability {i}.\ncapability cap{i} \"Capability {i}\"\n"
        ));
    }
    for i in 0..50 {
        out.push_str(&format!("scenario sc{i} \"Scenario {i}\"\n"));
    }
    let clusters = (lines.saturating_sub(450)) / 13;
    for c in 0..clusters {
        let next = (c + 1) % clusters;
        out.push_str(&format!(
            "/// Cluster {c}.\ncluster cl{c} \"Cluster {c}\" {{\n    bets_on: sc{}\n    needs: cap{}, cap{}\n}}\n\
             actor a{c}: campaign \"Actor {c}\" {{\n    in: cl{c}\n    provides: cap{}, cap{}\n}}\n\
             bridge b{c} between cl{c} and cl{next} {{\n    via: cap{}\n}}\n\n",
            c % 50, c % 200, (c + 1) % 200, c % 200,
            // Every tenth cluster misses a capability: W0403.
            if c % 10 == 0 { (c + 2) % 200 } else { (c + 1) % 200 },
            c % 200,
        ));
        if c < 50 {
            out.push_str(&format!("on sc{c} {{ activate: cl{c} }}\n"));
        }
    }
    out
}

struct Client {
    stdin: ChildStdin,
    messages: Receiver<Value>,
    id: i64,
}

impl Client {
    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        self.id += 1;
        let id = self.id;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .expect("a response");
            if message.get("method").is_none() && message["id"] == json!(id) {
                return message;
            }
        }
    }

    fn wait_diagnostics(&mut self, version: i64) {
        loop {
            let message = self
                .messages
                .recv_timeout(Duration::from_secs(60))
                .expect("diagnostics");
            if message["method"] == "textDocument/publishDiagnostics"
                && message["params"]["version"] == json!(version)
            {
                return;
            }
        }
    }
}

fn summary(name: &str, mut samples: Vec<Duration>) {
    samples.sort();
    let at = |q: f64| samples[((samples.len() - 1) as f64 * q).round() as usize];
    println!(
        "{name:<28} median {:>8.2} ms   p90 {:>8.2} ms   p95 {:>8.2} ms   ({} runs)",
        at(0.5).as_secs_f64() * 1000.0,
        at(0.9).as_secs_f64() * 1000.0,
        at(0.95).as_secs_f64() * 1000.0,
        samples.len()
    );
}

/// The spec cut into `files` files at cluster comments: `part0.eco` (the
/// capabilities, the scenarios and the first clusters) imports the others.
fn split(text: &str, files: usize) -> Vec<(String, String)> {
    if files < 2 {
        return vec![("big.eco".to_string(), text.to_string())];
    }
    let starts: Vec<usize> = text.match_indices("/// Cluster ").map(|(i, _)| i).collect();
    let mut cuts = vec![0];
    for k in 1..files {
        cuts.push(starts[starts.len() * k / files]);
    }
    cuts.push(text.len());
    let mut parts: Vec<(String, String)> = cuts
        .windows(2)
        .enumerate()
        .map(|(k, w)| (format!("part{k}.eco"), text[w[0]..w[1]].to_string()))
        .collect();
    let imports: String = (1..files)
        .map(|k| format!("import \"part{k}.eco\"\n"))
        .collect();
    parts[0].1.insert_str(0, &imports);
    parts
}

/// The CPU time the server used so far (all its threads), in ms (Linux).
fn cpu_ms(pid: u32) -> Option<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).ok()?;
    // The fields after the command name (which may hold spaces).
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    // USER_HZ is 100 on Linux.
    Some(ticks * 10.0)
}

/// The server's resident set, in KiB (Linux).
fn rss_kib(pid: u32) -> Option<u64> {
    let statm = std::fs::read_to_string(format!("/proc/{pid}/statm")).ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let server = args
        .get(1)
        .cloned()
        .unwrap_or_else(|| "target/release/ecospec-lsp".to_string());
    let lines: usize = args.get(2).and_then(|n| n.parse().ok()).unwrap_or(20_000);
    let files: usize = args.get(3).and_then(|n| n.parse().ok()).unwrap_or(1);
    let edits: usize = args.get(4).and_then(|n| n.parse().ok()).unwrap_or(0);
    let full = match args.get(5).map(String::as_str) {
        None | Some("ranged") => false,
        Some("full") => true,
        Some(other) => panic!("SYNC is `ranged` or `full`, not `{other}`"),
    };
    let dir = std::env::temp_dir().join(format!("ecospec-latency-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let dir = std::fs::canonicalize(&dir).unwrap();
    let whole = spec(lines);
    let parts = split(&whole, files);
    for (name, part) in &parts {
        std::fs::write(dir.join(name), part).unwrap();
    }
    // The file edited: the middle one.
    let (name, text) = parts[parts.len() / 2].clone();
    let path = dir.join(&name);
    let uri = format!("file://{}", path.display());
    println!(
        "spec: {} lines, {} bytes in {} file(s), editing {name} ({} lines), {} sync; server: {server}",
        whole.lines().count(),
        whole.len(),
        parts.len(),
        text.lines().count(),
        if full { "full" } else { "ranged" },
    );
    if let Ok(load) = std::fs::read_to_string("/proc/loadavg") {
        println!("load average: {}", load.trim());
    }

    let mut child = Command::new(&server)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the server (build it with cargo build --release -p ecospec-lsp)");
    let pid = child.id();
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let mut reader = BufReader::new(stdout);
        loop {
            let mut length = 0;
            loop {
                let mut line = String::new();
                if reader.read_line(&mut line).unwrap_or(0) == 0 {
                    return;
                }
                if line.trim().is_empty() {
                    break;
                }
                if let Some(n) = line.trim().strip_prefix("Content-Length: ") {
                    length = n.parse().unwrap();
                }
            }
            let mut body = vec![0; length];
            reader.read_exact(&mut body).unwrap();
            if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                return;
            }
        }
    });
    let mut client = Client {
        stdin: child.stdin.take().unwrap(),
        messages: rx,
        id: 0,
    };
    let folder = format!("file://{}", dir.display());
    client.request(
        "initialize",
        json!({"processId": null, "rootUri": folder, "capabilities": {}}),
    );
    client.send(json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}));
    client.send(
        json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {
        "textDocument": {"uri": uri, "languageId": "ecospec", "version": 1, "text": text}}}),
    );
    client.wait_diagnostics(1);

    // Each edit adds a need to a cluster in the middle of the file, or
    // takes it away: its diagnostics change each time.
    let needs = text[text.len() / 2..].find("    needs: cap").unwrap() + text.len() / 2 + 11;
    let inserted = "cap199, ";
    let line = text[..needs].matches('\n').count();
    let column = needs - text[..needs].rfind('\n').map_or(0, |i| i + 1);
    let at = |character: usize| json!({"line": line, "character": character});
    let edit = |version: i64| {
        if full {
            let mut edited = text.clone();
            if version % 2 == 0 {
                edited.insert_str(needs, inserted);
            }
            json!({"text": edited})
        } else if version % 2 == 0 {
            json!({"range": {"start": at(column), "end": at(column)}, "text": inserted})
        } else {
            let end = column + inserted.len();
            json!({"range": {"start": at(column), "end": at(end)}, "text": ""})
        }
    };
    let mut version = 1;
    let mut change = |client: &mut Client| {
        version += 1;
        let edit = edit(version);
        let start = Instant::now();
        client.send(
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [edit]}}),
        );
        client.wait_diagnostics(version);
        start.elapsed()
    };
    let cpu_before = cpu_ms(pid);
    let changes: Vec<Duration> = (0..200).map(|_| change(&mut client)).collect();
    let cpu = cpu_ms(pid)
        .zip(cpu_before)
        .map(|(after, before)| after - before);
    summary("didChange → diagnostics", changes);
    if let Some(cpu) = cpu {
        // Less sensitive to the machine's load than the times above.
        println!("server CPU per edit          {:>8.2} ms", cpu / 200.0);
    }
    if edits > 0 {
        let before = rss_kib(pid).unwrap_or(0);
        println!("server RSS after 200 edits: {} MiB", before / 1024);
        let mut peak = before;
        for n in 1..=edits {
            change(&mut client);
            if n % 1000 == 0 {
                let now = rss_kib(pid).unwrap_or(0);
                peak = peak.max(now);
                println!("server RSS after {} more edits: {} MiB", n, now / 1024);
            }
        }
        // Flat: no growth with the number of edits beyond allocator noise.
        assert!(
            peak <= before + before / 4 + 16 * 1024,
            "the server's memory grew from {before} KiB to {peak} KiB over {edits} edits"
        );
    }

    // Positions: a use of a cluster in an actor's `in:`.
    let target = text.find("    in: cl").unwrap() + 8;
    let line = text[..target].matches('\n').count();
    let at = json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 8}});
    for (name, method) in [
        ("hover", "textDocument/hover"),
        ("definition", "textDocument/definition"),
        ("completion", "textDocument/completion"),
    ] {
        let mut samples = Vec::new();
        for _ in 0..200 {
            let start = Instant::now();
            let response = client.request(method, at.clone());
            samples.push(start.elapsed());
            assert!(response.get("error").is_none(), "{response}");
        }
        summary(name, samples);
    }
    // The same check as a library call, for comparison: what the server
    // adds on top is conversion, JSON and transport.
    let mut cache = ecospec::incremental::ParseCache::new();
    for (name, cached) in [
        ("ecospec::check alone", false),
        ("  the same, trees cached", true),
    ] {
        let mut checks = Vec::new();
        for _ in 0..20 {
            let start = Instant::now();
            let inputs = [ecospec::load::Input::Folder(dir.clone())];
            let outcome = ecospec::check::check_with(
                &ecospec::load::RealFs,
                &inputs,
                &ecospec::check::Options {
                    record_names: true,
                    consume_trees: false,
                    ..ecospec::check::Options::default()
                },
                cached.then_some(&mut cache),
            )
            .unwrap();
            checks.push(start.elapsed());
            assert!(!outcome.diagnostics.is_empty());
        }
        summary(name, checks);
    }
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_dir_all(&dir);
}

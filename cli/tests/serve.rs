//! `ecospec serve` as a trainer runs it: the one line with its address,
//! refusals of a bad PATH, Ctrl-C; and the load of a workshop on loopback
//! (bounded, it stops by itself): 50 tabs, each making 100 edits to the All
//! In example and waiting for the diagnostics of each version, measured
//! from edit to diagnostics, with the server's memory before, during and
//! after, and no tab ever seeing another's text.
//!
//! The load's size and pace can be changed for a measurement
//! (`STUDIO_LOAD_SESSIONS`, `STUDIO_LOAD_EDITS`, `STUDIO_LOAD_PACE_MS`);
//! docs/src/performance.md has the figures and the command.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use futures_util::{SinkExt, StreamExt};
use serde_json::{json, Value};
use test_support::{folder, repo_root, text, Program};
use tokio_tungstenite::tungstenite::Message;

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// A running `ecospec serve`, killed when dropped.
struct Served {
    child: Child,
    address: SocketAddr,
    banner: String,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(path: &Path, extra: &[&str]) -> Served {
    let mut child = ECOSPEC
        .command()
        .arg("serve")
        .arg(path)
        .args(["--port", "0"])
        .args(extra)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::inherit())
        .spawn()
        .unwrap();
    let mut banner = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut banner)
        .unwrap();
    let address = banner
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .unwrap_or_else(|| panic!("no address in {banner:?}"))
        .parse()
        .unwrap();
    Served {
        child,
        address,
        banner,
    }
}

fn sigint(child: &Child) {
    // The shell's own `kill`: /bin/kill (procps) is not on every machine.
    let status = Command::new("sh")
        .args(["-c", &format!("kill -INT {}", child.id())])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn serve_prints_its_address_and_stops_on_ctrl_c() {
    let dir = folder(&[("a.eco", "capability a\n")]);
    let mut served = serve(dir.path(), &[]);
    let port = served.address.port();
    assert_ne!(port, 0);
    assert_eq!(
        served.banner,
        format!(
            "ecospec studio: http://127.0.0.1:{port}/ (trainer mode: edits are saved under PATH)\n"
        )
    );
    // Stops even with a tab open.
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let socket = runtime
        .block_on(tokio_tungstenite::connect_async(format!(
            "ws://{}/lsp",
            served.address
        )))
        .unwrap();
    sigint(&served.child);
    let deadline = Instant::now() + Duration::from_secs(10);
    let exit = loop {
        if let Some(exit) = served.child.try_wait().unwrap() {
            break exit;
        }
        assert!(Instant::now() < deadline, "serve did not stop on SIGINT");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0));
    drop(socket);
    let participant = serve(dir.path(), &["--bind", "0.0.0.0"]);
    assert!(
        participant
            .banner
            .ends_with("/ (participant mode: edits stay in each browser)\n"),
        "{}",
        participant.banner
    );
}

#[test]
fn serve_refuses_a_path_that_is_not_a_folder_and_a_bad_address() {
    let dir = folder(&[("a.eco", "capability a\n")]);
    for args in [
        &["serve", "a.eco", "--port", "0"][..],
        &["serve", "missing", "--port", "0"],
    ] {
        let out = ECOSPEC.run(dir.path(), args);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = text(&out.stderr);
        assert!(stderr.starts_with("error: cannot serve"), "{stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
    }
    let out = ECOSPEC.run(dir.path(), &["serve", "--bind", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    // A port already taken: one line, exit 2.
    let served = serve(dir.path(), &[]);
    let port = served.address.port().to_string();
    let out = ECOSPEC.run(dir.path(), &["serve", "--port", &port]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("cannot listen on 127.0.0.1"),
        "{}",
        text(&out.stderr)
    );
}

fn setting(name: &str, default: u64) -> u64 {
    std::env::var(name)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(default)
}

/// A number of the server's `/proc/PID/status` (`VmRSS` in KiB, `Threads`).
fn status(pid: u32, field: &str) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field)?.strip_prefix(':'))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// The server's resident memory, in KiB.
fn rss_kib(pid: u32) -> u64 {
    status(pid, "VmRSS")
}

/// The marker of one session's edit: an unknown cluster name no other
/// session writes (`mobilizaton_s7_v42`).
fn marker(session: u64, version: u64) -> String {
    format!("mobilizaton_s{session}_v{version}")
}

/// Every session number named by a marker in `text`.
fn sessions_named(text: &str) -> Vec<u64> {
    text.match_indices("mobilizaton_s")
        .filter_map(|(at, found)| {
            let digits: String = text[at + found.len()..]
                .chars()
                .take_while(char::is_ascii_digit)
                .collect();
            digits.parse().ok()
        })
        .collect()
}

struct Round {
    /// From each edit to its diagnostics, sorted.
    latencies: Vec<Duration>,
}

/// One tab: opens the example, then edits `mobilization.eco` `edits`
/// times, each time waiting for the diagnostics of that version.
async fn tab(
    address: SocketAddr,
    root: PathBuf,
    session: u64,
    edits: u64,
    pace: Duration,
) -> Vec<Duration> {
    let (mut socket, _) = tokio_tungstenite::connect_async(format!("ws://{address}/lsp"))
        .await
        .unwrap();
    let root_uri = format!("file://{}/", root.display());
    let send = |value: Value| Message::Text(value.to_string().into());
    socket
        .send(send(
            json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"rootUri": root_uri, "capabilities": {}}}),
        ))
        .await
        .unwrap();
    // The protocol drops notifications before `initialize` is answered.
    loop {
        let message = tokio::time::timeout(Duration::from_secs(60), socket.next())
            .await
            .unwrap_or_else(|_| panic!("session {session}: no answer to initialize"))
            .unwrap()
            .unwrap();
        if let Message::Text(raw) = message {
            let value: Value = serde_json::from_str(raw.as_str()).unwrap();
            if value["id"] == 1 {
                break;
            }
        }
    }
    socket
        .send(send(
            json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        ))
        .await
        .unwrap();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&root)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "eco"))
        .collect();
    files.sort();
    for path in &files {
        let text = std::fs::read_to_string(path).unwrap();
        let uri = format!("file://{}", path.display());
        socket
            .send(send(json!({"jsonrpc": "2.0", "method": "textDocument/didOpen",
                "params": {"textDocument": {"uri": uri, "languageId": "ecospec", "version": 1, "text": text}}})))
            .await
            .unwrap();
    }
    let edited = root.join("mobilization.eco");
    let original = std::fs::read_to_string(&edited).unwrap();
    let uri = format!("file://{}", edited.display());
    let mut latencies = Vec::new();
    for version in 2..edits + 2 {
        let name = marker(session, version);
        let text = format!(
            "{original}\nactor visitor_s{session}: collective \"Visitor\" {{ in: {name} }}\n"
        );
        let started = Instant::now();
        socket
            .send(send(
                json!({"jsonrpc": "2.0", "method": "textDocument/didChange",
                "params": {"textDocument": {"uri": uri, "version": version},
                           "contentChanges": [{"text": text}]}}),
            ))
            .await
            .unwrap();
        loop {
            let message = tokio::time::timeout(Duration::from_secs(60), socket.next())
                .await
                .unwrap_or_else(|_| {
                    panic!("session {session}: no diagnostics of version {version}")
                })
                .unwrap()
                .unwrap();
            let Message::Text(raw) = message else {
                continue;
            };
            if std::env::var_os("STUDIO_LOAD_DEBUG").is_some() {
                eprintln!(
                    "s{session} v{version}: {}",
                    &raw.as_str()[raw.len().saturating_sub(200)..]
                );
            }
            let raw = raw.as_str();
            // No message of this tab ever names another tab's edit.
            for named in sessions_named(raw) {
                assert_eq!(
                    named, session,
                    "session {session} saw session {named}'s text: {raw}"
                );
            }
            let value: Value = serde_json::from_str(raw).unwrap();
            if value["method"] == "textDocument/publishDiagnostics"
                && value["params"]["uri"] == uri
                && value["params"]["version"] == version
            {
                latencies.push(started.elapsed());
                assert!(raw.contains(&name), "session {session} v{version}: {raw}");
                break;
            }
        }
        tokio::time::sleep(pace).await;
    }
    let _ = socket.close(None).await;
    latencies
}

async fn round(
    address: SocketAddr,
    root: &Path,
    sessions: u64,
    edits: u64,
    pace: Duration,
) -> Round {
    let tabs: Vec<_> = (0..sessions)
        .map(|session| tokio::spawn(tab(address, root.to_path_buf(), session, edits, pace)))
        .collect();
    let mut latencies = Vec::new();
    for tab in tabs {
        latencies.extend(tab.await.unwrap());
    }
    latencies.sort();
    Round { latencies }
}

fn percentile(sorted: &[Duration], p: usize) -> Duration {
    sorted[(sorted.len() * p / 100).min(sorted.len() - 1)]
}

/// Waits until the server has closed every session (its memory settles).
fn settled_rss(pid: u32) -> u64 {
    let mut last = rss_kib(pid);
    for _ in 0..20 {
        std::thread::sleep(Duration::from_millis(250));
        let now = rss_kib(pid);
        if now.abs_diff(last) < 256 {
            return now;
        }
        last = now;
    }
    last
}

#[test]
fn fifty_tabs_editing_all_in_each_see_their_own_diagnostics() {
    let sessions = setting("STUDIO_LOAD_SESSIONS", 50);
    let edits = setting("STUDIO_LOAD_EDITS", 100);
    let pace = Duration::from_millis(setting("STUDIO_LOAD_PACE_MS", 0));
    let root = std::fs::canonicalize(repo_root().join("examples/all-in")).unwrap();
    let served = serve(&root, &[]);
    let pid = served.child.id();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .unwrap();
    let before = settled_rss(pid);
    let threads_before = status(pid, "Threads");
    let peak = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(before));
    let sampling = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(true));
    let sampler = {
        let (peak, sampling) = (peak.clone(), sampling.clone());
        std::thread::spawn(move || {
            while sampling.load(std::sync::atomic::Ordering::Relaxed) {
                peak.fetch_max(rss_kib(pid), std::sync::atomic::Ordering::Relaxed);
                std::thread::sleep(Duration::from_millis(50));
            }
        })
    };
    let bounded = |future| {
        runtime.block_on(async {
            tokio::time::timeout(Duration::from_secs(600), future)
                .await
                .expect("the load did not finish in 10 minutes")
        })
    };
    let rounds = setting("STUDIO_LOAD_ROUNDS", 2).max(2);
    let mut all = Vec::new();
    let mut after_rounds = Vec::new();
    let mut walls = Vec::new();
    let mut first_peak = 0;
    for _ in 0..rounds {
        let started = Instant::now();
        let round = bounded(round(served.address, &root, sessions, edits, pace));
        walls.push(started.elapsed());
        assert_eq!(round.latencies.len(), (sessions * edits) as usize);
        all.extend(round.latencies);
        after_rounds.push(settled_rss(pid));
        if first_peak == 0 {
            first_peak = peak.load(std::sync::atomic::Ordering::Relaxed);
        }
    }
    let threads_after = status(pid, "Threads");
    sampling.store(false, std::sync::atomic::Ordering::Relaxed);
    sampler.join().unwrap();
    let peak = peak.load(std::sync::atomic::Ordering::Relaxed);
    all.sort();
    let (p50, p95, max) = (
        percentile(&all, 50),
        percentile(&all, 95),
        all[all.len() - 1],
    );
    eprintln!(
        "studio load: {sessions} sessions x {edits} edits, pace {pace:?}, {rounds} rounds \
         ({walls:.1?}); edit to diagnostics p50 {p50:.1?} p95 {p95:.1?} max {max:.1?}; \
         RSS KiB: before {before}, peak {peak} (first round {first_peak}), after each round {after_rounds:?}; \
         threads before {threads_before}, after {threads_after}"
    );
    // Every session's analysis thread is gone once its tab closed.
    assert_eq!(threads_after, threads_before, "sessions left running");
    // No growth once the sessions are closed: what the allocator keeps
    // after the last round stays near the first round's high-water mark
    // (a leak of the sessions would add a round's worth, about the peak's
    // rise, each round).
    let after_last = after_rounds[after_rounds.len() - 1];
    let mark = first_peak.max(after_rounds[0]);
    assert!(
        after_last <= mark + mark / 4 + 8 * 1024,
        "memory grew: {after_rounds:?} KiB after each round, {first_peak} at most in the first"
    );
    // The bound the test holds on any machine (the debug build, a shared
    // machine); the figures against the 150 ms target are measured on a
    // release build (docs/src/performance.md).
    let bound = Duration::from_millis(setting("STUDIO_LOAD_P95_MS", 2000));
    assert!(p95 < bound, "p95 {p95:?} over {bound:?}");
}

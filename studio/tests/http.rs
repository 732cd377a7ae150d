//! The studio's HTTP routes: the embedded page, `/api/info`, `/api/files`
//! (the folder's specs as `ecospec check` finds them; a trainer's save,
//! atomic, on disk), `/api/exercises`.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use std::path::Path;

use ecospec_studio::Limits;
use serde_json::json;
use support::{folder, get, put, start, start_with};

fn dist(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("web/dist")
            .join(name),
    )
    .unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_page_is_the_committed_bundle() {
    let dir = folder(&[("a.eco", "capability x\n")]);
    let address = start(dir.path()).await;
    for (path, file, kind) in [
        ("/", "index.html", "text/html; charset=utf-8"),
        ("/studio.js", "studio.js", "text/javascript; charset=utf-8"),
        ("/studio.css", "studio.css", "text/css; charset=utf-8"),
    ] {
        let reply = get(address, path).await;
        assert_eq!(reply.status, 200, "{path}");
        assert_eq!(reply.header("content-type"), Some(kind), "{path}");
        assert_eq!(reply.header("x-content-type-options"), Some("nosniff"));
        let policy = reply.header("content-security-policy").unwrap();
        assert!(policy.contains("script-src 'self';"), "{policy}");
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert_eq!(reply.body, dist(file), "{path}");
    }
    let missing = get(address, "/nothing").await;
    assert_eq!(missing.status, 404);
    assert!(missing.json()["error"]
        .as_str()
        .unwrap()
        .contains("no such page"));
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn info_says_the_mode_and_the_folder() {
    let dir = folder(&[("a.eco", "capability x\n")]);
    let real = std::fs::canonicalize(dir.path()).unwrap();
    let trainer = start(dir.path()).await;
    let info = get(trainer, "/api/info").await.json();
    assert_eq!(
        info,
        json!({
            "mode": "trainer",
            "canSave": true,
            "rootUri": format!("file://{}/", real.display()),
            "name": real.file_name().unwrap().to_str().unwrap(),
            "version": env!("CARGO_PKG_VERSION"),
        })
    );
    let participant = start_with(dir.path(), "0.0.0.0", Limits::default()).await;
    let local = std::net::SocketAddr::from(([127, 0, 0, 1], participant.port()));
    let info = get(local, "/api/info").await.json();
    assert_eq!(info["mode"], "participant");
    assert_eq!(info["canSave"], false);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn files_are_those_check_reads_sorted_with_slashes() {
    let outside = folder(&[("secret.eco", "capability secret\n")]);
    let dir = folder(&[
        ("b.eco", "capability b\n"),
        ("a.eco", "capability a\n"),
        ("sub/c.eco", "capability c\n"),
        ("notes.txt", "not a spec\n"),
        (".hidden/d.eco", "capability d\n"),
        ("ignored/e.eco", "capability e\n"),
        (".gitignore", "ignored/\n"),
    ]);
    std::os::unix::fs::symlink(
        outside.path().join("secret.eco"),
        dir.path().join("link.eco"),
    )
    .unwrap();
    std::os::unix::fs::symlink(outside.path(), dir.path().join("out")).unwrap();
    let address = start(dir.path()).await;
    let files = get(address, "/api/files").await.json();
    assert_eq!(
        files,
        json!({ "files": [
            { "path": "a.eco", "text": "capability a\n" },
            { "path": "b.eco", "text": "capability b\n" },
            { "path": "sub/c.eco", "text": "capability c\n" },
        ]})
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_trainer_saves_atomically_under_path() {
    let dir = folder(&[("a.eco", "capability a\n"), ("sub/c.eco", "capability c\n")]);
    let address = start(dir.path()).await;
    let reply = put(address, "/api/files/a.eco", b"capability saved\n").await;
    assert_eq!(
        reply.status,
        204,
        "{:?}",
        String::from_utf8_lossy(&reply.body)
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        "capability saved\n"
    );
    // A new file, in a subfolder, with a name that needs encoding.
    let reply = put(
        address,
        "/api/files/sub/caf%C3%A9%20two.eco",
        b"capability d\n",
    )
    .await;
    assert_eq!(reply.status, 204);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sub/café two.eco")).unwrap(),
        "capability d\n"
    );
    // No temporary file left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    assert!(
        names.iter().all(|n| !n.starts_with(".ecospec-")),
        "{names:?}"
    );
    let listed = get(address, "/api/files").await.json();
    assert_eq!(listed["files"][0]["text"], "capability saved\n");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn exercises_are_every_training_folder() {
    let dir = folder(&[("a.eco", "capability a\n")]);
    let address = start(dir.path()).await;
    let exercises = get(address, "/api/exercises").await.json();
    let list = exercises["exercises"].as_array().unwrap();
    let training = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/training");
    let mut folders: Vec<String> = std::fs::read_dir(&training)
        .unwrap()
        .map(|e| e.unwrap())
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().into_string().unwrap())
        .collect();
    folders.sort();
    let names: Vec<&str> = list.iter().map(|e| e["name"].as_str().unwrap()).collect();
    assert_eq!(names, folders);
    let first = &list[0];
    assert_eq!(first["name"], "W0401-unbridged-cluster");
    assert_eq!(
        first["title"],
        "Two clusters, each with its grand strategy, and nothing between them."
    );
    assert_eq!(
        first["gap"].as_str().unwrap(),
        std::fs::read_to_string(training.join("W0401-unbridged-cluster/gap.eco")).unwrap()
    );
    assert_eq!(
        first["fixed"].as_str().unwrap(),
        std::fs::read_to_string(training.join("W0401-unbridged-cluster/fixed.eco")).unwrap()
    );
}

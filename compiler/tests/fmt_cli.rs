//! `ecospec fmt` as a user runs it: the built binary on temporary folders.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Write;
use std::path::Path;
use std::process::{Command, Output, Stdio};

const UNFORMATTED: &str = "capability a \"A\"\ncluster c { needs: a }\n";
const FORMATTED: &str = "capability a \"A\"\n\ncluster c {\n    needs: a\n}\n";
const BROKEN: &str = "capability a\ncluster c {\n  needs a\n}\n";

fn ecospec(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecospec"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn formats_in_place_every_eco_file_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.eco"), UNFORMATTED).unwrap();
    std::fs::write(dir.path().join("sub/b.eco"), UNFORMATTED).unwrap();
    std::fs::write(dir.path().join("notes.txt"), UNFORMATTED).unwrap();
    let out = ecospec(dir.path(), &["fmt"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        FORMATTED
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("sub/b.eco")).unwrap(),
        FORMATTED
    );
    assert_eq!(
        std::fs::read_to_string(dir.path().join("notes.txt")).unwrap(),
        UNFORMATTED
    );
    // No temporary file is left behind.
    let names: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name())
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
}

#[test]
fn a_formatted_file_is_not_rewritten() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.eco");
    std::fs::write(&path, FORMATTED).unwrap();
    let before = std::fs::metadata(&path).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    let out = ecospec(dir.path(), &["fmt", "a.eco"]);
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(
        std::fs::metadata(&path).unwrap().modified().unwrap(),
        before
    );
}

#[test]
fn check_prints_a_unified_diff_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.eco"), UNFORMATTED).unwrap();
    let out = ecospec(dir.path(), &["fmt", "--check", "a.eco"]);
    assert_eq!(out.status.code(), Some(1));
    let stdout = text(&out.stdout);
    assert!(
        stdout.starts_with("--- a/a.eco\n+++ b/a.eco\n@@ "),
        "{stdout}"
    );
    assert!(stdout.contains("\n-cluster c { needs: a }\n"), "{stdout}");
    assert!(stdout.contains("\n+    needs: a\n"), "{stdout}");
    // Nothing was written.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("a.eco")).unwrap(),
        UNFORMATTED
    );
    // A formatted file passes.
    std::fs::write(dir.path().join("a.eco"), FORMATTED).unwrap();
    let out = ecospec(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn stdin_to_stdout() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecospec"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(UNFORMATTED.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), FORMATTED);
}

#[test]
fn a_file_with_a_syntax_error_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.eco"), BROKEN).unwrap();
    std::fs::write(dir.path().join("good.eco"), UNFORMATTED).unwrap();
    let out = ecospec(dir.path(), &["fmt", "."]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("bad.eco:3:9: error[E0101]"), "{stderr}");
    assert_eq!(
        std::fs::read_to_string(dir.path().join("bad.eco")).unwrap(),
        BROKEN
    );
    // The other files are still formatted.
    assert_eq!(
        std::fs::read_to_string(dir.path().join("good.eco")).unwrap(),
        FORMATTED
    );
}

#[test]
fn a_syntax_error_on_stdin_writes_nothing() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_ecospec"))
        .args(["fmt", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(BROKEN.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("<stdin>:3:9: error[E0101]"));
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = ecospec(dir.path(), &["fmt", "missing.eco"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.eco"));
}

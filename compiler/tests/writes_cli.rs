//! `check --fix` and `--output FORMAT=FILE` write like `fmt`: through a
//! symbolic link to its target, keeping permission bits and owner, never
//! over a read-only file.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;
use std::process::{Command, Output};

const TYPO: &str = "capability communications \"Communication teams\"
cluster mobilization { needs: comunications }
";

fn ecospec(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_ecospec"))
        .current_dir(dir)
        .args(args)
        .output()
        .unwrap()
}

fn set_mode(path: &Path, mode: u32) {
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

fn mode(path: &Path) -> u32 {
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[test]
fn fix_writes_through_symlink_and_keeps_mode_and_owner() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/main.eco");
    std::fs::write(&target, TYPO).unwrap();
    set_mode(&target, 0o640);
    let owner = if std::fs::metadata(&target).unwrap().uid() == 0 {
        std::os::unix::fs::chown(&target, Some(4242), Some(4343)).unwrap();
        (4242, 4343)
    } else {
        let meta = std::fs::metadata(&target).unwrap();
        (meta.uid(), meta.gid())
    };
    std::os::unix::fs::symlink("real/main.eco", dir.path().join("main.eco")).unwrap();
    let out = ecospec(dir.path(), &["check", "main.eco", "--fix"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("comunications → communications"),
        "{stderr}"
    );
    assert!(std::fs::symlink_metadata(dir.path().join("main.eco"))
        .unwrap()
        .file_type()
        .is_symlink());
    assert_eq!(
        std::fs::read_to_string(&target).unwrap(),
        TYPO.replace("comunications", "communications")
    );
    let after = std::fs::metadata(&target).unwrap();
    assert_eq!((after.uid(), after.gid()), owner);
    assert_eq!(mode(&target), 0o640);
}

#[test]
fn fix_refuses_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.eco");
    std::fs::write(&path, TYPO).unwrap();
    set_mode(&path, 0o444);
    let out = ecospec(dir.path(), &["check", "main.eco", "--fix"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write `main.eco`: it is read-only"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TYPO);
    assert_eq!(mode(&path), 0o444);
}

#[test]
fn output_refuses_read_only_file_and_writes_through_symlink() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.eco"), TYPO).unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    set_mode(&report, 0o444);
    let out = ecospec(
        dir.path(),
        &["check", "main.eco", "--output", "json=report.json"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write `report.json`: it is read-only"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old");

    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/r.json"), "old").unwrap();
    std::os::unix::fs::symlink("reports/r.json", dir.path().join("r.json")).unwrap();
    let out = ecospec(
        dir.path(),
        &["check", "main.eco", "--output", "json=r.json"],
    );
    assert_eq!(out.status.code(), Some(1));
    assert!(std::fs::symlink_metadata(dir.path().join("r.json"))
        .unwrap()
        .file_type()
        .is_symlink());
    let json = std::fs::read_to_string(dir.path().join("reports/r.json")).unwrap();
    assert!(json.contains("\"E0201\""), "{json}");
}

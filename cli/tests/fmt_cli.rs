//! `ecospec fmt` as a user runs it: the built binary on temporary folders;
//! and the writes of `check --fix` and `--output FORMAT=FILE`, which go
//! through the same writer.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use test_support::{text, Program};

const UNFORMATTED: &str = "capability a \"A\"\ncluster c { needs: a }\n";
const FORMATTED: &str = "capability a \"A\"\n\ncluster c {\n    needs: a\n}\n";
const BROKEN: &str = "capability a\ncluster c {\n  needs a\n}\n";

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

#[test]
fn formats_in_place_every_eco_file_of_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("a.eco"), UNFORMATTED).unwrap();
    std::fs::write(dir.path().join("sub/b.eco"), UNFORMATTED).unwrap();
    std::fs::write(dir.path().join("notes.txt"), UNFORMATTED).unwrap();
    let out = ECOSPEC.run(dir.path(), &["fmt"]);
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
    let out = ECOSPEC.run(dir.path(), &["fmt", "a.eco"]);
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
    let out = ECOSPEC.run(dir.path(), &["fmt", "--check", "a.eco"]);
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
    let out = ECOSPEC.run(dir.path(), &["fmt", "--check", "."]);
    assert_eq!(out.status.code(), Some(0));
    assert!(out.stdout.is_empty());
}

#[test]
fn stdin_to_stdout() {
    let out = ECOSPEC.run_with_stdin(Path::new("."), &["fmt", "-"], UNFORMATTED.as_bytes());
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(text(&out.stdout), FORMATTED);
}

#[test]
fn a_file_with_a_syntax_error_is_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("bad.eco"), BROKEN).unwrap();
    std::fs::write(dir.path().join("good.eco"), UNFORMATTED).unwrap();
    let out = ECOSPEC.run(dir.path(), &["fmt", "."]);
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
    let out = ECOSPEC.run_with_stdin(Path::new("."), &["fmt", "-"], BROKEN.as_bytes());
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    assert!(text(&out.stderr).contains("<stdin>:3:9: error[E0101]"));
}

#[test]
fn a_path_that_does_not_exist_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let out = ECOSPEC.run(dir.path(), &["fmt", "missing.eco"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("missing.eco"));
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// As root, gives `path` to another user and group (a root `fmt` must not
/// take it); the owner and group `path` must keep.
#[cfg(unix)]
fn given_away(path: &Path) -> (u32, u32) {
    use std::os::unix::fs::MetadataExt;
    let meta = std::fs::metadata(path).unwrap();
    if meta.uid() == 0 {
        std::os::unix::fs::chown(path, Some(4242), Some(4343)).unwrap();
        (4242, 4343)
    } else {
        (meta.uid(), meta.gid())
    }
}

#[cfg(unix)]
#[test]
fn fmt_follows_symlink_inside_and_formats_target() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/a.eco");
    std::fs::write(&target, UNFORMATTED).unwrap();
    set_mode(&target, 0o600);
    std::os::unix::fs::symlink("real/a.eco", dir.path().join("link.eco")).unwrap();
    let out = ECOSPEC.run(dir.path(), &["fmt", "link.eco"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    // The link is still a link, to the same place; its target is formatted
    // and keeps its permission bits.
    let link = std::fs::symlink_metadata(dir.path().join("link.eco")).unwrap();
    assert!(link.file_type().is_symlink());
    assert_eq!(
        std::fs::read_link(dir.path().join("link.eco")).unwrap(),
        Path::new("real/a.eco")
    );
    assert_eq!(std::fs::read_to_string(&target).unwrap(), FORMATTED);
    assert_eq!(mode(&target), 0o600);
    // No temporary file is left beside the target or the link.
    assert_eq!(
        std::fs::read_dir(dir.path().join("real")).unwrap().count(),
        1
    );
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 2);
}

#[cfg(unix)]
#[test]
fn fmt_refuses_symlink_outside() {
    let outside = tempfile::tempdir().unwrap();
    let secret = outside.path().join("secret.eco");
    std::fs::write(
        &secret,
        "capability MARKER_SECRET \"x\"\ncluster c { needs: MARKER_SECRET }\n",
    )
    .unwrap();
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("specs")).unwrap();
    std::os::unix::fs::symlink(&secret, dir.path().join("specs/x.eco")).unwrap();
    for args in [
        &["fmt", "specs/x.eco"][..],
        &["fmt", "--check", "specs/x.eco"],
    ] {
        let out = ECOSPEC.run(dir.path(), args);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains(
                "error: specs/x.eco: a symbolic link leading outside `specs`; not followed"
            ),
            "{stderr}"
        );
        assert!(stderr.contains("help: "), "{stderr}");
        // Nothing of the target is shown, nothing is written.
        assert!(!text(&out.stdout).contains("MARKER_SECRET"));
        assert!(!stderr.contains("MARKER_SECRET"));
        assert!(std::fs::symlink_metadata(dir.path().join("specs/x.eco"))
            .unwrap()
            .file_type()
            .is_symlink());
        assert!(std::fs::read_to_string(&secret)
            .unwrap()
            .starts_with("capability MARKER_SECRET \"x\"\ncluster c {"));
    }
}

#[cfg(unix)]
#[test]
fn fmt_refuses_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.eco");
    std::fs::write(&path, UNFORMATTED).unwrap();
    set_mode(&path, 0o444);
    std::fs::write(dir.path().join("b.eco"), UNFORMATTED).unwrap();
    let out = ECOSPEC.run(dir.path(), &["fmt", "."]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: a.eco: read-only; not formatted"),
        "{stderr}"
    );
    assert!(stderr.contains("help: make it writable"), "{stderr}");
    // Left as it was, still read-only (even when run as root); the other
    // file is formatted.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), UNFORMATTED);
    assert_eq!(mode(&path), 0o444);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("b.eco")).unwrap(),
        FORMATTED
    );
    // Checking it writes nothing, so it is not refused.
    let out = ECOSPEC.run(dir.path(), &["fmt", "--check", "a.eco"]);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
}

#[cfg(unix)]
#[test]
fn fmt_keeps_mode_and_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("a.eco");
    std::fs::write(&path, UNFORMATTED).unwrap();
    set_mode(&path, 0o640);
    let (uid, gid) = given_away(&path);
    let out = ECOSPEC.run(dir.path(), &["fmt", "a.eco"]);
    assert_eq!(out.status.code(), Some(0), "{}", text(&out.stderr));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), FORMATTED);
    let after = std::fs::metadata(&path).unwrap();
    assert_eq!((after.uid(), after.gid()), (uid, gid));
    assert_eq!(mode(&path), 0o640);
}

#[cfg(unix)]
#[test]
fn fmt_refuses_fifo_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("x.eco");
    let status = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(status.success());
    let out = ECOSPEC.run_within(dir.path(), &["fmt", "x.eco"], &[], Duration::from_secs(20));
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: x.eco: it is a named pipe (FIFO), not a regular file"),
        "{stderr}"
    );
}

#[test]
fn fmt_refuses_a_file_over_64_mb() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.eco");
    // Sparse: 64 MB and one byte, without writing them.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(64 * 1024 * 1024 + 1).unwrap();
    drop(file);
    let out = ECOSPEC.run(dir.path(), &["fmt", "huge.eco"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: huge.eco: it is larger than 64 MB, the most ecospec reads"),
        "{stderr}"
    );
}

#[test]
fn fmt_check_of_30000_changed_lines_is_fast() {
    let dir = tempfile::tempdir().unwrap();
    let mut spec = String::from("capability a \"A\"\n");
    for i in 0..30_000 {
        spec.push_str(&format!("cluster c{i} {{ needs: a }}\n"));
    }
    std::fs::write(dir.path().join("big.eco"), &spec).unwrap();
    // Before: 30 s in a release build. Now about a second of formatting and
    // at most one of aligning; the bound is generous for a loaded machine.
    let out = ECOSPEC.run_within(
        dir.path(),
        &["fmt", "--check", "big.eco"],
        &[],
        Duration::from_secs(25),
    );
    let stdout = text(&out.stdout);
    assert_eq!(out.status.code(), Some(1), "{}", text(&out.stderr));
    assert!(
        stdout.starts_with("--- a/big.eco\n+++ b/big.eco\n@@ "),
        "{}",
        &stdout[..200]
    );
    assert!(stdout.contains("\n-cluster c29999 { needs: a }\n"));
    assert!(stdout.contains("\n+cluster c29999 {\n"));
}

// `check --fix` and `--output` write like `fmt`: through a symbolic link to
// its target, keeping permission bits and owner, never over a read-only file.

const TYPO: &str = "capability communications \"Communication teams\"
cluster mobilization { needs: comunications }
";

#[cfg(unix)]
#[test]
fn fix_writes_through_symlink_and_keeps_mode_and_owner() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("real")).unwrap();
    let target = dir.path().join("real/main.eco");
    std::fs::write(&target, TYPO).unwrap();
    set_mode(&target, 0o640);
    let owner = given_away(&target);
    std::os::unix::fs::symlink("real/main.eco", dir.path().join("main.eco")).unwrap();
    let out = ECOSPEC.run(dir.path(), &["check", "main.eco", "--fix"]);
    let stderr = text(&out.stderr);
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

#[cfg(unix)]
#[test]
fn fix_refuses_read_only_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("main.eco");
    std::fs::write(&path, TYPO).unwrap();
    set_mode(&path, 0o444);
    let out = ECOSPEC.run(dir.path(), &["check", "main.eco", "--fix"]);
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write `main.eco`: it is read-only"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), TYPO);
    assert_eq!(mode(&path), 0o444);
}

#[cfg(unix)]
#[test]
fn output_refuses_read_only_file_and_writes_through_symlink() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("main.eco"), TYPO).unwrap();
    let report = dir.path().join("report.json");
    std::fs::write(&report, "old").unwrap();
    set_mode(&report, 0o444);
    let out = ECOSPEC.run(
        dir.path(),
        &["check", "main.eco", "--output", "json=report.json"],
    );
    let stderr = text(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("error: cannot write `report.json`: it is read-only"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "old");

    std::fs::create_dir(dir.path().join("reports")).unwrap();
    std::fs::write(dir.path().join("reports/r.json"), "old").unwrap();
    std::os::unix::fs::symlink("reports/r.json", dir.path().join("r.json")).unwrap();
    let out = ECOSPEC.run(
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

//! A hostile repository against the real `ecospec` command (issue 9): files
//! that lead outside the folder, named pipes and devices, ignore files that
//! hide everything, import chains deep enough to overflow a recursion, file
//! names that break lines, and one very long line. Every child runs under a
//! timeout: a hang fails the test instead of hanging it. Unix only: named
//! pipes, devices and symbolic links are what it is about.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::path::Path;
use std::process::Command;
use std::time::Duration;

use test_support::Program;

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

/// What a file outside the folder holds: it must never appear in any output.
const MARKER: &str = "marker-8c1f5e0a-never-printed";

/// How long a child may run before it counts as hung.
const TIMEOUT: Duration = Duration::from_secs(20);

struct Run {
    stdout: String,
    stderr: String,
    status: i32,
}

impl Run {
    fn all(&self) -> String {
        format!("{}{}", self.stdout, self.stderr)
    }
}

/// `ecospec ARGS` in `dir`, killed after [`TIMEOUT`].
fn run_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Run {
    let out = ECOSPEC.run_within(dir, args, env, TIMEOUT);
    Run {
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
        status: out.status.code().unwrap_or(-1),
    }
}

fn run(dir: &Path, args: &[&str]) -> Run {
    run_env(dir, args, &[])
}

fn write(dir: &Path, name: &str, text: &str) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, text).unwrap();
}

fn symlink(target: &Path, link: &Path) {
    std::os::unix::fs::symlink(target, link).unwrap();
}

fn mkfifo(path: &Path) {
    let status = Command::new("mkfifo").arg(path).status().unwrap();
    assert!(status.success(), "mkfifo {}", path.display());
}

/// A spec with one finding of its own (E0201), so a check that reads it says so.
const SPEC: &str = "capability comms \"Communication\"\ncluster c \"x\" { needs: nobody }\n";

/// A folder to check (`repo/`) beside a folder outside it (`outside/`)
/// holding a file with the marker, valid as TOML and as ignore patterns.
fn repository() -> (tempfile::TempDir, std::path::PathBuf, std::path::PathBuf) {
    let top = tempfile::tempdir().unwrap();
    let repo = top.path().join("repo");
    std::fs::create_dir(&repo).unwrap();
    write(&repo, "main.eco", SPEC);
    let secret = top.path().join("outside/secret");
    write(
        top.path(),
        "outside/secret",
        &format!("[lints]\n{MARKER} = \"deny\"\n*.eco\n"),
    );
    (top, repo, secret)
}

#[test]
fn config_symlink_to_a_file_outside_is_refused() {
    let (_top, repo, secret) = repository();
    symlink(&secret, &repo.join("ecospec.toml"));
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout.contains("error[E0301]: cannot read `ecospec.toml`: it is a symbolic link to a file outside the folder being checked"),
        "{}",
        run.stdout
    );
    assert!(!run.all().contains(MARKER), "{}", run.all());
    // The spec itself was still checked.
    assert!(run.stdout.contains("E0201"), "{}", run.stdout);
}

#[cfg(target_os = "linux")]
#[test]
fn config_symlink_to_proc_self_environ_is_refused() {
    let (_top, repo, _) = repository();
    symlink(Path::new("/proc/self/environ"), &repo.join("ecospec.toml"));
    for format in ["human", "short", "json", "sarif", "github"] {
        let run = run_env(
            &repo,
            &["check", ".", "--format", format],
            &[("CI_SECRET_TOKEN", MARKER)],
        );
        assert_eq!(run.status, 1, "{format}: {}", run.all());
        assert!(run.all().contains("E0301"), "{format}: {}", run.all());
        assert!(!run.all().contains(MARKER), "{format}: {}", run.all());
    }
}

#[test]
fn config_symlink_to_dev_zero_is_refused() {
    let (_top, repo, _) = repository();
    symlink(Path::new("/dev/zero"), &repo.join("ecospec.toml"));
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    // /dev/zero lies outside the folder: refused before its kind matters.
    assert!(
        run.stdout
            .contains("cannot read `ecospec.toml`: it is a symbolic link to a file outside"),
        "{}",
        run.stdout
    );
}

#[test]
fn gitignore_symlink_outside_is_not_read() {
    let (_top, repo, secret) = repository();
    symlink(&secret, &repo.join(".gitignore"));
    let run = run(&repo, &["check", "."]);
    // Not read, so it hides nothing: main.eco is checked.
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout.contains("error[E0301]: cannot read `.gitignore`: it is a symbolic link to a file outside the folder being checked"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("E0201"), "{}", run.stdout);
    assert!(!run.all().contains(MARKER), "{}", run.all());
}

#[test]
fn ignore_file_symlink_outside_is_not_read() {
    let (_top, repo, secret) = repository();
    symlink(&secret, &repo.join(".ignore"));
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("cannot read `.ignore`: it is a symbolic link"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("E0201"), "{}", run.stdout);
}

#[test]
fn gitignore_of_a_parent_folder_is_not_obeyed() {
    let (top, repo, _) = repository();
    write(top.path(), ".gitignore", "*.eco\n");
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(run.stdout.contains("E0201"), "{}", run.stdout);
    assert!(run.stdout.contains("in 1 file"), "{}", run.stdout);
}

#[test]
fn fifo_import_is_refused_without_hanging() {
    let (_top, repo, _) = repository();
    write(&repo, "main.eco", &format!("import \"x.eco\"\n{SPEC}"));
    mkfifo(&repo.join("x.eco"));
    let run = run(&repo, &["check", "main.eco"]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout.contains("error[E0301]: cannot read imported file `x.eco`: it is a named pipe (FIFO), not a regular file"),
        "{}",
        run.stdout
    );
}

#[test]
fn fifo_config_is_refused_without_hanging() {
    let (_top, repo, _) = repository();
    mkfifo(&repo.join("ecospec.toml"));
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("cannot read `ecospec.toml`: it is a named pipe (FIFO), not a regular file"),
        "{}",
        run.stdout
    );
}

#[test]
fn fifo_gitignore_is_refused_without_hanging() {
    let (_top, repo, _) = repository();
    mkfifo(&repo.join(".gitignore"));
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("cannot read `.gitignore`: it is a named pipe (FIFO), not a regular file"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("E0201"), "{}", run.stdout);
}

#[test]
fn char_device_eco_is_not_read() {
    let (_top, repo, _) = repository();
    symlink(Path::new("/dev/zero"), &repo.join("x.eco"));
    // Given by name: its folder becomes /dev, and the kind refuses it.
    let run = run(&repo, &["check", "x.eco"]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("cannot read `/dev/zero`: it is a character device, not a regular file"),
        "{}",
        run.stdout
    );
    // Imported with `--allow-outside-imports`: refused just the same.
    write(&repo, "main.eco", &format!("import \"x.eco\"\n{SPEC}"));
    let imported = self::run(&repo, &["check", "main.eco", "--allow-outside-imports"]);
    assert_eq!(imported.status, 1, "{}", imported.all());
    assert!(
        imported.stdout.contains(
            "cannot read imported file `x.eco`: it is a character device, not a regular file"
        ),
        "{}",
        imported.stdout
    );
}

#[test]
fn spec_over_64_mb_is_refused_unread() {
    let (_top, repo, _) = repository();
    // Sparse: 64 MB + 1 of zeros, written in no time; refused before a read.
    let big = std::fs::File::create(repo.join("big.eco")).unwrap();
    big.set_len((64 << 20) + 1).unwrap();
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout.contains(
            "error[E0301]: cannot read `big.eco`: it is larger than 64 MB, the most ecospec reads"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("split the spec into files"),
        "{}",
        run.stdout
    );
}

#[test]
fn config_over_1_mb_is_refused_unread() {
    let (_top, repo, _) = repository();
    let config = std::fs::File::create(repo.join("ecospec.toml")).unwrap();
    config.set_len((1 << 20) + 1).unwrap();
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 1, "{}", run.all());
    assert!(
        run.stdout
            .contains("cannot read `ecospec.toml`: it is larger than 1 MB, the most ecospec reads"),
        "{}",
        run.stdout
    );
}

/// `n` files, each importing the next.
fn import_chain(dir: &Path, n: usize) {
    for i in 0..n {
        let text = if i + 1 < n {
            format!("import \"f{}.eco\"\n", i + 1)
        } else {
            "capability last \"The end of the chain\"\n".to_string()
        };
        std::fs::write(dir.join(format!("f{i}.eco")), text).unwrap();
    }
}

/// The command (8 MB main stack, as a user runs it), and the library on a
/// thread with a test thread's 2 MB stack: neither recurses per import.
#[test]
fn import_chain_of_10000_files_does_not_overflow() {
    let dir = tempfile::tempdir().unwrap();
    import_chain(dir.path(), 10_000);
    let run = run(dir.path(), &["check", "f0.eco", "--format", "json"]);
    assert!(run.status == 0 || run.status == 1, "{}", run.stderr);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["summary"]["files"], 10_000);

    let root = dir.path().join("f0.eco");
    let files = std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(move || {
            let inputs = [ecospec::load::Input::File(root)];
            let outcome = ecospec::check::check(
                &ecospec::load::RealFs,
                &inputs,
                &ecospec::check::Options::default(),
            )
            .unwrap();
            outcome.files_read
        })
        .unwrap()
        .join()
        .unwrap();
    assert_eq!(files, 10_000);
}

#[test]
fn gitignore_holding_star_exits_2() {
    let (_top, repo, _) = repository();
    write(&repo, ".gitignore", "*\n");
    let run = run(&repo, &["check", "."]);
    assert_eq!(run.status, 2, "{}", run.all());
    assert_eq!(run.stdout, "");
    assert!(
        run.stderr.contains(
            "every `.eco` file in `.` is ignored (by `.gitignore` or `.ignore`): nothing was checked"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn ignore_file_hiding_every_spec_exits_2() {
    let (_top, repo, _) = repository();
    write(&repo, "sub/more.eco", SPEC);
    write(&repo, ".ignore", "*.eco\nsub/\n");
    let run = run(&repo, &["check", ".", "--format", "json"]);
    assert_eq!(run.status, 2, "{}", run.all());
    assert_eq!(run.stdout, "");
    assert!(run.stderr.contains("is ignored"), "{}", run.stderr);
}

#[test]
fn folder_without_eco_file_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "docs/readme.md", "nothing to check");
    let run = run(dir.path(), &["check", "docs"]);
    assert_eq!(run.status, 2, "{}", run.all());
    assert!(
        run.stderr.contains("no `.eco` file in `docs`"),
        "{}",
        run.stderr
    );
}

#[test]
fn newline_in_file_name_does_not_split_short_or_github_lines() {
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "a\nerror: forged.eco", SPEC);
    let short = run(dir.path(), &["check", ".", "--format", "short"]);
    assert_eq!(short.status, 1, "{}", short.all());
    for line in short.stdout.lines() {
        assert!(line.starts_with("a\\nerror: forged.eco:"), "{line:?}");
    }
    let github = run(dir.path(), &["check", ".", "--format", "github"]);
    for line in github.stdout.lines() {
        assert!(line.starts_with("::"), "{line:?}");
        assert!(line.contains("file=a%0Aerror%3A forged.eco,"), "{line:?}");
    }
}

#[cfg(target_os = "linux")]
#[test]
fn non_utf8_file_name_is_exact_in_json_and_sarif() {
    use std::os::unix::ffi::OsStrExt;
    let dir = tempfile::tempdir().unwrap();
    let name = std::ffi::OsStr::from_bytes(b"caf\xe9 bar.eco");
    std::fs::write(dir.path().join(name), SPEC).unwrap();
    let json = run(dir.path(), &["check", ".", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let first = &json["diagnostics"][0];
    assert_eq!(first["file"], "caf\u{fffd} bar.eco");
    assert_eq!(first["file_bytes"], "caf%E9%20bar.eco");
    let sarif = run(dir.path(), &["check", ".", "--format", "sarif"]);
    let sarif: serde_json::Value = serde_json::from_str(&sarif.stdout).unwrap();
    let location = &sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"];
    assert_eq!(
        location["artifactLocation"]["uri"], "caf%E9%20bar.eco",
        "{location}"
    );
}

#[test]
fn long_line_is_shown_as_a_window_around_each_error() {
    let dir = tempfile::tempdir().unwrap();
    let names: Vec<String> = (0..10_000).map(|i| format!("a{i}")).collect();
    write(
        dir.path(),
        "long.eco",
        &format!("cluster c \"x\" {{ needs: {} }}\n", names.join(", ")),
    );
    let run = run(dir.path(), &["check", "long.eco", "--color", "never"]);
    assert_eq!(run.status, 1);
    // 200 diagnostics printed, each with a window of the line, not 69 KB of it.
    assert!(run.stdout.len() < 400_000, "{} bytes", run.stdout.len());
    // The 101st name: its column is exact and its label marks it.
    let at = run.stdout.find("no capability named `a100`").unwrap();
    let shown = &run.stdout[at..at + 600];
    assert!(shown.contains("┌─ long.eco:1:"), "{shown}");
    let column = 1 + "cluster c \"x\" { needs: ".len() + names[..100].join(", ").len() + 2;
    assert!(shown.contains(&format!("long.eco:1:{column}")), "{shown}");
    assert!(shown.contains("…"), "{shown}");
    let source = shown.lines().find(|l| l.starts_with("1 │")).unwrap();
    // Columns, not bytes: `│` and `…` are one column each.
    let carets = shown.lines().find(|l| l.contains('^')).unwrap();
    let marks = carets.chars().position(|c| c == '^').unwrap();
    let marked: String = source.chars().skip(marks).take(4).collect();
    assert_eq!(marked, "a100", "{shown}");
    assert!(source.chars().count() < 140, "{source}");
}

/// Every way a repository can refer to a file outside it, or to a file of
/// the wrong kind, at once; no output format prints any of the marker.
#[test]
fn refused_file_content_appears_in_no_output_format() {
    let (_top, repo, secret) = repository();
    symlink(&secret, &repo.join("ecospec.toml"));
    symlink(&secret, &repo.join(".gitignore"));
    write(&repo, "sub/inner.eco", SPEC);
    symlink(&secret, &repo.join("sub/.ignore"));
    symlink(&secret, &repo.join("linked.eco"));
    symlink(&secret, &repo.join("outside.eco"));
    write(
        &repo,
        "main.eco",
        &format!(
            "import \"linked.eco\"\nimport \"outside.eco\"\nimport \"../outside/secret\"\n{SPEC}"
        ),
    );
    for format in ["human", "short", "json", "sarif", "github"] {
        let run = run(&repo, &["check", ".", "--format", format]);
        assert_eq!(run.status, 1, "{format}: {}", run.all());
        assert!(run.all().contains("E0301"), "{format}: {}", run.all());
        assert!(run.all().contains("E0303"), "{format}: {}", run.all());
        assert!(!run.all().contains(MARKER), "{format}: {}", run.all());
    }
}

/// Ecospec reads ignore files itself now: the rules still behave as git's
/// (nested files, negation, folders) and `.ignore` wins over `.gitignore`.
#[test]
fn discovery_honours_nested_ignore_files_without_reading_above() {
    let top = tempfile::tempdir().unwrap();
    let repo = top.path().join("repo");
    for name in [
        "a.eco",
        "build/b.eco",
        "x.tmp.eco",
        "sub/keep.tmp.eco",
        "sub/c.eco",
        "sub/deep/d.eco",
        ".hidden/e.eco",
        "kept.eco",
    ] {
        write(&repo, name, SPEC);
    }
    write(&repo, ".gitignore", "build/\n*.tmp.eco\nkept.eco\n");
    write(&repo, ".ignore", "!kept.eco\n");
    write(&repo, "sub/.gitignore", "!keep.tmp.eco\ndeep\n");
    write(top.path(), ".gitignore", "a.eco\n");
    let found: Vec<String> = ecospec::load::discover(&repo)
        .iter()
        .map(|path| {
            path.strip_prefix(&repo)
                .unwrap()
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    assert_eq!(
        found,
        ["a.eco", "kept.eco", "sub/c.eco", "sub/keep.tmp.eco"]
    );
}

/// Labels far apart on one long line, and a long line inside a multi-line
/// label: each still drawn as a snippet (never the message-only fallback),
/// every source line cut to the window.
#[test]
fn long_line_window_keeps_far_apart_and_multi_line_labels() {
    let dir = tempfile::tempdir().unwrap();
    let middle: Vec<String> = (0..3000)
        .map(|i| format!("capability c{i} \"y\""))
        .collect();
    write(
        dir.path(),
        "far.eco",
        &format!(
            "capability dup \"x\" {} capability dup \"z\"\n",
            middle.join(" ")
        ),
    );
    write(
        dir.path(),
        "multi.eco",
        &format!(
            "cluster c \"{}\n{}\" {{ needs: q }}\n",
            "x".repeat(500),
            "y".repeat(500)
        ),
    );
    let run = run(
        dir.path(),
        &["check", ".", "--color", "never", "-A", "unused-capability"],
    );
    assert_eq!(run.status, 1, "{}", run.all());
    let at = run.stdout.find("error[E0202]").unwrap();
    let e0202: String = run.stdout[at..]
        .lines()
        .take(8)
        .collect::<Vec<_>>()
        .join("\n");
    assert!(e0202.contains("┌─ far.eco:1:"), "{e0202}");
    assert!(e0202.contains("declared again here"), "{e0202}");
    assert!(e0202.contains("first declared here"), "{e0202}");
    let source_lines = run
        .stdout
        .lines()
        .filter(|l| l.contains(" │ ") && l.starts_with(|c: char| c.is_ascii_digit()));
    for line in source_lines {
        assert!(line.chars().count() < 140, "{line}");
    }
}

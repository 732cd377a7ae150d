//! What the test binaries share (`cli/tests`, `compiler/tests`,
//! `lsp/tests`): running a built program in a folder, with or without
//! standard input; the repository's top folder; walking the `.eco` files
//! of a folder; a temporary folder holding given files; generated specs
//! for property tests ([`generated`]); the median time of runs, for the
//! benchmarks; whether a step that needs a Debian package may run.
//!
//! A program is named by the path cargo gives its test binaries:
//! `const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));`
//! (the variable exists only in the tests of the crate that builds it).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

pub mod generated;

use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

pub use tempfile::TempDir;

/// A built program of the workspace, by its path.
#[derive(Clone, Copy, Debug)]
pub struct Program(pub &'static str);

impl Program {
    /// A command for the program, to add to before running it.
    pub fn command(self) -> Command {
        Command::new(self.0)
    }

    /// Runs `PROGRAM ARGS` in `dir` with no standard input; its output.
    pub fn run(self, dir: &Path, args: &[&str]) -> Output {
        self.command()
            .current_dir(dir)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .unwrap()
    }

    /// Runs `PROGRAM ARGS` in `dir` with `input` on its standard input.
    pub fn run_with_stdin(self, dir: &Path, args: &[&str], input: &[u8]) -> Output {
        let mut child = self
            .command()
            .current_dir(dir)
            .args(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // A program that stops reading early closes the pipe: not an error here.
        let _ = child.stdin.take().unwrap().write_all(input);
        child.wait_with_output().unwrap()
    }

    /// Runs `PROGRAM ARGS` in `dir` with `env` added, killed (and the test
    /// failed) if it is still running after `limit`: for what must never
    /// hang. Its output is read as it is written, so it may exceed a pipe.
    pub fn run_within(
        self,
        dir: &Path,
        args: &[&str],
        env: &[(&str, &str)],
        limit: Duration,
    ) -> Output {
        let mut child = self
            .command()
            .current_dir(dir)
            .args(args)
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let read = |mut pipe: Box<dyn Read + Send>| {
            std::thread::spawn(move || {
                let mut bytes = Vec::new();
                let _ = pipe.read_to_end(&mut bytes);
                bytes
            })
        };
        let stdout = read(Box::new(child.stdout.take().unwrap()));
        let stderr = read(Box::new(child.stderr.take().unwrap()));
        let started = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if started.elapsed() > limit {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "`{} {}` hung (killed after {limit:?})",
                    self.0,
                    args.join(" ")
                );
            }
            std::thread::sleep(Duration::from_millis(10));
        };
        Output {
            status,
            stdout: stdout.join().unwrap(),
            stderr: stderr.join().unwrap(),
        }
    }
}

/// The median time of `runs` runs of `f`: what the benchmarks report
/// (`harness = false` programs, with no benchmark framework).
pub fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

/// Bytes a program wrote, as text (they must be UTF-8).
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// The repository's top folder.
pub fn repo_root() -> PathBuf {
    // This crate is `tests/support/` of the repository.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .ancestors()
        .nth(2)
        .unwrap()
        .to_path_buf()
}

/// Every file under `folder`, in subfolders too, sorted.
pub fn walk(folder: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![folder.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// Whether `path` is a spec file (`.eco`).
pub fn is_eco(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "eco")
}

/// Whether `path` is a folder's settings (`ecospec.toml`).
pub fn is_config(path: &Path) -> bool {
    path.file_name().is_some_and(|n| n == "ecospec.toml")
}

/// Every `.eco` file under `folder`, in subfolders too, sorted.
pub fn eco_files(folder: &Path) -> Vec<PathBuf> {
    walk(folder).into_iter().filter(|p| is_eco(p)).collect()
}

/// A temporary folder holding `files` (name, text), their folders made.
pub fn folder(files: &[(&str, &str)]) -> TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in files {
        let path = dir.path().join(name);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    dir
}

/// A golden file: with `BLESS=1` in the environment, `actual` is written
/// to `path` (review the diff); otherwise it must equal the file. The
/// problem, with the first line that differs.
pub fn golden(path: &Path, actual: &str) -> Result<(), String> {
    if std::env::var_os("BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, actual).unwrap();
        return Ok(());
    }
    let Ok(expected) = std::fs::read_to_string(path) else {
        return Err(format!(
            "{} is missing: run with BLESS=1 and review it",
            path.display()
        ));
    };
    if expected == actual {
        return Ok(());
    }
    let line = expected
        .lines()
        .zip(actual.lines())
        .position(|(e, a)| e != a)
        .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
    Err(format!(
        "{} differs from line {}:\n- {}\n+ {}\n(BLESS=1 rewrites it)",
        path.display(),
        line + 1,
        expected.lines().nth(line).unwrap_or("(end)"),
        actual.lines().nth(line).unwrap_or("(end)")
    ))
}

/// Whether a test step that needs Debian packages may run, as
/// `tests/debian-packages.sh` decides: `pairs` are `COMMAND:PACKAGE`; a
/// missing package is installed as root; otherwise its one line is printed
/// and `false` returned (skip the step), and under `CI=true` the test fails.
pub fn debian_packages(step: &str, pairs: &[&str]) -> bool {
    let output = Command::new("bash")
        .current_dir(repo_root())
        .args([
            "-c",
            "source tests/debian-packages.sh && debian_packages \"$@\"",
            "debian_packages",
            step,
        ])
        .args(pairs)
        .output()
        .unwrap();
    if output.status.success() {
        return true;
    }
    let said = format!("{}{}", text(&output.stdout), text(&output.stderr));
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{said}");
    eprintln!("{}", said.trim_end());
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_root_holds_the_workspace() {
        let manifest = std::fs::read_to_string(repo_root().join("Cargo.toml")).unwrap();
        assert!(manifest.contains("[workspace]"));
    }

    #[test]
    fn walking_finds_files_in_subfolders_sorted() {
        let dir = folder(&[
            ("b.eco", ""),
            ("a/c.eco", ""),
            ("a/ecospec.toml", ""),
            ("a/d/e.eco", ""),
            ("notes.txt", ""),
        ]);
        let relative = |files: Vec<PathBuf>| -> Vec<String> {
            files
                .iter()
                .map(|f| f.strip_prefix(dir.path()).unwrap().display().to_string())
                .collect()
        };
        assert_eq!(
            relative(eco_files(dir.path())),
            ["a/c.eco", "a/d/e.eco", "b.eco"]
        );
        assert_eq!(relative(walk(dir.path())).len(), 5);
        assert!(is_config(&dir.path().join("a/ecospec.toml")));
    }

    #[test]
    fn a_program_runs_in_its_folder_with_stdin() {
        let dir = folder(&[("here.txt", "")]);
        let sh = Program("sh");
        let out = sh.run_with_stdin(dir.path(), &["-c", "ls; cat"], b"piped\n");
        assert_eq!(text(&out.stdout), "here.txt\npiped\n");
        let out = sh.run(dir.path(), &["-c", "cat; echo status; exit 3"]);
        assert_eq!(text(&out.stdout), "status\n");
        assert_eq!(out.status.code(), Some(3));
    }

    #[test]
    fn a_run_within_a_limit_gets_its_output_and_environment() {
        let dir = folder(&[]);
        let out = Program("sh").run_within(
            dir.path(),
            &["-c", "echo \"$GREETING\"; echo err >&2"],
            &[("GREETING", "hello")],
            Duration::from_secs(20),
        );
        assert_eq!(text(&out.stdout), "hello\n");
        assert_eq!(text(&out.stderr), "err\n");
    }

    #[test]
    #[should_panic(expected = "hung")]
    fn a_run_past_its_limit_fails() {
        let dir = folder(&[]);
        Program("sleep").run_within(dir.path(), &["10"], &[], Duration::from_millis(100));
    }
}

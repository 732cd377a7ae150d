//! `ecospec check --watch` as a user runs it: the built binary as a child
//! process on a temporary folder, its runs counted on stderr. Timeouts are
//! generous and output is polled, for a loaded two-core machine.
#![cfg(unix)]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::Read;
use std::path::Path;
use std::process::{Child, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use test_support::Program;

const ECOSPEC: Program = Program(env!("CARGO_BIN_EXE_ecospec"));

const SPEC: &str = "capability a \"A\"\ncluster c { needs: a }\n";
/// Printed on stderr after each run.
const RUN_END: &str = "[ecospec] watching for changes";
/// The longest wait for something that must happen.
const PATIENCE: Duration = Duration::from_secs(30);
/// How long nothing must happen, when nothing changed.
const QUIET: Duration = Duration::from_millis(1500);

/// A running `ecospec check --watch`, killed when dropped.
struct Watching {
    child: Child,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
}

fn collect(mut pipe: impl Read + Send + 'static) -> Arc<Mutex<Vec<u8>>> {
    let buffer = Arc::new(Mutex::new(Vec::new()));
    let sink = Arc::clone(&buffer);
    std::thread::spawn(move || {
        let mut chunk = [0u8; 4096];
        while let Ok(n) = pipe.read(&mut chunk) {
            if n == 0 {
                break;
            }
            sink.lock().unwrap().extend_from_slice(&chunk[..n]);
        }
    });
    buffer
}

impl Watching {
    fn start(dir: &Path, path: &str) -> Self {
        let mut child = ECOSPEC
            .command()
            .current_dir(dir)
            .args(["check", "--watch", "--color", "never", path])
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let stdout = collect(child.stdout.take().unwrap());
        let stderr = collect(child.stderr.take().unwrap());
        let watching = Watching {
            child,
            stdout,
            stderr,
        };
        watching.wait_for_runs(1);
        watching
    }

    fn stdout(&self) -> String {
        String::from_utf8_lossy(&self.stdout.lock().unwrap()).into_owned()
    }

    fn stderr(&self) -> String {
        String::from_utf8_lossy(&self.stderr.lock().unwrap()).into_owned()
    }

    fn runs(&self) -> usize {
        self.stderr().matches(RUN_END).count()
    }

    /// Waits until `ready` holds, or fails after [`PATIENCE`].
    fn wait_until(&self, what: &str, ready: impl Fn(&Self) -> bool) {
        let started = Instant::now();
        while !ready(self) {
            assert!(
                started.elapsed() < PATIENCE,
                "waited {PATIENCE:?} for {what}; stderr:\n{}\nstdout:\n{}",
                self.stderr(),
                self.stdout()
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    fn wait_for_runs(&self, runs: usize) {
        self.wait_until(&format!("{runs} runs"), |w| w.runs() >= runs);
    }

    /// Waits until a run reports `name` on stdout.
    fn wait_for_output(&self, name: &str) {
        self.wait_until(&format!("a run reporting `{name}`"), |w| {
            w.stdout().contains(name)
        });
    }

    /// Lets [`QUIET`] pass and says how many runs there were then.
    fn runs_after_quiet(&self) -> usize {
        std::thread::sleep(QUIET);
        self.runs()
    }
}

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Adds a reference to an unknown capability `name` to `file`: the next run
/// reports `name`.
fn break_with(file: &Path, name: &str) {
    let mut text = std::fs::read_to_string(file).unwrap();
    text.push_str(&format!("cluster {name}_cluster {{ needs: {name} }}\n"));
    std::fs::write(file, text).unwrap();
}

#[test]
fn watch_does_not_wake_itself() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("spec")).unwrap();
    let file = dir.path().join("spec/a.eco");
    std::fs::write(&file, SPEC).unwrap();
    let watching = Watching::start(dir.path(), "spec");
    // Its own reads woke it every 200 ms: here it would have run 7 times.
    assert_eq!(watching.runs_after_quiet(), 1, "{}", watching.stderr());
    // A change of content: one more run.
    break_with(&file, "first_unknown");
    watching.wait_for_output("first_unknown");
    assert_eq!(watching.runs_after_quiet(), 2, "{}", watching.stderr());
    // The same bytes written again, or the times touched: no run.
    let text = std::fs::read(&file).unwrap();
    std::fs::write(&file, text).unwrap();
    let file_handle = std::fs::File::options().append(true).open(&file).unwrap();
    file_handle
        .set_modified(std::time::SystemTime::now())
        .unwrap();
    drop(file_handle);
    assert_eq!(watching.runs_after_quiet(), 2, "{}", watching.stderr());
}

#[test]
fn watch_survives_folder_moved_away_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    let away = dir.path().join("away");
    std::fs::create_dir(&spec).unwrap();
    std::fs::write(spec.join("a.eco"), SPEC).unwrap();
    let watching = Watching::start(dir.path(), "spec");
    // Renamed away and back.
    std::fs::rename(&spec, &away).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    std::fs::rename(&away, &spec).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    break_with(&spec.join("a.eco"), "after_rename");
    watching.wait_for_output("after_rename");
    // Moved away to another file system and back: a new folder (a copy)
    // takes its place, which the old watch never saw.
    std::fs::rename(&spec, &away).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    std::fs::create_dir(&spec).unwrap();
    std::fs::copy(away.join("a.eco"), spec.join("a.eco")).unwrap();
    std::fs::remove_dir_all(&away).unwrap();
    std::thread::sleep(Duration::from_millis(500));
    break_with(&spec.join("a.eco"), "after_copy");
    watching.wait_for_output("after_copy");
    // And it is quiet again afterwards.
    let runs = watching.runs_after_quiet();
    assert_eq!(watching.runs_after_quiet(), runs, "{}", watching.stderr());
}

#[test]
fn watch_sees_a_subfolder_moved_out_and_back() {
    let dir = tempfile::tempdir().unwrap();
    let spec = dir.path().join("spec");
    std::fs::create_dir_all(spec.join("sub")).unwrap();
    std::fs::write(spec.join("a.eco"), SPEC).unwrap();
    std::fs::write(spec.join("sub/b.eco"), "capability in_sub \"S\"\n").unwrap();
    let watching = Watching::start(dir.path(), "spec");
    watching.wait_for_output("in_sub");
    std::thread::sleep(Duration::from_millis(300));
    let mentions = |w: &Watching| w.stdout().matches("in_sub").count();
    let once = mentions(&watching);
    // Its files go with it: one more run, which does not see them; moved
    // back: one more run, which sees them (so they are mentioned twice in
    // all, not three times), and they are watched.
    std::fs::rename(spec.join("sub"), dir.path().join("sub")).unwrap();
    watching.wait_for_runs(2);
    std::fs::rename(dir.path().join("sub"), spec.join("sub")).unwrap();
    watching.wait_for_runs(3);
    watching.wait_until("the third run's output", |w| mentions(w) >= 2 * once);
    std::thread::sleep(Duration::from_millis(300));
    assert_eq!(mentions(&watching), 2 * once, "{}", watching.stdout());
    break_with(&spec.join("sub/b.eco"), "in_sub_again");
    watching.wait_for_output("in_sub_again");
}

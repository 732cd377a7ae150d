//! `ecospec check --watch`: checks, then checks again whenever the content
//! of a `.eco` file, an `ecospec.toml` or an ignore file under the inputs
//! changes (events gathered until 200 ms pass without one, so an editor's
//! save is one run), clearing a terminal between runs. Ctrl-C stops it with
//! status 0.
//!
//! Only content wakes it: reads (the check's own among them) are not
//! changes, and a file whose bytes are those of the last look (an editor
//! touching it, a metadata change) starts no run. A watched folder moved
//! away and back (or deleted and made again) is watched again: its parent is
//! watched too, and an event naming the folder itself re-arms the watch.

use std::collections::BTreeMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::io::{IsTerminal, Write};
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, RecvTimeoutError};
use std::time::{Duration, Instant};

use ecospec::load::{discover, Input};
use notify_debouncer_mini::notify::event::ModifyKind;
use notify_debouncer_mini::notify::{self, EventKind, RecursiveMode, Watcher};

use crate::args::CheckArgs;
use crate::checking::{once, prepare};
use crate::exit::{usage_error, EXIT_OK};
use ecospec::files::read_limited;

/// Quiet time that ends a burst of events.
const DEBOUNCE: Duration = Duration::from_millis(200);

/// The longest a burst is gathered: a folder that never stays quiet (the
/// parent of a watched folder may be `/tmp`) still gets its runs.
const LONGEST_BURST: Duration = Duration::from_secs(2);

/// Files besides `.eco` ones whose content changes a check, looked for
/// directly in a watched folder.
const SETTINGS: [&str; 3] = ["ecospec.toml", ".gitignore", ".ignore"];

enum Wake {
    Paths(Vec<PathBuf>),
    Stop,
}

/// A watched folder: a folder input (recursively), or the folder of a file
/// input (only its own entries: editors save by replacing the file, which
/// would end a watch on the file itself).
struct Root {
    /// With symbolic links resolved, as the watcher names its events.
    path: PathBuf,
    recursive: bool,
}

impl Root {
    fn mode(&self) -> RecursiveMode {
        if self.recursive {
            RecursiveMode::Recursive
        } else {
            RecursiveMode::NonRecursive
        }
    }

    /// Whether this watch already sees the entries of `folder`.
    fn covers(&self, folder: &Path) -> bool {
        folder == self.path || (self.recursive && folder.starts_with(&self.path))
    }

    /// Whether a change to `path` can change the check's result. Output
    /// files (`--output`) do not, so writing them starts no run.
    fn matters(&self, path: &Path) -> bool {
        let Ok(rest) = path.strip_prefix(&self.path) else {
            return false;
        };
        if !self.recursive && rest.components().count() != 1 {
            return false;
        }
        path.extension().is_some_and(|e| e == "eco")
            || (rest.components().count() == 1
                && path
                    .file_name()
                    .is_some_and(|n| SETTINGS.iter().any(|s| n == *s)))
    }

    /// The files whose content the check depends on, as found now.
    fn files(&self) -> Vec<PathBuf> {
        let mut files = if self.recursive {
            discover(&self.path)
        } else {
            std::fs::read_dir(&self.path)
                .into_iter()
                .flatten()
                .filter_map(Result::ok)
                .map(|entry| entry.path())
                .filter(|path| path.extension().is_some_and(|e| e == "eco"))
                .collect()
        };
        files.extend(SETTINGS.iter().map(|name| self.path.join(name)));
        files
    }
}

/// What each file held at the last look: a hash of its bytes. A file that
/// is missing, or not one that is read, has no entry.
#[derive(Default)]
struct Seen(BTreeMap<PathBuf, u64>);

impl Seen {
    fn fingerprint(path: &Path) -> Option<u64> {
        let bytes = read_limited(path).ok()?;
        let mut hasher = DefaultHasher::new();
        bytes.hash(&mut hasher);
        Some(hasher.finish())
    }

    /// Looks at `path` again; whether its content changed.
    fn update(&mut self, path: &Path) -> bool {
        let now = Self::fingerprint(path);
        let before = self.0.get(path).copied();
        if now == before {
            return false;
        }
        match now {
            Some(hash) => self.0.insert(path.to_path_buf(), hash),
            None => self.0.remove(path),
        };
        true
    }

    /// Whether `path`, under a watched folder, is a folder or held files
    /// seen before (a folder moved away or deleted).
    fn holds_folder(&self, roots: &[Root], path: &Path) -> bool {
        // A path's descendants follow it in path order.
        let held = || {
            self.0
                .range::<Path, _>((Bound::Excluded(path), Bound::Unbounded))
                .next()
                .is_some_and(|(seen, _)| seen.starts_with(path))
        };
        roots
            .iter()
            .any(|r| r.recursive && path.starts_with(&r.path))
            && (held() || path.is_dir())
    }

    /// Looks at every file of `roots` again; whether anything changed
    /// (a file's content, a file added or gone).
    fn rescan(&mut self, roots: &[Root]) -> bool {
        let mut now = Seen::default();
        for path in roots.iter().flat_map(Root::files) {
            if let Some(hash) = Self::fingerprint(&path) {
                now.0.insert(path, hash);
            }
        }
        let changed = now.0 != self.0;
        *self = now;
        changed
    }
}

pub fn run(args: &CheckArgs) -> u8 {
    let (inputs, options) = match prepare(args) {
        Ok(prepared) => prepared,
        Err(status) => return status,
    };
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    }) {
        return usage_error(&format!("cannot handle Ctrl-C: {e}"));
    }
    let watcher = notify::recommended_watcher(move |result: notify::Result<notify::Event>| {
        if let Ok(event) = result {
            // Opening and reading a file is not a change, nor are its times
            // and permissions (reading may update its access time).
            if !matches!(
                event.kind,
                EventKind::Access(_) | EventKind::Modify(ModifyKind::Metadata(_))
            ) {
                let _ = tx.send(Wake::Paths(event.paths));
            }
        }
    });
    let mut watcher = match watcher {
        Ok(watcher) => watcher,
        Err(e) => return usage_error(&format!("cannot watch files: {e}")),
    };
    let mut roots = Vec::with_capacity(inputs.len());
    for input in &inputs {
        let (path, recursive) = match input {
            Input::Folder(folder) => (folder.as_path(), true),
            Input::File(file) => (
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new(".")),
                false,
            ),
        };
        let root = match std::fs::canonicalize(path) {
            Ok(real) => Root {
                path: real,
                recursive,
            },
            Err(e) => return usage_error(&format!("cannot watch `{}`: {e}", path.display())),
        };
        if let Err(e) = watcher.watch(&root.path, root.mode()) {
            return usage_error(&format!("cannot watch `{}`: {e}", path.display()));
        }
        roots.push(root);
    }
    // The parent of a watched folder tells when the folder comes back after
    // a move. Without it (the file system's root, no permission) the watch
    // still works until then. A parent already watched is left as it is.
    for root in &roots {
        if let Some(parent) = root.path.parent() {
            if !roots.iter().any(|r| r.covers(parent)) {
                let _ = watcher.watch(parent, RecursiveMode::NonRecursive);
            }
        }
    }
    let mut seen = Seen::default();
    seen.rescan(&roots);
    let terminal = std::io::stdout().is_terminal();
    loop {
        once(args, &inputs, &options);
        eprintln!("[ecospec] watching for changes; Ctrl-C stops");
        loop {
            let Some(paths) = burst(&rx) else {
                return EXIT_OK;
            };
            let moved: Vec<&Root> = roots.iter().filter(|r| paths.contains(&r.path)).collect();
            let changed = if !moved.is_empty() {
                // A watched folder itself moved, went or came back: its
                // watch follows the old folder, so arm it again and look at
                // everything.
                for root in moved {
                    let _ = watcher.unwatch(&root.path);
                    let _ = watcher.watch(&root.path, root.mode());
                }
                seen.rescan(&roots)
            } else if paths.iter().any(|path| seen.holds_folder(&roots, path)) {
                // A folder inside moved or went: the files it held did too.
                seen.rescan(&roots)
            } else {
                let mut changed = false;
                for path in &paths {
                    if roots.iter().any(|r| r.matters(path)) {
                        changed |= seen.update(path);
                    }
                }
                changed
            };
            if changed {
                break;
            }
        }
        if terminal {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(b"\x1b[2J\x1b[3J\x1b[H");
            let _ = stdout.flush();
        }
    }
}

/// Waits for events, then gathers more until [`DEBOUNCE`] passes without
/// one (or [`LONGEST_BURST`] passes); the paths they name, without
/// repeats. `None`: stop.
fn burst(rx: &Receiver<Wake>) -> Option<Vec<PathBuf>> {
    let mut paths = match rx.recv() {
        Ok(Wake::Paths(paths)) => paths,
        Ok(Wake::Stop) | Err(_) => return None,
    };
    let started = Instant::now();
    while started.elapsed() < LONGEST_BURST {
        match rx.recv_timeout(DEBOUNCE) {
            Ok(Wake::Paths(more)) => paths.extend(more),
            Ok(Wake::Stop) | Err(RecvTimeoutError::Disconnected) => return None,
            Err(RecvTimeoutError::Timeout) => break,
        }
    }
    paths.sort();
    paths.dedup();
    Some(paths)
}

//! `ecospec check --watch`: checks, then checks again whenever a `.eco`
//! file or an `ecospec.toml` under the inputs changes (events debounced for
//! 200 ms, so an editor's save is one run), clearing a terminal between
//! runs. Ctrl-C stops it with status 0.

use std::io::{IsTerminal, Write};
use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use ecospec::check::Options;
use ecospec::load::Input;
use notify_debouncer_mini::notify::RecursiveMode;
use notify_debouncer_mini::{new_debouncer, DebounceEventResult};

use crate::check_cmd::{once, usage_error};
use crate::cli::CheckArgs;
use crate::EXIT_OK;

const DEBOUNCE: Duration = Duration::from_millis(200);

enum Wake {
    Changed,
    Stop,
}

/// Whether a change to `path` can change the check's result. Output files
/// (`--output`) are neither, so writing them does not start another run.
fn matters(path: &Path) -> bool {
    path.extension().is_some_and(|e| e == "eco")
        || path.file_name().is_some_and(|n| n == "ecospec.toml")
}

pub fn run(args: &CheckArgs, inputs: &[Input], options: &Options) -> u8 {
    let (tx, rx) = mpsc::channel();
    let stop = tx.clone();
    if let Err(e) = ctrlc::set_handler(move || {
        let _ = stop.send(Wake::Stop);
    }) {
        return usage_error(&format!("cannot handle Ctrl-C: {e}"));
    }
    let debouncer = new_debouncer(DEBOUNCE, move |result: DebounceEventResult| {
        if let Ok(events) = result {
            if events.iter().any(|event| matters(&event.path)) {
                let _ = tx.send(Wake::Changed);
            }
        }
    });
    let mut debouncer = match debouncer {
        Ok(debouncer) => debouncer,
        Err(e) => return usage_error(&format!("cannot watch files: {e}")),
    };
    for input in inputs {
        // A single file is watched through its folder: editors save by
        // replacing the file, which ends a watch on the file itself.
        let (path, mode) = match input {
            Input::Folder(folder) => (folder.as_path(), RecursiveMode::Recursive),
            Input::File(file) => (
                file.parent()
                    .filter(|p| !p.as_os_str().is_empty())
                    .unwrap_or(Path::new(".")),
                RecursiveMode::NonRecursive,
            ),
        };
        if let Err(e) = debouncer.watcher().watch(path, mode) {
            return usage_error(&format!("cannot watch `{}`: {e}", path.display()));
        }
    }
    let terminal = std::io::stdout().is_terminal();
    loop {
        once(args, inputs, options);
        eprintln!("[ecospec] watching for changes; Ctrl-C stops");
        match rx.recv() {
            Ok(Wake::Changed) => {}
            Ok(Wake::Stop) | Err(_) => return EXIT_OK,
        }
        // Changes that arrived during the run are covered by the next one.
        while let Ok(wake) = rx.try_recv() {
            if let Wake::Stop = wake {
                return EXIT_OK;
            }
        }
        if terminal {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(b"\x1b[2J\x1b[3J\x1b[H");
            let _ = stdout.flush();
        }
    }
}

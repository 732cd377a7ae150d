//! A command's answer: into `-o FILE`, or on standard output. Files are
//! read and replaced through the library's `ecospec::files` (one atomic
//! writer for the commands and the studio).

use std::io::Write;
use std::path::Path;

use ecospec::files::write_atomically;

/// A command's answer: into `-o FILE` (atomically), else on standard
/// output, where a closed pipe (`ecospec graph | head`) is not an error.
/// `Err`: the one line saying why the file could not be written.
pub fn emit(output: Option<&Path>, bytes: &[u8]) -> Result<(), String> {
    match output {
        Some(path) => write_atomically(path, bytes)
            .map_err(|e| format!("cannot write `{}`: {e}", path.display())),
        None => {
            let mut stdout = std::io::stdout().lock();
            let _ = stdout.write_all(bytes).and_then(|()| stdout.flush());
            Ok(())
        }
    }
}

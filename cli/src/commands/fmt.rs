//! `ecospec fmt`: formats files in place, or (`--check`) shows what would
//! change. The layout itself is the library's `ecospec::fmt`.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use ecospec::fmt::{format_source, FormatError};
use ecospec::load::discover;
use ecospec::source::SourceFile;

use crate::args::FmtArgs;
use crate::exit::{usage_error, EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};
use ecospec::files::{
    is_read_only, read_all_limited, read_limited, write_atomically, write_target,
};

const BOM: &str = "\u{feff}";

pub fn run(args: &FmtArgs) -> u8 {
    if args.paths.iter().any(|path| path.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return usage_error("`-` (standard input) cannot be combined with paths");
        }
        return stdin(args.check);
    }
    // Each file with the folder it is formatted in: a folder named on the
    // command line, or the folder holding a file named there.
    let mut folders = Vec::new();
    let mut files = Vec::new();
    for path in &args.paths {
        let (folder, found) = if path.is_dir() {
            (path.as_path(), discover(path))
        } else if path.exists() {
            let parent = path
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .unwrap_or(Path::new("."));
            (parent, vec![path.clone()])
        } else {
            return usage_error(&format!("`{}` does not exist", path.display()));
        };
        let real = match std::fs::canonicalize(folder) {
            Ok(real) => real,
            Err(error) => {
                return usage_error(&format!("cannot resolve `{}`: {error}", folder.display()))
            }
        };
        files.extend(found.into_iter().map(|file| (file, folders.len())));
        folders.push(Folder {
            shown: shown(folder),
            real,
        });
    }
    let mut status = EXIT_OK;
    for (path, folder) in &files {
        if let Some(folder) = folders.get(*folder) {
            status = status.max(file(path, folder, args.check));
        }
    }
    status
}

/// The folder a file is formatted in: a symbolic link may lead only inside it.
struct Folder {
    /// As the user wrote it.
    shown: String,
    /// With symbolic links resolved.
    real: PathBuf,
}

/// Formats one file in place, or prints its diff under `--check`. A file
/// that is refused (a link leading outside its folder, not a regular file,
/// too large, read-only) is named on stderr with why, and exits 2: the
/// command could not do its job for it.
fn file(path: &Path, folder: &Folder, check: bool) -> u8 {
    let name = shown(path);
    let target = match write_target(path) {
        Ok(target) => target,
        Err(error) => return refused(&name, &format!("cannot follow the link: {error}"), None),
    };
    if target != path && !target.starts_with(&folder.real) {
        return refused(
            &name,
            &format!("a symbolic link leading outside `{}`; not followed", folder.shown),
            Some("ecospec formats only what is inside the folder it is given; to format the target, name its own folder"),
        );
    }
    let bytes = match read_limited(&target) {
        Ok(bytes) => bytes,
        Err(why) => return refused(&name, &why, None),
    };
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(error) => {
            eprintln!(
                "error: {name}: not valid UTF-8 (at byte {}); not formatted",
                error.utf8_error().valid_up_to()
            );
            return EXIT_FINDINGS;
        }
    };
    let formatted = match format_source(&text) {
        Ok(formatted) => formatted,
        Err(error) => return not_formatted(&name, &text, &error),
    };
    if formatted == text {
        return EXIT_OK;
    }
    if check {
        print_diff(&name, &text, &formatted);
        return EXIT_FINDINGS;
    }
    if std::fs::metadata(&target).is_ok_and(|meta| is_read_only(&meta)) {
        return refused(
            &name,
            "read-only; not formatted",
            Some("make it writable (e.g. `chmod u+w`) to format it"),
        );
    }
    match write_atomically(path, formatted.as_bytes()) {
        Ok(()) => EXIT_OK,
        Err(error) => refused(&name, &format!("cannot write it: {error}"), None),
    }
}

/// Says why a file is left as it is; exit status 2.
fn refused(name: &str, why: &str, help: Option<&str>) -> u8 {
    eprintln!("error: {name}: {why}");
    if let Some(help) = help {
        eprintln!("help: {help}");
    }
    EXIT_USAGE
}

/// `ecospec fmt -`: standard input to standard output.
fn stdin(check: bool) -> u8 {
    let name = "<stdin>";
    let bytes = match read_all_limited(std::io::stdin().lock()) {
        Ok(bytes) => bytes,
        Err(why) => return refused("standard input", &why, None),
    };
    let Ok(text) = String::from_utf8(bytes) else {
        eprintln!("error: {name}: not valid UTF-8; not formatted");
        return EXIT_FINDINGS;
    };
    let formatted = match format_source(&text) {
        Ok(formatted) => formatted,
        Err(error) => return not_formatted(name, &text, &error),
    };
    if check {
        if formatted == text {
            return EXIT_OK;
        }
        print_diff(name, &text, &formatted);
        return EXIT_FINDINGS;
    }
    let mut stdout = std::io::stdout().lock();
    // A closed pipe is not an error of the formatting.
    let _ = stdout.write_all(formatted.as_bytes());
    let _ = stdout.flush();
    EXIT_OK
}

/// Says why a file was left as it is: where its first syntax error is.
fn not_formatted(name: &str, text: &str, error: &FormatError) -> u8 {
    match error {
        FormatError::Syntax { span, .. } => {
            let (body, shift) = match text.strip_prefix(BOM) {
                Some(body) => (body, BOM.len()),
                None => (text, 0),
            };
            let source = SourceFile::new(PathBuf::from(name), name.to_string(), body.to_string());
            let offset = (span.start as usize).saturating_sub(shift);
            let position = source.position(u32::try_from(offset).unwrap_or(u32::MAX));
            eprintln!("{name}:{}:{}: {error}", position.line, position.column);
            eprintln!("note: {name} has syntax errors: left as it is, not formatted");
            EXIT_FINDINGS
        }
        FormatError::Internal(_) => {
            eprintln!("error: {name}: {error}; left as it is");
            EXIT_USAGE
        }
    }
}

/// How long `--check` spends aligning the lines of one file. Past it the
/// diff is still correct but coarser: the stretch still being aligned is
/// shown as removed, then added (a note on stderr says so). Myers' diff
/// costs lines × differences: 30,000 changed declarations took 30 s.
const DIFF_TIMEOUT: Duration = Duration::from_secs(1);

fn print_diff(name: &str, old: &str, new: &str) {
    let started = Instant::now();
    let diff = similar::TextDiff::configure()
        .timeout(DIFF_TIMEOUT)
        .diff_lines(old, new);
    if started.elapsed() >= DIFF_TIMEOUT {
        eprintln!(
            "note: {name}: too many changes to align line by line within {} s; \
             the diff shows whole stretches removed, then added",
            DIFF_TIMEOUT.as_secs()
        );
    }
    let text = diff
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// The path as given or found, with `/` separators and no leading `./`.
fn shown(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => text,
    }
}

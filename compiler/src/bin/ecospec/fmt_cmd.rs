//! `ecospec fmt`: formats files in place, or (`--check`) shows what would
//! change. The layout itself is the library's `ecospec::fmt`.

use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use ecospec::fmt::{format_source, FormatError};
use ecospec::load::discover;
use ecospec::source::SourceFile;

use crate::check_cmd::usage_error;
use crate::cli::FmtArgs;
use crate::{EXIT_FINDINGS, EXIT_OK, EXIT_USAGE};

const BOM: &str = "\u{feff}";

pub fn run(args: &FmtArgs) -> u8 {
    if args.paths.iter().any(|path| path.as_os_str() == "-") {
        if args.paths.len() > 1 {
            return usage_error("`-` (standard input) cannot be combined with paths");
        }
        return stdin(args.check);
    }
    let mut files = Vec::new();
    for path in &args.paths {
        if path.is_dir() {
            files.extend(discover(path));
        } else if path.exists() {
            files.push(path.clone());
        } else {
            return usage_error(&format!("`{}` does not exist", path.display()));
        }
    }
    let mut status = EXIT_OK;
    for path in &files {
        status = status.max(file(path, args.check));
    }
    status
}

/// Formats one file in place, or prints its diff under `--check`.
fn file(path: &Path, check: bool) -> u8 {
    let name = shown(path);
    let text = match std::fs::read(path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(text) => text,
            Err(error) => {
                eprintln!(
                    "error: {name}: not valid UTF-8 (at byte {}); not formatted",
                    error.utf8_error().valid_up_to()
                );
                return EXIT_FINDINGS;
            }
        },
        Err(error) => {
            eprintln!("error: {name}: cannot read it: {error}");
            return EXIT_USAGE;
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
    match write_atomically(path, &formatted) {
        Ok(()) => EXIT_OK,
        Err(error) => {
            eprintln!("error: {name}: cannot write it: {error}");
            EXIT_USAGE
        }
    }
}

/// `ecospec fmt -`: standard input to standard output.
fn stdin(check: bool) -> u8 {
    let name = "<stdin>";
    let mut bytes = Vec::new();
    if let Err(error) = std::io::stdin().read_to_end(&mut bytes) {
        eprintln!("error: cannot read standard input: {error}");
        return EXIT_USAGE;
    }
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

fn print_diff(name: &str, old: &str, new: &str) {
    let diff = similar::TextDiff::from_lines(old, new);
    let text = diff
        .unified_diff()
        .header(&format!("a/{name}"), &format!("b/{name}"))
        .to_string();
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

/// Writes a temporary file beside the target, then renames it over the
/// target: a reader never sees half a file. The target's permissions are kept.
fn write_atomically(path: &Path, text: &str) -> std::io::Result<()> {
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    let mut temp = tempfile::NamedTempFile::new_in(folder)?;
    temp.write_all(text.as_bytes())?;
    temp.as_file().sync_all()?;
    if let Ok(metadata) = std::fs::metadata(path) {
        std::fs::set_permissions(temp.path(), metadata.permissions())?;
    }
    temp.persist(path).map_err(|error| error.error)?;
    Ok(())
}

/// The path as given or found, with `/` separators and no leading `./`.
fn shown(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    match text.strip_prefix("./") {
        Some(rest) if !rest.is_empty() => rest.to_string(),
        _ => text,
    }
}

//! The trainer's folder (PATH, canonical): its `.eco` files as `ecospec
//! check PATH` finds them, and saving one. Nothing outside the folder is
//! read or written: a path from the page is taken apart segment by
//! segment (percent-decoded; an encoded `/` or `\` is refused, not
//! decoded into a separator), may not hold `..`, `.` or a hidden name, must
//! end in `.eco`, and must resolve (symbolic links included) inside the
//! folder.

use std::path::{Path, PathBuf};

use ecospec::load::{discover_in, read_inside, RealFs, SPEC_LIMIT};
use serde::Serialize;

// The one atomic writer of the command line (temporary file + rename,
// mode and owner kept, read-only files refused), shared, not copied.
#[allow(dead_code)]
#[path = "../../cli/src/files.rs"]
mod files;

/// A spec file of the folder, as the page receives it.
#[derive(Serialize, Debug, PartialEq, Eq)]
pub struct SpecFile {
    /// Relative to the folder, with `/`.
    pub path: String,
    pub text: String,
}

/// Every `.eco` file `ecospec check` finds under `root` (ignore rules
/// honoured, hidden folders and symbolic links skipped), in path order,
/// read through the checker's guarded reader. A file that cannot be read
/// (too large, not UTF-8, gone meanwhile) is left out.
pub fn list(root: &Path) -> Vec<SpecFile> {
    discover_in(&RealFs, root)
        .files
        .into_iter()
        .filter_map(|path| {
            let relative = relative(root, &path)?;
            let (_, bytes) = read_inside(&RealFs, &path, root, SPEC_LIMIT).ok()?;
            let text = String::from_utf8(bytes).ok()?;
            Some(SpecFile {
                path: relative,
                text,
            })
        })
        .collect()
}

fn relative(root: &Path, path: &Path) -> Option<String> {
    let parts: Option<Vec<&str>> = path
        .strip_prefix(root)
        .ok()?
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect();
    Some(parts?.join("/"))
}

/// Why a save is refused.
#[derive(Debug, PartialEq, Eq)]
pub enum Refused {
    /// Not a path the studio writes (400).
    BadPath(String),
    /// Its folder does not exist (404).
    NoFolder(String),
    /// The disk refused (500).
    Write(String),
}

/// The file a page's path names: `raw` is the URL's path after
/// `/api/files/`, still percent-encoded.
pub fn resolve(root: &Path, raw: &str) -> Result<PathBuf, Refused> {
    let bad = |why: &str| Refused::BadPath(format!("`{raw}` {why}"));
    if raw.is_empty() {
        return Err(bad("is not a file name"));
    }
    let mut path = root.to_path_buf();
    let mut segments = raw.split('/').peekable();
    while let Some(segment) = segments.next() {
        let name =
            decode(segment).ok_or_else(|| bad("is not a valid percent-encoded UTF-8 path"))?;
        if name.is_empty() {
            return Err(bad("is not a relative path of names (an empty segment)"));
        }
        if name.contains(['/', '\\', '\0']) {
            return Err(bad("holds an encoded slash, backslash or NUL"));
        }
        if name == "." || name == ".." {
            return Err(bad("may not hold `.` or `..`"));
        }
        if name.starts_with('.') {
            return Err(bad("names a hidden file or folder"));
        }
        if segments.peek().is_none() && !name.ends_with(".eco") {
            return Err(bad("is not a `.eco` file"));
        }
        path.push(name);
    }
    let Some(parent) = path.parent() else {
        return Err(bad("is not a file name"));
    };
    let real_parent = std::fs::canonicalize(parent)
        .map_err(|_| Refused::NoFolder(format!("`{raw}`: its folder does not exist")))?;
    if !real_parent.starts_with(root) {
        return Err(bad("is outside the studio's folder"));
    }
    // An existing file (or link) must resolve inside the folder too; a
    // dangling link is refused rather than created somewhere.
    if std::fs::symlink_metadata(&path).is_ok() {
        let real = std::fs::canonicalize(&path).map_err(|_| bad("is a link to nothing"))?;
        if !real.starts_with(root) {
            return Err(bad("is outside the studio's folder"));
        }
        if !real.is_file() {
            return Err(bad("is not a regular file"));
        }
    }
    Ok(path)
}

/// Percent-decodes one segment of a URL path; `None` when an escape is cut
/// short or the bytes are not UTF-8.
fn decode(segment: &str) -> Option<String> {
    let bytes = segment.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut at = 0;
    while let Some(&byte) = bytes.get(at) {
        if byte == b'%' {
            let hex = segment.get(at + 1..at + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            at += 3;
        } else {
            out.push(byte);
            at += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Saves `text` to the file `raw` names, atomically.
pub fn save(root: &Path, raw: &str, text: &[u8]) -> Result<(), Refused> {
    let path = resolve(root, raw)?;
    if std::str::from_utf8(text).is_err() {
        return Err(Refused::BadPath("the text is not UTF-8".into()));
    }
    files::write_atomically(&path, text)
        .map_err(|e| Refused::Write(format!("cannot write `{raw}`: {e}")))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn segments_are_decoded_one_by_one() {
        assert_eq!(decode("a%20b.eco").unwrap(), "a b.eco");
        assert_eq!(decode("%2e%2e").unwrap(), "..");
        assert_eq!(decode("%2F").unwrap(), "/");
        assert_eq!(decode("caf%C3%A9").unwrap(), "café");
        assert_eq!(decode("%"), None);
        assert_eq!(decode("%zz"), None);
        assert_eq!(decode("%ff"), None);
    }
}

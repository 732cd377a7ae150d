//! How a file and a place in it are shown: names with control characters
//! escaped, exact bytes, percent-encoded URIs, line and column.

use std::borrow::Cow;

use crate::diagnostic::Loc;
use crate::source::{Position, SourceFile, SourceMap};

/// The file name and the 1-based start and end positions of a place.
pub fn place(sources: &SourceMap, loc: Loc) -> Option<(&str, Position, Position)> {
    let file = sources.get(loc.file)?;
    Some((
        file.name.as_str(),
        file.position(loc.span.start),
        file.position(loc.span.end),
    ))
}

/// Control characters (a newline, a carriage return, an escape, …) as
/// Rust-style escapes (`\n`, `\u{1b}`): a file name holding a newline
/// cannot split a line of output or forge one.
pub fn escape_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(char::is_control) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if c.is_control() {
            out.extend(c.escape_debug());
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The bytes of a file's path as shown, exact (with `/` between folders).
pub fn shown_bytes(file: &SourceFile) -> Cow<'_, [u8]> {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Cow::Borrowed(file.shown.as_os_str().as_bytes())
    }
    #[cfg(not(unix))]
    {
        Cow::Borrowed(file.name.as_bytes())
    }
}

/// A file's path as shown, percent-encoded byte for byte, when its `name`
/// is lossy (the path is not UTF-8); `None` when `name` is exact.
pub fn exact_name(file: &SourceFile) -> Option<String> {
    if file.shown.to_str().is_some() {
        return None;
    }
    Some(percent_encoded(&shown_bytes(file)))
}

/// Percent-encodes what may not stand in a URI path (RFC 3986), byte by byte.
pub fn percent_encoded(path: &[u8]) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path {
        if byte.is_ascii_alphanumeric() || b"-._~/!$&'()*+,;=:@".contains(byte) {
            out.push(char::from(*byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

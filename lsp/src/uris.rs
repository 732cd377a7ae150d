//! Client URIs and the paths the checker uses, both ways: `file:` URIs with
//! symbolic links resolved, and `untitled:` documents placed in a folder
//! that does not exist ([`UNTITLED_ROOT`]).

use std::path::{Component, Path, PathBuf};

use tower_lsp_server::ls_types::Uri;

/// Where `untitled:` documents are placed: a folder that does not exist, so
/// they are checked as never-saved files (see [`path_of`]).
pub const UNTITLED_ROOT: &str = "/.ecospec-untitled";

/// A client URI as the path the checker uses (symbolic links resolved;
/// of a document never saved, those of its folder). An `untitled:` URI is
/// a file of [`UNTITLED_ROOT`] (its name escaped into one file name;
/// [`uri`] turns it back).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    if let Some(name) = uri.as_str().strip_prefix("untitled:") {
        if name.is_empty() {
            return None;
        }
        let name = name.replace('%', "%25").replace('/', "%2F");
        return Some(Path::new(UNTITLED_ROOT).join(name));
    }
    let path = uri.to_file_path()?.into_owned();
    if let Ok(real) = std::fs::canonicalize(&path) {
        return Some(real);
    }
    let parent = path.parent().and_then(|p| std::fs::canonicalize(p).ok());
    match (parent, path.file_name()) {
        (Some(parent), Some(name)) => Some(parent.join(name)),
        _ => Some(path),
    }
}

/// [`path_of`], in studio mode (`fixed`: the one folder, canonical): a URI
/// whose path is not written inside the folder, or climbs out of it with
/// `..`, is refused before the disk is asked anything about it (resolving
/// its links would look outside). One inside is resolved as [`path_of`]
/// does; a link that leads out is then refused by the caller's `accepts`.
pub fn path_within(uri: &Uri, fixed: Option<&Path>) -> Option<PathBuf> {
    if let Some(fixed) = fixed {
        let written = uri.to_file_path()?;
        let climbs = written
            .components()
            .any(|part| matches!(part, Component::ParentDir));
        if climbs || !written.starts_with(fixed) {
            return None;
        }
    }
    path_of(uri)
}

/// The client URI of a path (an `untitled:` one for the documents placed in
/// [`UNTITLED_ROOT`]).
pub fn uri(path: &Path) -> Option<Uri> {
    if let Ok(name) = path.strip_prefix(UNTITLED_ROOT) {
        let name = name.to_str()?.replace("%2F", "/").replace("%25", "%");
        return format!("untitled:{name}").parse().ok();
    }
    Uri::from_file_path(path)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn an_untitled_document_goes_there_and_back() {
        let uri: Uri = "untitled:notes/a.eco".parse().unwrap();
        let path = path_of(&uri).unwrap();
        assert_eq!(path, Path::new(UNTITLED_ROOT).join("notes%2Fa.eco"));
        assert_eq!(super::uri(&path).unwrap().as_str(), uri.as_str());
    }

    #[test]
    fn in_studio_mode_a_path_written_outside_the_folder_is_refused_unresolved() {
        let fixed = std::env::temp_dir().canonicalize().unwrap();
        let inside = Uri::from_file_path(fixed.join("a.eco")).unwrap();
        assert_eq!(
            path_within(&inside, Some(&fixed)),
            Some(fixed.join("a.eco"))
        );
        let outside: Uri = "file:///etc/passwd".parse().unwrap();
        assert_eq!(path_within(&outside, Some(&fixed)), None);
        assert!(path_within(&outside, None).is_some());
        let climbing: Uri = format!(
            "{}/../etc/passwd",
            Uri::from_file_path(&fixed).unwrap().as_str()
        )
        .parse()
        .unwrap();
        assert_eq!(path_within(&climbing, Some(&fixed)), None);
        let untitled: Uri = "untitled:a.eco".parse().unwrap();
        assert_eq!(path_within(&untitled, Some(&fixed)), None);
    }
}

//! What the server knows between requests: the open documents, the
//! workspace folders, the negotiated encoding and the last analysis of each
//! folder. Updated synchronously in the notification handlers.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecospec::load::{FileSystem, Input};
use ecospec::source::SourceFile;
use tower_lsp_server::ls_types::{TextDocumentContentChangeEvent, Uri};

use crate::convert::{self, Encoding};
use crate::worker::Analysis;

/// An open document: the client's text, which wins over the disk.
#[derive(Clone, Debug)]
pub struct Doc {
    pub version: i32,
    /// The text with its line index (path as opened, canonical).
    pub file: Arc<SourceFile>,
}

#[derive(Default)]
pub struct State {
    pub docs: HashMap<PathBuf, Doc>,
    /// Workspace folders, canonical, longest first.
    pub folders: Vec<PathBuf>,
    pub encoding: Encoding,
    pub allow_outside_imports: bool,
    /// The last analysis of each folder.
    pub analyses: HashMap<PathBuf, Arc<Analysis>>,
    /// Per folder, the files last published with diagnostics.
    pub published: HashMap<PathBuf, HashSet<PathBuf>>,
}

impl State {
    /// The folder being checked for a file: the enclosing workspace folder,
    /// or the file's own folder.
    pub fn folder_of(&self, path: &Path) -> PathBuf {
        self.folders
            .iter()
            .find(|folder| path.starts_with(folder))
            .cloned()
            .unwrap_or_else(|| path.parent().map(Path::to_path_buf).unwrap_or_default())
    }

    /// What to check for a folder: its files on disk, and the open
    /// documents in it that were never saved (they are not on disk to be
    /// found).
    pub fn inputs(&self, folder: &Path) -> Vec<Input> {
        let mut inputs = vec![Input::Folder(folder.to_path_buf())];
        let mut unsaved: Vec<&PathBuf> = self
            .docs
            .keys()
            .filter(|path| self.folder_of(path) == folder)
            .filter(|path| std::fs::symlink_metadata(path).is_err())
            .collect();
        unsaved.sort();
        inputs.extend(unsaved.into_iter().cloned().map(Input::File));
        inputs
    }

    pub fn set_folders(&mut self, mut folders: Vec<PathBuf>) {
        folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        folders.dedup();
        self.folders = folders;
    }
}

/// Where `untitled:` documents are placed: a folder that does not exist, so
/// they are checked as never-saved files (see [`path_of`]).
pub const UNTITLED_ROOT: &str = "/.ecospec-untitled";

/// A client URI as the path the checker uses (symbolic links resolved;
/// of a document never saved, those of its folder). An `untitled:` URI is
/// a file of [`UNTITLED_ROOT`] (its name escaped into one file name;
/// [`crate::convert::uri`] turns it back).
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

/// A document's text after the client's changes, in order: a change with a
/// range replaces that range (positions in the negotiated encoding), one
/// without replaces the whole text. An error when a range does not fall on
/// characters of the text.
pub fn apply_changes(
    current: &SourceFile,
    changes: Vec<TextDocumentContentChangeEvent>,
    encoding: Encoding,
) -> Result<String, String> {
    let mut file: Option<SourceFile> = None;
    for change in changes {
        let Some(range) = change.range else {
            file = Some(SourceFile::new(
                current.path.clone(),
                current.name.clone(),
                change.text,
            ));
            continue;
        };
        let text = file.as_ref().unwrap_or(current);
        let start = convert::offset(text, range.start, encoding) as usize;
        let end = convert::offset(text, range.end, encoding) as usize;
        if start > end {
            return Err(format!(
                "the range ends before it starts ({}:{} to {}:{})",
                range.start.line, range.start.character, range.end.line, range.end.character
            ));
        }
        let mut edited = text.text.clone();
        if !edited.is_char_boundary(start) || !edited.is_char_boundary(end) {
            return Err("the range does not fall between characters".into());
        }
        edited.replace_range(start..end, &change.text);
        file = Some(SourceFile::new(
            current.path.clone(),
            current.name.clone(),
            edited,
        ));
    }
    Ok(file.map_or_else(|| current.text.clone(), |file| file.text))
}

/// The disk with the open documents over it.
pub struct OverlayFs {
    pub docs: HashMap<PathBuf, Arc<SourceFile>>,
}

impl FileSystem for OverlayFs {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        match self.docs.get(path) {
            Some(doc) => Ok(doc.text.clone().into_bytes()),
            None => std::fs::read(path),
        }
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        std::fs::canonicalize(path).or_else(|error| {
            if self.docs.contains_key(path) {
                Ok(path.to_path_buf())
            } else {
                Err(error)
            }
        })
    }
}

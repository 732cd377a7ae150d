//! What the server knows between requests: the open documents, the
//! workspace folders, the negotiated encoding and the last analysis of each
//! folder. Updated synchronously in the notification handlers.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecospec::load::{FileSystem, ReadError, RealFs};
use ecospec::source::SourceFile;
use tower_lsp_server::ls_types::Uri;

use crate::convert::Encoding;
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

    pub fn set_folders(&mut self, mut folders: Vec<PathBuf>) {
        folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        folders.dedup();
        self.folders = folders;
    }
}

/// A client URI as the path the checker uses (symbolic links resolved).
pub fn path_of(uri: &Uri) -> Option<PathBuf> {
    let path = uri.to_file_path()?.into_owned();
    Some(std::fs::canonicalize(&path).unwrap_or(path))
}

/// The disk with the open documents over it.
pub struct OverlayFs {
    pub docs: HashMap<PathBuf, Arc<SourceFile>>,
}

impl FileSystem for OverlayFs {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        match self.docs.get(path) {
            Some(doc) => Ok(doc.text.clone().into_bytes()),
            None => RealFs.read(path, limit),
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

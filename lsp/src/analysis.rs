//! The analysis snapshot the feature handlers read: a checked folder
//! ([`Analysis`]), a request about one of its files ([`Query`]), and the
//! file system it was checked through (the disk with the open documents
//! over it, [`OverlayFs`]).

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecospec::check::Outcome;
use ecospec::load::{DirEntry, FileSystem, ReadError, RealFs};
use ecospec::memfs::entries_under;
use ecospec::query::{self, Found};
use ecospec::source::{FileId, SourceFile};
use tower_lsp_server::ls_types::Position;

use crate::convert::{self, Encoding};

/// A checked folder.
pub struct Analysis {
    pub outcome: Outcome,
    /// The version of each open document it saw.
    pub versions: HashMap<PathBuf, i32>,
}

/// What a request about a document needs.
pub struct Query {
    pub analysis: Arc<Analysis>,
    pub file: FileId,
    pub encoding: Encoding,
}

impl Query {
    pub fn outcome(&self) -> &Outcome {
        &self.analysis.outcome
    }

    /// The document's text as the analysis saw it.
    pub fn source(&self) -> Option<&SourceFile> {
        self.analysis.outcome.sources.get(self.file)
    }

    /// The byte offset of a client position in the document.
    pub fn offset(&self, position: Position) -> u32 {
        match self.source() {
            Some(file) => convert::offset(file, position, self.encoding),
            None => 0,
        }
    }

    /// The declaration named at a client position (by its definition or a use).
    pub fn symbol_at(&self, position: Position) -> Option<Found<'_>> {
        query::symbol_at(self.outcome(), self.file, self.offset(position))
    }
}

/// The disk with the open documents over it: their text is read instead
/// of the file's, and the ones never saved are found in their folder (an
/// unsaved `ecospec.toml` sets the levels, an unsaved spec is checked).
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

    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        let unsaved = entries_under(self.docs.keys(), dir);
        match RealFs.read_dir(dir) {
            Ok(mut entries) => {
                for entry in unsaved {
                    if !entries.iter().any(|e| e.path == entry.path) {
                        entries.push(entry);
                    }
                }
                Ok(entries)
            }
            Err(error) if unsaved.is_empty() => Err(error),
            Err(_) => Ok(unsaved),
        }
    }

    fn is_dir(&self, path: &Path) -> bool {
        RealFs.is_dir(path)
            || self
                .docs
                .keys()
                .any(|doc| doc != path && doc.starts_with(path))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use ecospec::load::EntryKind;

    use super::*;

    fn overlay(paths: &[&Path]) -> OverlayFs {
        let docs = paths
            .iter()
            .map(|path| {
                let file = SourceFile::new(path.to_path_buf(), "doc".into(), String::new());
                (path.to_path_buf(), Arc::new(file))
            })
            .collect();
        OverlayFs { docs }
    }

    fn listed(fs: &OverlayFs, dir: &Path) -> Vec<(PathBuf, EntryKind)> {
        let mut entries: Vec<_> = fs
            .read_dir(dir)
            .unwrap()
            .into_iter()
            .map(|e| (e.path, e.kind))
            .collect();
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        entries
    }

    #[test]
    fn unsaved_documents_are_listed_with_the_folder_on_disk() {
        let dir = std::env::temp_dir().join(format!("ecospec-overlay-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("saved.eco"), "").unwrap();
        let (saved, unsaved, deep) = (
            dir.join("saved.eco"),
            dir.join("ecospec.toml"),
            dir.join("new").join("more.eco"),
        );
        let fs = overlay(&[&saved, &unsaved, &deep]);
        assert_eq!(
            listed(&fs, &dir),
            [
                (dir.join("ecospec.toml"), EntryKind::File),
                (dir.join("new"), EntryKind::Dir),
                (dir.join("saved.eco"), EntryKind::File),
            ],
            "each once, the saved one as the disk has it"
        );
        assert!(fs.is_dir(&dir.join("new")));
        assert!(!fs.is_dir(&unsaved));
        assert_eq!(listed(&fs, &dir.join("new")), [(deep, EntryKind::File)]);
        assert!(fs.read_dir(&dir.join("nowhere")).is_err());
        std::fs::remove_dir_all(&dir).unwrap();
    }
}

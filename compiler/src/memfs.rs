//! A folder held in memory: a [`FileSystem`] for tests and the fuzz targets,
//! so a check never touches the disk.

use std::collections::BTreeMap;
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use crate::load::{FileSystem, ReadError};

/// Files by absolute path; there are no symbolic links, so a path is its
/// own real path when it names a file.
#[derive(Clone, Debug, Default)]
pub struct MemFs {
    pub files: BTreeMap<PathBuf, Vec<u8>>,
}

impl MemFs {
    pub fn new() -> MemFs {
        MemFs::default()
    }

    /// Adds (or replaces) a file.
    pub fn insert(&mut self, path: impl Into<PathBuf>, content: impl Into<Vec<u8>>) {
        self.files.insert(path.into(), content.into());
    }
}

impl FileSystem for MemFs {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        let bytes = self
            .files
            .get(path)
            .ok_or_else(|| Error::from(ErrorKind::NotFound))?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge(limit));
        }
        Ok(bytes.clone())
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        if self.files.contains_key(path) {
            Ok(path.to_path_buf())
        } else {
            Err(Error::from(ErrorKind::NotFound))
        }
    }
}

//! A folder held in memory: a [`FileSystem`] for tests and the fuzz targets,
//! so a check never touches the disk.

use std::collections::BTreeMap;
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use crate::load::{DirEntry, EntryKind, FileSystem, ReadError};

/// Files by absolute path; there are no symbolic links, so a path is its
/// own real path when it names a file. Folders are those that hold a file.
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

    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        let entries = entries_under(self.files.keys(), dir);
        if entries.is_empty() {
            return Err(Error::from(ErrorKind::NotFound));
        }
        Ok(entries)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.files
            .keys()
            .any(|file| file != path && file.starts_with(path))
    }
}

/// The entries of `dir` that the files at `paths` make: a file right in it,
/// or the folder under it that holds one deeper; each once.
pub fn entries_under<'p>(
    paths: impl IntoIterator<Item = &'p PathBuf>,
    dir: &Path,
) -> Vec<DirEntry> {
    let mut out: Vec<DirEntry> = Vec::new();
    for path in paths {
        let Ok(rest) = path.strip_prefix(dir) else {
            continue;
        };
        let mut parts = rest.components();
        let Some(first) = parts.next() else {
            continue;
        };
        let kind = if parts.next().is_some() {
            EntryKind::Dir
        } else {
            EntryKind::File
        };
        let entry = DirEntry {
            path: dir.join(first),
            kind,
        };
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_folder_lists_its_files_and_the_folders_that_hold_some() {
        let mut fs = MemFs::new();
        fs.insert("/w/a.eco", "");
        fs.insert("/w/sub/b.eco", "");
        fs.insert("/w/sub/deep/c.eco", "");
        fs.insert("/other/d.eco", "");
        let mut listed = fs.read_dir(Path::new("/w")).unwrap();
        listed.sort_by(|a, b| a.path.cmp(&b.path));
        assert_eq!(
            listed,
            [
                DirEntry {
                    path: "/w/a.eco".into(),
                    kind: EntryKind::File
                },
                DirEntry {
                    path: "/w/sub".into(),
                    kind: EntryKind::Dir
                },
            ]
        );
        assert!(fs.is_dir(Path::new("/w/sub")));
        assert!(!fs.is_dir(Path::new("/w/a.eco")));
        assert!(fs.read_dir(Path::new("/nowhere")).is_err());
        let found = crate::load::discover_in(&fs, Path::new("/w")).files;
        assert_eq!(
            found,
            [
                PathBuf::from("/w/a.eco"),
                "/w/sub/b.eco".into(),
                "/w/sub/deep/c.eco".into()
            ]
        );
    }
}

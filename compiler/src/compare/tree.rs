//! A revision's files held in memory: a [`FileSystem`] over what a git
//! tree holds, so both sides of a diff are checked exactly as `check`
//! checks a folder, without a checkout. Nothing here touches the disk.
//!
//! A symbolic link of the tree is never followed outside it: its target is
//! resolved as a path inside the tree (as the disk would after a checkout),
//! and a target that leaves the repository stays outside the folder being
//! checked, which the loader refuses (E0303). A blob larger than the limit
//! is never read: it stands as its size (E0301, as `check` says of a file
//! that is too large).

use std::collections::{BTreeMap, BTreeSet};
use std::io::{Error, ErrorKind};
use std::path::{Path, PathBuf};

use crate::load::{normalize, DirEntry, EntryKind, FileSystem, ReadError};
use crate::memfs::entries_under;

/// One entry of a tree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum TreeEntry {
    /// A regular file (a blob of mode 100644 or 100755) and its bytes.
    File(Vec<u8>),
    /// A regular file that is not read: its size is above the limit.
    TooLarge(u64),
    /// A symbolic link (mode 120000) and its target as written.
    Link(PathBuf),
}

/// The most links followed one after another, as Linux does.
const MAX_LINKS: usize = 40;

/// The files of a tree by absolute path: the tree mounted at `root`.
#[derive(Clone, Debug, Default)]
pub struct TreeFs {
    entries: BTreeMap<PathBuf, TreeEntry>,
}

impl TreeFs {
    pub fn new() -> TreeFs {
        TreeFs::default()
    }

    /// Adds (or replaces) an entry at an absolute path.
    pub fn insert(&mut self, path: impl Into<PathBuf>, entry: TreeEntry) {
        self.entries.insert(path.into(), entry);
    }

    /// The paths whose entries differ from `other`'s (in one only, or
    /// different).
    pub fn differing(&self, other: &TreeFs) -> BTreeSet<PathBuf> {
        let mine = self
            .entries
            .iter()
            .filter(|(path, entry)| other.entries.get(*path) != Some(entry));
        let theirs = other
            .entries
            .keys()
            .filter(|path| !self.entries.contains_key(*path));
        mine.map(|(path, _)| path).chain(theirs).cloned().collect()
    }

    /// The tree without the entries at `paths`.
    pub fn without(&self, paths: &BTreeSet<PathBuf>) -> TreeFs {
        TreeFs {
            entries: self
                .entries
                .iter()
                .filter(|(path, _)| !paths.contains(*path))
                .map(|(path, entry)| (path.clone(), entry.clone()))
                .collect(),
        }
    }

    /// The bytes its files hold, those at `paths` only when given.
    pub fn size(&self, paths: Option<&BTreeSet<PathBuf>>) -> u64 {
        self.entries
            .iter()
            .filter(|(path, _)| paths.is_none_or(|paths| paths.contains(*path)))
            .map(|(_, entry)| match entry {
                TreeEntry::File(bytes) => bytes.len() as u64,
                TreeEntry::TooLarge(size) => *size,
                TreeEntry::Link(_) => 0,
            })
            .sum()
    }

    /// The bytes of the regular file at `path`, when the tree holds them.
    pub fn bytes(&self, path: &Path) -> Option<&[u8]> {
        match self.entries.get(path) {
            Some(TreeEntry::File(bytes)) => Some(bytes),
            _ => None,
        }
    }

    /// The path with links resolved inside the tree, lexically; a link
    /// whose target leaves the tree resolves to that outside path.
    fn resolve(&self, path: &Path) -> std::io::Result<PathBuf> {
        let mut path = path.to_path_buf();
        for _ in 0..MAX_LINKS {
            match self.entries.get(&path) {
                Some(TreeEntry::Link(target)) => {
                    let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
                    path = normalize(&dir.join(target));
                }
                Some(_) => return Ok(path),
                None if self.is_dir(&path) => return Ok(path),
                // Outside the tree, or nothing: the caller decides which.
                None => return Ok(path),
            }
        }
        Err(Error::other("too many levels of symbolic links"))
    }
}

impl FileSystem for TreeFs {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        match self.entries.get(path) {
            Some(TreeEntry::File(bytes)) if bytes.len() as u64 > limit => {
                Err(ReadError::TooLarge(limit))
            }
            Some(TreeEntry::File(bytes)) => Ok(bytes.clone()),
            Some(TreeEntry::TooLarge(_)) => Err(ReadError::TooLarge(limit)),
            Some(TreeEntry::Link(_)) => Err(ReadError::NotRegular("a symbolic link")),
            None if self.is_dir(path) => Err(ReadError::NotRegular("a folder")),
            None => Err(ReadError::Io(Error::from(ErrorKind::NotFound))),
        }
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        let real = self.resolve(&normalize(path))?;
        if self.entries.contains_key(&real) || self.is_dir(&real) {
            Ok(real)
        } else if real != normalize(path) {
            // A link to a path the tree does not hold (outside it, or
            // missing): its target, which the loader never opens when it
            // leaves the folder.
            Ok(real)
        } else {
            Err(Error::from(ErrorKind::NotFound))
        }
    }

    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        let mut entries = entries_under(self.entries.keys(), dir);
        if entries.is_empty() {
            return Err(Error::from(ErrorKind::NotFound));
        }
        for entry in &mut entries {
            if matches!(self.entries.get(&entry.path), Some(TreeEntry::Link(_))) {
                entry.kind = EntryKind::Other;
            }
        }
        Ok(entries)
    }

    fn is_dir(&self, path: &Path) -> bool {
        self.entries
            .range(path.to_path_buf()..)
            .next()
            .is_some_and(|(file, _)| file != path && file.starts_with(path))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn tree() -> TreeFs {
        let mut fs = TreeFs::new();
        fs.insert("/r/a.eco", TreeEntry::File(b"actor a: person {}".to_vec()));
        fs.insert("/r/sub/b.eco", TreeEntry::File(Vec::new()));
        fs.insert("/r/big.eco", TreeEntry::TooLarge(100 << 20));
        fs.insert("/r/in.eco", TreeEntry::Link("sub/b.eco".into()));
        fs.insert("/r/out.eco", TreeEntry::Link("../../etc/passwd".into()));
        fs.insert("/r/loop.eco", TreeEntry::Link("loop.eco".into()));
        fs
    }

    #[test]
    fn links_resolve_inside_the_tree_and_never_leave_it_readable() {
        let fs = tree();
        assert_eq!(
            fs.canonicalize(Path::new("/r/in.eco")).unwrap(),
            PathBuf::from("/r/sub/b.eco")
        );
        // Outside the folder: the loader refuses it by its path (E0303).
        assert_eq!(
            fs.canonicalize(Path::new("/r/out.eco")).unwrap(),
            PathBuf::from("/etc/passwd")
        );
        assert!(matches!(
            fs.read(Path::new("/etc/passwd"), u64::MAX),
            Err(ReadError::Io(_))
        ));
        assert!(fs.canonicalize(Path::new("/r/loop.eco")).is_err());
        assert!(fs.canonicalize(Path::new("/r/none.eco")).is_err());
        assert!(matches!(
            fs.read(Path::new("/r/out.eco"), u64::MAX),
            Err(ReadError::NotRegular(_))
        ));
    }

    #[test]
    fn a_huge_blob_is_too_large_and_links_are_not_walked() {
        let fs = tree();
        assert!(matches!(
            fs.read(Path::new("/r/big.eco"), 64 << 20),
            Err(ReadError::TooLarge(_))
        ));
        let mut listed = fs.read_dir(Path::new("/r")).unwrap();
        listed.sort_by(|a, b| a.path.cmp(&b.path));
        let kinds: Vec<(String, EntryKind)> = listed
            .iter()
            .map(|e| (e.path.display().to_string(), e.kind))
            .collect();
        assert_eq!(
            kinds,
            [
                ("/r/a.eco".to_string(), EntryKind::File),
                ("/r/big.eco".to_string(), EntryKind::File),
                ("/r/in.eco".to_string(), EntryKind::Other),
                ("/r/loop.eco".to_string(), EntryKind::Other),
                ("/r/out.eco".to_string(), EntryKind::Other),
                ("/r/sub".to_string(), EntryKind::Dir),
            ]
        );
        assert!(fs.is_dir(Path::new("/r/sub")));
        assert!(!fs.is_dir(Path::new("/r/a.eco")));
        let found = crate::load::discover_in(&fs, Path::new("/r")).files;
        assert_eq!(
            found,
            [
                PathBuf::from("/r/a.eco"),
                "/r/big.eco".into(),
                "/r/sub/b.eco".into()
            ]
        );
    }
}

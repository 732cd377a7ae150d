//! Reuse across checks of the same folder (the language server checks it
//! again on every edit): the syntax tree of each file, by path, kept with
//! the text it was parsed from. An edited file is re-parsed only around the
//! edit ([`ecospec_syntax::reparse`]).
//!
//! Invariants:
//! - a tree is reused only for exactly the text it was parsed from (the
//!   whole text is compared): a cached check is the check of the files as
//!   they are now, never of stale text;
//! - the cache holds only the files of the last check ([`ParseCache::sweep`]
//!   after each load): memory stays that of one folder, whatever the number
//!   of edits, deleted files included.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecospec_syntax::{parse, reparse, File};

/// The parsed files of the last checks, by path (as opened: canonical).
#[derive(Debug, Default)]
pub struct ParseCache {
    files: HashMap<PathBuf, Entry>,
}

#[derive(Debug)]
struct Entry {
    text: String,
    ast: Arc<File>,
    /// Asked for since the last sweep.
    used: bool,
}

impl ParseCache {
    pub fn new() -> ParseCache {
        ParseCache::default()
    }

    /// The tree of `text`, the file at `path`: the cached one when the text
    /// is the one it was parsed from, else a new parse (then cached).
    pub fn parse(&mut self, path: &Path, text: &str) -> Arc<File> {
        if let Some(entry) = self.files.get_mut(path) {
            entry.used = true;
            if entry.text != text {
                entry.ast = Arc::new(reparse(&entry.text, &entry.ast, text));
                text.clone_into(&mut entry.text);
            }
            return Arc::clone(&entry.ast);
        }
        let ast = Arc::new(parse(text));
        self.files.insert(
            path.to_path_buf(),
            Entry {
                text: text.to_owned(),
                ast: Arc::clone(&ast),
                used: true,
            },
        );
        ast
    }

    /// Forgets the files not asked for since the last sweep (deleted,
    /// ignored, or no longer imported).
    pub fn sweep(&mut self) {
        self.files
            .retain(|_, entry| std::mem::take(&mut entry.used));
    }

    /// How many files it holds.
    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_tree_is_reused_only_for_its_own_text_and_forgotten_with_its_file() {
        let mut cache = ParseCache::new();
        let (a, b) = (Path::new("/f/a.eco"), Path::new("/f/b.eco"));
        let first = cache.parse(a, "capability k\n");
        assert!(Arc::ptr_eq(&first, &cache.parse(a, "capability k\n")));
        let edited = cache.parse(a, "capability j\n");
        assert_eq!(*edited, parse("capability j\n"));
        cache.parse(b, "scenario s\n");
        cache.sweep();
        assert_eq!(cache.len(), 2);
        // b.eco is not loaded by the next check: it is forgotten.
        cache.parse(a, "capability j\n");
        cache.sweep();
        assert_eq!(cache.len(), 1);
    }
}

//! What the server knows between requests: the open documents, the
//! workspace folders, the negotiated encoding and the last analysis of each
//! folder. Updated synchronously in the notification handlers.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use ecospec::load::Input;
use ecospec::source::SourceFile;
use tower_lsp_server::ls_types::TextDocumentContentChangeEvent;

use crate::analysis::Analysis;
use crate::convert::{self, Encoding};

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
    /// Studio mode ([`crate::Options::fixed_folder`]): the one folder, canonical.
    pub fixed: Option<PathBuf>,
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

    /// What to check for a folder: the folder as the overlay shows it (the
    /// documents never saved are found in it like the others), and the
    /// open documents never saved whose name is not a spec's (an
    /// `untitled:` one; not `ecospec.toml`), which no search finds.
    pub fn inputs(&self, folder: &Path) -> Vec<Input> {
        let mut inputs = vec![Input::Folder(folder.to_path_buf())];
        let mut unnamed: Vec<&PathBuf> = self
            .docs
            .keys()
            .filter(|path| self.folder_of(path) == folder)
            .filter(|path| path.extension().is_none_or(|ext| ext != "eco"))
            .filter(|path| path.file_name().is_none_or(|name| name != "ecospec.toml"))
            .filter(|path| std::fs::symlink_metadata(path).is_err())
            .collect();
        unnamed.sort();
        inputs.extend(unnamed.into_iter().cloned().map(Input::File));
        inputs
    }

    /// Whether a document or folder may be opened and checked: in studio
    /// mode only inside the fixed folder, otherwise anywhere.
    pub fn accepts(&self, path: &Path) -> bool {
        self.fixed
            .as_ref()
            .is_none_or(|fixed| path.starts_with(fixed))
    }

    /// The workspace folders the client names; in studio mode the fixed
    /// folder stays the only one, whatever the client says.
    pub fn set_folders(&mut self, mut folders: Vec<PathBuf>) {
        if let Some(fixed) = &self.fixed {
            self.folders = vec![fixed.clone()];
            return;
        }
        folders.sort_by_key(|f| std::cmp::Reverse(f.components().count()));
        folders.dedup();
        self.folders = folders;
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
    // The text so far, when a change replaced it (the line index is built
    // only for a ranged change).
    let mut text: Option<String> = None;
    for change in changes {
        let Some(range) = change.range else {
            text = Some(change.text);
            continue;
        };
        let built;
        let file = match text.take() {
            Some(text) => {
                built = SourceFile::new(current.path.clone(), current.name.clone(), text);
                &built
            }
            None => current,
        };
        let start = convert::offset(file, range.start, encoding) as usize;
        let end = convert::offset(file, range.end, encoding) as usize;
        if start > end {
            return Err(format!(
                "the range ends before it starts ({}:{} to {}:{})",
                range.start.line, range.start.character, range.end.line, range.end.character
            ));
        }
        // One allocation of the new size, the kept parts copied once.
        let (before, after) = match (file.text.get(..start), file.text.get(end..)) {
            (Some(before), Some(after)) => (before, after),
            _ => return Err("the range does not fall between characters".into()),
        };
        let mut edited = String::with_capacity(before.len() + change.text.len() + after.len());
        edited.push_str(before);
        edited.push_str(&change.text);
        edited.push_str(after);
        text = Some(edited);
    }
    Ok(text.unwrap_or_else(|| current.text.clone()))
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use tower_lsp_server::ls_types::{Position, Range};

    fn change(
        range: Option<((u32, u32), (u32, u32))>,
        text: &str,
    ) -> TextDocumentContentChangeEvent {
        TextDocumentContentChangeEvent {
            range: range.map(|((l1, c1), (l2, c2))| {
                Range::new(Position::new(l1, c1), Position::new(l2, c2))
            }),
            range_length: None,
            text: text.into(),
        }
    }

    #[test]
    fn ranged_changes_apply_in_order_in_the_negotiated_encoding() {
        let file = SourceFile::new("/x.eco".into(), "x.eco".into(), "// 𝄞é x\nb\n".into());
        // `x` is at UTF-16 column 7 (𝄞 is two units), UTF-8 column 10.
        let utf16 = apply_changes(
            &file,
            vec![change(Some(((0, 7), (0, 8))), "y")],
            Encoding::Utf16,
        );
        assert_eq!(utf16.unwrap(), "// 𝄞é y\nb\n");
        let utf8 = apply_changes(
            &file,
            vec![change(Some(((0, 10), (0, 11))), "y")],
            Encoding::Utf8,
        );
        assert_eq!(utf8.unwrap(), "// 𝄞é y\nb\n");
        let both = apply_changes(
            &file,
            vec![change(None, "abc\n"), change(Some(((0, 1), (0, 2))), "")],
            Encoding::Utf16,
        );
        assert_eq!(both.unwrap(), "ac\n");
        let backwards = apply_changes(
            &file,
            vec![change(Some(((1, 0), (0, 0))), "")],
            Encoding::Utf16,
        );
        assert!(backwards.is_err());
    }
}

//! The files of a check: their text, their paths as shown, and positions
//! (1-based lines, columns in characters) computed from byte offsets.

use std::path::{Path, PathBuf};

use ecospec_syntax::Span;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct FileId(pub u32);

impl FileId {
    pub fn index(self) -> usize {
        self.0 as usize
    }
}

#[derive(Clone, Debug)]
pub struct SourceFile {
    /// The path as opened (absolute, symbolic links resolved).
    pub path: PathBuf,
    /// The path as shown: relative to the working directory when under it
    /// (lossy when the path is not UTF-8).
    pub name: String,
    /// The path as shown, byte for byte (JSON and SARIF keep it exact).
    pub shown: PathBuf,
    /// The text, BOM removed (empty when the file is not valid UTF-8).
    pub text: String,
    /// Byte offset of each line start.
    line_starts: Vec<u32>,
    /// Characters before each block of [`BLOCK`] bytes: a column is then
    /// counted over at most one block, not over a whole (long) line.
    chars_before_block: Vec<u32>,
}

/// Bytes per entry of `chars_before_block`.
const BLOCK: usize = 1024;

/// From this size on, the position tables are built on two threads (a
/// megabyte takes about a millisecond; a thread costs tens of microseconds).
const TABLES_IN_PARALLEL_FROM: usize = 1 << 20;

/// Byte offset of each line start.
fn line_starts_of(text: &str) -> Vec<u32> {
    // About one line per 20 bytes in a typical spec.
    let mut line_starts = Vec::with_capacity(text.len() / 20 + 1);
    line_starts.push(0);
    line_starts.extend(
        memchr::memchr_iter(b'\n', text.as_bytes())
            .map(|i| u32::try_from(i + 1).unwrap_or(u32::MAX)),
    );
    line_starts
}

/// Characters before each block of [`BLOCK`] bytes, and at the end.
fn chars_before_blocks(text: &str) -> Vec<u32> {
    let mut chars = 0;
    let mut chars_before_block: Vec<u32> = text
        .as_bytes()
        .chunks(BLOCK)
        .map(|block| {
            let before = u32::try_from(chars).unwrap_or(u32::MAX);
            chars += count_chars(block);
            before
        })
        .collect();
    // The end of the text, when it ends a block.
    chars_before_block.push(u32::try_from(chars).unwrap_or(u32::MAX));
    chars_before_block
}

/// Characters in valid UTF-8: the bytes that do not continue a character.
fn count_chars(bytes: &[u8]) -> usize {
    bytes.iter().filter(|b| (**b as i8) >= -0x40).count()
}

/// A 1-based line and a 1-based column counted in characters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

impl SourceFile {
    pub fn new(path: PathBuf, name: String, text: String) -> SourceFile {
        // The two tables are independent: for a large file, the line starts
        // are found on a second core while this one counts characters
        // (before the parse, nothing else runs).
        let (line_starts, chars_before_block) = if text.len() >= TABLES_IN_PARALLEL_FROM {
            std::thread::scope(|scope| {
                let lines = scope.spawn(|| line_starts_of(&text));
                let blocks = chars_before_blocks(&text);
                let lines = lines.join().unwrap_or_else(|_| line_starts_of(&text));
                (lines, blocks)
            })
        } else {
            (line_starts_of(&text), chars_before_blocks(&text))
        };
        SourceFile {
            path,
            shown: PathBuf::from(&name),
            name,
            text,
            line_starts,
            chars_before_block,
        }
    }

    /// The path as shown, byte for byte, when `name` is its lossy form.
    pub fn shown_as(mut self, shown: PathBuf) -> SourceFile {
        self.shown = shown;
        self
    }

    /// The 0-based line holding byte `offset`.
    pub fn line_of(&self, offset: u32) -> usize {
        self.line_starts
            .partition_point(|start| *start <= offset)
            .saturating_sub(1)
    }

    pub fn line_start(&self, line: usize) -> u32 {
        self.line_starts
            .get(line)
            .copied()
            .unwrap_or_else(|| u32::try_from(self.text.len()).unwrap_or(u32::MAX))
    }

    pub fn line_count(&self) -> usize {
        self.line_starts.len()
    }

    /// Position of a byte offset, clamped to the text.
    pub fn position(&self, offset: u32) -> Position {
        let offset = offset.min(u32::try_from(self.text.len()).unwrap_or(u32::MAX));
        let line = self.line_of(offset);
        let start = self.line_start(line);
        let (start, offset) = (start as usize, offset as usize);
        let column = if start <= offset
            && self.text.is_char_boundary(start)
            && self.text.is_char_boundary(offset)
        {
            self.chars_before(offset) - self.chars_before(start)
        } else {
            0
        };
        Position {
            line: u32::try_from(line + 1).unwrap_or(u32::MAX),
            column: u32::try_from(column + 1).unwrap_or(u32::MAX),
        }
    }

    /// Characters before byte `offset` (a character boundary within the text).
    fn chars_before(&self, offset: usize) -> usize {
        let block = offset / BLOCK;
        let counted = self
            .chars_before_block
            .get(block)
            .map_or(0, |chars| *chars as usize);
        let rest = self
            .text
            .as_bytes()
            .get(block * BLOCK..offset)
            .map_or(0, count_chars);
        counted + rest
    }

    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.range()).unwrap_or_default()
    }
}

#[derive(Clone, Debug, Default)]
pub struct SourceMap {
    files: Vec<SourceFile>,
}

impl SourceMap {
    pub fn add(&mut self, file: SourceFile) -> FileId {
        let id = FileId(u32::try_from(self.files.len()).unwrap_or(u32::MAX));
        self.files.push(file);
        id
    }

    pub fn get(&self, id: FileId) -> Option<&SourceFile> {
        self.files.get(id.index())
    }

    pub fn find(&self, path: &Path) -> Option<FileId> {
        self.files
            .iter()
            .position(|f| f.path == path)
            .and_then(|i| u32::try_from(i).ok())
            .map(FileId)
    }

    pub fn iter(&self) -> impl Iterator<Item = (FileId, &SourceFile)> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| (FileId(u32::try_from(i).unwrap_or(u32::MAX)), f))
    }

    pub fn len(&self) -> usize {
        self.files.len()
    }

    pub fn is_empty(&self) -> bool {
        self.files.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Position of `offset` counted the slow way: lines and characters.
    fn counted(text: &str, offset: usize) -> Position {
        let before = text.get(..offset).unwrap_or_default();
        let line = before.matches('\n').count() + 1;
        let column = before
            .rsplit('\n')
            .next()
            .unwrap_or_default()
            .chars()
            .count()
            + 1;
        Position {
            line: line as u32,
            column: column as u32,
        }
    }

    #[test]
    fn a_large_file_whose_tables_are_built_on_two_threads_has_exact_positions() {
        let line = "cluster kotti \"Kotti & Co · Wohnen für alle\" // 𝄞\n";
        let text = line.repeat(TABLES_IN_PARALLEL_FROM / line.len() + 10);
        assert!(text.len() >= TABLES_IN_PARALLEL_FROM);
        let file = SourceFile::new("/x.eco".into(), "x.eco".into(), text.clone());
        let offsets = text
            .char_indices()
            .map(|(i, _)| i)
            .step_by(7919)
            .chain([text.len()]);
        for offset in offsets {
            assert_eq!(
                file.position(offset as u32),
                counted(&text, offset),
                "at byte {offset}"
            );
        }
        assert_eq!(file.line_count(), text.matches('\n').count() + 1);
    }
}

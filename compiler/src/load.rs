//! Loading: finding `.eco` files, reading them, following imports, and
//! grouping them into ecosystems (the language contract's rules on files
//! and imports; its decisions are in `docs/src/decisions.md`).
//!
//! Invariants:
//! - a file is read and parsed once, however many paths import it;
//! - a path outside the folder being checked is never opened (E0303), symbolic
//!   links resolved, whether or not it exists;
//! - every file is read through [`FileSystem::read`]: regular files only, at
//!   most [`SPEC_LIMIT`] or [`CONFIG_LIMIT`] bytes; `ecospec.toml` and ignore
//!   files through [`read_inside`] (their real path inside the folder);
//!   nothing above the folder is read; every folder is listed through
//!   [`FileSystem::read_dir`] (an editor's unsaved files are found too);
//! - no walk (imports, folders) recurses: explicit stacks;
//! - every problem is a diagnostic (E0301–E0304); nothing panics.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;
use std::sync::Arc;

use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;

use ecospec_syntax::{parse, File, Span};

use crate::code::Code;
use crate::diagnostic::{Diagnostic, Loc};
use crate::incremental::ParseCache;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax_errors::syntax_diagnostic;

/// The most a spec (`.eco` file) may weigh: 64 MB (MB = 2^20 bytes).
pub const SPEC_LIMIT: u64 = 64 << 20;
/// The most an `ecospec.toml`, `.gitignore` or `.ignore` may weigh: 1 MB.
pub const CONFIG_LIMIT: u64 = 1 << 20;

/// Why a file was not read. Its text completes "cannot read `NAME`: " and
/// never holds anything of the file's content.
#[derive(Debug)]
pub enum ReadError {
    /// The file system's own error (not found, permission denied, …).
    Io(std::io::Error),
    /// Its real path (symbolic links resolved) leaves the folder being checked.
    Outside,
    /// A folder, a named pipe, a device or a socket: never opened for reading.
    NotRegular(&'static str),
    /// Larger than the limit (in bytes) for its kind of file.
    TooLarge(u64),
}

impl ReadError {
    pub fn is_not_found(&self) -> bool {
        matches!(self, ReadError::Io(e) if e.kind() == std::io::ErrorKind::NotFound)
    }
}

impl From<std::io::Error> for ReadError {
    fn from(error: std::io::Error) -> ReadError {
        ReadError::Io(error)
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(error) => write!(f, "{error}"),
            ReadError::Outside => {
                f.write_str("it is a symbolic link to a file outside the folder being checked")
            }
            ReadError::NotRegular(kind) => write!(f, "it is {kind}, not a regular file"),
            ReadError::TooLarge(limit) => {
                write!(
                    f,
                    "it is larger than {} MB, the most ecospec reads",
                    limit >> 20
                )
            }
        }
    }
}

/// Where file contents come from: the disk, or the disk with the editor's
/// unsaved documents over it (the language server).
pub trait FileSystem {
    /// The content of the regular file at `path` (symbolic links already
    /// resolved), at most `limit` bytes. A folder, a named pipe, a device or
    /// a socket is refused without being opened for reading.
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError>;
    /// The path with symbolic links resolved; an error when it does not exist.
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf>;
    /// The entries of the folder `dir` (not its subfolders'), in no
    /// particular order, symbolic links not followed; an error when it is
    /// not a folder that can be listed.
    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>>;
    /// Whether `path` is a folder (symbolic links followed).
    fn is_dir(&self, path: &Path) -> bool;
}

/// An entry of a folder, as [`FileSystem::read_dir`] lists it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DirEntry {
    /// The folder's path joined with the entry's name.
    pub path: PathBuf,
    pub kind: EntryKind,
}

/// What an entry is, without following a symbolic link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryKind {
    File,
    Dir,
    /// A symbolic link, a named pipe, a device, a socket: never walked into
    /// nor read by discovery.
    Other,
}

/// The disk. Every read checks the file's kind before opening it, opens it
/// without blocking (a named pipe swapped in meanwhile cannot hang the
/// check) and without following a symbolic link, checks the opened handle
/// again, and reads at most the limit.
pub struct RealFs;

impl FileSystem for RealFs {
    fn read(&self, path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
        use std::io::Read;
        regular(&std::fs::metadata(path)?, limit)?;
        let file = open_for_reading(path)?;
        let size = regular(&file.metadata()?, limit)?;
        let mut bytes = Vec::with_capacity(usize::try_from(size).unwrap_or(0));
        file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
        if bytes.len() as u64 > limit {
            return Err(ReadError::TooLarge(limit));
        }
        Ok(bytes)
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }

    fn read_dir(&self, dir: &Path) -> std::io::Result<Vec<DirEntry>> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir)?.filter_map(Result::ok) {
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            let kind = if kind.is_dir() {
                EntryKind::Dir
            } else if kind.is_file() {
                EntryKind::File
            } else {
                EntryKind::Other
            };
            out.push(DirEntry {
                path: entry.path(),
                kind,
            });
        }
        Ok(out)
    }

    fn is_dir(&self, path: &Path) -> bool {
        path.is_dir()
    }
}

/// The size of a regular file within `limit`; else why it is refused.
fn regular(metadata: &std::fs::Metadata, limit: u64) -> Result<u64, ReadError> {
    let kind = metadata.file_type();
    if !kind.is_file() {
        return Err(ReadError::NotRegular(kind_name(&kind)));
    }
    if metadata.len() > limit {
        return Err(ReadError::TooLarge(limit));
    }
    Ok(metadata.len())
}

fn kind_name(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a named pipe (FIFO)";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a folder"
    } else {
        "a special file"
    }
}

#[cfg(unix)]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    use std::os::unix::fs::OpenOptionsExt;
    std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW | libc::O_NOCTTY)
        .open(path)
}

#[cfg(not(unix))]
fn open_for_reading(path: &Path) -> std::io::Result<std::fs::File> {
    std::fs::File::open(path)
}

/// Reads `path` when its real path lies inside `folder` (whose own symbolic
/// links must be resolved already). A path that does not exist is
/// `ReadError::Io` of kind `NotFound` (see [`ReadError::is_not_found`]).
pub fn read_inside(
    fs: &dyn FileSystem,
    path: &Path,
    folder: &Path,
    limit: u64,
) -> Result<(PathBuf, Vec<u8>), ReadError> {
    let real = fs.canonicalize(path)?;
    if !real.starts_with(folder) {
        return Err(ReadError::Outside);
    }
    let bytes = fs.read(&real, limit)?;
    Ok((real, bytes))
}

/// E0301 for a file that was refused or could not be read: why, never what
/// it holds.
pub fn unreadable(subject: &str, error: &ReadError, too_large_help: &str) -> Diagnostic {
    let help = match error {
        ReadError::Io(_) => "check that the file exists and can be read",
        ReadError::Outside => {
            "ecospec reads only files inside the folder being checked: commit the file itself, not a link to one elsewhere"
        }
        ReadError::NotRegular(_) => {
            "ecospec reads only regular files: replace it with one, or remove it"
        }
        ReadError::TooLarge(_) => too_large_help,
    };
    Diagnostic::error(Code::E0301, format!("cannot read {subject}: {error}")).help(help)
}

/// The help under a spec that is too large.
const SPEC_TOO_LARGE: &str = "split the spec into files that import each other";

#[derive(Clone, Debug)]
pub struct LoadOptions {
    /// `--allow-outside-imports`: imports may leave the folder being checked.
    pub allow_outside_imports: bool,
}

/// One import of a file, and the file it loaded (if it could).
#[derive(Clone, Debug)]
pub struct ImportEdge {
    pub loc: Loc,
    pub target: Option<FileId>,
}

#[derive(Clone, Debug)]
pub struct LoadedFile {
    /// Shared with the [`ParseCache`] of a cached load.
    pub ast: Arc<File>,
    pub imports: Vec<ImportEdge>,
}

/// An ecosystem: a root file and everything it imports.
#[derive(Clone, Debug)]
pub struct EcosystemFiles {
    pub root: FileId,
    /// The folder it was found in: `ecospec.toml` is read there.
    pub folder: PathBuf,
}

#[derive(Debug, Default)]
pub struct Workspace {
    pub sources: SourceMap,
    /// Parsed files, by `FileId`; `None` for a file that could not be read.
    pub files: Vec<Option<LoadedFile>>,
    pub ecosystems: Vec<EcosystemFiles>,
    /// Problems found while loading: unreadable files, bad imports, syntax errors.
    pub diagnostics: Vec<Diagnostic>,
    /// Files that exist but could not be read, not counted as read.
    pub unread: Vec<FileId>,
    /// Each folder searched for `.eco` files, and what the search found.
    pub searched: Vec<Searched>,
}

/// A folder given to check and what its search found.
#[derive(Clone, Debug)]
pub struct Searched {
    /// As given.
    pub folder: PathBuf,
    /// `.eco` files found.
    pub found: usize,
    /// Whether ignore files left out at least one `.eco` file.
    pub ignored: bool,
}

impl Workspace {
    pub fn file(&self, id: FileId) -> Option<&LoadedFile> {
        self.files.get(id.index()).and_then(Option::as_ref)
    }
}

/// A root given on the command line (or the workspace folder of an editor).
#[derive(Clone, Debug)]
pub enum Input {
    /// Every `.eco` file under the folder.
    Folder(PathBuf),
    /// One file; its folder bounds its imports.
    File(PathBuf),
}

struct Loader<'fs> {
    fs: &'fs dyn FileSystem,
    options: LoadOptions,
    cache: Option<&'fs mut ParseCache>,
    ws: Workspace,
    by_path: HashMap<PathBuf, FileId>,
}

/// Loads every input: the files found, everything they import, and the
/// ecosystems they form.
pub fn load(fs: &dyn FileSystem, inputs: &[Input], options: LoadOptions) -> Workspace {
    load_with(fs, inputs, options, None)
}

/// [`load`], reusing the trees of `cache` for files whose text did not
/// change since they were cached (the language server, between edits).
pub fn load_with(
    fs: &dyn FileSystem,
    inputs: &[Input],
    options: LoadOptions,
    cache: Option<&mut ParseCache>,
) -> Workspace {
    let mut loader = Loader {
        fs,
        options,
        cache,
        ws: Workspace::default(),
        by_path: HashMap::new(),
    };
    for input in inputs {
        loader.load_input(input);
    }
    if let Some(cache) = loader.cache {
        cache.sweep();
    }
    loader.ws
}

impl Loader<'_> {
    fn load_input(&mut self, input: &Input) {
        let (folder, found) = match input {
            Input::Folder(dir) => {
                let folder = self.fs.canonicalize(dir).unwrap_or_else(|_| dir.clone());
                let discovery = discover_in(self.fs, &folder);
                self.ws.diagnostics.extend(discovery.problems);
                self.ws.searched.push(Searched {
                    folder: dir.clone(),
                    found: discovery.files.len(),
                    ignored: discovery.ignored,
                });
                (folder, discovery.files)
            }
            Input::File(path) => {
                let path = self.fs.canonicalize(path).unwrap_or_else(|_| path.clone());
                let folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
                (folder, vec![path])
            }
        };
        let found_ids: Vec<FileId> = found
            .iter()
            .map(|path| self.load_file(path, &folder))
            .collect();
        for root in roots(&self.ws, &found_ids) {
            self.ws.ecosystems.push(EcosystemFiles {
                root,
                folder: folder.clone(),
            });
        }
    }

    /// Loads a file and everything it imports, depth first in import order
    /// (the order of `FileId`s and diagnostics), with an explicit stack: an
    /// import chain of any length cannot overflow the call stack.
    fn load_file(&mut self, path: &Path, folder: &Path) -> FileId {
        let (root, frame) = self.open_file(path, None);
        let mut stack: Vec<Frame> = frame.into_iter().collect();
        while let Some(frame) = stack.last_mut() {
            let Some((span, target)) = frame.pending.next() else {
                if let Some(done) = stack.pop() {
                    if let Some(Some(file)) = self.ws.files.get_mut(done.id.index()) {
                        file.imports = done.imports;
                    }
                }
                continue;
            };
            let loc = Loc::new(frame.id, span);
            let dir = frame.dir.clone();
            let (target, next) = match self.load_import(loc, &dir, &target, folder) {
                Some((real, shown)) => {
                    let (id, next) = self.open_file(&real, Some((loc, &shown)));
                    (Some(id), next)
                }
                None => (None, None),
            };
            if let Some(frame) = stack.last_mut() {
                frame.imports.push(ImportEdge { loc, target });
            }
            stack.extend(next);
        }
        root
    }

    /// Reads and parses one file (once); the frame of its imports to load,
    /// when it was read and is new. `via` is the import that names it.
    fn open_file(&mut self, path: &Path, via: Option<(Loc, &str)>) -> (FileId, Option<Frame>) {
        if let Some(id) = self.by_path.get(path) {
            return (*id, None);
        }
        let name = display_name(path);
        let (text, problem) = match self.fs.read(path, SPEC_LIMIT) {
            Ok(bytes) => decode(bytes),
            Err(error) => (String::new(), Some(Problem::Unreadable(error))),
        };
        let id = self.ws.sources.add(
            SourceFile::new(path.to_path_buf(), name.clone(), text).shown_as(shown_path(path)),
        );
        self.by_path.insert(path.to_path_buf(), id);
        self.ws.files.push(None);
        match problem {
            Some(Problem::Unreadable(error)) => {
                self.ws.unread.push(id);
                let diagnostic = match via {
                    Some((loc, target)) => {
                        unreadable(&format!("imported file `{target}`"), &error, SPEC_TOO_LARGE)
                            .at(loc, "this file is not read")
                    }
                    None => unreadable(&format!("`{name}`"), &error, SPEC_TOO_LARGE),
                };
                self.ws.diagnostics.push(diagnostic);
                return (id, None);
            }
            // The file was read (it counts in `summary.files`); it only
            // contributes nothing else.
            Some(Problem::NotUtf8 { offset }) => {
                let at = Loc::new(id, Span::new(offset, offset));
                self.ws.diagnostics.push(
                    Diagnostic::error(Code::E0304, format!("`{name}` is not valid UTF-8"))
                        .at(at, "first invalid byte here")
                        .help("save the file as UTF-8 in your editor"),
                );
                return (id, None);
            }
            None => {}
        }
        let text = self
            .ws
            .sources
            .get(id)
            .map(|f| f.text.as_str())
            .unwrap_or_default();
        let ast = match self.cache.as_deref_mut() {
            Some(cache) => cache.parse(path, text),
            None => Arc::new(parse(text)),
        };
        for error in &ast.errors {
            self.ws.diagnostics.push(syntax_diagnostic(id, text, error));
        }
        let pending: Vec<(Span, Box<str>)> = ast
            .imports()
            .map(|import| (import.path.span(), import.path.value.clone()))
            .collect();
        if let Some(slot) = self.ws.files.get_mut(id.index()) {
            *slot = Some(LoadedFile {
                ast,
                imports: Vec::new(),
            });
        }
        let frame = Frame {
            id,
            dir: path.parent().map(Path::to_path_buf).unwrap_or_default(),
            imports: Vec::with_capacity(pending.len()),
            pending: pending.into_iter(),
        };
        (id, Some(frame))
    }

    /// The real path of an import when it may be opened (inside the folder,
    /// or `--allow-outside-imports`) and exists, with the path as written;
    /// else its diagnostic.
    fn load_import(
        &mut self,
        loc: Loc,
        dir: &Path,
        target: &str,
        folder: &Path,
    ) -> Option<(PathBuf, String)> {
        let joined = normalize(&dir.join(target));
        let resolved = self.fs.canonicalize(&joined);
        let inside = match &resolved {
            Ok(real) => real.starts_with(folder),
            Err(_) => joined.starts_with(folder),
        };
        if !inside && !self.options.allow_outside_imports {
            self.ws.diagnostics.push(
                Diagnostic::error(
                    Code::E0303,
                    format!("import `{target}` leaves the folder being checked"),
                )
                .at(loc, "this file is outside the folder")
                .note(format!("the folder being checked is `{}`", display_name(folder)))
                .help("move the file into the folder, or pass `--allow-outside-imports` if you trust this spec"),
            );
            return None;
        }
        match resolved {
            Ok(real) => Some((real, target.to_string())),
            Err(_) => {
                self.ws.diagnostics.push(
                    Diagnostic::error(Code::E0301, format!("imported file `{target}` not found"))
                        .at(loc, "no file at this path")
                        .help("paths in `import` are relative to the importing file"),
                );
                None
            }
        }
    }
}

/// A file whose imports are being loaded.
struct Frame {
    id: FileId,
    /// Its folder: imports are relative to it.
    dir: PathBuf,
    /// Its imports not loaded yet, in order.
    pending: std::vec::IntoIter<(Span, Box<str>)>,
    /// Its imports loaded so far.
    imports: Vec<ImportEdge>,
}

enum Problem {
    Unreadable(ReadError),
    NotUtf8 { offset: usize },
}

/// The text without a BOM; for invalid UTF-8, the valid part before the
/// first invalid byte (to place the error) and the offset of that byte.
fn decode(mut bytes: Vec<u8>) -> (String, Option<Problem>) {
    if bytes.starts_with(b"\xEF\xBB\xBF") {
        bytes.drain(..3);
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(error) => {
            let offset = error.utf8_error().valid_up_to();
            let mut bytes = error.into_bytes();
            bytes.truncate(offset);
            let text = String::from_utf8(bytes).unwrap_or_default();
            (text, Some(Problem::NotUtf8 { offset }))
        }
    }
}

/// Every `.eco` file under `folder`, honouring `.gitignore` (in a git
/// repository or not) and skipping hidden folders, in path order.
pub fn discover(folder: &Path) -> Vec<PathBuf> {
    discover_in(&RealFs, folder).files
}

/// What the search of a folder found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// The `.eco` files to check, in path order.
    pub files: Vec<PathBuf>,
    /// Whether ignore rules left out at least one `.eco` file.
    pub ignored: bool,
    /// Ignore files that were refused (E0301): their rules are not applied.
    pub problems: Vec<Diagnostic>,
}

/// The ignore files of one folder, by precedence: `.ignore`, `.gitignore`,
/// then (in a repository's top folder) `.git/info/exclude`.
struct Rules {
    kinds: [Option<Gitignore>; 3],
    /// The rules of the folder above (inside the folder being checked).
    parent: Option<Rc<Rules>>,
}

/// Whether the rules from `rules` up ignore `path`: `.ignore` rules first,
/// the deepest folder's first, then `.gitignore`'s, then the exclude file's
/// (as `ripgrep` and the `ignore` crate decide).
fn is_ignored(rules: Option<&Rc<Rules>>, path: &Path, is_dir: bool) -> bool {
    for kind in 0..3 {
        let mut level = rules;
        while let Some(node) = level {
            if let Some(Some(matcher)) = node.kinds.get(kind) {
                match matcher.matched(path, is_dir) {
                    Match::Ignore(_) => return true,
                    Match::Whitelist(_) => return false,
                    Match::None => {}
                }
            }
            level = node.parent.as_ref();
        }
    }
    false
}

/// The ignore files of `dir`, each read only when it is a regular file
/// inside `folder` of at most [`CONFIG_LIMIT`] bytes; the walk opens no
/// other file, and none above `folder`.
fn read_rules(
    fs: &dyn FileSystem,
    folder: &Path,
    dir: &Path,
    parent: Option<Rc<Rules>>,
    problems: &mut Vec<Diagnostic>,
) -> Option<Rc<Rules>> {
    let exclude = fs
        .is_dir(&dir.join(".git"))
        .then(|| dir.join(".git/info/exclude"));
    let paths = [
        Some(dir.join(".ignore")),
        Some(dir.join(".gitignore")),
        exclude,
    ];
    let mut any = false;
    let kinds = paths.map(|path| {
        let path = path?;
        let bytes = match read_inside(fs, &path, folder, CONFIG_LIMIT) {
            Ok((_, bytes)) => bytes,
            Err(error) if error.is_not_found() => return None,
            Err(error) => {
                problems.push(unreadable(
                    &format!("`{}`", display_name(&path)),
                    &error,
                    "an ignore file holds a few patterns: this one is not read",
                ));
                return None;
            }
        };
        let mut builder = GitignoreBuilder::new(dir);
        for line in String::from_utf8_lossy(&bytes).lines() {
            // A pattern that is not a valid glob is skipped, as git does.
            let _ = builder.add_line(Some(path.clone()), line);
        }
        let matcher = builder.build().ok()?;
        any = true;
        Some(matcher)
    });
    if any {
        Some(Rc::new(Rules { kinds, parent }))
    } else {
        parent
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.as_encoded_bytes().first() == Some(&b'.')
}

/// Every `.eco` file under `folder` that no ignore file of `folder` or of a
/// folder under it excludes (nothing above `folder` is read), skipping
/// hidden files and folders and never following a symbolic link; in path
/// order. Iterative: a deep tree cannot overflow the stack.
pub fn discover_in(fs: &dyn FileSystem, folder: &Path) -> Discovery {
    // Ignore files must lie inside the folder, symbolic links resolved;
    // the walk itself keeps the paths as given.
    let root = fs
        .canonicalize(folder)
        .unwrap_or_else(|_| folder.to_path_buf());
    let mut out = Discovery::default();
    let mut ignored_dirs = Vec::new();
    let mut stack: Vec<(PathBuf, Option<Rc<Rules>>)> = vec![(folder.to_path_buf(), None)];
    while let Some((dir, above)) = stack.pop() {
        let rules = read_rules(fs, &root, &dir, above, &mut out.problems);
        let Ok(entries) = fs.read_dir(&dir) else {
            continue;
        };
        for DirEntry { path, kind } in entries {
            if path.file_name().is_some_and(is_hidden) {
                continue;
            }
            if kind == EntryKind::Dir {
                if is_ignored(rules.as_ref(), &path, true) {
                    ignored_dirs.push(path);
                } else {
                    stack.push((path, rules.clone()));
                }
            } else if kind == EntryKind::File && is_spec(&path) {
                if is_ignored(rules.as_ref(), &path, false) {
                    out.ignored = true;
                } else {
                    out.files.push(path);
                }
            }
        }
    }
    if out.files.is_empty() && !out.ignored {
        out.ignored = holds_eco_file(fs, ignored_dirs);
    }
    out.files.sort();
    out
}

/// Whether any of `dirs` holds a `.eco` file (hidden ones and symbolic
/// links aside), whatever the ignore files say.
fn holds_eco_file(fs: &dyn FileSystem, mut dirs: Vec<PathBuf>) -> bool {
    while let Some(dir) = dirs.pop() {
        let Ok(entries) = fs.read_dir(&dir) else {
            continue;
        };
        for DirEntry { path, kind } in entries {
            if path.file_name().is_some_and(is_hidden) {
                continue;
            } else if kind == EntryKind::Dir {
                dirs.push(path);
            } else if kind == EntryKind::File && is_spec(&path) {
                return true;
            }
        }
    }
    false
}

/// Whether a file is a spec by its name.
fn is_spec(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "eco")
}

/// The roots among the found files: those no other found file imports; then,
/// in path order, any found file no root reaches (a pure import cycle).
fn roots(ws: &Workspace, found: &[FileId]) -> Vec<FileId> {
    let imported: std::collections::HashSet<FileId> = found
        .iter()
        .filter_map(|id| ws.file(*id))
        .flat_map(|file| file.imports.iter().filter_map(|edge| edge.target))
        .collect();
    let mut roots: Vec<FileId> = found
        .iter()
        .copied()
        .filter(|id| !imported.contains(id))
        .collect();
    let mut reached = std::collections::HashSet::new();
    for root in &roots {
        reach(ws, *root, &mut reached);
    }
    for id in found {
        if !reached.contains(id) {
            roots.push(*id);
            reach(ws, *id, &mut reached);
        }
    }
    roots.dedup();
    roots
}

fn reach(ws: &Workspace, from: FileId, reached: &mut std::collections::HashSet<FileId>) {
    let mut stack = vec![from];
    while let Some(id) = stack.pop() {
        if reached.insert(id) {
            if let Some(file) = ws.file(id) {
                stack.extend(file.imports.iter().filter_map(|edge| edge.target));
            }
        }
    }
}

/// Resolves `.` and `..` without touching the file system.
pub fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::ParentDir => {
                out.pop();
            }
            Component::CurDir => {}
            other => out.push(other),
        }
    }
    out
}

/// A path as shown in output: relative to the working directory when under
/// it; lossy when it is not UTF-8 ([`shown_path`] keeps it byte for byte).
pub fn display_name(path: &Path) -> String {
    let name = shown_path(path).to_string_lossy().into_owned();
    if cfg!(windows) {
        name.replace('\\', "/")
    } else {
        name
    }
}

/// A path as shown, byte for byte: relative to the working directory when
/// under it.
pub fn shown_path(path: &Path) -> PathBuf {
    std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
            path.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf())
}

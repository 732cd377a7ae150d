//! Loading: finding `.eco` files, reading them, following imports, and
//! grouping them into ecosystems (LANGUAGE.md section 4).
//!
//! Invariants:
//! - a file is read and parsed once, however many paths import it;
//! - a path outside the folder being checked is never opened (E0303), symbolic
//!   links resolved, whether or not it exists;
//! - every problem is a diagnostic (E0301–E0304); nothing panics.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use ecospec_syntax::{parse, File, Span};

use crate::diagnostic::{Diagnostic, Loc};
use crate::incremental::ParseCache;
use crate::source::{FileId, SourceFile, SourceMap};
use crate::syntax_errors::syntax_diagnostic;

/// Where file contents come from: the disk, or the disk with the editor's
/// unsaved documents over it (the language server).
pub trait FileSystem {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>>;
    /// The path with symbolic links resolved; an error when it does not exist.
    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf>;
}

pub struct RealFs;

impl FileSystem for RealFs {
    fn read(&self, path: &Path) -> std::io::Result<Vec<u8>> {
        std::fs::read(path)
    }

    fn canonicalize(&self, path: &Path) -> std::io::Result<PathBuf> {
        std::fs::canonicalize(path)
    }
}

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
                let found = discover(&folder);
                (folder, found)
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

    /// Reads and parses a file (once), then the files it imports.
    fn load_file(&mut self, path: &Path, folder: &Path) -> FileId {
        if let Some(id) = self.by_path.get(path) {
            return *id;
        }
        let name = display_name(path);
        let (text, problem) = match self.fs.read(path) {
            Ok(bytes) => decode(bytes),
            Err(error) => (String::new(), Some(Problem::Unreadable(error.to_string()))),
        };
        let id = self
            .ws
            .sources
            .add(SourceFile::new(path.to_path_buf(), name.clone(), text));
        self.by_path.insert(path.to_path_buf(), id);
        self.ws.files.push(None);
        match problem {
            Some(Problem::Unreadable(error)) => {
                self.ws.unread.push(id);
                self.ws.diagnostics.push(
                    Diagnostic::error("E0301", format!("cannot read `{name}`: {error}"))
                        .help("check that the file exists and can be read"),
                );
                return id;
            }
            // The file was read (it counts in `summary.files`); it only
            // contributes nothing else.
            Some(Problem::NotUtf8 { offset }) => {
                let at = Loc::new(id, Span::new(offset, offset));
                self.ws.diagnostics.push(
                    Diagnostic::error("E0304", format!("`{name}` is not valid UTF-8"))
                        .at(at, "first invalid byte here")
                        .help("save the file as UTF-8 in your editor"),
                );
                return id;
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
        let import_paths: Vec<(Span, String)> = ast
            .imports()
            .map(|import| (import.path.span(), import.path.value.clone()))
            .collect();
        if let Some(slot) = self.ws.files.get_mut(id.index()) {
            *slot = Some(LoadedFile {
                ast,
                imports: Vec::new(),
            });
        }
        let dir = path.parent().map(Path::to_path_buf).unwrap_or_default();
        let mut imports = Vec::with_capacity(import_paths.len());
        for (span, target) in import_paths {
            let loc = Loc::new(id, span);
            let target = self.load_import(loc, &dir, &target, folder);
            imports.push(ImportEdge { loc, target });
        }
        if let Some(Some(file)) = self.ws.files.get_mut(id.index()) {
            file.imports = imports;
        }
        id
    }

    fn load_import(&mut self, loc: Loc, dir: &Path, target: &str, folder: &Path) -> Option<FileId> {
        let joined = normalize(&dir.join(target));
        let resolved = self.fs.canonicalize(&joined);
        let inside = match &resolved {
            Ok(real) => real.starts_with(folder),
            Err(_) => joined.starts_with(folder),
        };
        if !inside && !self.options.allow_outside_imports {
            self.ws.diagnostics.push(
                Diagnostic::error(
                    "E0303",
                    format!("import `{target}` leaves the folder being checked"),
                )
                .at(loc, "this file is outside the folder")
                .note(format!("the folder being checked is `{}`", display_name(folder)))
                .help("move the file into the folder, or pass `--allow-outside-imports` if you trust this spec"),
            );
            return None;
        }
        match resolved {
            Ok(real) if real.is_file() || self.fs.read(&real).is_ok() => {
                Some(self.load_file(&real, folder))
            }
            _ => {
                self.ws.diagnostics.push(
                    Diagnostic::error("E0301", format!("imported file `{target}` not found"))
                        .at(loc, "no file at this path")
                        .help("paths in `import` are relative to the importing file"),
                );
                None
            }
        }
    }
}

enum Problem {
    Unreadable(String),
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
    let mut found: Vec<PathBuf> = ignore::WalkBuilder::new(folder)
        .hidden(true)
        .require_git(false)
        .git_global(false)
        .follow_links(false)
        .build()
        .filter_map(Result::ok)
        .filter(|entry| entry.file_type().is_some_and(|t| t.is_file()))
        .map(ignore::DirEntry::into_path)
        .filter(|path| path.extension().is_some_and(|ext| ext == "eco"))
        .collect();
    found.sort();
    found
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
fn normalize(path: &Path) -> PathBuf {
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

/// A path as shown in output: relative to the working directory when under it.
pub fn display_name(path: &Path) -> String {
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            let cwd = std::fs::canonicalize(&cwd).unwrap_or(cwd);
            path.strip_prefix(&cwd).ok().map(Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    relative.to_string_lossy().replace('\\', "/")
}

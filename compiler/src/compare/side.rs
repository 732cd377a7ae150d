//! One side of a diff: a folder (of the disk, or of a revision read into a
//! [`TreeFs`](super::TreeFs)) checked exactly as `check` checks it, with its
//! own `ecospec.toml`, then kept as what a comparison reads: per
//! ecosystem, its root, declarations and findings at every level (the
//! identities, which the diagnostics do not keep), and the errors. The
//! check's outcome (its model, its trees) is dropped once summarized: the
//! comparison holds no checked configuration.

use std::collections::hash_map::DefaultHasher;
use std::collections::{BTreeSet, HashMap};
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::check::{check, Options};
use crate::diagnostic::Diagnostic;
use crate::levels::Levels;
use crate::lints;
use crate::load::{normalize, FileSystem, Input, Workspace};
use crate::source::{FileId, SourceMap};

use super::declarations::Declarations;
use super::errors::Errors;
use super::findings::Findings;
use super::place::relative;

/// A checked side.
pub struct Side {
    /// As the user named it (a revision, a folder).
    pub label: String,
    /// The files read (their text and line tables: places are computed
    /// only for what changed).
    pub sources: SourceMap,
    pub roots: Vec<Root>,
    pub errors: Errors,
    /// Ecosystems left out as identical on both sides (not held).
    pub identical: usize,
}

/// One ecosystem of a side.
pub struct Root {
    /// Its root file's path relative to the folder checked.
    pub path: String,
    /// A hash of the root file's text (a root moved unchanged is renamed).
    pub text: u64,
    pub declarations: Declarations,
    pub findings: Findings,
    /// The files of the ecosystem (root first), as read.
    pub files: Vec<PathBuf>,
    /// The paths its files import that were not loaded.
    pub missing: Vec<PathBuf>,
}

impl Side {
    /// Checks `folder` of `fs`. `refused` are problems found before the
    /// check (entries of a revision that are not read): they count as its
    /// errors.
    pub fn check(
        fs: &dyn FileSystem,
        folder: &Path,
        label: impl Into<String>,
        refused: Vec<Diagnostic>,
    ) -> Side {
        let folder: PathBuf = fs
            .canonicalize(folder)
            .unwrap_or_else(|_| folder.to_path_buf());
        let label = label.into();
        // Only `--apply` of an unknown name fails, and there is none.
        let Ok(mut outcome) = check(fs, &[Input::Folder(folder.clone())], &Options::default())
        else {
            return Side {
                label,
                sources: SourceMap::default(),
                roots: Vec::new(),
                errors: Errors::default(),
                identical: 0,
            };
        };
        if !refused.is_empty() {
            let mut diagnostics = refused;
            diagnostics.append(&mut outcome.diagnostics);
            outcome.diagnostics = diagnostics;
        }
        // The levels as the check had them: each folder's `ecospec.toml`
        // (read again into a scratch map: its diagnostics are the check's).
        let mut levels_by_folder: HashMap<&Path, Levels> = HashMap::new();
        let mut roots = Vec::with_capacity(outcome.ecosystems.len());
        let sources = &outcome.sources;
        for (resolved, files) in outcome.ecosystems.iter().zip(&outcome.workspace.ecosystems) {
            let levels = levels_by_folder.entry(&files.folder).or_insert_with(|| {
                let mut levels = Levels::with_command_line(&[]);
                levels.read_config(
                    fs,
                    &files.folder,
                    &mut SourceMap::default(),
                    &mut Vec::new(),
                );
                levels
            });
            let Some(root) = sources.get(resolved.root) else {
                continue;
            };
            let model = &resolved.baseline;
            let level = |f: &lints::Finding| levels.level(f.lint, f.primary, &model.allows);
            let mut hasher = DefaultHasher::new();
            root.text.hash(&mut hasher);
            roots.push(Root {
                path: relative(&folder, &root.path),
                text: hasher.finish(),
                declarations: Declarations::of(&outcome.workspace, resolved),
                findings: Findings::of(model, lints::run(model), level),
                files: resolved
                    .files
                    .iter()
                    .filter_map(|file| Some(sources.get(*file)?.path.clone()))
                    .collect(),
                missing: missing_imports(&outcome.workspace, sources, &resolved.files),
            });
        }
        let errors = Errors::of(&outcome, &folder);
        Side {
            label,
            sources: outcome.sources,
            roots,
            errors,
            identical: 0,
        }
    }

    /// Leaves out the ecosystems whose root is one of `roots` (known
    /// identical on the other side) and the errors in `files`, theirs.
    pub fn leave_out(&mut self, roots: &BTreeSet<String>, files: &BTreeSet<String>) {
        let before = self.roots.len();
        self.roots.retain(|root| !roots.contains(&root.path));
        self.identical += before - self.roots.len();
        self.errors.leave_out(files);
    }
}

/// The paths that `files` import and that were not loaded (missing, or
/// outside the folder), resolved against each importing file's folder.
fn missing_imports(workspace: &Workspace, sources: &SourceMap, files: &[FileId]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for file in files {
        let (Some(loaded), Some(source)) = (workspace.file(*file), sources.get(*file)) else {
            continue;
        };
        let dir = source.path.parent().unwrap_or(Path::new(""));
        for (import, edge) in loaded.ast.imports().zip(&loaded.imports) {
            if edge.target.is_none() {
                out.push(normalize(&dir.join(&*import.path.value)));
            }
        }
    }
    out
}

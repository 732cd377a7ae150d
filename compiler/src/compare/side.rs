//! One side of a diff: a folder (of the disk, or of a revision read into a
//! [`TreeFs`](super::TreeFs)) checked exactly as `check` checks it, with its
//! own `ecospec.toml`, and each ecosystem's findings at every level (the
//! identities a comparison needs, which the diagnostics do not keep).

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::check::{check, Options, Outcome};
use crate::diagnostic::Diagnostic;
use crate::levels::Levels;
use crate::lints::{self, Finding, Level};
use crate::load::{FileSystem, Input};
use crate::source::SourceMap;

/// A checked side.
pub struct Side {
    /// As the user named it (a revision, a folder).
    pub label: String,
    /// The folder checked, as given: root paths are relative to it.
    pub folder: PathBuf,
    pub outcome: Outcome,
    /// Per ecosystem of `outcome.ecosystems`: its findings, each with the
    /// level it is reported at (`allow` included).
    pub findings: Vec<Vec<(Finding, Level)>>,
}

impl Side {
    /// Checks `folder` of `fs`. `refused` are problems found before the
    /// check (entries of a revision that are not read): they join its
    /// diagnostics.
    pub fn check(
        fs: &dyn FileSystem,
        folder: &Path,
        label: impl Into<String>,
        refused: Vec<Diagnostic>,
    ) -> Side {
        let folder = fs
            .canonicalize(folder)
            .unwrap_or_else(|_| folder.to_path_buf());
        let options = Options::default();
        let mut outcome = match check(fs, &[Input::Folder(folder.clone())], &options) {
            Ok(outcome) => outcome,
            // Only `--apply` of an unknown name fails, and there is none.
            Err(_) => return Side::empty(label.into(), folder),
        };
        if !refused.is_empty() {
            let mut diagnostics = refused;
            diagnostics.append(&mut outcome.diagnostics);
            outcome.diagnostics = diagnostics;
        }
        // The levels as the check had them: each folder's `ecospec.toml`
        // (read again into a scratch map: its diagnostics are the check's).
        let mut levels_by_folder: HashMap<&Path, Levels> = HashMap::new();
        let mut findings = Vec::with_capacity(outcome.ecosystems.len());
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
            let model = &resolved.baseline;
            let leveled = lints::run(model)
                .into_iter()
                .map(|finding| {
                    let level = levels.level(finding.lint, finding.primary, &model.allows);
                    (finding, level)
                })
                .collect();
            findings.push(leveled);
        }
        Side {
            label: label.into(),
            folder,
            outcome,
            findings,
        }
    }

    fn empty(label: String, folder: PathBuf) -> Side {
        let outcome = Outcome {
            sources: SourceMap::default(),
            diagnostics: Vec::new(),
            interventions: Vec::new(),
            applied: Vec::new(),
            files_read: 0,
            workspace: Default::default(),
            ecosystems: Vec::new(),
        };
        Side {
            label,
            folder,
            outcome,
            findings: Vec::new(),
        }
    }

    /// A file's path relative to the folder checked, with `/` between
    /// folders: how both sides name the same file.
    pub fn relative(&self, path: &Path) -> String {
        let relative = path.strip_prefix(&self.folder).unwrap_or(path);
        let parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.join("/")
    }
}

//! Two revisions checked: HEAD whole, BASE only where it differs. An
//! ecosystem of HEAD none of whose files differ between the revisions, and
//! that shares no file with an ecosystem that does, is checked once: BASE
//! holds it byte for byte, so its declarations and findings are the same
//! (a diff of two revisions that differ in one file costs about one check,
//! not two). BASE is checked without those files. Whenever that could
//! change what BASE's other ecosystems see, both sides are checked whole:
//! a configuration or ignore file differs, a changed file of BASE imports
//! one of the left-out files, a left-out file imports a path that differs, HEAD has an error that has no place, or an
//! ecosystem shares a file with a changed one.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::load::{normalize, FileSystem, RealFs};

use super::git::Revision;
use super::place::relative;
use super::side::Side;
use super::tree::TreeFs;

/// BASE and HEAD checked, the ecosystems identical on both sides left out
/// of both (counted as unchanged).
pub fn check_revisions(
    (base, base_label): (Revision, &str),
    (head, head_label): (Revision, &str),
    folder: &Path,
) -> (Side, Side) {
    let differing = base.fs.differing(&head.fs);
    // When the files that differ hold most of the spec, leaving the rest
    // out saves little: both sides are checked at once, one per core.
    let changed = base.fs.size(Some(&differing)) + head.fs.size(Some(&differing));
    if changed > head.fs.size(None) {
        return at_once(
            || Side::check(&base.fs, folder, base_label, base.refused.clone()),
            || Side::check(&head.fs, folder, head_label, head.refused.clone()),
        );
    }
    let mut head_side = Side::check(&head.fs, folder, head_label, head.refused);
    let left_out = match identical(&head_side, &differing, &base.fs) {
        Some(left_out) if !head_side.errors.any_unplaced() => left_out,
        _ => {
            let base_side = Side::check(&base.fs, folder, base_label, base.refused);
            return (base_side, head_side);
        }
    };
    let (roots, files) = left_out;
    let mut base_side = Side::check(&base.fs.without(&files), folder, base_label, base.refused);
    let shown: BTreeSet<String> = files.iter().map(|f| relative(folder, f)).collect();
    head_side.leave_out(&roots, &shown);
    base_side.leave_out(&roots, &shown);
    (base_side, head_side)
}

/// Two folders of the disk, each checked whole, at once.
pub fn check_folders(
    (base, base_label): (&Path, &str),
    (head, head_label): (&Path, &str),
) -> (Side, Side) {
    at_once(
        || Side::check(&RealFs, base, base_label, Vec::new()),
        || Side::check(&RealFs, head, head_label, Vec::new()),
    )
}

/// Both sides, HEAD's on a second thread (one per core); a thread that
/// stops checks again here.
fn at_once(base: impl Fn() -> Side + Sync, head: impl Fn() -> Side + Sync) -> (Side, Side) {
    std::thread::scope(|scope| {
        let head_side = scope.spawn(&head);
        let base_side = base();
        let head_side = head_side.join().unwrap_or_else(|_| head());
        (base_side, head_side)
    })
}

/// The roots (relative paths) and files (absolute) of HEAD's ecosystems
/// that BASE holds identically; `None` when leaving them out of BASE could
/// change what its other ecosystems see.
fn identical(
    head: &Side,
    differing: &BTreeSet<PathBuf>,
    base: &TreeFs,
) -> Option<(BTreeSet<String>, BTreeSet<PathBuf>)> {
    if differing.iter().any(|path| !is_spec(path)) {
        return None;
    }
    let (same, changed): (Vec<_>, Vec<_>) = head.roots.iter().partition(|root| {
        let paths = root.files.iter().chain(&root.missing);
        !paths.into_iter().any(|f| differing.contains(f))
    });
    let files: BTreeSet<PathBuf> = same.iter().flat_map(|r| r.files.iter().cloned()).collect();
    let shared = changed
        .iter()
        .flat_map(|r| &r.files)
        .any(|f| files.contains(f));
    if shared || files.is_empty() || imports_any(base, differing, &files) {
        return None;
    }
    let roots = same.iter().map(|r| r.path.clone()).collect();
    Some((roots, files))
}

/// Whether a differing spec of BASE imports one of `files` (its imports
/// read from its syntax, links resolved inside the tree).
fn imports_any(base: &TreeFs, differing: &BTreeSet<PathBuf>, files: &BTreeSet<PathBuf>) -> bool {
    differing.iter().any(|path| {
        let Some(bytes) = base.bytes(path) else {
            return false;
        };
        let dir = path.parent().unwrap_or(Path::new(""));
        let text = String::from_utf8_lossy(bytes);
        let ast = ecospec_syntax::parse(&text);
        let imports_one = ast.imports().any(|import| {
            let target = normalize(&dir.join(&*import.path.value));
            let real = base.canonicalize(&target).unwrap_or(target);
            files.contains(&real)
        });
        imports_one
    })
}

fn is_spec(path: &Path) -> bool {
    path.extension().is_some_and(|ext| ext == "eco")
}

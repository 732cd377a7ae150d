//! The user's files as the commands (`fmt`, `check --fix`, `-o FILE`) and
//! the studio's Save read and write them: only regular files, at most [`SPEC_LIMIT`], and replaced in one
//! rename that keeps the file's permission bits and (when the process may)
//! its owner and group. A symbolic link is written through: its target is
//! replaced and the link stays a link.

use std::fs::{File, Metadata};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use crate::load::{FileSystem, ReadError, RealFs, SPEC_LIMIT};

/// Reads a regular file of at most [`SPEC_LIMIT`] through the checker's own
/// guarded reader (`ecospec::load::RealFs`): anything else is refused before
/// it is opened for reading (a FIFO would block, a device never end). A
/// symbolic link is resolved first, so its target is what is read.
pub fn read_limited(path: &Path) -> Result<Vec<u8>, String> {
    let real = std::fs::canonicalize(path).map_err(|e| format!("cannot read it: {e}"))?;
    RealFs.read(&real, SPEC_LIMIT).map_err(|e| e.to_string())
}

/// Reads at most [`SPEC_LIMIT`] from `reader` (standard input).
pub fn read_all_limited(reader: impl Read) -> Result<Vec<u8>, String> {
    let mut bytes = Vec::new();
    reader
        .take(SPEC_LIMIT + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read it: {e}"))?;
    if bytes.len() as u64 > SPEC_LIMIT {
        return Err(ReadError::TooLarge(SPEC_LIMIT).to_string());
    }
    Ok(bytes)
}

/// Whether the file's permissions forbid writing it. The rename would
/// replace it anyway, so a read-only file is refused rather than rewritten.
pub fn is_read_only(meta: &Metadata) -> bool {
    meta.permissions().readonly()
}

/// The file a write to `path` replaces: `path` itself, or the real path of
/// a symbolic link (so that the link stays a link).
pub fn write_target(path: &Path) -> std::io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Replaces the file at `path` (through a symbolic link: its target) with
/// `bytes`: a temporary file in the target's folder, renamed over it, so a
/// reader never sees half a file. An existing file keeps its permission
/// bits and, when the process may set them, its owner and group; a new one
/// is readable by all (as `>` would make it). A read-only or non-regular
/// file is refused.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let target = write_target(path)?;
    let existing = match std::fs::metadata(&target) {
        Ok(meta) => Some(meta),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(e),
    };
    if let Some(meta) = &existing {
        if !meta.is_file() {
            return Err(std::io::Error::other("it is not a regular file"));
        }
        if is_read_only(meta) {
            return Err(std::io::Error::new(
                std::io::ErrorKind::PermissionDenied,
                "it is read-only",
            ));
        }
    }
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".ecospec-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    match &existing {
        Some(meta) => keep_owner_and_mode(temp.as_file(), meta)?,
        None => set_default_permissions(temp.as_file())?,
    }
    temp.as_file().sync_all()?;
    temp.persist(&target).map_err(|e| e.error)?;
    Ok(())
}

/// Gives `file` the owner, group and permission bits of `meta`. Owner and
/// group are set first (changing them may clear set-id bits) and only as far
/// as the process may: a user who may not give a file away keeps it, which
/// is what an editor saving the file would do.
#[cfg(unix)]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) != (meta.uid(), meta.gid())
        && std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid())).is_err()
    {
        // Not allowed to give it away: keep at least the group, if ours.
        let _ = std::os::unix::fs::fchown(file, None, Some(meta.gid()));
    }
    file.set_permissions(meta.permissions())
}

#[cfg(not(unix))]
fn keep_owner_and_mode(file: &File, meta: &Metadata) -> std::io::Result<()> {
    file.set_permissions(meta.permissions())
}

#[cfg(unix)]
fn set_default_permissions(file: &File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_file: &File) -> std::io::Result<()> {
    Ok(())
}

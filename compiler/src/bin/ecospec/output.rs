//! `--output FORMAT=FILE`: a second rendering of the same check written to
//! a file, so that one run prints human output and leaves SARIF for upload.
//! Files are written atomically (a temporary file beside it, then a rename),
//! so a reader never sees half a report.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::ValueEnum;

use crate::cli::Format;

#[derive(Clone, Debug)]
pub struct OutputSpec {
    pub format: Format,
    pub path: PathBuf,
}

/// `sarif=results.sarif` → (Sarif, `results.sarif`).
pub fn parse_output(text: &str) -> Result<OutputSpec, String> {
    let Some((format, path)) = text.split_once('=') else {
        return Err(format!(
            "expected FORMAT=FILE (e.g. `sarif=results.sarif`), found `{text}`"
        ));
    };
    let format = Format::from_str(format, true).map_err(|_| {
        let names: Vec<String> = Format::value_variants()
            .iter()
            .filter_map(|f| f.to_possible_value().map(|v| v.get_name().to_string()))
            .collect();
        format!("unknown format `{format}`: one of {}", names.join(", "))
    })?;
    if path.is_empty() {
        return Err("the file after `=` is empty".to_string());
    }
    Ok(OutputSpec {
        format,
        path: PathBuf::from(path),
    })
}

/// Replaces `path` with `bytes` in one rename. An existing file keeps its
/// permissions; a new one is readable by all (as `>` would make it).
pub fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let mut temp = tempfile::Builder::new()
        .prefix(".ecospec-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    temp.write_all(bytes)?;
    temp.as_file().sync_all()?;
    match std::fs::metadata(path) {
        Ok(meta) => std::fs::set_permissions(temp.path(), meta.permissions())?,
        Err(_) => set_default_permissions(temp.path())?,
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

#[cfg(unix)]
fn set_default_permissions(path: &Path) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o644))
}

#[cfg(not(unix))]
fn set_default_permissions(_path: &Path) -> std::io::Result<()> {
    Ok(())
}

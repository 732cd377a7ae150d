//! `--output FORMAT=FILE`: a second rendering of the same check written to
//! a file, so that one run prints human output and leaves SARIF for upload.
//! Files are written atomically (a temporary file beside it, then a rename),
//! so a reader never sees half a report.

use std::path::PathBuf;

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

/// The report is written like every file the command writes: see
/// [`crate::files::write_atomically`].
pub use crate::files::write_atomically;

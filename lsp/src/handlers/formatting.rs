//! Formatting: the document through the same formatter as `ecospec fmt`,
//! as one edit of the whole text (none when it is already formatted).

use ecospec::fmt::{format_source, FormatError};
use ecospec::source::SourceFile;
use tower_lsp_server::ls_types::{Range, TextEdit};

use crate::convert::{self, Encoding};

pub fn format(file: &SourceFile, encoding: Encoding) -> Result<Option<Vec<TextEdit>>, FormatError> {
    let formatted = format_source(&file.text)?;
    if formatted == file.text {
        return Ok(Some(Vec::new()));
    }
    let end = u32::try_from(file.text.len()).unwrap_or(u32::MAX);
    Ok(Some(vec![TextEdit {
        range: Range {
            start: convert::position(file, 0, encoding),
            end: convert::position(file, end, encoding),
        },
        new_text: formatted,
    }]))
}

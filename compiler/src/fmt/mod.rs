//! `ecospec fmt`: the one canonical layout of a `.eco` file.
//!
//! [`format_source`] is the whole formatter; `ecospec fmt` and the language
//! server's formatting both call it. It never formats a file with a syntax
//! error (E0101–E0103): it returns [`FormatError::Syntax`] instead.
//!
//! # The layout
//!
//! - **Order**: items, fields, members and comments stay in the order
//!   written. Only whitespace changes (and a trailing comma inside
//!   `@allow(...)` is dropped): every token is printed as written, string
//!   literals included, escapes and all.
//! - **Indent and width**: 4 spaces a level; lines aim at 80 columns,
//!   counted in characters. Only lists are broken to fit: names and string
//!   literals are never split, so a long label may pass the width.
//! - **Declarations**: the header on one line (`actor name: kind "Label" {`),
//!   each `@allow(...)` on its own line above it. A block holds one field or
//!   member per line, one level deeper, and its `}` on a line of its own. An
//!   empty block (no entry, no comment) is written `{}` on the header's line;
//!   a blockless declaration stays blockless.
//! - **Lists**: `needs: a, b, c` on the field's line when it fits in 80
//!   columns and holds no comment; else the field name ends its line and each
//!   entry takes a line of its own, one level deeper, the comma after it:
//!   ```eco
//!   needs:
//!       communications,
//!       coordination,
//!       spokespeople
//!   ```
//!   The same goes for the clusters after `among` (the label and `{` follow
//!   the last one).
//! - **Adjacent strings** (`"a " "b"`) stay separate literals: the first
//!   where the text starts, each next one on a line of its own, aligned with
//!   the first.
//! - **Blank lines**: none at the start of the file or of a block, none
//!   before a `}`. Between top-level items exactly one, except between two
//!   one-line items of one kind (imports, or blockless declarations of one
//!   kind, no attribute, one-literal label): there the blank line written is
//!   kept and none is added, so a run of `capability x "label"` lines stays
//!   adjacent and a blank line written to group them stays. Inside blocks,
//!   and between comments, at most one blank line is kept where the source
//!   had one or more.
//! - **Comments** are never dropped or reordered, and never cross a name or
//!   a string. A comment alone on its line stays alone on its line, before
//!   the same token, at the indent of what follows it (doc comments included:
//!   they stay attached to their declaration). A comment after a token on the
//!   same line stays on that line: with the spaces written before it when
//!   the code before it kept its place (so aligned comments stay aligned),
//!   else one space after the code. A comment
//!   inside a construct breaks it: the construct goes on on the next line,
//!   one level deeper. Trailing spaces are removed from comments.
//! - **File**: every line ends with one line end, with no trailing spaces;
//!   the line ends are LF, or CRLF when the first line end of the input is
//!   CRLF; a byte order mark at the start is kept.
//!
//! The printer checks that it prints the file's own tokens in the file's
//! order, and the result is parsed again: any mismatch is a
//! [`FormatError::Internal`] and the text is left as it was.

mod error;
mod layout;
mod printer;
mod style;
#[cfg(test)]
mod tests;

use ecospec_syntax::{parse, Span};

use crate::source::FileId;
use crate::syntax_errors::syntax_diagnostic;

pub use error::FormatError;
pub use style::{INDENT, WIDTH};

const BOM: &str = "\u{feff}";

/// The text in the canonical layout (see the module doc).
pub fn format_source(text: &str) -> Result<String, FormatError> {
    let (bom, body) = match text.strip_prefix(BOM) {
        Some(body) => (BOM, body),
        None => ("", text),
    };
    let file = parse(body);
    if let Some(first) = file.errors.first() {
        let diagnostic = syntax_diagnostic(FileId(0), body, first);
        let shift = u32::try_from(bom.len()).unwrap_or(0);
        return Err(FormatError::Syntax {
            code: diagnostic.code,
            message: diagnostic.message,
            span: Span {
                start: first.span.start.saturating_add(shift),
                end: first.span.end.saturating_add(shift),
            },
            count: file.errors.len(),
        });
    }
    let mut printer = printer::Printer::new(body, &file.comments);
    layout::file(&mut printer, &file)?;
    let formatted = printer.finish()?;
    verify(&file, &formatted)?;
    let crlf = body
        .find('\n')
        .is_some_and(|i| i > 0 && body.as_bytes().get(i - 1) == Some(&b'\r'));
    let formatted = if crlf {
        formatted.replace('\n', "\r\n")
    } else {
        formatted
    };
    Ok(format!("{bom}{formatted}"))
}

/// The formatted text parses, with the same comments.
fn verify(before: &ecospec_syntax::File, formatted: &str) -> Result<(), FormatError> {
    let after = parse(formatted);
    if let Some(error) = after.errors.first() {
        return Err(FormatError::Internal(format!(
            "the formatted text has a syntax error at byte {}",
            error.span.start
        )));
    }
    if after.comments.len() != before.comments.len() {
        return Err(FormatError::Internal(
            "the formatted text lost or gained a comment".to_string(),
        ));
    }
    Ok(())
}

//! Positions between the compiler (byte offsets) and the client (lines and
//! columns in the negotiated encoding), and diagnostics into LSP shape.

use ecospec::check::Outcome;
use ecospec::diagnostic::{Diagnostic, Loc, Severity};
use ecospec::source::SourceFile;
use ecospec_syntax::Span;
use tower_lsp_server::ls_types::{
    self as lsp, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    PositionEncodingKind,
};

use crate::uris::uri;

/// How the client counts columns.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    #[default]
    Utf16,
    Utf32,
}

impl Encoding {
    /// The first encoding the client offers that we support; UTF-16 otherwise.
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        offered
            .unwrap_or_default()
            .iter()
            .find_map(|kind| match kind.as_str() {
                "utf-8" => Some(Encoding::Utf8),
                "utf-16" => Some(Encoding::Utf16),
                "utf-32" => Some(Encoding::Utf32),
                _ => None,
            })
            .unwrap_or_default()
    }

    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
            Encoding::Utf32 => PositionEncodingKind::UTF32,
        }
    }

    fn width(self, c: char) -> u32 {
        let units = match self {
            Encoding::Utf8 => c.len_utf8(),
            Encoding::Utf16 => c.len_utf16(),
            Encoding::Utf32 => 1,
        };
        u32::try_from(units).unwrap_or(1)
    }

    /// Length of a text in this encoding's units.
    pub fn len(self, text: &str) -> u32 {
        text.chars().map(|c| self.width(c)).sum()
    }
}

/// The client position of byte `offset`.
pub fn position(file: &SourceFile, offset: u32, encoding: Encoding) -> lsp::Position {
    let offset = offset.min(u32::try_from(file.text.len()).unwrap_or(u32::MAX));
    let line = file.line_of(offset);
    let start = file.line_start(line);
    let before = file
        .text
        .get(start as usize..offset as usize)
        .unwrap_or_default();
    lsp::Position {
        line: u32::try_from(line).unwrap_or(u32::MAX),
        character: encoding.len(before),
    }
}

pub fn range(file: &SourceFile, span: Span, encoding: Encoding) -> lsp::Range {
    lsp::Range {
        start: position(file, span.start, encoding),
        end: position(file, span.end, encoding),
    }
}

/// The byte offset of a client position; a line past the end is the end
/// of the text, a column past the end of its line is the end of the line.
pub fn offset(file: &SourceFile, position: lsp::Position, encoding: Encoding) -> u32 {
    let len = u32::try_from(file.text.len()).unwrap_or(u32::MAX);
    let line = position.line as usize;
    if line >= file.line_count() {
        return len;
    }
    let start = file.line_start(line);
    let end = file.line_start(line + 1).min(len);
    let text = file
        .text
        .get(start as usize..end as usize)
        .unwrap_or_default();
    let text = text.strip_suffix('\n').unwrap_or(text);
    let text = text.strip_suffix('\r').unwrap_or(text);
    let mut units = 0;
    for (i, c) in text.char_indices() {
        if units >= position.character {
            return start + u32::try_from(i).unwrap_or(0);
        }
        units += encoding.width(c);
    }
    start + u32::try_from(text.len()).unwrap_or(0)
}

/// A place of the outcome as a client location.
pub fn location(outcome: &Outcome, loc: Loc, encoding: Encoding) -> Option<Location> {
    let file = outcome.sources.get(loc.file)?;
    Some(Location {
        uri: uri(&file.path)?,
        range: range(file, loc.span, encoding),
    })
}

pub fn severity(severity: Severity) -> DiagnosticSeverity {
    match severity {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Note => DiagnosticSeverity::INFORMATION,
    }
}

/// A diagnostic with a place, in the client's shape (`None` without one).
pub fn diagnostic(
    outcome: &Outcome,
    diagnostic: &Diagnostic,
    encoding: Encoding,
) -> Option<lsp::Diagnostic> {
    let primary = diagnostic.primary?;
    let file = outcome.sources.get(primary.file)?;
    let mut message = diagnostic.message.clone();
    if !diagnostic.primary_label.is_empty() {
        message.push_str(&format!("\n{}", diagnostic.primary_label));
    }
    for note in &diagnostic.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    if let Some(help) = &diagnostic.help {
        message.push_str(&format!("\nhelp: {help}"));
    }
    let related: Vec<DiagnosticRelatedInformation> = diagnostic
        .labels
        .iter()
        .filter_map(|label| {
            Some(DiagnosticRelatedInformation {
                location: location(outcome, label.loc, encoding)?,
                message: label.message.clone(),
            })
        })
        .collect();
    Some(lsp::Diagnostic {
        range: range(file, primary.span, encoding),
        severity: Some(severity(diagnostic.severity)),
        code: Some(NumberOrString::String(diagnostic.code.to_string())),
        code_description: None,
        source: Some("ecospec".to_string()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: diagnostic
            .lint
            .map(|lint| serde_json::json!({ "lint": lint })),
    })
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::indexing_slicing)]
    use super::*;

    fn file(text: &str) -> SourceFile {
        SourceFile::new("/f.eco".into(), "f.eco".into(), text.to_string())
    }

    #[test]
    fn columns_follow_the_encoding_and_clamp() {
        let f = file("cluster 🌍é x\r\nb\n");
        let x = u32::try_from(f.text.find(" x").unwrap() + 1).unwrap();
        assert_eq!(position(&f, x, Encoding::Utf16).character, 12);
        assert_eq!(position(&f, x, Encoding::Utf8).character, 15);
        assert_eq!(position(&f, x, Encoding::Utf32).character, 11);
        for enc in [Encoding::Utf8, Encoding::Utf16, Encoding::Utf32] {
            assert_eq!(offset(&f, position(&f, x, enc), enc), x);
        }
        let past = lsp::Position {
            line: 0,
            character: 99,
        };
        assert_eq!(offset(&f, past, Encoding::Utf16), x + 1);
        let below = lsp::Position {
            line: 9,
            character: 0,
        };
        assert_eq!(offset(&f, below, Encoding::Utf16) as usize, f.text.len());
    }
}

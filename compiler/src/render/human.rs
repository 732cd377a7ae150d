//! Human output through codespan-reporting: the message, the marked place,
//! related places, notes and `help:`, then a summary.

use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Severity};
use crate::source::{FileId, SourceMap};

use super::{counts, place, PRINT_CAP};

#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    pub color: bool,
}

struct SourceFiles<'a>(&'a SourceMap);

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = FileId;
    type Name = &'a str;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.name.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        self.0
            .get(id)
            .map(|f| f.text.as_str())
            .ok_or(FilesError::FileMissing)
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let file = self.0.get(id).ok_or(FilesError::FileMissing)?;
        Ok(file.line_of(u32::try_from(byte_index).unwrap_or(u32::MAX)))
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let file = self.0.get(id).ok_or(FilesError::FileMissing)?;
        if line_index >= file.line_count() {
            // The line after the last: an unexpected end of file after a final newline.
            let end = file.text.len();
            return Ok(end..end);
        }
        let start = file.line_start(line_index) as usize;
        let end = if line_index + 1 < file.line_count() {
            file.line_start(line_index + 1) as usize
        } else {
            file.text.len()
        };
        Ok(start..end)
    }
}

pub fn human(outcome: &Outcome, options: HumanOptions) -> String {
    let files = SourceFiles(&outcome.sources);
    let config = Config::default();
    let mut buffer = if options.color {
        Buffer::ansi()
    } else {
        Buffer::no_color()
    };
    for diagnostic in outcome.diagnostics.iter().take(PRINT_CAP) {
        let rendered = to_codespan(diagnostic);
        if term::emit_to_write_style(&mut buffer, &config, &files, &rendered).is_err() {
            // A place that no longer fits its file: print the message alone.
            let _ = std::io::Write::write_all(
                &mut buffer,
                format!(
                    "{}[{}]: {}\n\n",
                    diagnostic.severity.as_str(),
                    diagnostic.code,
                    diagnostic.message
                )
                .as_bytes(),
            );
        }
    }
    let mut out = String::from_utf8_lossy(buffer.as_slice()).into_owned();
    let more = outcome.diagnostics.len().saturating_sub(PRINT_CAP);
    if more > 0 {
        let _ = writeln!(
            out,
            "... and {more} more diagnostics (`--format json` lists them all)\n"
        );
    }
    for report in &outcome.interventions {
        let at = place(&outcome.sources, report.loc)
            .map(|(file, start, _)| format!(" ({file}:{})", start.line))
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "intervention `{}`{at}: closes {}, opens {}",
            report.name,
            report.closes.len(),
            report.opens.len()
        );
    }
    let _ = writeln!(
        out,
        "{} in {} file{}",
        counts(
            outcome.count(Severity::Error),
            outcome.count(Severity::Warning),
            outcome.count(Severity::Note)
        ),
        outcome.files_read,
        if outcome.files_read == 1 { "" } else { "s" }
    );
    out
}

fn to_codespan(d: &Diagnostic) -> cs::Diagnostic<FileId> {
    let base = match d.severity {
        Severity::Error => cs::Diagnostic::error(),
        Severity::Warning => cs::Diagnostic::warning(),
        Severity::Note => cs::Diagnostic::note(),
    };
    let code = match d.lint {
        Some(lint) => format!("{}/{lint}", d.code),
        None => d.code.to_string(),
    };
    let mut labels = Vec::new();
    if let Some(loc) = d.primary {
        labels.push(
            cs::Label::primary(loc.file, loc.span.range()).with_message(d.primary_label.clone()),
        );
    }
    for label in &d.labels {
        labels.push(
            cs::Label::secondary(label.loc.file, label.loc.span.range())
                .with_message(label.message.clone()),
        );
    }
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    base.with_code(code)
        .with_message(d.message.clone())
        .with_labels(labels)
        .with_notes(notes)
}

//! Human output through codespan-reporting: the message, the marked place,
//! related places, notes and `help:`, then a summary.

use std::fmt::Write as _;
use std::ops::Range;

use codespan_reporting::diagnostic as cs;
use codespan_reporting::files::{Error as FilesError, Files};
use codespan_reporting::term::{self, termcolor::Buffer, Config};

use ecospec_syntax::Span;

use crate::check::Outcome;
use crate::diagnostic::{Diagnostic, Loc, Severity};
use crate::source::{FileId, SourceFile, SourceMap};

use super::places::{escape_controls, place};
use super::summary::{counts, PRINT_CAP};

#[derive(Clone, Copy, Debug, Default)]
pub struct HumanOptions {
    pub color: bool,
}

struct SourceFiles<'a>(&'a SourceMap);

impl<'a> Files<'a> for SourceFiles<'a> {
    type FileId = FileId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Self::Name, FilesError> {
        self.0
            .get(id)
            .map(|f| escape_controls(&f.name))
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
    // `--apply NAME`: say first which configuration this is.
    for (name, loc) in &outcome.applied {
        let at = place(&outcome.sources, *loc)
            .map(|(file, start, _)| format!(" ({file}:{})", start.line))
            .unwrap_or_default();
        let _ = std::io::Write::write_all(
            &mut buffer,
            format!("with intervention `{name}`{at} applied\n\n").as_bytes(),
        );
    }
    for diagnostic in outcome.diagnostics.iter().take(PRINT_CAP) {
        let emitted = match Windowed::of(&outcome.sources, diagnostic) {
            // A place on a long line: a window of the line around it.
            Some(windowed) => {
                let rendered = to_codespan(diagnostic, |file, span| windowed.range(file, span));
                term::emit_to_write_style(&mut buffer, &config, &windowed, &rendered)
            }
            None => {
                let rendered = to_codespan(diagnostic, |_, span| span.range());
                term::emit_to_write_style(&mut buffer, &config, &files, &rendered)
            }
        };
        if emitted.is_err() {
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
        for (verb, changes) in [("closes", &report.closes), ("opens", &report.opens)] {
            for change in changes {
                let replaces = change
                    .replaces
                    .as_ref()
                    .map(|r| format!(" (replaces {}: {})", r.lint.code, r.message))
                    .unwrap_or_default();
                let _ = writeln!(
                    out,
                    "  {verb} {}: {}{replaces}",
                    change.lint.code, change.message
                );
            }
        }
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

/// The diagnostic for codespan, its spans placed by `range` (the text codespan
/// is given may be a window of the file's).
fn to_codespan(
    d: &Diagnostic,
    range: impl Fn(FileId, Span) -> Range<usize>,
) -> cs::Diagnostic<FileId> {
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
            cs::Label::primary(loc.file, range(loc.file, loc.span))
                .with_message(d.primary_label.clone()),
        );
    }
    for label in &d.labels {
        labels.push(
            cs::Label::secondary(label.loc.file, range(label.loc.file, label.loc.span))
                .with_message(label.message.clone()),
        );
    }
    let mut notes: Vec<String> = d.notes.iter().map(|n| format!("note: {n}")).collect();
    if let Some(help) = &d.help {
        notes.push(format!("help: {help}"));
    }
    base.with_code(code)
        .with_message(escape_controls(&d.message))
        .with_labels(labels)
        .with_notes(notes)
}

/// A line longer than this many columns is shown as a window of this many
/// columns around the diagnostic's places, `…` marking where it was cut.
pub const WINDOW: usize = 120;

/// The files as one diagnostic shows them when one of its lines is long:
/// each file with a long line becomes a view holding only the lines the
/// diagnostic shows, long ones cut to a window. Line numbers and columns
/// stay those of the file.
struct Windowed<'a> {
    files: SourceFiles<'a>,
    views: Vec<(FileId, View)>,
}

#[derive(Default)]
struct View {
    text: String,
    /// By line index.
    lines: Vec<ViewLine>,
}

struct ViewLine {
    /// The line's index in the file.
    index: usize,
    /// Where the line stands in the view's text, its line end included.
    range: Range<usize>,
    /// The first byte of the file shown, and how many bytes are.
    origin: usize,
    shown: usize,
    /// Bytes of the leading `…` (0 when the line is shown from its start).
    prefix: usize,
    /// Whether the line was cut before its end.
    cut: bool,
}

const ELLIPSIS: &str = "…";

impl ViewLine {
    /// The view's byte for a byte of the file on this line.
    fn to_view(&self, byte: usize) -> usize {
        let start = self.range.start + self.prefix;
        let end = self.origin + self.shown;
        let at = if byte < self.origin {
            // Cut off before the window: the label marks the `…`.
            self.range.start
        } else if byte <= end || self.cut {
            start + byte.min(end) - self.origin
        } else {
            start + self.shown + (byte - end)
        };
        at.min(self.range.end)
    }

    /// The file's byte for a byte of the view on this line.
    fn to_file(&self, byte: usize) -> usize {
        let start = self.range.start + self.prefix;
        self.origin + byte.saturating_sub(start).min(self.shown)
    }
}

impl<'a> Windowed<'a> {
    /// The views of a diagnostic that has a place on a long line, else `None`.
    fn of(sources: &'a SourceMap, d: &Diagnostic) -> Option<Windowed<'a>> {
        let locs: Vec<Loc> = d
            .primary
            .into_iter()
            .chain(d.labels.iter().map(|label| label.loc))
            .collect();
        let mut files: Vec<FileId> = locs.iter().map(|loc| loc.file).collect();
        files.sort();
        files.dedup();
        let mut views = Vec::new();
        for id in files {
            let Some(file) = sources.get(id) else {
                continue;
            };
            let here: Vec<Loc> = locs.iter().copied().filter(|loc| loc.file == id).collect();
            let mut needed = std::collections::BTreeSet::new();
            for loc in &here {
                let first = file.line_of(loc.span.start);
                let last = file.line_of(loc.span.end);
                needed.extend(first..=(last + 1).min(file.line_count().saturating_sub(1)));
            }
            if !needed.iter().any(|line| is_long(file, *line)) {
                continue;
            }
            let primary = d.primary.filter(|loc| loc.file == id);
            views.push((id, View::new(file, &needed, &here, primary)));
        }
        (!views.is_empty()).then_some(Windowed {
            files: SourceFiles(sources),
            views,
        })
    }

    fn view(&self, id: FileId) -> Option<&View> {
        self.views
            .iter()
            .find(|(file, _)| *file == id)
            .map(|(_, view)| view)
    }

    /// Where a span of a file stands in the text given to codespan.
    fn range(&self, id: FileId, span: Span) -> Range<usize> {
        let (Some(view), Some(file)) = (self.view(id), self.files.0.get(id)) else {
            return span.range();
        };
        let at = |byte: u32| {
            view.line(file.line_of(byte))
                .map_or(0, |line| line.to_view(byte as usize))
        };
        at(span.start)..at(span.end)
    }
}

/// The end of a line's content (before `\n` or `\r\n`) and of the line.
fn line_ends(file: &SourceFile, line: usize) -> (usize, usize) {
    let end = if line + 1 < file.line_count() {
        file.line_start(line + 1) as usize
    } else {
        file.text.len()
    };
    let bytes = file.text.as_bytes();
    let mut content = end;
    if content > 0 && bytes.get(content - 1) == Some(&b'\n') {
        content -= 1;
        if content > 0 && bytes.get(content - 1) == Some(&b'\r') {
            content -= 1;
        }
    }
    (content.max(file.line_start(line) as usize), end)
}

/// Columns between two character boundaries of one line.
fn columns(file: &SourceFile, from: usize, to: usize) -> usize {
    let column = |byte: usize| {
        file.position(u32::try_from(byte).unwrap_or(u32::MAX))
            .column
    };
    column(to).saturating_sub(column(from)) as usize
}

fn is_long(file: &SourceFile, line: usize) -> bool {
    let start = file.line_start(line) as usize;
    let (content, _) = line_ends(file, line);
    // Bytes bound columns: most lines need no counting.
    content - start > WINDOW && columns(file, start, content) > WINDOW
}

/// The byte `n` characters before `from`, not before `floor`.
fn back(text: &str, floor: usize, from: usize, n: usize) -> usize {
    text.get(floor..from)
        .and_then(|part| part.char_indices().rev().take(n).last())
        .map_or(from, |(i, _)| floor + i)
}

/// The byte `n` characters after `from`, not after `ceiling`.
fn forward(text: &str, from: usize, ceiling: usize, n: usize) -> usize {
    text.get(from..ceiling)
        .and_then(|part| part.char_indices().nth(n))
        .map_or(ceiling, |(i, _)| from + i)
}

impl View {
    fn new(
        file: &SourceFile,
        needed: &std::collections::BTreeSet<usize>,
        locs: &[Loc],
        primary: Option<Loc>,
    ) -> View {
        let mut view = View::default();
        for &index in needed {
            let start = file.line_start(index) as usize;
            let (content, end) = line_ends(file, index);
            let (from, to) = if is_long(file, index) {
                let on_line = |byte: u32| {
                    let byte = byte as usize;
                    (start..=end).contains(&byte).then_some(byte.min(content))
                };
                let points: Vec<usize> = locs
                    .iter()
                    .flat_map(|loc| [on_line(loc.span.start), on_line(loc.span.end)])
                    .flatten()
                    .collect();
                let low = points.iter().copied().min().unwrap_or(start);
                let high = points.iter().copied().max().unwrap_or(start);
                window(
                    file,
                    (start, content),
                    (low, high),
                    primary.and_then(|loc| on_line(loc.span.start)),
                )
            } else {
                (start, content)
            };
            let prefix = if from > start { ELLIPSIS } else { "" };
            let line_start = view.text.len();
            view.text.push_str(prefix);
            view.text
                .push_str(file.text.get(from..to).unwrap_or_default());
            let cut = to < content;
            if cut {
                view.text.push_str(ELLIPSIS);
            }
            view.text
                .push_str(file.text.get(content..end).unwrap_or_default());
            view.lines.push(ViewLine {
                index,
                range: line_start..view.text.len(),
                origin: from,
                shown: to - from,
                prefix: prefix.len(),
                cut,
            });
        }
        view
    }

    fn line(&self, index: usize) -> Option<&ViewLine> {
        self.lines
            .binary_search_by_key(&index, |line| line.index)
            .ok()
            .and_then(|i| self.lines.get(i))
    }
}

/// The part of a long line (`line`: its start and content end) to show:
/// [`WINDOW`] columns around the places on it (`low..high`), or, when they
/// are farther apart, from a little before the primary place.
fn window(
    file: &SourceFile,
    (start, end): (usize, usize),
    (low, high): (usize, usize),
    primary: Option<usize>,
) -> (usize, usize) {
    let text = file.text.as_str();
    let wide = columns(file, low, high);
    let from = if wide <= WINDOW {
        back(text, start, low, (WINDOW - wide) / 2)
    } else {
        back(text, start, primary.unwrap_or(low), WINDOW / 4)
    };
    let to = forward(text, from, end, WINDOW);
    if columns(file, from, to) < WINDOW {
        // The line's end is near: show the window's full width before it.
        (back(text, start, to, WINDOW), to)
    } else {
        (from, to)
    }
}

impl<'a> Files<'a> for Windowed<'a> {
    type FileId = FileId;
    type Name = std::borrow::Cow<'a, str>;
    type Source = &'a str;

    fn name(&'a self, id: FileId) -> Result<Self::Name, FilesError> {
        self.files.name(id)
    }

    fn source(&'a self, id: FileId) -> Result<&'a str, FilesError> {
        match self.view(id) {
            Some(view) => Ok(view.text.as_str()),
            None => self.files.source(id),
        }
    }

    fn line_index(&'a self, id: FileId, byte_index: usize) -> Result<usize, FilesError> {
        let Some(view) = self.view(id) else {
            return self.files.line_index(id, byte_index);
        };
        let after = view
            .lines
            .partition_point(|line| line.range.start <= byte_index);
        view.lines
            .get(after.saturating_sub(1))
            .map(|line| line.index)
            .ok_or(FilesError::FileMissing)
    }

    fn line_range(&'a self, id: FileId, line_index: usize) -> Result<Range<usize>, FilesError> {
        let Some(view) = self.view(id) else {
            return self.files.line_range(id, line_index);
        };
        view.line(line_index)
            .map(|line| line.range.clone())
            .ok_or(FilesError::LineTooLarge {
                given: line_index,
                max: view.lines.last().map_or(0, |line| line.index),
            })
    }

    fn column_number(
        &'a self,
        id: FileId,
        line_index: usize,
        byte_index: usize,
    ) -> Result<usize, FilesError> {
        let (Some(view), Some(file)) = (self.view(id), self.files.0.get(id)) else {
            return self.files.column_number(id, line_index, byte_index);
        };
        let line = view.line(line_index).ok_or(FilesError::FileMissing)?;
        let byte = u32::try_from(line.to_file(byte_index)).unwrap_or(u32::MAX);
        Ok(file.position(byte).column as usize)
    }
}

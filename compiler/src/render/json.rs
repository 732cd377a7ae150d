//! `--format json`: the output schema, version 1 (`tests/ui/*.json` hold
//! examples of it).
//!
//! The document is serialized as it is walked ([`write_json`]): each
//! diagnostic goes to the writer one by one, borrowing from the outcome, and
//! no `serde_json::Value` tree of the whole report is built (a million
//! findings would need gigabytes). [`json`] gives the same document as a
//! `Value`, for tests and callers that want to inspect it.

use std::io::{self, Write};

use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use crate::check::{Change, Outcome};
use crate::diagnostic::{Applicability, Diagnostic, Loc, Severity};
use crate::source::{FileId, Position, SourceMap};

use super::places::{exact_name, place};

/// The report as a `Value` (the same document [`write_json`] writes).
pub fn json(outcome: &Outcome) -> Value {
    serde_json::to_value(Document(outcome)).unwrap_or(Value::Null)
}

/// Writes the report, pretty-printed with two spaces and a final newline
/// (what `format!("{:#}\n", json(outcome))` gives), to `out` as it goes.
pub fn write_json(outcome: &Outcome, out: &mut dyn Write) -> io::Result<()> {
    let mut serializer = serde_json::Serializer::pretty(&mut *out);
    Document(outcome).serialize(&mut serializer)?;
    out.write_all(b"\n")
}

/// A sequence serialized from a fresh iterator, element by element.
struct Each<F>(F);

impl<F, I> Serialize for Each<F>
where
    F: Fn() -> I,
    I: Iterator,
    I::Item: Serialize,
{
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq((self.0)())
    }
}

struct Document<'a>(&'a Outcome);

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let outcome = self.0;
        let sources = &outcome.sources;
        let mut map = serializer.serialize_map(Some(4))?;
        map.serialize_entry("version", &1)?;
        map.serialize_entry(
            "diagnostics",
            &Each(|| {
                outcome
                    .diagnostics
                    .iter()
                    .map(|d| DiagnosticJson(sources, d))
            }),
        )?;
        map.serialize_entry(
            "interventions",
            &Each(|| {
                outcome.interventions.iter().map(|i| InterventionJson {
                    name: &i.name,
                    file: sources.get(i.file).map(|f| f.name.as_str()),
                    root: sources.get(i.root).map(|f| f.name.as_str()),
                    closes: Each(|| i.closes.iter().map(ChangeJson)),
                    opens: Each(|| i.opens.iter().map(ChangeJson)),
                    file_bytes: exact(sources, Some(i.file)),
                    root_bytes: exact(sources, Some(i.root)),
                })
            }),
        )?;
        map.serialize_entry(
            "summary",
            &Summary {
                files: outcome.files_read,
                errors: outcome.count(Severity::Error),
                warnings: outcome.count(Severity::Warning),
                notes: outcome.count(Severity::Note),
            },
        )?;
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

#[derive(serde::Serialize)]
struct InterventionJson<'a, C, O> {
    name: &'a str,
    file: Option<&'a str>,
    root: Option<&'a str>,
    closes: C,
    opens: O,
    #[serde(skip_serializing_if = "Option::is_none")]
    file_bytes: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    root_bytes: Option<String>,
}

/// A finding as an intervention closes or opens it, in JSON (the model
/// export lists them the same way).
pub struct ChangeJson<'a>(pub &'a Change);

impl Serialize for ChangeJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        #[derive(serde::Serialize)]
        struct Fields<'a> {
            code: &'a str,
            lint: &'a str,
            level: &'a str,
            message: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            replaces: Option<Replaces<'a>>,
        }
        /// The stronger finding an opened one replaces (the gap ladder).
        #[derive(serde::Serialize)]
        struct Replaces<'a> {
            code: &'a str,
            message: &'a str,
        }
        let c = self.0;
        Fields {
            code: c.lint.code.as_str(),
            lint: c.lint.name,
            level: c.level.as_str(),
            message: &c.message,
            replaces: c.replaces.as_ref().map(|r| Replaces {
                code: r.lint.code.as_str(),
                message: &r.message,
            }),
        }
        .serialize(serializer)
    }
}

struct DiagnosticJson<'a>(&'a SourceMap, &'a Diagnostic);

impl Serialize for DiagnosticJson<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let DiagnosticJson(sources, d) = *self;
        let (file, range) = location(sources, d.primary);
        let mut map = serializer.serialize_map(Some(11))?;
        map.serialize_entry("code", d.code.as_str())?;
        map.serialize_entry("lint", &d.lint)?;
        map.serialize_entry("severity", d.severity.as_str())?;
        map.serialize_entry("message", &d.message)?;
        map.serialize_entry("file", &file)?;
        map.serialize_entry("range", &range)?;
        map.serialize_entry(
            "labels",
            &Each(|| {
                d.labels.iter().map(|label| {
                    let (file, range) = location(sources, Some(label.loc));
                    Placed {
                        file,
                        range,
                        key: "message",
                        text: &label.message,
                        file_bytes: exact(sources, Some(label.loc.file)),
                    }
                })
            }),
        )?;
        map.serialize_entry("notes", &d.notes)?;
        map.serialize_entry("help", &d.help)?;
        map.serialize_entry(
            "fixes",
            &Each(|| {
                d.fixes.iter().map(|fix| FixJson {
                    message: &fix.message,
                    applicability: match fix.applicability {
                        Applicability::Safe => "safe",
                        Applicability::Unsafe => "unsafe",
                    },
                    edits: Each(|| {
                        fix.edits.iter().map(|edit| {
                            let (file, range) = location(sources, Some(edit.loc));
                            Placed {
                                file,
                                range,
                                key: "replacement",
                                text: &edit.replacement,
                                file_bytes: exact(sources, Some(edit.loc.file)),
                            }
                        })
                    }),
                })
            }),
        )?;
        if let Some(bytes) = exact(sources, d.primary.map(|loc| loc.file)) {
            map.serialize_entry("file_bytes", &bytes)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct FixJson<'a, E> {
    message: &'a str,
    /// `safe`: `check --fix` applies it; `unsafe`: offered for review only.
    applicability: &'static str,
    edits: E,
}

/// A label or an edit: its place and its text under `key`.
struct Placed<'a> {
    file: Option<&'a str>,
    range: Option<Range>,
    key: &'static str,
    text: &'a str,
    file_bytes: Option<String>,
}

impl Serialize for Placed<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = serializer.serialize_map(Some(3))?;
        map.serialize_entry("file", &self.file)?;
        map.serialize_entry("range", &self.range)?;
        map.serialize_entry(self.key, self.text)?;
        if let Some(bytes) = &self.file_bytes {
            map.serialize_entry("file_bytes", bytes)?;
        }
        map.end()
    }
}

#[derive(serde::Serialize)]
struct Range {
    start: Point,
    end: Point,
}

#[derive(serde::Serialize)]
struct Point {
    line: u32,
    column: u32,
}

impl From<Position> for Point {
    fn from(p: Position) -> Point {
        Point {
            line: p.line,
            column: p.column,
        }
    }
}

fn location(sources: &SourceMap, loc: Option<Loc>) -> (Option<&str>, Option<Range>) {
    match loc.and_then(|loc| place(sources, loc)) {
        Some((file, start, end)) => (
            Some(file),
            Some(Range {
                start: start.into(),
                end: end.into(),
            }),
        ),
        None => (None, None),
    }
}

/// The exact bytes of a file's path, percent-encoded, when its name (`file`)
/// is lossy because the path is not UTF-8; `None` for ordinary names, which
/// add no field (docs/src/decisions.md).
fn exact(sources: &SourceMap, file: Option<FileId>) -> Option<String> {
    file.and_then(|id| sources.get(id)).and_then(exact_name)
}

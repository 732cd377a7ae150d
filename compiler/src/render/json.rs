//! `--format json`: the contract's schema (LANGUAGE.md section 7), version 1.

use serde_json::{json, Value};

use crate::check::{Change, Outcome};
use crate::diagnostic::{Loc, Severity};
use crate::source::{FileId, SourceMap};

use super::{exact_name, place};

pub fn json(outcome: &Outcome) -> Value {
    let sources = &outcome.sources;
    let diagnostics: Vec<Value> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let (file, range) = location(sources, d.primary);
            let diagnostic = json!({
                "code": d.code,
                "lint": d.lint,
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": file,
                "range": range,
                "labels": d.labels.iter().map(|label| {
                    let (file, range) = location(sources, Some(label.loc));
                    exact(json!({"file": file, "range": range, "message": label.message}), "file_bytes", sources, Some(label.loc.file))
                }).collect::<Vec<_>>(),
                "notes": d.notes,
                "help": d.help,
                "fixes": d.fixes.iter().map(|fix| json!({
                    "message": fix.message,
                    "edits": fix.edits.iter().map(|edit| {
                        let (file, range) = location(sources, Some(edit.loc));
                        exact(json!({"file": file, "range": range, "replacement": edit.replacement}), "file_bytes", sources, Some(edit.loc.file))
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            });
            exact(diagnostic, "file_bytes", sources, d.primary.map(|loc| loc.file))
        })
        .collect();
    let interventions: Vec<Value> = outcome
        .interventions
        .iter()
        .map(|i| {
            let report = json!({
                "name": i.name,
                "file": sources.get(i.file).map(|f| f.name.as_str()),
                "root": sources.get(i.root).map(|f| f.name.as_str()),
                "closes": changes(&i.closes),
                "opens": changes(&i.opens),
            });
            let report = exact(report, "file_bytes", sources, Some(i.file));
            exact(report, "root_bytes", sources, Some(i.root))
        })
        .collect();
    json!({
        "version": 1,
        "diagnostics": diagnostics,
        "interventions": interventions,
        "summary": {
            "files": outcome.files_read,
            "errors": outcome.count(Severity::Error),
            "warnings": outcome.count(Severity::Warning),
            "notes": outcome.count(Severity::Note),
        }
    })
}

/// `value` with `key`: the exact bytes of a file's path, percent-encoded,
/// when its name (`file`) is lossy because the path is not UTF-8; ordinary
/// names add nothing (docs/decisions.md).
fn exact(mut value: Value, key: &str, sources: &SourceMap, file: Option<FileId>) -> Value {
    let bytes = file.and_then(|id| sources.get(id)).and_then(exact_name);
    if let (Some(bytes), Some(object)) = (bytes, value.as_object_mut()) {
        object.insert(key.to_string(), Value::String(bytes));
    }
    value
}

fn changes(changes: &[Change]) -> Vec<Value> {
    changes
        .iter()
        .map(|c| json!({"code": c.lint.code, "lint": c.lint.name, "level": c.level.as_str(), "message": c.message}))
        .collect()
}

fn location(sources: &SourceMap, loc: Option<Loc>) -> (Value, Value) {
    match loc.and_then(|loc| place(sources, loc)) {
        Some((file, start, end)) => (
            json!(file),
            json!({
                "start": {"line": start.line, "column": start.column},
                "end": {"line": end.line, "column": end.column},
            }),
        ),
        None => (Value::Null, Value::Null),
    }
}

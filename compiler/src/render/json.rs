//! `--format json`: the contract's schema (LANGUAGE.md section 7), version 1.

use serde_json::{json, Value};

use crate::check::{Change, Outcome};
use crate::diagnostic::{Loc, Severity};
use crate::source::SourceMap;

use super::place;

pub fn json(outcome: &Outcome) -> Value {
    let sources = &outcome.sources;
    let diagnostics: Vec<Value> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let (file, range) = location(sources, d.primary);
            json!({
                "code": d.code,
                "lint": d.lint,
                "severity": d.severity.as_str(),
                "message": d.message,
                "file": file,
                "range": range,
                "labels": d.labels.iter().map(|label| {
                    let (file, range) = location(sources, Some(label.loc));
                    json!({"file": file, "range": range, "message": label.message})
                }).collect::<Vec<_>>(),
                "notes": d.notes,
                "help": d.help,
                "fixes": d.fixes.iter().map(|fix| json!({
                    "message": fix.message,
                    "edits": fix.edits.iter().map(|edit| {
                        let (file, range) = location(sources, Some(edit.loc));
                        json!({"file": file, "range": range, "replacement": edit.replacement})
                    }).collect::<Vec<_>>(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let interventions: Vec<Value> = outcome
        .interventions
        .iter()
        .map(|i| {
            json!({
                "name": i.name,
                "file": sources.get(i.file).map(|f| f.name.as_str()),
                "root": sources.get(i.root).map(|f| f.name.as_str()),
                "closes": changes(&i.closes),
                "opens": changes(&i.opens),
            })
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

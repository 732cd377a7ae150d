//! `ecospec diff --format json`: the comparison as one JSON document,
//! version [`DIFF_JSON_VERSION`], documented in `docs/src/diff-json.md` (with
//! its JSON Schema, `docs/src/diff-json.schema.json`). Keys in the order
//! written; places as in `check --format json` (1-based lines and columns
//! in characters, the end one past the last character).

use serde_json::{json, Value};

use crate::compare::{Comparison, DeclStatus, ErrorChange, FindingChange, Place, RootStatus};

/// Bumped when a key changes meaning or goes away (adding one is not).
pub const DIFF_JSON_VERSION: u32 = 1;

pub fn diff_json(c: &Comparison) -> Value {
    json!({
        "version": DIFF_JSON_VERSION,
        "base": c.base,
        "head": c.head,
        "verdict": {
            "fails": c.fails(),
            "new_gaps": c.new_gaps(),
            "opened_gaps": c.opened_gaps(),
            "raised": c.raised(),
            "opened": c.opened().count(),
            "closed": c.closed().count(),
            "closed_gaps": c.closed_gaps(),
            "declarations": c.declarations_changed(),
            "errors_introduced": c.errors_introduced.len(),
            "errors_fixed": c.errors_fixed.len(),
            "roots_moved": c.roots_moved(),
            "unchanged_roots": c.unchanged_roots,
        },
        "roots": c.roots.iter().map(|root| {
            let (status, from) = match &root.status {
                RootStatus::Kept => ("kept", None),
                RootStatus::Added => ("added", None),
                RootStatus::Removed => ("removed", None),
                RootStatus::Renamed(from) => ("renamed", Some(from)),
            };
            json!({
                "path": root.path,
                "status": status,
                "renamed_from": from,
                "declarations": root.declarations.iter().map(|d| {
                    let (change, fields) = match &d.status {
                        DeclStatus::Added => ("added", Vec::new()),
                        DeclStatus::Removed => ("removed", Vec::new()),
                        DeclStatus::Changed(fields) => ("changed", fields.clone()),
                    };
                    json!({
                        "kind": d.kind.keyword(),
                        "name": d.name,
                        "change": change,
                        "fields": fields,
                        "place": place(d.place.as_ref()),
                    })
                }).collect::<Vec<_>>(),
                "closed": root.closed.iter().map(|f| finding(f, "replaced_by")).collect::<Vec<_>>(),
                "opened": root.opened.iter().map(|f| finding(f, "replaces")).collect::<Vec<_>>(),
                "relevelled": root.relevelled.iter().map(|(f, before)| {
                    let mut value = finding(f, "");
                    if let Value::Object(map) = &mut value {
                        map.insert("level_before".to_string(), json!(before.as_str()));
                    }
                    value
                }).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
        "errors": {
            "introduced": c.errors_introduced.iter().map(error).collect::<Vec<_>>(),
            "fixed": c.errors_fixed.iter().map(error).collect::<Vec<_>>(),
        },
    })
}

fn finding(f: &FindingChange, rung_key: &str) -> Value {
    let mut value = json!({
        "code": f.code.as_str(),
        "lint": f.lint,
        "level": f.level.as_str(),
        "message": f.message,
        "place": place(f.place.as_ref()),
    });
    if let (Some(rung), Value::Object(map)) = (&f.rung, &mut value) {
        map.insert(
            rung_key.to_string(),
            json!({"code": rung.code.as_str(), "message": rung.message}),
        );
    }
    value
}

fn error(e: &ErrorChange) -> Value {
    json!({
        "code": e.code.as_str(),
        "message": e.message,
        "place": place(e.place.as_ref()),
    })
}

fn place(place: Option<&Place>) -> Value {
    match place {
        Some(p) => json!({
            "file": p.file,
            "line": p.start.line,
            "column": p.start.column,
            "end_line": p.end.line,
            "end_column": p.end.column,
        }),
        None => Value::Null,
    }
}

//! `--format sarif`: SARIF 2.1.0 for code scanning. One run; the driver
//! lists every code of the catalog as a rule (its explanation is the help);
//! results carry physical locations (columns in code points, as everywhere
//! in ecospec), labels as related locations and did-you-mean fixes.

use std::collections::HashMap;

use serde_json::{json, Map, Value};

use crate::catalog::{self, Rule};
use crate::check::Outcome;
use crate::code::Code;
use crate::diagnostic::{Loc, Severity};
use crate::lints::Level;
use crate::source::{FileId, Position};

use super::places::{percent_encoded, place, shown_bytes};

/// The base every relative artifact URI is resolved against: the folder
/// `ecospec` ran in, which in CI is the repository's root.
pub const SRCROOT: &str = "%SRCROOT%";

pub fn sarif(outcome: &Outcome) -> Value {
    let rules = catalog::rules();
    let index: HashMap<Code, usize> = rules.iter().enumerate().map(|(i, r)| (r.code, i)).collect();
    let results: Vec<Value> = outcome
        .diagnostics
        .iter()
        .map(|d| {
            let mut text = d.message.clone();
            for note in &d.notes {
                text.push_str(&format!("\nnote: {note}"));
            }
            if let Some(help) = &d.help {
                text.push_str(&format!("\nhelp: {help}"));
            }
            let mut result = Map::new();
            result.insert("ruleId".into(), json!(d.code));
            if let Some(i) = index.get(&d.code) {
                result.insert("ruleIndex".into(), json!(i));
            }
            result.insert("level".into(), json!(level(d.severity)));
            result.insert("message".into(), json!({"text": text}));
            if let Some(location) = d.primary.and_then(|loc| physical(outcome, loc)) {
                let mut location = Map::from_iter([("physicalLocation".to_string(), location)]);
                if !d.primary_label.is_empty() {
                    location.insert("message".into(), json!({"text": d.primary_label}));
                }
                result.insert("locations".into(), json!([location]));
            }
            let related: Vec<Value> = d
                .labels
                .iter()
                .filter_map(|label| {
                    physical(outcome, label.loc).map(|location| {
                        (location, label.message.clone())
                    })
                })
                .enumerate()
                .map(|(id, (location, message))| {
                    json!({"id": id, "physicalLocation": location, "message": {"text": message}})
                })
                .collect();
            if !related.is_empty() {
                result.insert("relatedLocations".into(), json!(related));
            }
            let fixes: Vec<Value> = d
                .fixes
                .iter()
                .filter_map(|fix| {
                    // One artifactChange per file, in order of first edit.
                    let mut changes: Vec<(Value, Vec<Value>)> = Vec::new();
                    for edit in &fix.edits {
                        let (Some((_, start, end)), Some(artifact)) = (
                            place(&outcome.sources, edit.loc),
                            artifact_of(outcome, edit.loc.file),
                        ) else {
                            continue;
                        };
                        let replacement = json!({
                            "deletedRegion": region(start, end),
                            "insertedContent": {"text": edit.replacement},
                        });
                        match changes.iter_mut().find(|(a, _)| *a == artifact) {
                            Some((_, list)) => list.push(replacement),
                            None => changes.push((artifact, vec![replacement])),
                        }
                    }
                    if changes.is_empty() {
                        return None;
                    }
                    Some(json!({
                        "description": {"text": fix.message},
                        "artifactChanges": changes.into_iter().map(|(artifact, replacements)| json!({
                            "artifactLocation": artifact,
                            "replacements": replacements,
                        })).collect::<Vec<_>>(),
                    }))
                })
                .collect();
            if !fixes.is_empty() {
                result.insert("fixes".into(), json!(fixes));
            }
            Value::Object(result)
        })
        .collect();
    let artifacts: Vec<Value> = outcome
        .sources
        .iter()
        .filter(|(_, file)| file.name.ends_with(".eco") || file.name.ends_with(".toml"))
        .map(|(_, file)| json!({"location": artifact_location(&shown_bytes(file))}))
        .collect();
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "ecospec",
                    "version": env!("CARGO_PKG_VERSION"),
                    "semanticVersion": env!("CARGO_PKG_VERSION"),
                    "informationUri": catalog::HOME_URL,
                    "rules": rules.iter().map(rule).collect::<Vec<_>>(),
                }
            },
            "originalUriBaseIds": {
                SRCROOT: {"description": {"text": "The folder ecospec ran in (the repository's root in CI)"}}
            },
            "artifacts": artifacts,
            "columnKind": "unicodeCodePoints",
            "results": results,
        }]
    })
}

fn rule(rule: &Rule) -> Value {
    let (enabled, level) = match rule.default {
        None | Some(Level::Deny) => (true, "error"),
        Some(Level::Warn) => (true, "warning"),
        Some(Level::Note) => (true, "note"),
        // An allowed lint is off until enabled, and then a warning.
        Some(Level::Allow) => (false, "warning"),
    };
    let kind = if rule.default.is_some() {
        "lint"
    } else {
        "error"
    };
    json!({
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.short},
        "fullDescription": {"text": rule.full},
        "help": {"text": rule.explanation, "markdown": rule.explanation},
        "helpUri": rule.help_uri(),
        "defaultConfiguration": {"enabled": enabled, "level": level},
        "properties": {"tags": ["ecospec", kind]},
    })
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Note => "note",
    }
}

fn physical(outcome: &Outcome, loc: Loc) -> Option<Value> {
    let (_, start, end) = place(&outcome.sources, loc)?;
    Some(json!({
        "artifactLocation": artifact_of(outcome, loc.file)?,
        "region": region(start, end),
    }))
}

fn region(start: Position, end: Position) -> Value {
    json!({
        "startLine": start.line,
        "startColumn": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    })
}

/// A file's artifact location: its path as shown (relative to the working
/// directory when under it), byte for byte.
fn artifact_of(outcome: &Outcome, id: FileId) -> Option<Value> {
    outcome
        .sources
        .get(id)
        .map(|file| artifact_location(&shown_bytes(file)))
}

/// A path as shown as a SARIF artifact location: relative against
/// `%SRCROOT%`, else a `file:` URI; percent-encoded byte for byte.
fn artifact_location(path: &[u8]) -> Value {
    let path: Vec<u8> = path
        .iter()
        .map(|b| {
            if *b == b'\\' && cfg!(windows) {
                b'/'
            } else {
                *b
            }
        })
        .collect();
    if path.starts_with(b"/") {
        json!({"uri": format!("file://{}", percent_encoded(&path))})
    } else {
        json!({"uri": percent_encoded(&path), "uriBaseId": SRCROOT})
    }
}

#[cfg(test)]
mod tests {
    // By the module's own path: the items under test are this file's.
    use crate::render::sarif::artifact_location;
    use serde_json::json;

    #[test]
    fn paths_become_uris() {
        assert_eq!(
            artifact_location("examples/all in/çevre.eco".as_bytes()),
            json!({"uri": "examples/all%20in/%C3%A7evre.eco", "uriBaseId": "%SRCROOT%"})
        );
        assert_eq!(
            artifact_location(b"/tmp/x.eco"),
            json!({"uri": "file:///tmp/x.eco"})
        );
    }
}

//! `what-if --losses` in each format: the ranking of single losses, each
//! with the findings (by identity: code, lint and subjects) it would open.

use std::fmt::Write as _;

use serde_json::{json, Value};

use crate::render::place;
use crate::scenario::losses::{Loss, Lost};
use crate::source::SourceMap;

use super::json::VERSION;
use super::tree::level_word;

fn kind(loss: &Loss) -> &'static str {
    loss.who.kind.keyword()
}

fn subjects(lost: &Lost, quote: bool) -> String {
    lost.subjects
        .iter()
        .map(|s| {
            if quote {
                format!("`{s}`")
            } else {
                s.to_string()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// What `--top` leaves out, said once at the end.
fn more(all: usize, shown: usize) -> Option<String> {
    (all > shown).then(|| {
        format!(
            "{} more loss{} open{} something (raise --top to see them)",
            all - shown,
            if all - shown == 1 { "" } else { "es" },
            if all - shown == 1 { "s" } else { "" }
        )
    })
}

/// A numbered list for a terminal: each loss and, under it, its findings.
pub fn human(losses: &[Loss], top: usize, applied: Option<&str>) -> String {
    let mut out = String::new();
    if let Some(name) = applied {
        let _ = writeln!(out, "with intervention `{name}` applied\n");
    }
    if losses.is_empty() {
        out.push_str(
            "no single actor, bridge or cluster, lost alone, opens a finding at warn or deny\n",
        );
        return out;
    }
    out.push_str("what losing each alone would open (findings at warn or deny), most first\n");
    for (i, loss) in losses.iter().take(top).enumerate() {
        let n = loss.opens.len();
        let _ = writeln!(
            out,
            "{}. {} ({}): opens {n} finding{}",
            i + 1,
            loss.name,
            kind(loss),
            if n == 1 { "" } else { "s" }
        );
        for (j, lost) in loss.opens.iter().enumerate() {
            let branch = if j + 1 == n { "└─" } else { "├─" };
            let _ = writeln!(
                out,
                "   {branch} {}[{}] {}: {}",
                level_word(lost.level),
                lost.lint.code,
                lost.lint.name,
                subjects(lost, false)
            );
        }
    }
    if let Some(more) = more(losses.len(), top.min(losses.len())) {
        let _ = writeln!(out, "{more}");
    }
    out
}

/// A table for a pull request or a report.
pub fn markdown(losses: &[Loss], top: usize, applied: Option<&str>) -> String {
    let mut out = String::from("### Single points of failure\n\n");
    if let Some(name) = applied {
        let _ = writeln!(out, "*with intervention `{name}` applied*\n");
    }
    if losses.is_empty() {
        out.push_str(
            "No single actor, bridge or cluster, lost alone, opens a finding at warn or deny.\n",
        );
        return out;
    }
    out.push_str("What losing each alone would open (findings at warn or deny), most first.\n\n");
    out.push_str("| # | loss | kind | opens | findings |\n|---|---|---|---|---|\n");
    for (i, loss) in losses.iter().take(top).enumerate() {
        let findings: Vec<String> = loss
            .opens
            .iter()
            .map(|lost| {
                format!(
                    "{} {} `{}` ({})",
                    level_word(lost.level),
                    lost.lint.code,
                    lost.lint.name,
                    subjects(lost, true)
                )
            })
            .collect();
        let _ = writeln!(
            out,
            "| {} | `{}` | {} | {} | {} |",
            i + 1,
            loss.name,
            kind(loss),
            loss.opens.len(),
            findings.join("<br>")
        );
    }
    if let Some(more) = more(losses.len(), top.min(losses.len())) {
        let _ = writeln!(out, "\n{more}.");
    }
    out
}

/// The ranking as JSON, version 1 (`docs/src/what-if.schema.json`).
pub fn json(
    losses: &[Loss],
    top: usize,
    applied: Option<&str>,
    root: &str,
    sources: &SourceMap,
) -> Value {
    let ranked: Vec<Value> = losses
        .iter()
        .take(top)
        .map(|loss| {
            let opens: Vec<Value> = loss
                .opens
                .iter()
                .map(|lost| {
                    let at = place(sources, lost.primary).map(|(file, start, _)| {
                        json!({"file": file, "line": start.line, "column": start.column})
                    });
                    json!({
                        "code": lost.lint.code.as_str(),
                        "lint": lost.lint.name,
                        "subjects": lost.subjects.iter().map(|s| &**s).collect::<Vec<_>>(),
                        "level": lost.level.as_str(),
                        "at": at,
                    })
                })
                .collect();
            json!({
                "kind": kind(loss),
                "name": &*loss.name,
                "count": loss.opens.len(),
                "opens": opens,
            })
        })
        .collect();
    json!({
        "version": VERSION,
        "root": root,
        "applied": applied,
        "losses": ranked,
        "total": losses.len(),
    })
}

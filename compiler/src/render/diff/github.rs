//! `ecospec diff --format github`: a workflow-command annotation for each
//! finding the change opens, each it raises to `warn` or `deny` and each
//! error it introduces, at its place in HEAD (`deny` an `::error`, `warn` a `::warning`, the rest `::notice`),
//! escaped as `check --format github` escapes.

use std::fmt::Write as _;

use crate::compare::{Comparison, FindingChange, Place};
use crate::lints::Level;

use super::super::github::{data, location, property};

pub fn diff_github(c: &Comparison) -> String {
    let mut out = String::new();
    for root in &c.roots {
        for f in &root.opened {
            let mut message = format!("opened by this change: {}", f.message);
            if let Some(rung) = &f.rung {
                let _ = write!(message, "\nreplaces {}: {}", rung.code, rung.message);
            }
            finding(&mut out, f, &message);
        }
    }
    for root in &c.roots {
        let raised = root
            .relevelled
            .iter()
            .filter(|(f, before)| f.level >= Level::Warn && *before < Level::Warn);
        for (f, before) in raised {
            let message = format!(
                "raised from {} by this change: {}",
                before.as_str(),
                f.message
            );
            finding(&mut out, f, &message);
        }
    }
    for e in &c.errors_introduced {
        let message = format!("introduced by this change: {}", e.message);
        annotate(
            &mut out,
            "error",
            e.place.as_ref(),
            e.code.as_str(),
            &message,
        );
    }
    out
}

fn finding(out: &mut String, f: &FindingChange, message: &str) {
    let title = format!("{} {}", f.code, f.lint);
    annotate(out, command(f.level), f.place.as_ref(), &title, message);
}

fn command(level: Level) -> &'static str {
    match level {
        Level::Deny => "error",
        Level::Warn => "warning",
        Level::Note | Level::Allow => "notice",
    }
}

fn annotate(out: &mut String, command: &str, place: Option<&Place>, title: &str, message: &str) {
    let mut properties = place
        .map(|p| location(&p.file, p.start, p.end))
        .unwrap_or_default();
    properties.push(format!("title={}", property(title)));
    let _ = writeln!(
        out,
        "::{command} {}::{}",
        properties.join(","),
        data(message)
    );
}

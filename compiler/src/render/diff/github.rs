//! `ecospec diff --format github`: a workflow-command annotation for each
//! finding the change opens and each error it introduces, at its place in
//! HEAD (`deny` an `::error`, `warn` a `::warning`, the rest `::notice`),
//! escaped as `check --format github` escapes.

use std::fmt::Write as _;

use crate::compare::{Comparison, Place};
use crate::lints::Level;

use super::super::github::{data, location, property};

pub fn diff_github(c: &Comparison) -> String {
    let mut out = String::new();
    for root in &c.roots {
        for f in &root.opened {
            let command = match f.level {
                Level::Deny => "error",
                Level::Warn => "warning",
                Level::Note | Level::Allow => "notice",
            };
            let mut message = format!("opened by this change: {}", f.message);
            if let Some(rung) = &f.rung {
                let _ = write!(message, "\nreplaces {}: {}", rung.code, rung.message);
            }
            let title = format!("{} {}", f.code, f.lint);
            annotate(&mut out, command, f.place.as_ref(), &title, &message);
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

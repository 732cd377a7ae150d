//! `--format short`: `file:line:column: severity[code]: message`, one line
//! each (control characters of names and messages escaped: `\n`).

use std::fmt::Write as _;

use crate::check::Outcome;

use super::places::{escape_controls, place};
use super::summary::PRINT_CAP;

pub fn short(outcome: &Outcome) -> String {
    let mut out = String::new();
    for d in outcome.diagnostics.iter().take(PRINT_CAP) {
        let at = d
            .primary
            .and_then(|loc| place(&outcome.sources, loc))
            .map(|(file, start, _)| {
                format!(
                    "{}:{}:{}: ",
                    escape_controls(file),
                    start.line,
                    start.column
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            out,
            "{at}{}[{}]: {}",
            d.severity.as_str(),
            d.code,
            escape_controls(&d.message)
        );
    }
    let more = outcome.diagnostics.len().saturating_sub(PRINT_CAP);
    if more > 0 {
        let _ = writeln!(out, "... and {more} more (`--format json` lists them all)");
    }
    out
}
